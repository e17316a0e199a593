"""Shipped data: the agenda, the intervention library, stylesheets and sounds (seed named beside each)."""
