"""SSPT Desktop: runs a Student Support and Progress Team meeting offline, with an encrypted record."""

__version__ = "0.1.0"
