"""The residents' voting round (leefbaarheidsbudget, from 2022)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from initiatieven.models import SteunBasis

from ..constants import (
    KandidaatStatus,
    KandidaatUitkomst,
    StemPer,
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
    stem_per = models.CharField(
        _("wie stemt"),
        max_length=10,
        choices=StemPer.choices,
        default=StemPer.ADRES,
        help_text=_(
            "Per adres: op elk adres in de kern telt één stem, ook als er meer mensen wonen. "
            "Per persoon: elke bewoner stemt met een eigen e-mailadres; het adres moet wel in "
            "de kern liggen. In beide gevallen telt per e-mailadres één stem."
        ),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    geopend_op = models.DateTimeField(_("geopend op"), null=True, blank=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Who closed it; empty when the periodic task closed it after the last voting day.
    gesloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Set when the kernambtenaren were mailed that voting closed: they are told once.
    sluiting_gemeld_op = models.DateTimeField(_("sluiting gemeld op"), null=True, blank=True)
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

    @property
    def stand(self):
        """The one state residents see (regels.stemronde_stand), for today."""
        from ..regels import stemronde_stand

        return stemronde_stand(
            fase=self.fase,
            stemmen_van=self.stemmen_van,
            stemmen_tot=self.stemmen_tot,
            vandaag=timezone.localdate(),
        )

    @property
    def per_adres(self) -> bool:
        return self.stem_per == StemPer.ADRES


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
    """One ballot (approval voting: several initiatives) per email address per round, and per
    address when the round counts per address (`adres_sleutel`, unique per round).

    `steunt` holds the confirmed choice; `voorlopige_keuze` the choice that waits for the
    mailed link. A ballot is never replaced: a second one for the same address or email is
    refused. A paper ballot (`ingevoerd_door` set) has no email and counts at once.
    """

    stemronde = models.ForeignKey(
        Stemronde,
        verbose_name=_("stemronde"),
        on_delete=models.CASCADE,
        related_name="stembiljetten",
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    # "4116AA 12 A": filled when the round counts one ballot per address, else NULL (NULLs
    # do not collide in the unique constraint below). Cleared when anonymised.
    adres_sleutel = models.CharField(_("adres"), max_length=30, null=True, blank=True)
    # A paper ballot: the member of staff who entered it.
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The one reminder to confirm: set before it is sent, so it goes out once.
    herinnerd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    steunt = models.ManyToManyField(
        Kandidaat, verbose_name=_("steunt"), related_name="stembiljetten", blank=True
    )
    voorlopige_keuze = models.JSONField(_("keuze die wacht op bevestiging"), default=list)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    link_versie = models.PositiveIntegerField(_("versie bevestigingslink"), default=1)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # After the division the address is replaced by a keyed hash (see ADR 0008).
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    # A disputed paper ballot annulled by staff (services.papieren_stem_annuleren): it no
    # longer counts but stays, with who, when and why, as the audit of the round.
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    geannuleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geannuleerd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    annuleer_reden = models.TextField(_("reden van annuleren"), blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("stembiljet")
        verbose_name_plural = _("stembiljetten")
        constraints = [
            # Case-insensitive: Anna@X.nl and anna@x.nl are the same voter.
            models.UniqueConstraint(
                "stemronde",
                Lower("email"),
                condition=~models.Q(email=""),
                name="een_stembiljet_per_email_per_ronde",
            ),
            models.UniqueConstraint(
                fields=["stemronde", "adres_sleutel"], name="een_stembiljet_per_adres_per_ronde"
            ),
            # A ballot comes from a confirmed email address or from a member of staff.
            models.CheckConstraint(
                condition=~models.Q(email="") | models.Q(ingevoerd_door__isnull=False),
                name="stembiljet_email_of_papier",
            ),
            # Only paper ballots are annulled, and never without who and why.
            models.CheckConstraint(
                condition=models.Q(geannuleerd_op__isnull=True)
                | (
                    models.Q(ingevoerd_door__isnull=False, geannuleerd_door__isnull=False)
                    & ~models.Q(annuleer_reden="")
                ),
                name="stembiljet_annuleren_papier_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Stembiljet {self.pk} ({self.stemronde})"

    @property
    def is_papier(self) -> bool:
        return self.ingevoerd_door_id is not None

    @property
    def is_geannuleerd(self) -> bool:
        return self.geannuleerd_op is not None


class KandidaatSteun(SteunBasis):
    """A resident supports a voting candidate with their e-mail address (draagvlak), the same
    mechanism as support for an initiative (initiatieven.Steun): confirmed by mail, one per
    address per candidate (the constraint below), withdrawable through the personal link.

    Support is not a vote: it is given while the round is open, shows how many residents back
    the plan, and counts toward the regeling's minimum of supporters (RegelingJaar.min_steun,
    see selectors.steun_aantallen_kandidaten for how it adds up with the linked initiative).
    """

    kandidaat = models.ForeignKey(
        Kandidaat,
        verbose_name=_("kandidaat"),
        on_delete=models.CASCADE,
        related_name="steunbetuigingen",
    )

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("steunbetuiging voor een kandidaat")
        verbose_name_plural = _("steunbetuigingen voor kandidaten")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "kandidaat", name="steun_een_per_adres_per_kandidaat"
            ),
        ]

    def __str__(self) -> str:
        return f"Steun kandidaat {self.kandidaat_id}"
