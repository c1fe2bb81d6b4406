"""How tests/test_url_access.py fills in URL parameters for every staff URL.

Each entry maps a URL kwarg name to a function that takes a Kern and returns a value for an
object that belongs to that kern (created on the fly). A new staff URL with an unknown kwarg
fails the walker until its builder is added here, so no staff URL escapes the scope test.
"""

from collections.abc import Callable

from kernen.models import Kanaal, Kern, Organisatie


def _kern_slug(kern: Kern) -> str:
    return kern.slug


def _initiatief_pk(kern: Kern) -> int:
    from tests.initiatieven.factories import InitiatiefFactory

    return InitiatiefFactory(kern=kern).pk


def _bijlage_pk(kern: Kern) -> int:
    from tests.initiatieven.factories import BijlageFactory

    return BijlageFactory(initiatief__kern=kern).pk


def _aanvraag_pk(kern: Kern) -> int:
    from tests.budgetten.factories import AanvraagFactory

    return AanvraagFactory(kern=kern).pk


def _declaratie_pk(kern: Kern) -> int:
    from tests.budgetten.factories import DeclaratieFactory, SignaleringsgroepFactory

    return DeclaratieFactory(groep=SignaleringsgroepFactory(kernen=[kern])).pk


def _stemronde_pk(kern: Kern) -> int:
    from tests.budgetten.factories import StemrondeFactory

    return StemrondeFactory(kern=kern).pk


def _kanaal_pk(kern: Kern) -> int:
    return Kanaal.objects.create(kern=kern, naam="Dorpskrant", soort="dorpskrant").pk


def _organisatie_pk(kern: Kern) -> int:
    return Organisatie.objects.create(kern=kern, naam="Dorpsbelang").pk


def _traject_pk(kern: Kern) -> int:
    from tests.participatie.trajecten.factories import TrajectFactory

    return TrajectFactory(kernen=[kern]).pk


def _bijeenkomst_pk(kern: Kern) -> int:
    from tests.participatie.trajecten.factories import BijeenkomstFactory

    return BijeenkomstFactory(kern=kern).pk


def _vraag_pk(kern: Kern) -> int:
    from tests.participatie.vragen.factories import VraagFactory

    return VraagFactory(kern=kern).pk


def _actiepunt_pk(kern: Kern) -> int:
    # Action points belong to the plan, not to a kern; a kernambtenaar may never change one.
    from kerngericht.models import Actiepunt

    return Actiepunt.objects.create(
        sleutel=f"test-{Actiepunt.objects.count() + 1}-{kern.slug}",
        onderdeel="monitoring",
        omschrijving="Testactiepunt",
        planning="Q1 2021",
    ).pk


URL_KWARG_BUILDERS: dict[str, Callable[[Kern], object]] = {
    "kern": _kern_slug,
    "initiatief_pk": _initiatief_pk,
    "bijlage_pk": _bijlage_pk,
    "aanvraag_pk": _aanvraag_pk,
    "declaratie_pk": _declaratie_pk,
    "stemronde_pk": _stemronde_pk,
    "kanaal_pk": _kanaal_pk,
    "organisatie_pk": _organisatie_pk,
    # participatie trajecten and bijeenkomsten
    "traject_pk": _traject_pk,
    "bijeenkomst_pk": _bijeenkomst_pk,
    "stap": lambda kern: "afweging",
    "vraag_pk": _vraag_pk,
    # kerngericht monitoring: the plan's action points
    "actiepunt_pk": _actiepunt_pk,
}

# Staff-area URLs that are meant for everyone (signing in) - with the reason.
PUBLIC_STAFF_URL_NAMES = {
    "accounts:login": "the sign-in page itself",
    "accounts:logout": "signing out is harmless without a session",
}
