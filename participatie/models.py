"""Participation trajectories (the municipality's method, step by step) and meetings."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import InwonerContact
from initiatieven.models import Initiatief
from kernen.models import Kanaal, Kern
from participatie.constants import (
    LADDER_BELOFTE,
    STAPPEN,
    AanmeldingStatus,
    BijeenkomstSoort,
    BijeenkomstStatus,
    GemeenteRol,
    Inschatting,
    Ladder,
    Stap,
    TrajectSoort,
    TrajectStatus,
)


class TrajectQuerySet(models.QuerySet):
    def publiek(self):
        return self.exclude(status=TrajectStatus.CONCEPT)

    def met_lijstgegevens(self):
        return self.select_related("eigenaar", "kernambtenaar").prefetch_related(
            "kernen", "voltooide_stappen"
        )


class Traject(models.Model):
    titel = models.CharField(_("titel"), max_length=150)
    onderwerp = models.TextField(
        _("beleidsonderwerp"), help_text=_("Waarover gaat het, en wat wordt er besloten?")
    )
    soort = models.CharField(
        _("wiens initiatief"),
        max_length=30,
        choices=TrajectSoort.choices,
        help_text=_("Dit bepaalt welke stappen het traject volgt."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TrajectStatus.choices,
        default=TrajectStatus.CONCEPT,
        db_index=True,
    )
    kernen = models.ManyToManyField(Kern, verbose_name=_("kernen"), related_name="trajecten")
    # The residents' initiatives this trajectory answers (overheidsparticipatie, mostly).
    initiatieven = models.ManyToManyField(
        Initiatief, verbose_name=_("initiatieven"), blank=True, related_name="trajecten"
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar (beleidsmedewerker)"),
        on_delete=models.PROTECT,
        related_name="trajecten_als_eigenaar",
    )
    kernambtenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kernambtenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajecten_als_kernambtenaar",
    )

    # inwonersparticipatie 1: afweging vooraf
    geschikt_voor_participatie = models.TextField(
        _("wat is geschikt voor participatie"),
        blank=True,
        help_text=_("Over welk deel kunnen inwoners meepraten?"),
    )
    kaders = models.TextField(
        _("wat ligt al vast"),
        blank=True,
        help_text=_(
            "Wetten, regels, geld of eerdere besluiten: waar kunnen niet alle wensen "
            "worden ingewilligd? Dit staat op de openbare pagina."
        ),
    )
    # 3: niveau
    ladder = models.CharField(
        _("niveau op de participatieladder"),
        max_length=20,
        choices=Ladder.choices,
        blank=True,
    )
    niveau_toelichting = models.TextField(_("waarom dit niveau"), blank=True)
    minder_betrokken = models.BooleanField(
        _("inwoners worden niet of minder betrokken"), default=False
    )
    minder_betrokken_reden = models.TextField(
        _("reden (openbaar)"),
        blank=True,
        help_text=_("Leg in gewone taal uit waarom. Deze uitleg staat op de openbare pagina."),
    )
    # 4: communicatieplan
    kanalen = models.ManyToManyField(
        Kanaal, verbose_name=_("kanalen"), blank=True, related_name="trajecten"
    )
    communicatieplan = models.TextField(
        _("communicatieplan"), blank=True, help_text=_("Wat vertelt u wanneer, en aan wie?")
    )
    # 5: middelen
    middelen = models.TextField(_("ingezette middelen"), blank=True)
    hoe_meedoen = models.TextField(_("hoe kunnen inwoners meedoen (openbaar)"), blank=True)
    # overheidsparticipatie 1-4
    geschiedenis = models.TextField(_("eerder geprobeerd en geleerd"), blank=True)
    belang = models.CharField(
        _("belang van het initiatief"), max_length=20, choices=Inschatting.choices, blank=True
    )
    slagingskans = models.CharField(
        _("kans van slagen"), max_length=20, choices=Inschatting.choices, blank=True
    )
    houding = models.TextField(_("onze houding"), blank=True)
    rol_gemeente = models.CharField(
        _("rol van de gemeente"), max_length=20, choices=GemeenteRol.choices, blank=True
    )
    rol_toelichting = models.TextField(_("toelichting op onze rol"), blank=True)
    afspraken_gemeente = models.TextField(
        _("wat inwoners van de gemeente kunnen verwachten"), blank=True
    )
    afspraken_inwoners = models.TextField(_("wat de gemeente van inwoners verwacht"), blank=True)
    # evaluatie (both)
    resultaten = models.TextField(_("resultaten en wat ermee is gedaan (openbaar)"), blank=True)
    wat_ging_goed = models.TextField(_("wat ging goed"), blank=True)
    wat_kan_beter = models.TextField(_("wat doen we volgende keer anders"), blank=True)
    lessen = models.TextField(
        _("les voor volgende trajecten"),
        blank=True,
        help_text=_("Welke aanpak werkt in deze kern, en waarom? Collega's zoeken hierop."),
    )

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = TrajectQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("participatietraject")
        verbose_name_plural = _("participatietrajecten")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie:traject_publiek", kwargs={"traject_pk": self.pk})

    @property
    def stappen(self) -> tuple[str, ...]:
        return STAPPEN[self.soort]

    @property
    def voltooid(self) -> set[str]:
        return {s.stap for s in self.voltooide_stappen.all()}

    @property
    def ladder_belofte(self) -> str:
        return str(LADDER_BELOFTE.get(self.ladder, ""))


class TrajectStap(models.Model):
    """A completed step of a trajectory: who completed it and when (history of the method)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="voltooide_stappen")
    stap = models.CharField(_("stap"), max_length=30, choices=Stap.choices)
    voltooid_op = models.DateTimeField(_("voltooid op"), default=timezone.now)
    bijgewerkt_op = models.DateTimeField(_("laatst bijgewerkt op"), default=timezone.now)
    voltooid_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["voltooid_op"]
        verbose_name = _("voltooide stap")
        verbose_name_plural = _("voltooide stappen")
        constraints = [
            models.UniqueConstraint(fields=["traject", "stap"], name="traject_stap_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.traject}: {self.get_stap_display()}"


class Betrokkene(models.Model):
    """A stakeholder or target group of a trajectory (Factor C)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="betrokkenen")
    doelgroep = models.CharField(
        _("wie (doelgroep of stakeholder)"),
        max_length=150,
        help_text=_("Bijvoorbeeld: ouders van jonge kinderen, ondernemers aan de Dorpsstraat."),
    )
    belangen = models.TextField(_("wat zijn hun belangen"))
    informatiebehoefte = models.TextField(_("welke informatie hebben zij nodig"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")

    def __str__(self) -> str:
        return self.doelgroep


class BijeenkomstQuerySet(models.QuerySet):
    def komend(self, nu=None):
        return self.filter(begint_op__gt=nu or timezone.now())

    def met_aantallen(self):
        return self.select_related("kern", "traject").annotate(
            aantal_aangemeld=Count(
                "aanmeldingen", filter=Q(aanmeldingen__status=AanmeldingStatus.AANGEMELD)
            ),
            aantal_wachtlijst=Count(
                "aanmeldingen", filter=Q(aanmeldingen__status=AanmeldingStatus.WACHTLIJST)
            ),
        )


class Bijeenkomst(models.Model):
    soort = models.CharField(_("soort"), max_length=20, choices=BijeenkomstSoort.choices)
    titel = models.CharField(_("titel"), max_length=150)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    kern = models.ForeignKey(
        Kern,
        verbose_name=_("kern"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        help_text=_("Leeg laten voor een bijeenkomst voor de hele gemeente."),
    )
    traject = models.ForeignKey(
        Traject,
        verbose_name=_("participatietraject"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
    )
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"))
    locatie = models.CharField(
        _("locatie"), max_length=200, blank=True, help_text=_("Adres, of leeg bij online.")
    )
    videolink = models.URLField(_("videolink"), blank=True, help_text=_("Bijvoorbeeld Teams."))
    telefoon = models.CharField(
        _("inbellen per telefoon"), max_length=60, blank=True, help_text=_("Telefoonnummer.")
    )
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"), help_text=_("Daarna komen aanmeldingen op de wachtlijst.")
    )
    organisator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisator"),
        on_delete=models.PROTECT,
        related_name="georganiseerde_bijeenkomsten",
    )
    kernwethouder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kernwethouder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verslag = models.TextField(
        _("kort verslag (openbaar)"), blank=True, help_text=_("Wat hebben we gehoord?")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=BijeenkomstStatus.choices,
        default=BijeenkomstStatus.GEPLAND,
        db_index=True,
    )
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    geannuleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geannuleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    annulering_reden = models.TextField(_("reden van annuleren (openbaar)"), blank=True)
    annulering_alternatief = models.TextField(_("nieuwe datum of link (openbaar)"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = BijeenkomstQuerySet.as_manager()
    # Set by BijeenkomstQuerySet.met_aantallen().
    aantal_aangemeld: int
    aantal_wachtlijst: int

    class Meta:
        ordering = ["begint_op"]
        indexes = [models.Index(fields=["begint_op"], name="bijeenkomst_begint_idx")]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(eindigt_op__gt=models.F("begint_op")), name="bijeenkomst_eind_na_begin"
            ),
            models.CheckConstraint(condition=Q(capaciteit__gte=1), name="bijeenkomst_capaciteit"),
            models.CheckConstraint(
                condition=~Q(status=BijeenkomstStatus.GEANNULEERD) | ~Q(annulering_reden=""),
                name="bijeenkomst_annulering_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie:bijeenkomst_publiek", kwargs={"bijeenkomst_pk": self.pk})

    @property
    def geannuleerd(self) -> bool:
        return self.status == BijeenkomstStatus.GEANNULEERD

    @property
    def plek(self) -> str:
        return self.kern.naam if self.kern is not None else str(_("Hele gemeente"))


class Aanmelding(InwonerContact):
    """A resident's registration for a meeting (no account: a signed personal link)."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="aanmeldingen"
    )
    onderwerp = models.TextField(_("onderwerp dat u wilt bespreken"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AanmeldingStatus.choices, db_index=True
    )
    aangemeld_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    afgemeld_op = models.DateTimeField(_("afgemeld op"), null=True, blank=True)

    class Meta:
        ordering = ["aangemeld_op", "pk"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            # One live registration per email address per meeting (emails stored lower-case).
            models.UniqueConstraint(
                fields=["bijeenkomst", "email"],
                condition=~Q(status=AanmeldingStatus.AFGEMELD),
                name="aanmelding_eenmaal_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} - {self.bijeenkomst}"


class BijeenkomstHerinnering(models.Model):
    """Proof that the day-before reminder of a registration was queued: at most once."""

    aanmelding = models.OneToOneField(
        Aanmelding, on_delete=models.CASCADE, related_name="herinnering"
    )
    verstuurd_op = models.DateTimeField(_("verstuurd op"), default=timezone.now)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")

    def __str__(self) -> str:
        return f"BijeenkomstHerinnering {self.aanmelding}"
