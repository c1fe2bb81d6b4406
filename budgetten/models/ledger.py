"""The ledger: one row per regeling, scope and year."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .regelingen import NIET_NEGATIEF, Regeling


class Budgetpost(models.Model):
    """The ledger row of one regeling for one scope (kern, group, municipality) and one year.

    Every write that moves money locks this row (select_for_update) and re-checks the free
    amount; the CheckConstraint makes the database refuse an overspent row even if a code path
    forgot to check. `budget` is empty for a regeling without a yearly cap (street events).
    """

    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.PROTECT, related_name="posten"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    scope_sleutel = models.CharField(
        _("scope"), max_length=40, help_text=_("kern-<id>, groep-<id>, gemeente of coordinator")
    )
    kern = models.ForeignKey(
        "kernen.Kern",
        verbose_name=_("kern"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetposten",
    )
    groep = models.ForeignKey(
        "kernen.Signaleringsgroep",
        verbose_name=_("signaleringsgroep"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetposten",
    )
    budget = models.DecimalField(
        _("budget"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    vastgelegd = models.DecimalField(
        _("vastgelegd (toegekend, nog niet betaald)"),
        default=Decimal("0"),
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )
    betaald = models.DecimalField(
        _("betaald"),
        default=Decimal("0"),
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "regeling", "scope_sleutel"]
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budgetposten")
        constraints = [
            models.UniqueConstraint(
                fields=["regeling", "jaar", "scope_sleutel"], name="uniek_budgetpost"
            ),
            models.CheckConstraint(
                condition=models.Q(vastgelegd__gte=0) & models.Q(betaald__gte=0),
                name="budgetpost_niet_negatief",
            ),
            models.CheckConstraint(
                condition=models.Q(budget__isnull=True)
                | models.Q(vastgelegd__lte=models.F("budget") - models.F("betaald")),
                name="budgetpost_binnen_budget",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regeling} {self.scope_sleutel} {self.jaar}"

    @property
    def vrij(self) -> Decimal | None:
        if self.budget is None:
            return None
        return self.budget - self.vastgelegd - self.betaald
