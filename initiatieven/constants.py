from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiatiefStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    INFORMATIE_GEVRAAGD = "informatie_gevraagd", _("Aanvullende informatie gevraagd")
    TOEGEZEGD = "toegezegd", _("Toegezegd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    UITGEVOERD = "uitgevoerd", _("Uitgevoerd")
    AFGEROND = "afgerond", _("Afgerond")
