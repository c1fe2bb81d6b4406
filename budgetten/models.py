import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import InwonerContact

from .constants import (
    STATUS_MET_GELD,
    SUBSIDIABELE_CATEGORIEEN,
    AanvraagStatus,
    ActiviteitSoort,
    DeclaratieStatus,
    Doelgroep,
    KandidaatStatus,
    KandidaatUitkomst,
    KostenCategorie,
    RegelingCode,
    Scope,
    StemrondeFase,
)

MONEY = {"max_digits": 10, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


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
        **MONEY,
    )
    max_per_aanvraag = models.DecimalField(
        _("maximaal per aanvraag"), null=True, blank=True, **MONEY
    )
    vrijwilligersvergoeding = models.DecimalField(
        _("vrijwilligersvergoeding coördinator"), null=True, blank=True, **MONEY
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
    budget = models.DecimalField(_("budget"), null=True, blank=True, **MONEY)
    vastgelegd = models.DecimalField(
        _("vastgelegd (toegekend, nog niet betaald)"), default=Decimal("0"), **MONEY
    )
    betaald = models.DecimalField(_("betaald"), default=Decimal("0"), **MONEY)

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
    gevraagd_bedrag = models.DecimalField(_("gevraagd bedrag"), **MONEY)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanvraagStatus.choices,
        default=AanvraagStatus.ONBEVESTIGD,
        db_index=True,
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)

    advies = models.TextField(_("advies van de kernambtenaar"), blank=True)
    advies_bedrag = models.DecimalField(_("geadviseerd bedrag"), null=True, blank=True, **MONEY)
    advies_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advies door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    advies_op = models.DateTimeField(_("advies op"), null=True, blank=True)

    toegekend_bedrag = models.DecimalField(_("toegekend bedrag"), null=True, blank=True, **MONEY)
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
    betaald_bedrag = models.DecimalField(_("betaald"), default=Decimal("0"), **MONEY)
    vastgesteld_bedrag = models.DecimalField(
        _("vastgesteld bedrag"), null=True, blank=True, **MONEY
    )
    verantwoording = models.TextField(_("verantwoording"), blank=True)

    history = HistoricalRecords()
    objects = AanvraagQuerySet.as_manager()

    class Meta:
        ordering = ["-ingediend_op"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [models.Index(fields=["regeling", "jaar", "status"])]
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
    bedrag = models.DecimalField(_("bedrag"), **MONEY)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_subsidiabel(self) -> bool:
        return self.categorie in SUBSIDIABELE_CATEGORIEEN


def bon_pad(instance, filename: str) -> str:
    # Never trust the uploaded name: a random name with the extension of the detected type.
    return f"declaraties/{instance.jaar}/{uuid.uuid4().hex}.{instance.bon_extensie}"


class Declaratie(models.Model):
    """A declaration of a signaleringsgroep, with its receipt, filed by the coördinator."""

    groep = models.ForeignKey(
        "kernen.Signaleringsgroep",
        verbose_name=_("signaleringsgroep"),
        on_delete=models.PROTECT,
        related_name="declaraties",
    )
    datum = models.DateField(_("datum van de uitgave"))
    jaar = models.PositiveSmallIntegerField(_("telt mee in jaar"), db_index=True)
    omschrijving = models.CharField(_("waarvoor"), max_length=200)
    bedrag = models.DecimalField(_("bedrag"), **MONEY)
    bon = models.FileField(_("bon of factuur"), upload_to=bon_pad)
    bon_extensie = models.CharField(max_length=10, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeclaratieStatus.choices,
        default=DeclaratieStatus.INGEDIEND,
        db_index=True,
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    reden = models.TextField(_("toelichting bij het besluit"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-ingediend_op"]
        verbose_name = _("declaratie")
        verbose_name_plural = _("declaraties")

    def __str__(self) -> str:
        return f"{self.groep}: {self.omschrijving}"

    def get_absolute_url(self) -> str:
        return reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": self.pk})


class Vrijwilligersvergoeding(models.Model):
    """The coördinator's volunteer fee: once per calendar year (unique on jaar)."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coördinator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    bedrag = models.DecimalField(_("bedrag"), **MONEY)
    toegekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    toegekend_op = models.DateTimeField(_("toegekend op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar"]
        verbose_name = _("vrijwilligersvergoeding")
        verbose_name_plural = _("vrijwilligersvergoedingen")

    def __str__(self) -> str:
        return f"{self.coordinator} {self.jaar}"


# --- The residents' voting round (leefbaarheidsbudget, from 2022) ------------------------------


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
        _("vrij budget bij de verdeling"), null=True, blank=True, **MONEY
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
    gevraagd_bedrag = models.DecimalField(_("gevraagd bedrag"), **MONEY)
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
    toegekend_bedrag = models.DecimalField(_("toegekend bedrag"), null=True, blank=True, **MONEY)

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
