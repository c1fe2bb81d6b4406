"""Applications for money, and their cost lines."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import InwonerContact

from ..constants import (
    STATUS_MET_GELD,
    SUBSIDIABELE_CATEGORIEEN,
    AanvraagStatus,
    ActiviteitSoort,
    Doelgroep,
    KostenCategorie,
)
from .regelingen import NIET_NEGATIEF, Regeling


class AanvraagQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.exclude(status="onbevestigd")

    def met_relaties(self):
        return self.select_related("regeling", "kern", "initiatief", "besluit_door", "advies_door")


class Aanvraag(InwonerContact):
    """An application for money (or help) from one of the regelingen, by an inwoner."""

    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.PROTECT, related_name="aanvragen"
    )
    kern = models.ForeignKey(
        "kernen.Kern", verbose_name=_("kern"), on_delete=models.PROTECT, related_name="aanvragen"
    )
    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        verbose_name=_("initiatief"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budgetaanvragen",
    )
    titel = models.CharField(_("naam van de activiteit"), max_length=150)
    omschrijving = models.TextField(_("wat gaat u doen en waarom"))
    activiteit_datum = models.DateField(_("datum van de activiteit"))
    jaar = models.PositiveSmallIntegerField(
        _("telt mee in jaar"), db_index=True, help_text=_("Het jaar van de activiteit.")
    )
    straat = models.CharField(_("straat of buurt"), max_length=150, blank=True)
    activiteit_soort = models.CharField(
        _("soort activiteit"), max_length=30, choices=ActiviteitSoort.choices, blank=True
    )
    doelgroep = models.CharField(
        _("doelgroep"), max_length=30, choices=Doelgroep.choices, blank=True
    )
    criteria = models.JSONField(_("antwoorden op de voorwaarden"), default=dict, blank=True)
    draagvlak = models.TextField(_("draagvlak"), blank=True)
    gevraagd_bedrag = models.DecimalField(
        _("gevraagd bedrag"), max_digits=10, decimal_places=2, validators=NIET_NEGATIEF
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanvraagStatus.choices,
        default=AanvraagStatus.ONBEVESTIGD,
        db_index=True,
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)

    advies = models.TextField(_("advies van de kernambtenaar"), blank=True)
    advies_bedrag = models.DecimalField(
        _("geadviseerd bedrag"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    advies_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advies door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    advies_op = models.DateTimeField(_("advies op"), null=True, blank=True)

    toegekend_bedrag = models.DecimalField(
        _("toegekend bedrag"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    motivering = models.TextField(_("motivering van het besluit"), blank=True)
    besluit_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besluit door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    besluit_op = models.DateTimeField(_("besluit op"), null=True, blank=True)
    betaald_bedrag = models.DecimalField(
        _("betaald"),
        default=Decimal("0"),
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    vastgesteld_bedrag = models.DecimalField(
        _("vastgesteld bedrag"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    verantwoording = models.TextField(_("verantwoording"), blank=True)

    history = HistoricalRecords()
    objects = AanvraagQuerySet.as_manager()

    class Meta:
        ordering = ["-ingediend_op"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [
            models.Index(fields=["regeling", "jaar", "status"]),
            # The staff list's order, and decisions per period (monitoring, figures).
            models.Index(fields=["-ingediend_op", "-id"], name="aanvraag_ingediend_idx"),
            models.Index(fields=["besluit_op"], name="aanvraag_besluit_op_idx"),
            # The staff list's count per kernambtenaar (kern IN their kernen), index only.
            models.Index(fields=["kern", "status"], name="aanvraag_kern_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(toegekend_bedrag__isnull=True)
                | models.Q(betaald_bedrag__lte=models.F("toegekend_bedrag")),
                name="aanvraag_niet_meer_betaald_dan_toegekend",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("budgetten:aanvraag_detail", kwargs={"aanvraag_pk": self.pk})

    @property
    def actueel_bedrag(self) -> Decimal:
        """The money this aanvraag holds in the ledger now (granted, or settled lower)."""
        if self.status not in STATUS_MET_GELD:
            return Decimal("0")
        if self.vastgesteld_bedrag is not None:
            return self.vastgesteld_bedrag
        return self.toegekend_bedrag or Decimal("0")


class Kostenpost(models.Model):
    """One cost line of a street event, by category (eligible or excluded)."""

    aanvraag = models.ForeignKey(
        Aanvraag, verbose_name=_("aanvraag"), on_delete=models.CASCADE, related_name="kostenposten"
    )
    categorie = models.CharField(_("soort kosten"), max_length=20, choices=KostenCategorie.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=150)
    bedrag = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=NIET_NEGATIEF
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_subsidiabel(self) -> bool:
        return self.categorie in SUBSIDIABELE_CATEGORIEEN
