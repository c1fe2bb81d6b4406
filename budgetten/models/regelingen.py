"""The regelingen and their amounts per year."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import (
    RegelingCode,
    Scope,
)

# Every money field: ten digits, two decimals, never negative.
NIET_NEGATIEF = [MinValueValidator(Decimal("0"))]


class Regeling(models.Model):
    code = models.CharField(_("code"), max_length=30, choices=RegelingCode.choices, unique=True)
    naam = models.CharField(_("naam"), max_length=120)
    scope = models.CharField(_("plafond geldt"), max_length=20, choices=Scope.choices)
    omschrijving = models.TextField(_("uitleg voor inwoners"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def __str__(self) -> str:
        return self.naam


class RegelingJaar(models.Model):
    """The amounts of a regeling for one calendar year: the council changes data, not code."""

    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.PROTECT, related_name="jaren"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    plafond = models.DecimalField(
        _("plafond per jaar"),
        null=True,
        blank=True,
        help_text=_("Budget per kern, per groep of voor de hele gemeente; leeg als er geen is."),
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    max_per_aanvraag = models.DecimalField(
        _("maximaal per aanvraag"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    vrijwilligersvergoeding = models.DecimalField(
        _("vrijwilligersvergoeding coördinator"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )

    min_steun = models.PositiveIntegerField(
        _("minimaal aantal steunbetuigingen"),
        default=0,
        help_text=_(
            "Zoveel inwoners moeten een gekoppeld initiatief hebben gesteund (bevestigd per "
            "e-mail) voordat er geld wordt toegekend. 0: geen minimum."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["regeling", "-jaar"]
        verbose_name = _("bedragen per jaar")
        verbose_name_plural = _("bedragen per jaar")
        constraints = [
            models.UniqueConstraint(fields=["regeling", "jaar"], name="uniek_regeling_jaar"),
            models.CheckConstraint(
                condition=models.Q(plafond__isnull=True) | models.Q(plafond__gte=0),
                name="regelingjaar_plafond_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regeling} {self.jaar}"
