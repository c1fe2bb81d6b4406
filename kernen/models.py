import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import FASE_UITLEG, ConvenantStatus, Fase, KanaalSoort


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
    fase_sinds = models.DateField(_("in deze fase sinds"), null=True, blank=True)
    kernprofiel = models.TextField(
        _("korte beschrijving"), blank=True, help_text=_("Wat kenmerkt de kern?")
    )
    # The kernprofiel of the plan's first fase: what is going on, who is active, what they want.
    wat_speelt_er = models.TextField(
        _("wat speelt er"), blank=True, help_text=_("Onderwerpen waar inwoners nu mee bezig zijn.")
    )
    actieve_groepen = models.TextField(
        _("actieve groepen"),
        blank=True,
        help_text=_("Verenigingen, werkgroepen en bewonersgroepen die iets doen in de kern."),
    )
    wensen = models.TextField(
        _("wensen van inwoners"), blank=True, help_text=_("Wat willen inwoners graag?")
    )
    startbijeenkomst_op = models.DateField(_("datum startbijeenkomst"), null=True, blank=True)
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
        return str(FASE_UITLEG.get(Fase(self.fase), "")) if self.fase in Fase.values else ""


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


class Kanaal(models.Model):
    """A communication channel that reaches (part of) a kern: the kern's toolbox."""

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.CASCADE, related_name="kanalen"
    )
    naam = models.CharField(_("naam"), max_length=120)
    soort = models.CharField(_("soort"), max_length=20, choices=KanaalSoort.choices)
    bereik = models.CharField(
        _("bereik"),
        max_length=200,
        blank=True,
        help_text=_("Wie en hoeveel mensen u ermee bereikt, bijvoorbeeld: ca. 600 huishoudens."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Bij wie u terecht kunt om het kanaal te gebruiken."),
    )
    notities = models.TextField(_("notities"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kern__naam", "soort", "naam"]
        verbose_name = _("communicatiekanaal")
        verbose_name_plural = _("communicatiekanalen")
        constraints = [
            models.UniqueConstraint(fields=["kern", "naam"], name="kanaal_uniek_per_kern"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.kern.naam})"


class Organisatie(models.Model):
    """A village-interest organisation (dorpsbelang, bewonersvereniging) of a kern."""

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.CASCADE, related_name="organisaties"
    )
    naam = models.CharField(_("naam"), max_length=150)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    convenant_status = models.CharField(
        _("convenant"),
        max_length=20,
        choices=ConvenantStatus.choices,
        default=ConvenantStatus.GEEN,
    )
    convenant_vernieuwen_op = models.DateField(
        _("convenant vernieuwen uiterlijk"), null=True, blank=True
    )
    notities = models.TextField(_("notities"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kern__naam", "naam"]
        verbose_name = _("dorpsbelangenorganisatie")
        verbose_name_plural = _("dorpsbelangenorganisaties")
        constraints = [
            models.UniqueConstraint(fields=["kern", "naam"], name="organisatie_uniek_per_kern"),
        ]

    def __str__(self) -> str:
        return self.naam


# A Dutch postcode: four digits (no leading zero) and two letters, stored without a space.
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")


def postcode_normaliseren(waarde: str) -> str:
    """ "4116 aa", " 4116AA " -> "4116AA". Returns "" when it is not a postcode."""
    compact = "".join((waarde or "").split()).upper()
    return compact if POSTCODE_RE.match(compact) else ""


def postcode_grens(waarde: str, *, einde: bool) -> str:
    """One end of a range as typed by beheer: "4116 aa" -> "4116AA"; four digits alone mean
    the whole area (4116 -> 4116AA as start, 4116ZZ as end). Returned as typed when invalid."""
    compact = "".join((waarde or "").split()).upper()
    if re.fullmatch(r"[1-9][0-9]{3}", compact):
        compact += "ZZ" if einde else "AA"
    return compact


class PostcodeGebied(models.Model):
    """A range of postcodes that belongs to a kern (both ends included), e.g. 4116AA-4116ZZ.

    Who lives in a kern is decided by these ranges (the voting round checks a voter's
    postcode against them). Functioneel beheer keeps them in the admin; ranges of different
    kernen may not overlap, so one address belongs to one kern.
    """

    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.CASCADE, related_name="postcodegebieden"
    )
    van = models.CharField(
        _("van postcode"),
        max_length=6,
        help_text=_("Bijvoorbeeld 4116AA, of alleen de cijfers (4116) voor het hele gebied."),
    )
    tot = models.CharField(
        _("tot en met postcode"),
        max_length=6,
        help_text=_("Bijvoorbeeld 4116ZZ, of alleen de cijfers (4116)."),
    )
    gecontroleerd = models.BooleanField(
        _("gecontroleerd"),
        default=False,
        help_text=_("Aanvinken als het bereik is nagekeken in de adresregistratie (BAG)."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["van"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")), name="postcodegebied_van_voor_tot"
            ),
            models.CheckConstraint(
                condition=models.Q(van__regex=r"^[1-9][0-9]{3}[A-Z]{2}$")
                & models.Q(tot__regex=r"^[1-9][0-9]{3}[A-Z]{2}$"),
                name="postcodegebied_vorm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van}-{self.tot} ({self.kern})"

    def clean(self) -> None:
        van = postcode_grens(self.van, einde=False)
        tot = postcode_grens(self.tot, einde=True)
        fouten: dict[str, object] = {}
        if not POSTCODE_RE.match(van):
            fouten["van"] = _("Vul een postcode in zoals 4116AA, of alleen 4116.")
        if not POSTCODE_RE.match(tot):
            fouten["tot"] = _("Vul een postcode in zoals 4116ZZ, of alleen 4116.")
        if fouten:
            raise ValidationError(fouten)
        if tot < van:
            raise ValidationError({"tot": _("Deze postcode ligt vóór de eerste postcode.")})
        self.van, self.tot = van, tot
        if self.kern_id is None:
            return
        overlap = (
            PostcodeGebied.objects.filter(van__lte=tot, tot__gte=van)
            .exclude(kern_id=self.kern_id)
            .exclude(pk=self.pk)
            .select_related("kern")
            .first()
        )
        if overlap is not None:
            raise ValidationError(
                _("Dit bereik overlapt met %(bereik)s van %(kern)s. Een adres hoort bij één kern.")
                % {"bereik": f"{overlap.van}-{overlap.tot}", "kern": overlap.kern.naam}
            )
