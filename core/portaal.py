"""Core's own links on the staff start page (core.hooks)."""

from django.utils.translation import gettext_lazy

from .hooks import StartLink

STARTPAGINA = [
    StartLink(
        permissie="core.view_privacyverzoeken",
        label=gettext_lazy("Privacyverzoeken"),
        url_naam="core:privacyverzoeken",
        uitleg=gettext_lazy("Inwoners die vroegen hun gegevens te verwijderen."),
    ),
]
