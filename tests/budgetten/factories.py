"""Factories for the budgetten app. `seed_regelingen(jaar)` creates the four regelingen."""

import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils.timezone import localdate

from budgetten.constants import AanvraagStatus, RegelingCode
from budgetten.models import Aanvraag, Declaratie, Regeling, Stemronde
from budgetten.seed import seed
from kernen.models import Signaleringsgroep
from tests.factories import KernFactory, MedewerkerFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def seed_regelingen(*jaren: int) -> None:
    """The regelingen with their amounts for the given years; by default this year and next,
    as the municipality sets next year's amounts before the year starts."""
    dit_jaar = localdate().year
    for jaar in jaren or (dit_jaar, dit_jaar + 1):
        seed(jaar)


def later_dit_jaar() -> datetime.date:
    """A month from now, but within this calendar year, so the aanvraag counts in this year's
    pot (and in this year's voting round) on every date, 31 December included."""
    vandaag = localdate()
    return min(vandaag + datetime.timedelta(days=30), datetime.date(vandaag.year, 12, 31))


def regeling(code: str) -> Regeling:
    if not Regeling.objects.filter(code=code).exists():
        seed_regelingen()
    return Regeling.objects.get(code=code)


class AanvraagFactory(factory.django.DjangoModelFactory):
    """A confirmed application (status ingediend) for the leefbaarheidsbudget by default."""

    class Meta:
        model = Aanvraag

    regeling = factory.LazyFunction(lambda: regeling(RegelingCode.LEEFBAARHEID))
    kern = factory.SubFactory(KernFactory)
    naam = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"inwoner{n}@example.org")
    titel = factory.Sequence(lambda n: f"Initiatief {n}")
    omschrijving = "Een bankje bij de speeltuin."
    activiteit_datum = factory.LazyFunction(lambda: later_dit_jaar())
    jaar = factory.LazyAttribute(lambda o: o.activiteit_datum.year)
    gevraagd_bedrag = Decimal("500.00")
    status = AanvraagStatus.INGEDIEND
    email_bevestigd_op = factory.LazyFunction(lambda: datetime.datetime.now(tz=datetime.UTC))
    draagvlak = "De buren doen mee."


class SignaleringsgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaleringsgroep
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Signaleringsgroep {n}")

    @factory.post_generation
    def kernen(self, create, extracted, **kwargs):
        for kern in extracted or [KernFactory()]:
            self.kernen.add(kern)


class DeclaratieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaratie

    groep = factory.SubFactory(SignaleringsgroepFactory)
    datum = factory.LazyFunction(localdate)
    jaar = factory.LazyAttribute(lambda o: o.datum.year)
    omschrijving = "Hesjes en zaklampen"
    bedrag = Decimal("120.00")
    bon_extensie = "pdf"
    bon = factory.LazyFunction(lambda: ContentFile(PDF, name="bon.pdf"))
    ingediend_door = factory.SubFactory(MedewerkerFactory, rollen=["coordinator-signalering"])


class StemrondeFactory(factory.django.DjangoModelFactory):
    """A voting round of a kern for this year, in preparation; voting runs for two weeks."""

    class Meta:
        model = Stemronde

    kern = factory.SubFactory(KernFactory)
    jaar = factory.LazyFunction(lambda: localdate().year)
    stemmen_van = factory.LazyFunction(localdate)
    stemmen_tot = factory.LazyFunction(lambda: localdate() + datetime.timedelta(days=14))
    aangemaakt_door = factory.SubFactory(MedewerkerFactory, rollen=["kernambtenaar"])


def adres_in(kern, huisnummer: int = 1, toevoeging: str = "") -> dict:
    """An address inside the kern's first postcode range, as stem_uitbrengen takes it."""
    gebied = kern.postcodegebieden.order_by("van").first()
    return {
        "postcode": f"{gebied.van[:4]} {gebied.van[4:]}",
        "huisnummer": huisnummer,
        "toevoeging": toevoeging,
    }
