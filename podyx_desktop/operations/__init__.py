"""Named operations: one function per user-level write (see __init__)."""
