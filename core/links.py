"""Signed, expiring, revocable personal links for inwoners (no account, no password).

A token carries (kind, object id, link version) signed with SECRET_KEY and a timestamp.
It is refused when forged, older than PERSOONLIJKE_LINK_GELDIG_DAGEN, or when the object's
`link_versie` has moved on (the inwoner asked for a new link).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "kerngericht.persoonlijke-link"


class LinkOngeldig(Exception):
    """Forged, malformed, revoked or unknown: the page says so and reveals nothing else."""


class LinkVerlopen(LinkOngeldig):
    pass


@dataclass(frozen=True)
class LinkInhoud:
    soort: str
    pk: int
    versie: int


def maak_token(*, soort: str, pk: int, versie: int) -> str:
    return signing.dumps([soort, pk, versie], salt=SALT, compress=True)


def lees_token(token: str, *, soort: str, max_age_days: int | None = None) -> LinkInhoud:
    days = max_age_days if max_age_days is not None else settings.PERSOONLIJKE_LINK_GELDIG_DAGEN
    try:
        data = signing.loads(token, salt=SALT, max_age=days * 24 * 3600)
    except signing.SignatureExpired as exc:
        raise LinkVerlopen from exc
    except signing.BadSignature as exc:
        raise LinkOngeldig from exc
    if not (isinstance(data, list) and len(data) == 3 and data[0] == soort):
        raise LinkOngeldig
    return LinkInhoud(soort=data[0], pk=int(data[1]), versie=int(data[2]))


def haal_object(token: str, *, soort: str, queryset, max_age_days: int | None = None):
    """Return the object the token points at, or raise LinkOngeldig/LinkVerlopen."""
    inhoud = lees_token(token, soort=soort, max_age_days=max_age_days)
    obj = queryset.filter(pk=inhoud.pk).first()
    if obj is None or obj.link_versie != inhoud.versie:
        raise LinkOngeldig
    return obj


def bevestig_pagina(request, *, titel: str, uitleg: str, knop: str):
    """The page behind every confirmation link in a mail: one button that POSTs.

    Mail scanners and link previews follow GET links, so a GET must never confirm anything;
    the view confirms only on the POST of this button. One template for every flow, so that
    they look and behave the same.
    """
    from django.shortcuts import render

    return render(
        request, "components/bevestigen.html", {"titel": titel, "uitleg": uitleg, "knop": knop}
    )


def link_ongeldig_response(request, exc: LinkOngeldig):
    """The page for a forged, expired or revoked link: 404, and nothing about the object."""
    from django.shortcuts import render

    return render(
        request, "link_ongeldig.html", {"verlopen": isinstance(exc, LinkVerlopen)}, status=404
    )
