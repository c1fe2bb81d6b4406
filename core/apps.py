from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses: personal links, mail and its outbox, resident contact, form
    fields, the hooks that compose pages, and the site's own pages."""

    name = "core"
    verbose_name = "Portaal"
