"""Permissions and rules of participatie; each concern registers its own."""

from participatie.trajecten import rules as trajecten_rules  # noqa: F401
