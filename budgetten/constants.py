from django.db import models
from django.utils.translation import gettext_lazy as _


class RegelingCode(models.TextChoices):
    STRAATBIJEENKOMST = "straatbijeenkomst", _("Bijdrage straat- of buurtbijeenkomst")
    LEEFBAARHEID = "leefbaarheid", _("Leefbaarheidsbudget")
    BIJZONDER = "bijzonder", _("Bijzondere initiatieven")
    SIGNALERING = "signalering", _("Signaleringsgroepen")


class Scope(models.TextChoices):
    """Over what the yearly cap (plafond) of a regeling is counted."""

    ACTIVITEIT = "activiteit", _("per activiteit")
    KERN = "kern", _("per kern")
    GEMEENTE = "gemeente", _("voor de hele gemeente")
    GROEP = "groep", _("per signaleringsgroep")
