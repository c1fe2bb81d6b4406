import datetime

import factory
from django.utils import timezone

from participatie.constants import (
    AanmeldingStatus,
    BijeenkomstSoort,
    TrajectSoort,
)
from participatie.models import Aanmelding, Bijeenkomst, Traject
from tests.factories import KernFactory, MedewerkerFactory


class TrajectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Traject
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Traject {n}")
    onderwerp = "Herinrichting van het dorpsplein"
    soort = TrajectSoort.INWONERSPARTICIPATIE
    eigenaar = factory.SubFactory(MedewerkerFactory, rollen=["beleidsmedewerker"])

    @factory.post_generation
    def kernen(self, create, extracted, **kwargs):
        for kern in extracted if extracted is not None else [KernFactory()]:
            self.kernen.add(kern)


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    soort = BijeenkomstSoort.KOFFIEMOMENT
    titel = factory.Sequence(lambda n: f"Koffiemoment {n}")
    omschrijving = "Praat met de kernwethouder over wat u bezighoudt."
    kern = factory.SubFactory(KernFactory)
    begint_op = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    eindigt_op = factory.LazyAttribute(lambda o: o.begint_op + datetime.timedelta(hours=1))
    videolink = "https://teams.example/meet/123"
    telefoon = "0344 579 111"
    capaciteit = 10
    organisator = factory.SubFactory(MedewerkerFactory, rollen=["kernambtenaar"])


class AanmeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanmelding

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    naam = factory.Sequence(lambda n: f"Inwoner {n}")
    email = factory.Sequence(lambda n: f"inwoner{n}@example.nl")
    status = AanmeldingStatus.AANGEMELD
