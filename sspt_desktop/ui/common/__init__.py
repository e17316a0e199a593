"""Small helpers every area of the user interface shares: domain wording, placeholders, tooltips."""
