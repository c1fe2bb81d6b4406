"""Residents who follow a kern: a weekly e-mail with what became public there.

A subscription counts once the address is confirmed (double opt-in). Unsubscribing stamps
`opgezegd_op`; the daily privacy task removes the row (volgen/privacy.py). Every digest sent
is recorded per subscription and period under a unique constraint, before the mail is made.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Mailbericht
from kernen.models import Kern


class AbonnementQuerySet(models.QuerySet):
    def lopend(self):
        """Not unsubscribed (confirmed or not)."""
        return self.filter(opgezegd_op__isnull=True)

    def actief(self):
        """Confirmed and not unsubscribed: these get the digest."""
        return self.lopend().filter(email_bevestigd_op__isnull=False)


class Abonnement(models.Model):
    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.CASCADE, related_name="abonnementen"
    )
    # Stored in lower case, so one address follows one kern once.
    email = models.EmailField(_("e-mailadres"))
    email_bevestigd_op = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    opgezegd_op = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    link_versie = models.PositiveIntegerField(_("versie link"), default=1)
    aangemaakt_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    objects = AbonnementQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("abonnement op een kern")
        verbose_name_plural = _("abonnementen op een kern")
        constraints = [
            models.UniqueConstraint(
                fields=["kern", "email"],
                condition=models.Q(opgezegd_op__isnull=True),
                name="abonnement_eenmaal_per_kern",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kern} ({self.pk})"

    @property
    def is_bevestigd(self) -> bool:
        return self.email_bevestigd_op is not None

    @property
    def is_opgezegd(self) -> bool:
        return self.opgezegd_op is not None


class Digestverzending(models.Model):
    """The digest of one period for one subscription. The unique constraint is the once-only
    guarantee: the row is inserted (ON CONFLICT DO NOTHING) before the mail is made, and a run
    mails only the rows it inserted itself (its `ronde`)."""

    abonnement = models.ForeignKey(
        Abonnement, on_delete=models.CASCADE, related_name="verzendingen"
    )
    periode = models.DateField(_("week vanaf"))
    ronde = models.UUIDField(_("ronde"), db_index=True)
    aantal = models.PositiveSmallIntegerField(_("aantal berichten"))
    mailbericht = models.ForeignKey(
        Mailbericht, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["-periode"]
        verbose_name = _("verstuurde weekmail")
        verbose_name_plural = _("verstuurde weekmails")
        constraints = [
            models.UniqueConstraint(
                fields=["abonnement", "periode"], name="digest_eenmaal_per_periode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.abonnement_id} {self.periode}"
