"""migrations layer."""
