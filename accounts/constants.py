from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """Staff roles. Stored as auth groups so functioneel beheer can assign them in the admin."""

    KERNAMBTENAAR = "kernambtenaar", _("Kernambtenaar")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    TEAMMANAGER = "teammanager", _("Teammanager")
    KERNWETHOUDER = "kernwethouder", _("Kernwethouder")
    COLLEGE = "college", _("College van B en W")
    COORDINATOR_SIGNALERING = "coordinator-signalering", _("Coördinator signaleringsgroepen")
    FUNCTIONEEL_BEHEER = "functioneel-beheer", _("Functioneel beheer")
