"""The residents' voting round (leefbaarheidsbudget, from 2022)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import (
    KandidaatStatus,
    KandidaatUitkomst,
    StemrondeFase,
)
from .aanvragen import Aanvraag
from .regelingen import NIET_NEGATIEF


class Stemronde(models.Model):
    """One yearly voting round per kern: residents divide the kern's leefbaarheidsbudget.

    See docs/decisions/0008-leefbaarheid-stemronde.md.
    """

    kern = models.ForeignKey(
        "kernen.Kern", verbose_name=_("kern"), on_delete=models.PROTECT, related_name="stemrondes"
    )
    jaar = models.PositiveSmallIntegerField(
        _("budgetjaar"), help_text=_("Het jaar van het leefbaarheidsbudget dat wordt verdeeld.")
    )
    fase = models.CharField(
        _("fase"),
        max_length=20,
        choices=StemrondeFase.choices,
        default=StemrondeFase.VOORBEREIDING,
        db_index=True,
    )
    stemmen_van = models.DateField(_("stemmen kan vanaf"))
    stemmen_tot = models.DateField(_("stemmen kan tot en met"))
    toelichting = models.TextField(_("uitleg voor inwoners"), blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    geopend_op = models.DateTimeField(_("geopend op"), null=True, blank=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    verdeeld_op = models.DateTimeField(_("verdeeld op"), null=True, blank=True)
    verdeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beschikbaar_bij_verdeling = models.DecimalField(
        _("vrij budget bij de verdeling"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar", "kern__naam"]
        verbose_name = _("stemronde")
        verbose_name_plural = _("stemrondes")
        constraints = [
            models.UniqueConstraint(fields=["kern", "jaar"], name="uniek_stemronde_kern_jaar"),
            models.CheckConstraint(
                condition=models.Q(stemmen_tot__gte=models.F("stemmen_van")),
                name="stemronde_periode_klopt",
            ),
        ]

    def __str__(self) -> str:
        return f"Stemronde {self.kern} {self.jaar}"

    def get_absolute_url(self) -> str:
        return reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": self.pk})

    # The phase as booleans, for templates (they never compare phase strings).
    @property
    def in_voorbereiding(self) -> bool:
        return self.fase == StemrondeFase.VOORBEREIDING

    @property
    def is_open(self) -> bool:
        return self.fase == StemrondeFase.OPEN

    @property
    def is_verdeeld(self) -> bool:
        return self.fase == StemrondeFase.VERDEELD


class Kandidaat(models.Model):
    """An aanvraag the kernambtenaar assessed for a round: admitted, or not (with a reason).

    `titel` and `omschrijving` are the public texts (the kernambtenaar removes names and
    addresses); public pages read only this model, never the Aanvraag.
    """

    stemronde = models.ForeignKey(
        Stemronde, verbose_name=_("stemronde"), on_delete=models.CASCADE, related_name="kandidaten"
    )
    aanvraag = models.OneToOneField(
        Aanvraag, verbose_name=_("aanvraag"), on_delete=models.PROTECT, related_name="kandidatuur"
    )
    status = models.CharField(_("doet mee"), max_length=20, choices=KandidaatStatus.choices)
    reden = models.TextField(_("reden"), blank=True)
    titel = models.CharField(_("naam voor inwoners"), max_length=150)
    omschrijving = models.TextField(_("uitleg voor inwoners"))
    gevraagd_bedrag = models.DecimalField(
        _("gevraagd bedrag"), max_digits=10, decimal_places=2, validators=NIET_NEGATIEF
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), default=timezone.now)
    # Filled in when the round is divided.
    stemmen = models.PositiveIntegerField(_("stemmen"), null=True, blank=True)
    plaats = models.PositiveSmallIntegerField(_("plaats"), null=True, blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=20, choices=KandidaatUitkomst.choices, blank=True
    )
    toegekend_bedrag = models.DecimalField(
        _("toegekend bedrag"),
        null=True,
        blank=True,
        max_digits=10,
        decimal_places=2,
        validators=NIET_NEGATIEF,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plaats", "titel", "pk"]
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=KandidaatStatus.NIET_TOEGELATEN) | ~models.Q(reden=""),
                name="kandidaat_weigering_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return self.titel


class Stembiljet(models.Model):
    """One ballot per email address per round (approval voting: several initiatives).

    `steunt` holds the confirmed choice and only changes when the voter confirms through the
    mailed link; `voorlopige_keuze` holds a choice that waits for that confirmation. Voting
    again with the same address replaces the choice once the new link is confirmed.
    """

    stemronde = models.ForeignKey(
        Stemronde,
        verbose_name=_("stemronde"),
        on_delete=models.CASCADE,
        related_name="stembiljetten",
    )
    email = models.EmailField(_("e-mailadres"))
    postcode = models.CharField(_("postcode (eigen opgave)"), max_length=7, blank=True)
    steunt = models.ManyToManyField(
        Kandidaat, verbose_name=_("steunt"), related_name="stembiljetten", blank=True
    )
    voorlopige_keuze = models.JSONField(_("keuze die wacht op bevestiging"), default=list)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    link_versie = models.PositiveIntegerField(_("versie bevestigingslink"), default=1)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # After the division the address is replaced by a keyed hash (see ADR 0008).
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("stembiljet")
        verbose_name_plural = _("stembiljetten")
        constraints = [
            # Case-insensitive: Anna@X.nl and anna@x.nl are the same voter.
            models.UniqueConstraint(
                "stemronde", Lower("email"), name="een_stembiljet_per_email_per_ronde"
            ),
        ]

    def __str__(self) -> str:
        return f"Stembiljet {self.pk} ({self.stemronde})"
