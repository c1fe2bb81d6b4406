"""Choices of the vragen concern (residents' questions and the one-week answer)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VraagSoort(models.TextChoices):
    VRAAG = "vraag", _("Vraag")
    SIGNAAL = "signaal", _("Signaal of melding")


class Kanaal(models.TextChoices):
    PORTAAL = "portaal", _("Via de website")
    DORPSHUIS = "dorpshuis", _("In het dorpshuis of spreekuur")
    TELEFOON = "telefoon", _("Telefonisch")
    STRAAT = "straat", _("Op straat")
    EMAIL = "email", _("Per e-mail")


class VraagStatus(models.TextChoices):
    """Lifecycle. Only vragen.services moves a vraag between these."""

    NIEUW = "nieuw", _("Nieuw, nog niet doorgestuurd")
    DOORGESTUURD = "doorgestuurd", _("Doorgestuurd, wacht op antwoord")
    TERUGGEGEVEN = "teruggegeven", _("Teruggegeven aan de kernambtenaar")
    PROCESANTWOORD = "procesantwoord", _("Procesantwoord gegeven, inhoudelijk antwoord volgt")
    BEANTWOORD = "beantwoord", _("Beantwoord")


OPEN_STATUSSEN = (
    VraagStatus.NIEUW,
    VraagStatus.DOORGESTUURD,
    VraagStatus.TERUGGEGEVEN,
    VraagStatus.PROCESANTWOORD,
)
ROUTEERBAAR = (VraagStatus.NIEUW, VraagStatus.DOORGESTUURD, VraagStatus.TERUGGEGEVEN)
BEANTWOORDBAAR = (VraagStatus.DOORGESTUURD, VraagStatus.PROCESANTWOORD)


class AntwoordSoort(models.TextChoices):
    INHOUDELIJK = "inhoudelijk", _("Inhoudelijk antwoord")
    PROCES = "proces", _("Procesantwoord (we werken eraan, antwoord volgt op een datum)")


class RouteringSoort(models.TextChoices):
    DOORGESTUURD = "doorgestuurd", _("Doorgestuurd")
    TERUGGEGEVEN = "teruggegeven", _("Teruggegeven")


class HerinneringSoort(models.TextChoices):
    """What the sweep sends; each once per vraag per tracked deadline (volgnummer)."""

    LAATSTE_DAG = "laatste-dag", _("Vooraankondiging: laatste dag")
    HERINNERING = "herinnering", _("Herinnering: termijn verstreken")
    MELDING_KERNAMBTENAAR = "melding-kernambtenaar", _("Melding aan kernambtenaar")
    ESCALATIE = "escalatie", _("Escalatie naar teammanager")


class Termijnstatus(models.TextChoices):
    """Status text of a tracked deadline, shown as words (never colour alone)."""

    OP_TIJD = "op-tijd", _("Op tijd")
    VANDAAG = "vandaag", _("Vandaag")
    TE_LAAT = "te-laat", _("Te laat")
    BEANTWOORD = "beantwoord", _("Beantwoord")


MAX_TEKST = 5000
MAX_ONDERWERP = 150
