from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses: personal links, mail and its outbox, resident contact, form
    fields, the hooks that compose pages, and the site's own pages."""

    name = "core"
    verbose_name = "Portaal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .beveiliging import activiteit_bij_inloggen

        user_logged_in.connect(activiteit_bij_inloggen, dispatch_uid="kg-activiteit")

        from . import medewerker_cache, publiek_cache

        publiek_cache.signalen_koppelen()
        medewerker_cache.signalen_koppelen()

        from django.core import checks

        from .juridisch import controleer

        # The legal pages' data files: a missing required field stops the deploy.
        checks.register(controleer)
