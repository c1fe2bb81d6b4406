import factory
from django.utils import timezone

from tests.factories import KernFactory
from volgen.models import Abonnement


class AbonnementFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription, unless told otherwise."""

    class Meta:
        model = Abonnement

    kern = factory.SubFactory(KernFactory)
    email = factory.Sequence(lambda n: f"volger{n}@voorbeeld.nl")
    email_bevestigd_op = factory.LazyFunction(timezone.now)

    class Params:
        onbevestigd = factory.Trait(email_bevestigd_op=None)
