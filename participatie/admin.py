"""Admin of participatie; one module per concern."""

from participatie.trajecten import admin as _trajecten_admin  # noqa: F401
