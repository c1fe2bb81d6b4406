from django.apps import AppConfig


class KerngerichtConfig(AppConfig):
    """The project package. It has no models of its own any more: its migrations only keep
    the history of the tables that moved to `core` and `monitoring` (see docs/architecture.md)."""

    name = "kerngericht"
    verbose_name = "Kerngericht portaal"
