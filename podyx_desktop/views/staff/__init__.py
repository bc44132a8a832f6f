"""The staff window."""
