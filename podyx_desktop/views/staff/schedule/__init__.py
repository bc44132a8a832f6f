"""The staff schedule: the painted grid (canvas) and the place around it."""
