"""Hooks of participatie (kerngericht.hooks), one module per concern."""

from participatie.vragen.portaal import (  # noqa: F401
    dashboard_panel,
    persoonlijke_links,
    startpagina_links,
)
