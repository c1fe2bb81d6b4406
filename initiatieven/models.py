from django.db import models
from django.utils.translation import gettext_lazy as _

from kernen.models import Kern

from .constants import InitiatiefStatus


class Initiatief(models.Model):
    """A residents' initiative for a kern. Extended by the initiatieven issue."""

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.PROTECT, related_name="initiatieven"
    )
    titel = models.CharField(_("titel"), max_length=150)
    omschrijving = models.TextField(_("wat en waarom"))
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=InitiatiefStatus.choices,
        default=InitiatiefStatus.INGEDIEND,
        db_index=True,
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self) -> str:
        return self.titel
