from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OtpStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OtpTotpConfig


class AccountsConfig(AppConfig):
    # This module holds more configs (below): say which one "accounts" means.
    default = True
    name = "accounts"
    verbose_name = "Medewerkers en rollen"

    def ready(self):
        from .tweede_factor import nederlandse_namen

        nederlandse_namen()


# The sign-in apps of other packages under a Dutch name in the admin (Django's way to rename
# a third-party app: its config, subclassed, in INSTALLED_APPS). Labels stay the same.
class TotpConfig(OtpTotpConfig):
    verbose_name = "Tweede factor: authenticator-apps"


class ReservecodesConfig(OtpStaticConfig):
    verbose_name = "Tweede factor: reservecodes"


class InlogpogingenConfig(AxesAppConfig):
    verbose_name = "Inlogbeveiliging"
