from django.core.management.base import BaseCommand
from django.db import transaction

from core.discovery import app_modules


class Command(BaseCommand):
    help = "Laadt de vaste gegevens (kernen, gebieden, teams, rollen, regelingen); herhaalbaar."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in app_modules("seed"):
                module.seed()
                self.stdout.write(f"  seed: {module.__name__}")
        self.stdout.write(self.style.SUCCESS("Vaste gegevens staan klaar."))
