"""Signaleringsgroepen: declarations and the coordinator's volunteer fee."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import (
    DeclaratieStatus,
)
from .regelingen import NIET_NEGATIEF


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
    bedrag = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=NIET_NEGATIEF
    )
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
    bedrag = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=NIET_NEGATIEF
    )
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
