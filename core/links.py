"""Signed, expiring, revocable personal links for inwoners (no account, no password).

A token carries (kind, object id, link version) signed with SECRET_KEY and a timestamp.
It is refused when forged, older than PERSOONLIJKE_LINK_GELDIG_DAGEN, or when the object's
`link_versie` has moved on (the inwoner used a newer link).

Asking for new links revokes nothing: the new mail carries tokens of `link_versie + 1`, and
only when one of those is opened does the version move on (so older links stop then). Anyone
can type a victim's address into /mijn-links/; that must not break the victim's links.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

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
    """Return the object the token points at, or raise LinkOngeldig/LinkVerlopen.

    A token of the next version (from a new links mail) is accepted once and moves the
    version on, under the row lock, so that from then on only the new links work."""
    inhoud = lees_token(token, soort=soort, max_age_days=max_age_days)
    obj = queryset.filter(pk=inhoud.pk).first()
    if obj is None:
        raise LinkOngeldig
    if obj.link_versie == inhoud.versie - 1:
        _versie_ophogen(obj, naar=inhoud.versie)
    if obj.link_versie != inhoud.versie:
        raise LinkOngeldig
    return obj


def _versie_ophogen(obj, *, naar: int) -> None:
    """Move `link_versie` to `naar` if it is still one below (two first clicks at once: the
    second finds it moved already and is accepted too, because it has the same version)."""
    model = type(obj)
    with transaction.atomic():
        huidig = (
            model._default_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list("link_versie", flat=True)
            .first()
        )
        if huidig == naar - 1:
            model._default_manager.filter(pk=obj.pk).update(link_versie=naar)
            huidig = naar
    obj.link_versie = huidig


# A confirmation link (the first mail) is short-lived; a personal link lasts as set in
# settings.PERSOONLIJKE_LINK_GELDIG_DAGEN. The one place for the confirmation limit.
BEVESTIG_GELDIG_DAGEN = 7


@dataclass(frozen=True)
class LinkSoort:
    """One kind of personal link: its token kind, the URL it opens and how long it lives.

    Every app declares its kinds once (e.g. in services.py) and uses `url`, `pad` and
    `lees`; nothing else builds or reads tokens.
    """

    naam: str
    url_naam: str
    geldig_dagen: int | None = None  # None: settings.PERSOONLIJKE_LINK_GELDIG_DAGEN

    def token(self, obj) -> str:
        versie = obj.link_versie + (1 if getattr(obj, VOLGENDE_VERSIE, False) else 0)
        return maak_token(soort=self.naam, pk=obj.pk, versie=versie)

    def pad(self, obj) -> str:
        return reverse(self.url_naam, kwargs={"token": self.token(obj)})

    def url(self, obj) -> str:
        return settings.SITE_URL + self.pad(obj)

    def lees(self, token: str, queryset):
        """The object behind the token, or LinkOngeldig / LinkVerlopen."""
        return haal_object(
            token, soort=self.naam, queryset=queryset, max_age_days=self.geldig_dagen
        )


# Set on an object by links_vernieuwen: its tokens carry the next version.
VOLGENDE_VERSIE = "_link_volgende_versie"


def links_vernieuwen(queryset: models.QuerySet) -> list:
    """The objects of `queryset`, marked so that their links carry `link_versie + 1`.

    Nothing is revoked here: the version moves on (under a row lock, in `haal_object`) when
    one of the new links is first opened; then the older links stop working. Asking again
    gives links of the same next version, so every new mail keeps working."""
    objecten = list(queryset)
    for obj in objecten:
        setattr(obj, VOLGENDE_VERSIE, True)
    return objecten


class BevestigView(View):
    """The page behind a confirmation link in a mail: GET shows one button, POST confirms.

    Subclasses set `link` (a LinkSoort), `queryset()`, `teksten(obj)` and `bevestigen(obj)`;
    `al_bevestigd(obj)` sends a second click straight on to `na_bevestigen(obj)`.
    """

    link: LinkSoort

    def queryset(self):  # pragma: no cover - every flow defines it
        raise NotImplementedError

    def teksten(self, obj) -> dict:  # titel, uitleg, knop
        raise NotImplementedError  # pragma: no cover

    def bevestigen(self, obj):
        """Confirm; returns the object as it is afterwards."""
        raise NotImplementedError  # pragma: no cover

    def al_bevestigd(self, obj) -> bool:
        return getattr(obj, "email_bevestigd_op", None) is not None

    def na_bevestigen(self, obj) -> str:
        raise NotImplementedError  # pragma: no cover

    def gelukt(self, obj) -> str:
        return ""

    def _object(self, token):
        return self.link.lees(token, self.queryset())

    def get(self, request, token: str):
        try:
            obj = self._object(token)
        except LinkOngeldig as exc:
            return link_ongeldig_response(request, exc)
        if self.al_bevestigd(obj):
            return redirect(self.na_bevestigen(obj))
        return bevestig_pagina(request, **self.teksten(obj))

    def post(self, request, token: str):
        from django.contrib import messages

        try:
            obj = self._object(token)
        except LinkOngeldig as exc:
            return link_ongeldig_response(request, exc)
        obj = self.bevestigen(obj)
        if tekst := self.gelukt(obj):
            messages.success(request, tekst)
        return redirect(self.na_bevestigen(obj))


def bevestig_pagina(request, *, titel: str, uitleg: str, knop: str):
    """The page behind every confirmation link in a mail: one button that POSTs.

    Mail scanners and link previews follow GET links, so a GET must never confirm anything;
    the view confirms only on the POST of this button. One template for every flow, so that
    they look and behave the same.
    """
    return render(
        request, "components/bevestigen.html", {"titel": titel, "uitleg": uitleg, "knop": knop}
    )


def link_ongeldig_response(request, exc: LinkOngeldig):
    """The page for a forged, expired or revoked link: 404, and nothing about the object."""
    return render(
        request, "link_ongeldig.html", {"verlopen": isinstance(exc, LinkVerlopen)}, status=404
    )
