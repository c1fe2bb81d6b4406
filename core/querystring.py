"""Reading one value from the query string (?kern=..., ?initiatief=...) without trusting it.

Anything after the ? comes from a link or a person, unchecked: NUL bytes (PostgreSQL refuses
them in a text literal, so a lookup with one is a 500), digits of other scripts ("²".isdigit()
is True, but int("²") raises) and numbers too large for a column. These helpers return None
for all of that, so a page falls back to its default instead of failing. Values for forms and
filters are read by the form fields themselves; these are for the few values views read by hand.
"""

import re

from django.utils.http import url_has_allowed_host_and_scheme

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")
# Plain ASCII digits only, and few enough for a PostgreSQL bigint.
_GETAL = re.compile(r"[0-9]{1,18}")


def slug_uit_query(query, naam: str) -> str | None:
    """`query[naam]` when it is a slug (ASCII letters, digits, - and _), otherwise None."""
    waarde = query.get(naam, "")
    return waarde if isinstance(waarde, str) and _SLUG.fullmatch(waarde) else None


def int_uit_query(
    query, naam: str, *, minimum: int | None = None, maximum: int | None = None
) -> int | None:
    """`query[naam]` as an int when it is written in ASCII digits within the bounds."""
    waarde = query.get(naam, "")
    if not (isinstance(waarde, str) and _GETAL.fullmatch(waarde.strip())):
        return None
    getal = int(waarde)
    if (minimum is not None and getal < minimum) or (maximum is not None and getal > maximum):
        return None
    return getal


def lokale_url(request, waarde: str | None) -> str:
    """`waarde` when it is a path on this site ("/medewerker/..."), otherwise "".

    For ?next= and ?terug=: url_has_allowed_host_and_scheme alone also passes "a b", which
    redirect() then takes for the name of a view (NoReverseMatch, a 500).
    """
    if not isinstance(waarde, str) or not waarde.startswith("/") or "\x00" in waarde:
        return ""
    if not url_has_allowed_host_and_scheme(
        waarde, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return waarde
