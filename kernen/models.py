from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import FASE_UITLEG, Fase


class Gebied(models.Model):
    """One of the areas of the GGD monitor and the sociale kernteams."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return self.naam


class KernQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True)

    def met_contacten(self):
        return self.select_related("gebied").prefetch_related("kernambtenaren", "kernwethouders")


class Kern(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    gebied = models.ForeignKey(
        Gebied, verbose_name=_("gebied"), on_delete=models.PROTECT, related_name="kernen"
    )
    is_pilot = models.BooleanField(_("pilotkern"), default=False)
    fase = models.CharField(
        _("fase"), max_length=20, choices=Fase.choices, default=Fase.BEGINSITUATIE
    )
    kernprofiel = models.TextField(
        _("kernprofiel"), blank=True, help_text=_("Wat kenmerkt de kern, wat speelt er.")
    )
    inwonertal = models.PositiveIntegerField(_("aantal inwoners"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    kernambtenaren = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kernambtenaren"),
        blank=True,
        related_name="kernen_als_kernambtenaar",
    )
    kernwethouders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kernwethouders"),
        blank=True,
        related_name="kernen_als_kernwethouder",
    )

    history = HistoricalRecords(m2m_fields=[kernambtenaren, kernwethouders])
    objects = KernQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("kern")
        verbose_name_plural = _("kernen")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("kernen:detail", kwargs={"kern": self.slug})

    @property
    def fase_uitleg(self) -> str:
        return str(FASE_UITLEG.get(self.fase, ""))


class Signaleringsgroep(models.Model):
    """A volunteer neighbourhood-watch group (with a WhatsApp group); may cover several kernen."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    kernen = models.ManyToManyField(
        Kern, verbose_name=_("kernen"), related_name="signaleringsgroepen"
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    history = HistoricalRecords(m2m_fields=[kernen])

    class Meta:
        ordering = ["naam"]
        verbose_name = _("signaleringsgroep")
        verbose_name_plural = _("signaleringsgroepen")

    def __str__(self) -> str:
        return self.naam
