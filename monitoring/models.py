from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Onderdeel(models.TextChoices):
    """The parts of the plan's planning table (uitvoeringsplan, chapter 6)."""

    MEDEWERKERS = "medewerkers", _("Onze medewerkers")
    KERNAMBTENAREN_INWONERS = "kernambtenaren-inwoners", _("Kernambtenaren en actieve inwoners")
    VERBONDEN_PARTIJEN = "verbonden-partijen", _("Verbonden partijen")
    SAMENLEVING = "samenleving", _("Samenleving")
    KERNAMBTENAAR_PER_KERN = "kernambtenaar-per-kern", _("Iedere kern een kernambtenaar")
    BESTUURLIJK = "bestuurlijk", _("Bestuurlijk")
    MONITORING = "monitoring", _("Monitoring en evaluatie")


class ActiepuntStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    LOOPT = "loopt", _("Loopt")
    GEREED = "gereed", _("Gereed")
    VERTRAAGD = "vertraagd", _("Vertraagd")


class Actiepunt(models.Model):
    """One action point of the plan, tracked by the college and functioneel beheer.

    `uiterlijk_op` is the last day of the planned period (end of the quarter or year);
    it is empty for ongoing work ("Doorlopend"). Status changes go through
    `monitoring.services.actiepunt_status_wijzigen`; django-simple-history keeps every
    version.
    """

    _history_user: object  # set by the service: django-simple-history records who

    sleutel = models.SlugField(_("sleutel"), max_length=60, unique=True)
    onderdeel = models.CharField(_("onderdeel"), max_length=30, choices=Onderdeel.choices)
    omschrijving = models.TextField(_("omschrijving"))
    planning = models.CharField(
        _("planning"), max_length=20, help_text=_("Zoals in het plan: Q1 2021, 2025 of Doorlopend.")
    )
    uiterlijk_op = models.DateField(
        _("uiterlijk klaar op"),
        null=True,
        blank=True,
        help_text=_("Laatste dag van het kwartaal of jaar. Leeg bij doorlopend werk."),
    )
    eigenaar = models.CharField(
        _("eigenaar"), max_length=120, blank=True, help_text=_("Rol of persoon.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActiepuntStatus.choices,
        default=ActiepuntStatus.GEPLAND,
        db_index=True,
    )
    notitie = models.CharField(_("korte notitie"), max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(table_name="kerngericht_historicalactiepunt")

    class Meta:
        db_table = "kerngericht_actiepunt"  # the table from before the move
        ordering = ["volgorde", "pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self) -> str:
        return f"{self.get_onderdeel_display()}: {self.omschrijving[:60]}"

    def is_te_laat(self, peildatum) -> bool:
        """Not finished while its planned period ended before `peildatum`."""
        return (
            self.status != ActiepuntStatus.GEREED
            and self.uiterlijk_op is not None
            and self.uiterlijk_op < peildatum
        )
