"""Podyx Desktop: a recording studio's client profile and front desk, as a desktop app."""

__version__ = "0.1.0"
APP_NAME = "Podyx Desktop"
ORGANIZATION = "Podyx"
