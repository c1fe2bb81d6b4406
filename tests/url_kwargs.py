"""How tests/test_url_access.py fills in URL parameters for every staff URL.

Each entry maps a URL kwarg name to a function that takes a Kern and returns a value for an
object that belongs to that kern (created on the fly). A new staff URL with an unknown kwarg
fails the walker until its builder is added here, so no staff URL escapes the scope test.
"""

from collections.abc import Callable

from kernen.models import Kern


def _kern_slug(kern: Kern) -> str:
    return kern.slug


def _vraag_pk(kern: Kern) -> int:
    from tests.participatie.vragen.factories import VraagFactory

    return VraagFactory(kern=kern).pk


URL_KWARG_BUILDERS: dict[str, Callable[[Kern], object]] = {
    "kern": _kern_slug,
    "vraag_pk": _vraag_pk,
}

# Staff-area URLs that are meant for everyone (signing in) - with the reason.
PUBLIC_STAFF_URL_NAMES = {
    "accounts:login": "the sign-in page itself",
    "accounts:logout": "signing out is harmless without a session",
}
