"""Permissions of participatie, one module per concern (discovered by django-rules)."""

from participatie.trajecten import rules as trajecten_rules  # noqa: F401
from participatie.vragen import rules as vragen_rules  # noqa: F401
