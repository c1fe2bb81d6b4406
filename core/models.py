from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InwonerContact(models.Model):
    """Contact details and personal-link state of an inwoner, for anything they submit.

    Inwoners have no account: they confirm their email address through a link and then
    follow their submission through a signed personal link (core.links). Opening a link
    from a new links mail raises `link_versie`, which revokes every older link.
    """

    naam = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), db_index=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email_bevestigd_op = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    link_versie = models.PositiveIntegerField(_("versie persoonlijke link"), default=1)

    class Meta:
        abstract = True

    @property
    def is_bevestigd(self) -> bool:
        return self.email_bevestigd_op is not None


class MailStatus(models.TextChoices):
    IN_WACHTRIJ = "wachtrij", _("In de wachtrij")
    VERZONDEN = "verzonden", _("Verzonden")
    MISLUKT = "mislukt", _("Mislukt")


class Mailbericht(models.Model):
    """Every email the portal sends, so that failures are visible to functioneel beheer."""

    aan = models.EmailField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(
        _("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.IN_WACHTRIJ
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    laatste_poging_op = models.DateTimeField(_("laatste poging op"), null=True, blank=True)
    bijlagen = models.JSONField(
        _("bijlagen"),
        default=list,
        blank=True,
        help_text=_("Tekstbijlagen: lijst van {naam, mimetype, inhoud} (bijvoorbeeld een .ics)."),
    )
    headers = models.JSONField(
        _("extra kopregels"),
        default=dict,
        blank=True,
        help_text=_("Bijvoorbeeld List-Unsubscribe bij een nieuwsbrief."),
    )

    class Meta:
        db_table = "kerngericht_mailbericht"  # the table from before the move
        ordering = ["-aangemaakt_op"]
        verbose_name = _("e-mailbericht")
        verbose_name_plural = _("e-mailberichten")
        indexes = [models.Index(fields=["status", "aangemaakt_op"])]

    def __str__(self) -> str:
        return f"{self.onderwerp} -> {self.aan}"


class Privacyverzoek(models.Model):
    """A resident asked what the portal holds about their e-mail address (AVG art. 15), and
    perhaps to delete it (art. 17). The link in the mail proves the address is theirs; the
    kernambtenaar of the kernen involved handles a deletion request (core.avg)."""

    email = models.EmailField(_("e-mailadres"), db_index=True)
    link_versie = models.PositiveIntegerField(_("versie persoonlijke link"), default=1)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    verwijderen_gevraagd_op = models.DateTimeField(
        _("verwijderen gevraagd op"), null=True, blank=True
    )
    toelichting = models.TextField(_("toelichting van de inwoner"), blank=True)
    kernen = models.ManyToManyField(
        "kernen.Kern", blank=True, related_name="+", verbose_name=_("kernen")
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("afgehandeld door"),
    )
    aantal_geanonimiseerd = models.PositiveIntegerField(_("aantal geanonimiseerd"), default=0)

    class Meta:
        ordering = ["-aangevraagd_op"]
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")

    def __str__(self) -> str:
        return f"Privacyverzoek {self.pk}"
