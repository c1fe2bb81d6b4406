import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from initiatieven.constants import Actor, InitiatiefStatus
from initiatieven.models import Bijlage, Initiatief, StatusWijziging
from tests.factories import KernFactory

# Smallest valid PNG (1x1) and a minimal PDF header: real content for the type checks.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class InitiatiefFactory(factory.django.DjangoModelFactory):
    """A confirmed initiative (status ingediend) with a history row, unless told otherwise."""

    class Meta:
        model = Initiatief
        skip_postgeneration_save = True

    kern = factory.SubFactory(KernFactory)
    titel = factory.Sequence(lambda n: f"Initiatief {n}")
    omschrijving = "Een bankje bij de speeltuin, zodat ouders kunnen zitten."
    doelgroep = "Ouders en kinderen uit de buurt"
    locatie = "Speeltuin Dorpsstraat"
    postcode = "4031 AB"
    naam = factory.Sequence(lambda n: f"Jantine Geheimnaam{n}")
    email = factory.Sequence(lambda n: f"inwoner{n}@voorbeeld.nl")
    telefoon = "0344 123456"
    privacy_akkoord_op = factory.LazyFunction(timezone.now)
    email_bevestigd_op = factory.LazyFunction(timezone.now)
    status = InitiatiefStatus.INGEDIEND

    class Params:
        onbevestigd = factory.Trait(email_bevestigd_op=None)

    @factory.post_generation
    def geschiedenis(self, create, extracted, **kwargs):
        if create and self.email_bevestigd_op:
            StatusWijziging.objects.create(
                initiatief=self, naar_status=InitiatiefStatus.INGEDIEND, actor=Actor.INWONER
            )


class BijlageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijlage

    initiatief = factory.SubFactory(InitiatiefFactory)
    bestand = factory.LazyFunction(lambda: ContentFile(PNG_BYTES, name="foto.png"))
    oorspronkelijke_naam = "foto.png"
    content_type = "image/png"
    grootte = len(PNG_BYTES)
