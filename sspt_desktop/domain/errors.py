"""Errors the domain raises for input a person or a file got wrong.

They carry a message meant for the person: what is wrong and what a right value looks like.
"""


class InvalidInput(ValueError):
    """A value typed by a person or read from a file that the domain cannot accept."""
