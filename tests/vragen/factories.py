import factory
from django.utils import timezone

from tests.factories import KernFactory
from vragen.deadlines import termijn_einde
from vragen.models import Vraag


class VraagFactory(factory.django.DjangoModelFactory):
    """A question received now (or at `ontvangen_op`), not yet routed."""

    class Meta:
        model = Vraag

    kern = factory.SubFactory(KernFactory)
    onderwerp = factory.Sequence(lambda n: f"Losse stoeptegels {n}")
    tekst = "Bij de Dorpsstraat liggen tegels los. Kan iemand kijken?"
    naam = "Jan de Vries"
    email = factory.Sequence(lambda n: f"inwoner{n}@example.org")
    ontvangen_op = factory.LazyFunction(timezone.now)
    termijn_einde = factory.LazyAttribute(lambda o: termijn_einde(o.ontvangen_op))
    deadline = factory.LazyAttribute(lambda o: o.termijn_einde)
