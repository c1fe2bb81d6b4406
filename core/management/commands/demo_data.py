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
            for module in app_modules("demo"):
                module.load()
        from accounts.demo import print_accounts

        print_accounts(self.stdout)
