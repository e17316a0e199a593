"""Printed-form definitions and their wording, one folder per language."""
