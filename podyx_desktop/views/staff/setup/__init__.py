"""The Set-up place of the staff window: one module per group of sections."""
