"""Residents' questions and signals, their routing, answers, ratings and reminders."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Team
from core.models import InwonerContact, Mailbericht
from kernen.models import Kern
from vragen.constants import (
    MAX_ONDERWERP,
    OPEN_STATUSSEN,
    AntwoordSoort,
    HerinneringSoort,
    Kanaal,
    RouteringSoort,
    VraagSoort,
    VraagStatus,
)


class VraagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSSEN)

    def te_laat(self, nu=None):
        return self.filter(deadline__lt=nu or timezone.now())


class Vraag(InwonerContact):
    """A question or signal of an inwoner for a kern, with its tracked answer deadline.

    `termijn_einde` is the one-week deadline and never changes (re-routing keeps it).
    `deadline` is what is tracked now: the week, then the promised date of a process
    answer; it is empty once the content answer is given. `termijn_volgnummer` counts the
    tracked deadlines (0 = the week) so that each gets its own reminders, once.
    """

    # A question taken by phone may come without an email address.
    email = models.EmailField(_("e-mailadres"), db_index=True, blank=True)
    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.PROTECT, related_name="vragen"
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=VraagSoort.choices, default=VraagSoort.VRAAG
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=MAX_ONDERWERP)
    tekst = models.TextField(_("vraag of melding"))
    kanaal = models.CharField(
        _("kanaal"), max_length=20, choices=Kanaal.choices, default=Kanaal.PORTAAL
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=VraagStatus.choices, default=VraagStatus.NIEUW
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vragen",
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beleidsmedewerker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vragen_in_behandeling",
    )
    termijn_einde = models.DateTimeField(_("uiterlijk antwoord (week)"))
    deadline = models.DateTimeField(_("gevolgde termijn"), null=True, blank=True)
    termijn_volgnummer = models.PositiveSmallIntegerField(_("volgnummer termijn"), default=0)
    toegezegd_op = models.DateField(
        _("toegezegde datum inhoudelijk antwoord"), null=True, blank=True
    )
    eerste_antwoord_op = models.DateTimeField(_("eerste antwoord op"), null=True, blank=True)
    beantwoord_op = models.DateTimeField(_("inhoudelijk beantwoord op"), null=True, blank=True)
    waardering = models.PositiveSmallIntegerField(
        _("waardering"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    waardering_toelichting = models.TextField(_("toelichting bij waardering"), blank=True)
    gewaardeerd_op = models.DateTimeField(_("gewaardeerd op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = VraagQuerySet.as_manager()

    class Meta:
        db_table = "participatie_vraag"  # the table from before the move
        ordering = ["deadline", "ontvangen_op"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        indexes = [
            # The sweep and the overdue counts only look at questions with a tracked deadline.
            models.Index(
                fields=["deadline"],
                name="vraag_open_deadline_idx",
                condition=models.Q(deadline__isnull=False),
            ),
            models.Index(fields=["kern", "status"], name="vraag_kern_status_idx"),
            models.Index(fields=["team", "status"], name="vraag_team_status_idx"),
            # Monitoring per half year: questions received, and ratings given. Each holds the
            # columns its count reads (INCLUDE, PostgreSQL only), so the figures come from
            # the index alone instead of reading some 6,000 table pages (issue 12).
            models.Index(
                fields=["ontvangen_op"],
                name="vraag_ontvangen_idx",
                include=["kern", "eerste_antwoord_op", "termijn_einde"],
            ),
            models.Index(
                fields=["gewaardeerd_op"],
                name="vraag_gewaardeerd_idx",
                condition=models.Q(gewaardeerd_op__isnull=False),
                include=["kern", "waardering"],
            ),
            # The inbox order: tracked deadline first (answered last), then received.
            models.Index(
                models.F("deadline").asc(nulls_last=True),
                models.F("ontvangen_op"),
                models.F("id"),
                name="vraag_inbox_volgorde_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(waardering__isnull=True)
                | models.Q(waardering__gte=1, waardering__lte=10),
                name="vraag_waardering_1_tot_10",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=VraagStatus.BEANTWOORD)
                | models.Q(deadline__isnull=True, beantwoord_op__isnull=False),
                name="vraag_beantwoord_zonder_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.onderwerp}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN


class Routering(models.Model):
    """One step in the routing history: sent to a team/person, or handed back. Never edited."""

    vraag = models.ForeignKey(Vraag, on_delete=models.CASCADE, related_name="routeringen")
    soort = models.CharField(_("soort"), max_length=20, choices=RouteringSoort.choices)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beleidsmedewerker"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        db_table = "participatie_routering"  # the table from before the move
        ordering = ["op", "pk"]
        verbose_name = _("routering")
        verbose_name_plural = _("routeringen")

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.op:%Y-%m-%d %H:%M}"

    @property
    def is_doorgestuurd(self) -> bool:
        """Sent to a team or person (the history line names them); else handed back."""
        return self.soort == RouteringSoort.DOORGESTUURD


class Antwoord(models.Model):
    """A content or process answer. A vraag has at most one content answer."""

    vraag = models.ForeignKey(Vraag, on_delete=models.CASCADE, related_name="antwoorden")
    soort = models.CharField(_("soort antwoord"), max_length=20, choices=AntwoordSoort.choices)
    tekst = models.TextField(_("antwoord"))
    toegezegd_op = models.DateField(_("inhoudelijk antwoord uiterlijk op"), null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    gegeven_op = models.DateTimeField(_("gegeven op"), default=timezone.now)

    class Meta:
        db_table = "participatie_antwoord"  # the table from before the move
        ordering = ["gegeven_op", "pk"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["vraag"],
                condition=models.Q(soort="inhoudelijk"),
                name="antwoord_een_inhoudelijk_per_vraag",
            ),
            models.CheckConstraint(
                condition=~models.Q(soort="proces") | models.Q(toegezegd_op__isnull=False),
                name="antwoord_proces_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} op {self.vraag}"

    @property
    def is_procesantwoord(self) -> bool:
        """A promise of a date for the content answer (not the answer itself)."""
        return self.soort == AntwoordSoort.PROCES


class Herinnering(models.Model):
    """A reminder the sweep recorded. The unique constraint is the once-only guarantee:
    the row is inserted (ON CONFLICT DO NOTHING) before any email is made, and only the rows
    a sweep itself inserted (its `ronde`) are mailed."""

    vraag = models.ForeignKey(Vraag, on_delete=models.CASCADE, related_name="herinneringen")
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer termijn"))
    soort = models.CharField(_("soort"), max_length=30, choices=HerinneringSoort.choices)
    deadline = models.DateTimeField(_("termijn"))
    ronde = models.UUIDField(_("ronde"), db_index=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))
    mailberichten = models.ManyToManyField(
        Mailbericht, verbose_name=_("e-mails"), blank=True, related_name="vraag_herinneringen"
    )

    class Meta:
        db_table = "participatie_herinnering"  # the table from before the move
        ordering = ["-aangemaakt_op"]
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["vraag", "volgnummer", "soort"], name="herinnering_eenmalig"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.vraag_id}/{self.volgnummer}"
