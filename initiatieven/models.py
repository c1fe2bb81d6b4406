import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import InwonerContact, Mailbericht
from kernen.models import Kern

from .constants import (
    PUBLIEKE_FOTO_SOORTEN,
    Actor,
    Afzender,
    BijlageSoort,
    HulpSoort,
    InitiatiefSoort,
    InitiatiefStatus,
    Thema,
)


class InitiatiefQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(email_bevestigd_op__isnull=False)

    def onbevestigd(self):
        return self.filter(email_bevestigd_op__isnull=True)


class Initiatief(InwonerContact):
    """A residents' initiative for a kern.

    It counts (is visible to staff) once the inwoner confirmed the email address. Status
    changes only through `services.initiatief_status_wijzigen`, which writes a
    `StatusWijziging` row for every step.
    """

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.PROTECT, related_name="initiatieven"
    )
    soort = models.CharField(
        _("soort"),
        max_length=30,
        choices=InitiatiefSoort.choices,
        default=InitiatiefSoort.IDEE,
        db_index=True,
    )
    titel = models.CharField(_("titel"), max_length=150)
    omschrijving = models.TextField(_("wat en waarom"))
    # Right to Challenge only (required there: rules.rtc_fouten and the constraint below).
    rtc_taak = models.TextField(_("welke taak van de gemeente"), blank=True)
    rtc_waarom_beter = models.TextField(_("waarom beter of goedkoper"), blank=True)
    rtc_uitvoerders = models.TextField(_("wie voert de taak uit"), blank=True)
    locatie = models.CharField(_("straat of buurt"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    doelgroep = models.TextField(_("voor wie"), blank=True)
    wanneer = models.CharField(_("wanneer"), max_length=150, blank=True)
    betrokkenen = models.TextField(_("wie doen er mee"), blank=True)
    hulp_geld = models.BooleanField(_("vraagt geld uit een regeling"), default=False)
    geld_indicatie = models.DecimalField(
        _("bedrag ongeveer"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    hulp_advies = models.BooleanField(_("vraagt advies"), default=False)
    hulp_contacten = models.BooleanField(_("vraagt contacten"), default=False)
    hulp_ruimte = models.BooleanField(_("vraagt een ruimte"), default=False)
    hulp_vergunning = models.BooleanField(_("vraagt hulp bij een vergunning"), default=False)
    hulp_publiciteit = models.BooleanField(_("vraagt publiciteit"), default=False)
    hulp_toelichting = models.TextField(_("toelichting op de hulpvraag"), blank=True)
    voornaam_tonen = models.BooleanField(_("voornaam mag op de website"), default=False)
    fotos_publiceren = models.BooleanField(
        _("foto's mogen op de website"),
        default=False,
        help_text=_("Toestemming van de initiatiefnemer om foto's bij het verhaal te tonen."),
    )
    privacy_akkoord_op = models.DateTimeField(_("akkoord met privacyverklaring op"), null=True)
    idempotentie_sleutel = models.UUIDField(
        _("formuliersleutel"), unique=True, null=True, blank=True, editable=False
    )
    bevestigingsmail = models.ForeignKey(
        Mailbericht,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=InitiatiefStatus.choices,
        default=InitiatiefStatus.INGEDIEND,
        db_index=True,
    )
    status_sinds = models.DateTimeField(_("status sinds"), default=timezone.now)
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toegewezen_initiatieven",
    )
    beleidsmedewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beleidsmedewerker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gekoppelde_initiatieven",
    )
    verslag = models.TextField(_("kort verslag"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = InitiatiefQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        indexes = [
            models.Index(fields=["kern", "status"]),
            models.Index(fields=["email_bevestigd_op", "aangemaakt_op"]),
            # Public lists and the kern page: status IN (...) ORDER BY status_sinds; the
            # dashboard's longest waiting; staff lists and figures by year (aangemaakt_op).
            models.Index(fields=["status", "-status_sinds"], name="initiatief_status_sinds_idx"),
            models.Index(
                fields=["kern", "status", "status_sinds"], name="initiatief_kern_sinds_idx"
            ),
            models.Index(fields=["-aangemaakt_op"], name="initiatief_aangemaakt_idx"),
            # The open-data list of all public initiatives, newest status first: most rows are
            # public, so without this PostgreSQL sorts them all for one page of 50.
            models.Index(
                fields=["-status_sinds", "-id"],
                name="initiatief_publiek_idx",
                condition=models.Q(
                    email_bevestigd_op__isnull=False,
                    status__in=["afgerond", "toegezegd", "uitgevoerd"],
                ),
            ),
            # The dashboard's count per status of one kern, from the index alone.
            models.Index(
                fields=["kern", "status"],
                name="initiatief_bevestigd_kern_idx",
                condition=models.Q(email_bevestigd_op__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geld_indicatie__isnull=True) | models.Q(geld_indicatie__gte=0),
                name="initiatief_geld_indicatie_niet_negatief",
            ),
            models.CheckConstraint(
                condition=~models.Q(soort=InitiatiefSoort.RIGHT_TO_CHALLENGE)
                | (
                    ~models.Q(rtc_taak="")
                    & ~models.Q(rtc_waarom_beter="")
                    & ~models.Q(rtc_uitvoerders="")
                ),
                name="initiatief_rtc_vragen_ingevuld",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("initiatieven:publiek_detail", kwargs={"pk": self.pk})

    def get_medewerker_url(self) -> str:
        return reverse("initiatieven:detail", kwargs={"initiatief_pk": self.pk})

    @property
    def is_right_to_challenge(self) -> bool:
        return self.soort == InitiatiefSoort.RIGHT_TO_CHALLENGE

    @property
    def gevraagde_hulp(self) -> list[str]:
        return [str(s.label) for s in HulpSoort if getattr(self, f"hulp_{s.value}")]

    @property
    def voornaam(self) -> str:
        """Only the first name, and only when the initiator agreed to show it."""
        if not self.voornaam_tonen or not self.naam:
            return ""
        return self.naam.split()[0]


class StatusWijziging(models.Model):
    """One step in the life of an initiative: never edited, only added."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    van_status = models.CharField(
        _("van"), max_length=30, choices=InitiatiefStatus.choices, blank=True
    )
    naar_status = models.CharField(_("naar"), max_length=30, choices=InitiatiefStatus.choices)
    op = models.DateTimeField(_("datum"), default=timezone.now)
    actor = models.CharField(_("door wie"), max_length=20, choices=Actor.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        # Monitoring counts the steps to a status in a half year.
        indexes = [models.Index(fields=["naar_status", "op"], name="statuswijziging_naar_op_idx")]

    def __str__(self) -> str:
        return f"{self.initiatief_id}: {self.van_status} -> {self.naar_status}"


class Bericht(models.Model):
    """A message between the municipality and the inwoner, visible to both."""

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="berichten")
    afzender = models.CharField(_("afzender"), max_length=20, choices=Afzender.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    tekst = models.TextField(_("bericht"))
    aangemaakt_op = models.DateTimeField(_("datum"), default=timezone.now)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self) -> str:
        return f"{self.get_afzender_display()} {self.aangemaakt_op:%Y-%m-%d}"


class Notitie(models.Model):
    """An internal note of staff. Never shown to the inwoner."""

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="notities")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("notitie"))
    aangemaakt_op = models.DateTimeField(_("datum"), default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")

    def __str__(self) -> str:
        return f"{self.auteur} {self.aangemaakt_op:%Y-%m-%d}"


def _bijlage_pad(instance: "Bijlage", filename: str) -> str:
    # The stored name never comes from the inwoner: no path tricks, no guessable names.
    return f"initiatieven/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Bijlage(models.Model):
    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="bijlagen")
    soort = models.CharField(
        _("soort"), max_length=20, choices=BijlageSoort.choices, default=BijlageSoort.AANVRAAG
    )
    bestand = models.FileField(_("bestand"), upload_to=_bijlage_pad)
    oorspronkelijke_naam = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    aangemaakt_op = models.DateTimeField(_("datum"), default=timezone.now)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.oorspronkelijke_naam

    @property
    def is_afbeelding(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def is_verslagfoto(self) -> bool:
        """A report photo that may be shown publicly (never PDFs or other attachments)."""
        return self.soort == BijlageSoort.VERSLAG and self.content_type in PUBLIEKE_FOTO_SOORTEN


class Verhaal(models.Model):
    """A short public story about a completed initiative, so kernen learn from each other."""

    initiatief = models.OneToOneField(Initiatief, on_delete=models.CASCADE, related_name="verhaal")
    titel = models.CharField(_("titel"), max_length=150)
    thema = models.CharField(_("thema"), max_length=20, choices=Thema.choices)
    samenvatting = models.TextField(_("wat is er gedaan"))
    wat_werkte = models.TextField(_("wat werkte goed"))
    wat_niet = models.TextField(_("wat werkte minder goed"), blank=True)
    waarom = models.TextField(_("waarom, en wat kunnen anderen ervan leren"), blank=True)
    foto_beschrijving = models.CharField(
        _("beschrijving van de foto's"),
        max_length=250,
        blank=True,
        help_text=_("Wat is er op de foto's te zien? Dit lezen mensen die de foto's niet zien."),
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-gepubliceerd_op", "-pk"]
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        indexes = [
            models.Index(
                fields=["-gepubliceerd_op", "-id"],
                name="verhaal_gepubliceerd_idx",
                condition=models.Q(gepubliceerd_op__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("initiatieven:verhaal", kwargs={"pk": self.pk})


class SteunBasis(models.Model):
    """One resident's support (draagvlak) with their e-mail address, for one item.

    It counts once the address is confirmed; withdrawing through the personal link deletes
    the row, so nothing of the resident stays behind. Each concrete kind adds the item it
    supports and a unique constraint on (Lower(email), item); `services.steun` writes them
    all the same way. Shared with budgetten (support for a voting candidate).
    """

    # Stored in lower case by the service; the constraints compare it in lower case too.
    email = models.EmailField(_("e-mailadres"))
    email_bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    link_versie = models.PositiveIntegerField(_("versie persoonlijke link"), default=1)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        abstract = True


class Steun(SteunBasis):
    """A resident supports a published initiative with their e-mail address (draagvlak).

    One per address per initiative (the database says so too).
    """

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="steunbetuigingen"
    )

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("steunbetuiging")
        verbose_name_plural = _("steunbetuigingen")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "initiatief", name="steun_een_per_adres_per_initiatief"
            ),
        ]

    def __str__(self) -> str:
        return f"Steun {self.initiatief_id}"


class Nominatie(InwonerContact):
    """A resident's nomination of a volunteer for a volunteer prize (vrijwilligersprijs).

    The nominator's contact is InwonerContact; it counts once the address is confirmed, and
    then reaches the kernambtenaar of the kern (initiatieven/vrijwilligers/services.py).
    """

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.PROTECT, related_name="nominaties"
    )
    genomineerde = models.CharField(_("naam van de vrijwilliger"), max_length=120)
    waarom = models.TextField(_("waarom verdient deze vrijwilliger de prijs"))
    naam_noemen = models.BooleanField(_("de vrijwilliger mag horen wie voordroeg"), default=False)
    privacy_akkoord_op = models.DateTimeField(_("akkoord met privacyverklaring op"), null=True)
    aangemaakt_op = models.DateTimeField(_("ingediend op"), default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("voordracht vrijwilligersprijs")
        verbose_name_plural = _("voordrachten vrijwilligersprijs")

    def __str__(self) -> str:
        return f"{self.genomineerde} ({self.kern})"
