from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.discovery import app_modules


class Command(BaseCommand):
    help = "Laadt demogegevens (accounts per rol, voorbeeldinitiatieven). Nooit in productie."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demogegevens alleen met DEBUG=1 (nooit in productie).")
        with transaction.atomic():
            modules = list(app_modules("demo"))
            for module in modules:
                module.load()
        # A demo module may tell the developer what it made (the accounts, their roles).
        for module in modules:
            if hasattr(module, "samenvatting"):
                module.samenvatting(self.stdout)
