from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from accounts.demo import DEMO_TOTP_KEY_HEX


class Command(BaseCommand):
    help = "Toont de huidige inlogcode (TOTP) van de demo-accounts. Alleen met DEBUG=1."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen beschikbaar met DEBUG=1.")
        code = totp(bytes.fromhex(DEMO_TOTP_KEY_HEX))
        self.stdout.write(f"{code:06d}")
