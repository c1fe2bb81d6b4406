"""Permissions of participatie, one module per concern (discovered by django-rules)."""

from participatie.vragen import rules as vragen_rules  # noqa: F401
