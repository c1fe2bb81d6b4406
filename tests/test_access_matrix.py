"""The access matrix: every URL pattern x every role x an own and a foreign object.

One table (MATRIX, below) says for every URL pattern of the project what each role gets on
GET and on POST (empty body), on an object of "their" kern (eigen) and on an object of a
kern nobody here works for (vreemd). The tests build real objects once per module, request
every cell, and fail on any difference from the table, on any 5xx, and on any URL pattern
without a row. A failure prints the row as it is, in the table's own notation, so that a
reviewed change can be pasted in.

Roles (columns, in this order):
  an  anonymous visitor (no link)
  ie  inwoner with the right personal link
  ia  inwoner with another's link
  zr  member of staff without any role
  ka  kernambtenaar of the kern
  kx  kernambtenaar of another kern
  bm  beleidsmedewerker of team Veiligheid (the vraag is routed to them, they own the
      traject, organise the meeting and are linked to the initiatief)
  tm  teammanager of team Veiligheid
  kw  kernwethouder of the kern
  co  college
  cs  coördinator signaleringsgroepen (filed the declaratie)
  fb  functioneel beheer (is_staff, verified second factor)

A cell is two characters: the outcome of GET, then of POST.
  2 = 200    4 = 400 (form with errors)    3 = redirect (302) elsewhere
  L = redirect to the sign-in page (/medewerker/inloggen/, or /beheer/login/ for the admin)
  F = 403    N = 404    M = 405 (method not allowed)

Personal links (rows made with `link`): anonymous visitors and staff present a made-up token;
"ie" on eigen presents the valid link of the object and on vreemd their own link with the
other object's number put in (the signature no longer fits); "ia" on eigen presents a valid
link of another kind for the same number (someone else's link to something else), on vreemd
the valid link of the foreign object. A personal link is the inwoner's key (ADR 0004): whoever
holds a valid link gets the page, so "ia" on vreemd opens it, and every wrong link gets the
same 404.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
import rules
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import Rol, Team
from core.links import SALT, maak_token
from tests.conftest import current_code
from tests.factories import TEST_PASSWORD, KernFactory, MedewerkerFactory, TeamFactory

ROLLEN = ("an", "ie", "ia", "zr", "ka", "kx", "bm", "tm", "kw", "co", "cs", "fb")
ANONIEM = ("an", "ie", "ia")
STAFF_PREFIX = "medewerker/"
ADMIN_PREFIX = "beheer/"


# --- the URL patterns ---------------------------------------------------------------------


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}"


def url_patterns() -> dict[str, str]:
    """URL name -> route, for every pattern outside the Django admin."""
    found: dict[str, str] = {}
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith(ADMIN_PREFIX):
            continue
        assert name not in found, f"two URL patterns are called {name}"
        found[name] = route
    return found


def admin_patterns() -> list[tuple[str, str]]:
    return [(r, n) for r, n in _walk(get_resolver().url_patterns) if r.startswith(ADMIN_PREFIX)]


# --- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rij:
    soort: str  # publiek | link | medewerker | beheer
    eigen: str
    vreemd: str | None = None  # None: the URL points at no object of a kern
    reden: str = ""
    kwargs: Callable | None = None  # (wereld, geval) -> URL kwargs, when the default won't do
    token: Callable | None = None  # geval -> (object, link kind), for personal links

    def gevallen(self) -> list[tuple[str, list[str]]]:
        uit = [("eigen", self.eigen.split())]
        if self.vreemd is not None:
            uit.append(("vreemd", self.vreemd.split()))
        return uit


def publiek(reden: str, cel: str, **kw) -> Rij:
    """Open to everyone, the same for every role."""
    return Rij("publiek", " ".join([cel] * len(ROLLEN)), reden=reden, **kw)


def medewerker(eigen: str, vreemd: str | None = None, **kw) -> Rij:
    """Staff only: anonymous visitors and inwoners are sent to sign in, staff without a role
    get 403; the string lists ka kx bm tm kw co cs fb."""
    voor = "LL LL LL FF "
    return Rij("medewerker", voor + eigen, voor + vreemd if vreemd else None, **kw)


def link(reden: str, eigen: str, vreemd: str, token: Callable, **kw) -> Rij:
    return Rij("link", eigen, vreemd, reden=reden, token=token, **kw)


def beheer(cel_fb: str, **kw) -> Rij:
    """Django admin: only functioneel beheer (is_staff) with a verified second factor."""
    return Rij("beheer", " ".join(["LL"] * (len(ROLLEN) - 1) + [cel_fb]), **kw)


def _object(kwarg: str, attr: str) -> Callable:
    return lambda w, g: {kwarg: getattr(g, attr).pk}


def _extra(kwarg: str, sleutel: str) -> Callable:
    return lambda w, g: {kwarg: w.extra[sleutel]}


# The Django admin under /beheer/ is one prefix group: OTPAdminSite lets in staff accounts
# (is_staff, only functioneel beheer has it) that signed in with a verified second factor; what
# they see there follows the auth permissions the seed gives the functioneel-beheer group.
ADMIN_REGEL = "alleen functioneel beheer (is_staff) met geverifieerde tweede factor"

# fmt: off
MATRIX: dict[str, Rij] = {
    # --- public pages ----------------------------------------------------------------------
    #                                                        GET/POST, the same for every role
    "core:home": publiek("de voorpagina", "22"),
    "core:privacy": publiek("privacyverklaring", "2M"),
    "core:toegankelijkheid": publiek("toegankelijkheidsverklaring", "2M"),
    "core:contact": publiek("contactgegevens van de gemeente", "2M"),
    "core:favicon": publiek("het pictogram van de site (verwijst naar het SVG-bestand)", "3M"),
    "core:mijn_links": publiek("inwoner vraagt zijn links opnieuw; zegt nooit of een "
                                      "adres bekend is", "22"),
    "core:status_live": publiek("probe: het proces antwoordt", "2M"),
    "core:status_ready": publiek("probe: database, cache, broker, migraties", "2M"),
    "core:mijn_gegevens_aanvragen": publiek("inwoner vraagt inzage in zijn gegevens; zegt nooit "
                                            "of een adres bekend is", "22"),
    "accounts:login": publiek("het inlogscherm zelf", "22"),
    "accounts:logout": publiek("uitloggen kan geen kwaad, ook zonder sessie", "M3"),
    "kernen:lijst": publiek("alle kernen", "22"),
    "kernen:detail": publiek("de publieke pagina van een kern", "22"),
    "initiatieven:publiek_lijst": publiek("toegezegde en uitgevoerde initiatieven", "22"),
    "initiatieven:indienen": publiek("een initiatief indienen kan iedereen", "22"),
    "initiatieven:verstuurd": publiek("bedankpagina na indienen", "22"),
    "initiatieven:publiek_kern": publiek("openbare initiatieven van een kern", "22"),
    "initiatieven:verhalen": publiek("gepubliceerde verhalen", "22"),
    "initiatieven:verhaal": publiek("een gepubliceerd verhaal", "22",
                                    kwargs=lambda w, g: {"pk": g.verhaal.pk}),
    "initiatieven:verhaal_foto": publiek(
        "foto bij een gepubliceerd verhaal, met toestemming", "22",
        kwargs=lambda w, g: {"pk": g.verhaal.pk, "bijlage_pk": g.bijlage.pk}),
    "initiatieven:publiek_detail": publiek("een openbaar initiatief (afgerond)", "22",
                                           kwargs=lambda w, g: {"pk": g.initiatief.pk}),
    "initiatieven:steunen": publiek("een openbaar initiatief steunen kan iedereen; een lege "
                                    "POST toont het formulier met de fout", "22",
                                    kwargs=lambda w, g: {"pk": g.initiatief.pk}),
    "budgetten:regelingen": publiek("de vier regelingen", "22"),
    "budgetten:aanvraag_nieuw": publiek("een aanvraag doen kan iedereen", "22",
                                        kwargs=lambda w, g: {"regeling": "straatbijeenkomst"}),
    "budgetten:aanvraag_verstuurd": publiek("bedankpagina na aanvragen", "22"),
    "budgetten:cijfers": publiek("stuurt door naar de cijfers van dit jaar", "33"),
    "budgetten:cijfers_jaar": publiek("besluiten over geld zijn openbaar (Woo)", "22",
                                      kwargs=lambda w, g: {"jaar": timezone.localdate().year}),
    "budgetten:stemronde_lijst": publiek("stemrondes die open of klaar zijn", "22"),
    "budgetten:stemronde_publiek": publiek("een open stemronde; een lege POST toont het formulier",
                                           "22", kwargs=lambda w, g: {"stemronde_pk": w.ronde.pk}),
    "budgetten:stem_verstuurd": publiek("bedankpagina na stemmen", "22",
                                        kwargs=lambda w, g: {"stemronde_pk": w.ronde.pk}),
    "budgetten:stemronde_uitslag": publiek("uitslag; zolang niet verdeeld terug naar de ronde",
                                           "33", kwargs=lambda w, g: {"stemronde_pk": w.ronde.pk}),
    "budgetten:kandidaat_steunen": publiek("een kandidaat van een open stemronde steunen kan "
                                           "iedereen; een lege POST toont het formulier", "22",
                                           kwargs=_extra("kandidaat_pk", "kandidaat")),
    "vragen:vraag_stellen": publiek("een vraag stellen kan iedereen", "22"),
    "vragen:vraag_verstuurd": publiek("bedankpagina na een vraag", "22"),
    "participatie:bijeenkomsten": publiek("komende bijeenkomsten", "22"),
    "participatie:bijeenkomst_publiek": publiek("aanmelden voor een bijeenkomst", "24"),
    "participatie:bijeenkomst_bedankt": publiek("bedankpagina na aanmelden", "22"),
    "participatie:bijeenkomst_agenda": publiek("agendabestand, zonder videolink", "22"),
    "participatie:trajecten": publiek("lopende trajecten", "22"),
    "participatie:traject_publiek": publiek("een gepubliceerd traject", "22",
                                            kwargs=lambda w, g: {"traject_pk": w.traject.pk}),
    "initiatieven:info_index": publiek("informatie voor vrijwilligers", "2M"),
    "initiatieven:info": publiek("een informatiepagina (inhoud als data)", "2M",
                                 kwargs=lambda w, g: {"pagina": "vertrouwenspersoon"}),
    "initiatieven:nomineren": publiek("een vrijwilliger voordragen kan iedereen", "22"),
    "initiatieven:nominatie_verstuurd": publiek("bedankpagina na voordragen", "22"),
    "initiatieven:nominatie_bevestigd": publiek("bedankpagina na bevestigen", "22"),
    "volgen:aanmelden": publiek("een kern volgen kan iedereen", "22"),
    "volgen:verstuurd": publiek("bedankpagina na aanmelden", "22"),

    # The open-data API (/api/v1/): public and read-only, JSON and CSV; POST is 405.
    "opendata:api": publiek("stuurt door naar de documentatie van de API", "33"),
    "opendata:openapi": publiek("het OpenAPI-document", "2M"),
    "opendata:documentatie": publiek("documentatie van de API", "2M"),
    "opendata:api-root": publiek("de collecties van de API", "2M"),
    "opendata:kern-list": publiek("open data: kernen", "2M"),
    "opendata:kern-detail": publiek("open data: een kern", "2M",
                                    kwargs=lambda w, g: {"slug": g.kern.slug}),
    "opendata:gebied-list": publiek("open data: gebieden", "2M"),
    "opendata:gebied-detail": publiek("open data: een gebied", "2M",
                                      kwargs=lambda w, g: {"slug": g.kern.gebied.slug}),
    "opendata:regeling-list": publiek("open data: regelingen en bedragen", "2M"),
    "opendata:regeling-detail": publiek("open data: een regeling", "2M",
                                        kwargs=lambda w, g: {"code": "leefbaarheid"}),
    "opendata:besluit-list": publiek("open data: besluiten over geld (Woo)", "2M"),
    "opendata:pot-list": publiek("open data: grootboek per pot", "2M"),
    "opendata:initiatief-list": publiek("open data: openbare initiatieven", "2M"),
    "opendata:initiatief-detail": publiek("open data: een openbaar initiatief", "2M",
                                          kwargs=lambda w, g: {"pk": g.initiatief.pk}),
    "opendata:verhaal-list": publiek("open data: verhalen", "2M"),
    "opendata:verhaal-detail": publiek("open data: een verhaal", "2M",
                                       kwargs=lambda w, g: {"pk": g.verhaal.pk}),
    "opendata:bijeenkomst-list": publiek("open data: bijeenkomsten, zonder videolink", "2M"),
    "opendata:bijeenkomst-detail": publiek("open data: een bijeenkomst", "2M",
                                           kwargs=lambda w, g: {"pk": g.bijeenkomst.pk}),
    "opendata:traject-list": publiek("open data: openbare trajecten", "2M"),
    "opendata:traject-detail": publiek("open data: een openbaar traject", "2M",
                                       kwargs=lambda w, g: {"pk": w.traject.pk}),
    "opendata:stemronde-list": publiek("open data: stemrondes", "2M"),
    "opendata:stemronde-detail": publiek("open data: een stemronde", "2M",
                                         kwargs=lambda w, g: {"pk": w.ronde.pk}),
    "opendata:monitoringcijfers-list": publiek("open data: halfjaarcijfers per kern", "2M"),

    # --- personal links ----------------------------------------------------------------------
    #                                          an ie ia zr ka kx bm tm kw co cs fb
    "initiatieven:bevestigen": link(
        "e-mailadres bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.initiatief_onbevestigd, "initiatief-bevestigen")),
    "initiatieven:mijn": link(
        "de pagina van het eigen initiatief",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.initiatief, "initiatief")),
    "initiatieven:mijn_aanvullen": link(
        "aanvullen: alleen POST",
        eigen=                                "MN M2 MN MN MN MN MN MN MN MN MN MN",
        vreemd=                               "MN MN M2 MN MN MN MN MN MN MN MN MN",
        token=lambda g: (g.initiatief, "initiatief")),
    "initiatieven:mijn_intrekken": link(
        "intrekken: alleen POST",
        eigen=                                "MN M2 MN MN MN MN MN MN MN MN MN MN",
        vreemd=                               "MN MN M2 MN MN MN MN MN MN MN MN MN",
        token=lambda g: (g.initiatief, "initiatief")),
    "initiatieven:steun_bevestigen": link(
        "steun bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.steun_onbevestigd, "steun-bevestigen")),
    "initiatieven:steun_mijn": link(
        "de eigen steun; POST trekt hem in",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.steun, "steun")),
    "budgetten:bevestigen": link(
        "e-mailadres van een aanvraag bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.aanvraag_onbevestigd, "budgetaanvraag-bevestigen")),
    "budgetten:mijn_aanvraag": link(
        "de pagina van de eigen aanvraag",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.aanvraag, "budgetaanvraag")),
    "budgetten:kandidaat_steun_bevestigen": link(
        "steun voor een kandidaat bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.kandidaat_steun_onbevestigd, "kandidaat-steun-bevestigen")),
    "budgetten:kandidaat_steun_mijn": link(
        "de eigen steun voor een kandidaat; POST trekt hem in",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.kandidaat_steun, "kandidaat-steun")),
    "budgetten:stem_bevestigen": link(
        "een stem bevestigen; GET toont alleen een knop",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.stembiljet, "stembiljet-bevestigen")),
    "vragen:vraag_persoonlijk": link(
        "de eigen vraag, de antwoorden en het cijfer",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.vraag, "vraag")),
    "vragen:vraag_bevestigen": link(
        "e-mailadres van een vraag bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.vraag, "vraag-bevestigen")),
    "initiatieven:nominatie_bevestigen": link(
        "e-mailadres van een voordracht bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.nominatie_onbevestigd, "nominatie-bevestigen")),
    "volgen:bevestigen": link(
        "een kern volgen bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.abonnement_onbevestigd, "volgen-bevestigen")),
    "volgen:gevolgd": link(
        "na bevestigen: u volgt de kern (zelfde link als afmelden)",
        eigen=                                "NM 2M NM NM NM NM NM NM NM NM NM NM",
        vreemd=                               "NM NM 2M NM NM NM NM NM NM NM NM NM",
        token=lambda g: (g.abonnement, "volgen-afmelden")),
    "volgen:afmelden": link(
        "afmelden met een klik, zonder inloggen; GET toont de knop, POST meldt af",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.abonnement, "volgen-afmelden")),
    "participatie:aanmelding": link(
        "de eigen aanmelding; POST meldt af",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.aanmelding, "bijeenkomst-aanmelding")),
    "core:mijn_gegevens": link(
        "wat het portaal bij het eigen adres heeft; POST vraagt verwijdering",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.privacyverzoek, "privacy-inzage")),
    "core:mijn_gegevens_download": link(
        "download (JSON, no-store) van de eigen gegevens",
        eigen=                                "NN 2M NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 2M NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.privacyverzoek, "privacy-inzage")),
    "participatie:aanmelding_bevestigen": link(
        "e-mailadres van een aanmelding bevestigen; GET toont alleen een knop",
        eigen=                                "NN 23 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 23 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.aanmelding_onbevestigd, "bijeenkomst-aanmelding-bevestigen")),
    # The invitation of functioneel beheer: the link itself decides who it is for, before any
    # sign-in; an empty POST shows the form with its errors.
    "accounts:tweede_factor_instellen": link(
        "medewerker stelt een authenticator-app in via de uitnodiging",
        eigen=                                "NN 22 NN NN NN NN NN NN NN NN NN NN",
        vreemd=                               "NN NN 22 NN NN NN NN NN NN NN NN NN",
        token=lambda g: (g.nieuwe_medewerker, "tweede-factor-instellen")),

    # --- staff pages -------------------------------------------------------------------------
    #                                 ka kx bm tm kw co cs fb
    "core:staff_start": medewerker("2M 2M 2M 2M 2M 2M 2M 2M"),
    "core:privacyverzoeken": medewerker("2M 2M FF FF FF FF FF FF"),
    "core:privacyverzoek_afhandelen": medewerker(
        "M3 FF FF FF FF FF FF FF", "FF FF FF FF FF FF FF FF",
        kwargs=_object("verzoek_pk", "privacyverzoek")),
    "monitoring:monitoring": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:monitoring_csv": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:rapport": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:rapport_pdf": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:rapport_xlsx": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:actiepunten": medewerker("2M 2M FF FF 2M 2M FF 2M"),
    "monitoring:actiepunt_status": medewerker("FF FF FF FF FF 24 FF 24"),

    "kernen:mijn_kernen": medewerker("2M 2M FF FF 2M FF FF 2M"),
    "kernen:dashboard": medewerker(
                                        "2M FF FF FF 2M FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    "kernen:toolbox": medewerker(
                                        "2M FF FF FF FF FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    # An empty POST changes nothing and shows the form with its errors (the fase is required).
    "kernen:kernprofiel": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "kernen:kanaal_nieuw": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "kernen:kanaal_wijzigen": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "kernen:organisatie_nieuw": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "kernen:organisatie_wijzigen": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),

    "initiatieven:lijst": medewerker("2M 2M 2M FF FF FF FF FF"),
    "initiatieven:detail": medewerker(
                                        "2M FF 2M FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "initiatieven:status": medewerker(
                                        "M2 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "initiatieven:bericht": medewerker(
                                        "M2 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "initiatieven:notitie": medewerker(
                                        "M2 FF M2 FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    # Both fields are optional: an empty POST assigns nobody and goes back to the detail.
    "initiatieven:toewijzen": medewerker(
                                        "M3 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "initiatieven:verhaal_bewerken": medewerker(
                                        "22 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "initiatieven:bijlage": medewerker(
                                        "2M FF 2M FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    # A list scoped to the kernambtenaar's own kernen (no object in the URL).
    "initiatieven:nominaties": medewerker("2M 2M FF FF FF FF FF FF"),

    "budgetten:aanvraag_lijst": medewerker("2M 2M 2M FF FF 2M FF 2M"),
    # Street events and leefbaarheid are the kernambtenaar's: they decide and pay; a
    # beleidsmedewerker only advises, on bijzondere initiatieven (DOMAIN.md, least privilege).
    "budgetten:aanvraag_detail": medewerker(
                                        "2M FF FF FF FF FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    "budgetten:aanvraag_besluiten": medewerker(
                                        "M4 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:aanvraag_advies": medewerker(
                                        "FF FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:aanvraag_betalen": medewerker(
                                        "M4 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:aanvraag_vaststellen": medewerker(
                                        "M4 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:aanvraag_intrekken": medewerker(
                                        "M4 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:aanvraag_detail [bijzonder]": medewerker(
                                        "2M FF 2M FF FF 2M FF 2M",
                                        "FF FF 2M FF FF 2M FF 2M",
                                        kwargs=_object("aanvraag_pk", "aanvraag_bijzonder")),
    "budgetten:aanvraag_advies [bijzonder]": medewerker(
                                        "M4 FF M4 FF FF FF FF FF",
                                        "FF FF M4 FF FF FF FF FF",
                                        kwargs=_object("aanvraag_pk", "aanvraag_bijzonder")),
    "budgetten:aanvraag_besluiten [bijzonder]": medewerker(
                                        "FF FF FF FF FF M4 FF FF",
                                        "FF FF FF FF FF M4 FF FF",
                                        kwargs=_object("aanvraag_pk", "aanvraag_bijzonder")),
    "budgetten:college": medewerker("FF FF FF FF FF 2M FF FF"),
    "budgetten:grootboek": medewerker("2M 2M 2M FF FF 2M FF 2M"),
    "budgetten:export_csv": medewerker("2F 2F 2F FF FF 2F FF 2F"),
    "budgetten:export_xlsx": medewerker("2F 2F 2F FF FF 2F FF 2F"),
    # Signaleringsgroepen: the coordinator files, team Veiligheid (bm) decides and pays.
    "budgetten:declaratie_lijst": medewerker("FF FF 2M FF FF FF 2M FF"),
    "budgetten:declaratie_nieuw": medewerker("FF FF FF FF FF FF 24 FF"),
    "budgetten:declaratie_detail": medewerker(
                                        "FF FF 24 FF FF FF 2F FF",
                                        "FF FF 24 FF FF FF 2F FF"),
    "budgetten:declaratie_bon": medewerker(
                                        "FF FF 2F FF FF FF 2F FF",
                                        "FF FF 2F FF FF FF 2F FF"),
    "budgetten:stemronde_beheer_lijst": medewerker("2M 2M FF FF FF FF FF FF"),
    "budgetten:stemronde_nieuw": medewerker(
                                        "24 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:stemronde_beheer": medewerker(
                                        "2M FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:stemronde_data": medewerker(
                                        "24 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:stemronde_papier": medewerker(
                                        "24 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:stemronde_papier_annuleren": medewerker(
                                        "24 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF",
                                        kwargs=lambda w, g: {"stemronde_pk": g.stemronde.pk,
                                                             "pk": g.papierbiljet.pk}),
    "budgetten:stemronde_fase": medewerker(
                                        "M3 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "budgetten:stemronde_kandidaat": medewerker(
                                        "24 FF FF FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF",
                                        kwargs=lambda w, g: {"stemronde_pk": g.stemronde.pk,
                                                             "aanvraag_pk": g.leef_aanvraag.pk}),
    "budgetten:vergoeding": medewerker("FF FF 24 FF FF FF FF FF"),

    "vragen:vragen_inbox": medewerker("2M 2M 2M 2M FF FF FF 2M"),
    "vragen:vraag_registreren": medewerker("22 22 FF FF FF FF FF 22"),
    "vragen:vragen_cijfers": medewerker("2M 2M FF 2M FF FF FF 2M"),
    "vragen:vraag_detail": medewerker(
                                        "2M FF 2M 2M FF FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    "vragen:vraag_routeren": medewerker(
                                        "24 FF FF FF FF FF FF 24",
                                        "FF FF FF FF FF FF FF 24"),
    "vragen:vraag_beantwoorden": medewerker(
                                        "FF FF 24 FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),
    "vragen:vraag_teruggeven": medewerker(
                                        "FF FF 24 FF FF FF FF FF",
                                        "FF FF FF FF FF FF FF FF"),

    "participatie:traject_lijst": medewerker("2M 2M 2M 2M 2M 2M FF 2M"),
    "participatie:traject_nieuw": medewerker("22 22 22 FF FF FF FF 22"),
    "participatie:lessen": medewerker("2M 2M 2M 2M 2M 2M FF 2M"),
    "participatie:traject_detail": medewerker(
                                        "2M FF 2M 2M 2M 2M FF 2M",
                                        "FF FF 2M 2M FF 2M FF 2M"),
    "participatie:traject_bewerken": medewerker(
                                        "22 FF 22 FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "participatie:traject_stap": medewerker(
                                        "24 FF 24 FF FF FF FF 24",
                                        "FF FF FF FF FF FF FF 24"),
    "participatie:traject_publiceren": medewerker(
                                        "M3 FF M3 FF FF FF FF M3",
                                        "FF FF FF FF FF FF FF M3"),
    "participatie:traject_afronden": medewerker(
                                        "M3 FF M3 FF FF FF FF M3",
                                        "FF FF FF FF FF FF FF M3"),
    "participatie:bijeenkomst_lijst": medewerker("2M 2M 2M 2M 2M 2M FF 2M"),
    "participatie:bijeenkomst_nieuw": medewerker("22 22 22 FF FF FF FF 22"),
    "participatie:bijeenkomst_detail": medewerker(
                                        "2M FF 2M FF 2M FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    # A meeting without a kern: organised by someone else, it is nobody's here but beheer's;
    # of a traject, it belongs to the traject's kernen (kernambtenaar and kernwethouder).
    "participatie:bijeenkomst_detail [hele gemeente]": medewerker(
                                        "FF FF FF FF FF FF FF 2M",
                                        kwargs=_extra("bijeenkomst_pk", "gemeente")),
    "participatie:bijeenkomst_detail [traject van kernen]": medewerker(
                                        "2M FF FF FF 2M FF FF 2M",
                                        kwargs=_extra("bijeenkomst_pk", "traject")),
    "participatie:bijeenkomst_bewerken [traject van kernen]": medewerker(
                                        "22 FF FF FF FF FF FF 22",
                                        kwargs=_extra("bijeenkomst_pk", "traject")),
    "participatie:bijeenkomst_bewerken": medewerker(
                                        "22 FF 22 FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),
    "participatie:bijeenkomst_annuleren": medewerker(
                                        "24 FF 24 FF FF FF FF 24",
                                        "FF FF FF FF FF FF FF 24"),
    "participatie:bijeenkomst_csv": medewerker(
                                        "2M FF 2M FF 2M FF FF 2M",
                                        "FF FF FF FF FF FF FF 2M"),
    "participatie:bijeenkomst_verslag": medewerker(
                                        "22 FF 22 FF FF FF FF 22",
                                        "FF FF FF FF FF FF FF 22"),

    # --- the Django admin: a handful of pages per role (ADMIN_REGEL covers the rest) ---------
    "admin:index": beheer("22", reden=ADMIN_REGEL),
    "admin:kernen_kern_changelist": beheer("22", reden=ADMIN_REGEL),
    "admin:kernen_kern_change": beheer("22", reden=ADMIN_REGEL,
                                       kwargs=lambda w, g: {"object_id": g.kern.pk}),
    "admin:budgetten_regelingjaar_changelist": beheer("22", reden=ADMIN_REGEL),
    "admin:accounts_medewerker_changelist": beheer("22", reden=ADMIN_REGEL),
    "admin:accounts_team_add": beheer("22", reden=ADMIN_REGEL),
}
# fmt: on


# --- the objects --------------------------------------------------------------------------


@dataclass
class Geval:
    """The objects of one kern: every URL parameter of a row points at one of these."""

    kern: object
    kanaal: object = None
    organisatie: object = None
    initiatief: object = None
    initiatief_onbevestigd: object = None
    bijlage: object = None
    verhaal: object = None
    aanvraag: object = None
    aanvraag_bijzonder: object = None
    aanvraag_onbevestigd: object = None
    leef_aanvraag: object = None
    declaratie: object = None
    stemronde: object = None
    stembiljet: object = None
    vraag: object = None
    traject: object = None
    bijeenkomst: object = None
    aanmelding: object = None
    aanmelding_onbevestigd: object = None
    steun: object = None
    steun_onbevestigd: object = None
    kandidaat_steun: object = None
    kandidaat_steun_onbevestigd: object = None
    papierbiljet: object = None
    nominatie_onbevestigd: object = None
    abonnement: object = None
    abonnement_onbevestigd: object = None
    privacyverzoek: object = None
    nieuwe_medewerker: object = None


@dataclass
class Wereld:
    gebruikers: dict
    clients: dict
    gevallen: dict
    ronde: object = None  # an open voting round (public pages)
    traject: object = None  # a published traject (public pages)
    actiepunt: object = None
    media: object = None
    extra: dict = field(default_factory=dict)


def _inloggen(user) -> Client:
    client = Client()
    response = client.post(
        "/medewerker/inloggen/",
        {"username": user.username, "password": TEST_PASSWORD, "code": current_code()},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def _bouw_geval(kern, *, eigen: bool, g: dict, ronde) -> Geval:
    from budgetten.constants import AanvraagStatus, RegelingCode
    from budgetten.models import KandidaatSteun, Stembiljet
    from initiatieven.constants import BijlageSoort, InitiatiefStatus
    from initiatieven.models import Nominatie, Steun, Verhaal
    from kernen.models import Kanaal, Organisatie
    from participatie.constants import AanmeldingStatus
    from tests.budgetten.factories import (
        AanvraagFactory,
        DeclaratieFactory,
        SignaleringsgroepFactory,
        StemrondeFactory,
        regeling,
    )
    from tests.initiatieven.factories import BijlageFactory, InitiatiefFactory
    from tests.participatie.factories import (
        AanmeldingFactory,
        BijeenkomstFactory,
        TrajectFactory,
    )
    from tests.volgen.factories import AbonnementFactory
    from tests.vragen.factories import VraagFactory
    from vragen.constants import VraagStatus

    # Own objects are tied to the users of the kern's roles; foreign ones to a third person.
    bm = g["bm"] if eigen else g["derde"]
    vandaag = timezone.localdate()
    initiatief = InitiatiefFactory(
        kern=kern,
        status=InitiatiefStatus.AFGEROND,
        beleidsmedewerker=g["bm"] if eigen else None,
        fotos_publiceren=True,
    )
    bijlage = BijlageFactory(initiatief=initiatief, soort=BijlageSoort.VERSLAG)
    verhaal = Verhaal.objects.create(
        initiatief=initiatief,
        titel=f"Verhaal {kern.naam}",
        thema="ontmoeten",
        samenvatting="Er staat een bankje.",
        wat_werkte="Samen met de buren.",
        foto_beschrijving="Het nieuwe bankje bij de speeltuin.",
        gepubliceerd_op=timezone.now(),
    )
    groep = SignaleringsgroepFactory(kernen=[kern])
    declaratie = DeclaratieFactory(groep=groep, **({"ingediend_door": g["cs"]} if eigen else {}))
    stemronde = StemrondeFactory(kern=kern, aangemaakt_door=g["ka"])
    traject = TrajectFactory(kernen=[kern], eigenaar=bm)
    bijeenkomst = BijeenkomstFactory(kern=kern, organisator=bm)
    team = g["team"] if eigen else g["team2"]
    return Geval(
        kern=kern,
        kanaal=Kanaal.objects.create(kern=kern, naam="Dorpskrant", soort="dorpskrant"),
        organisatie=Organisatie.objects.create(kern=kern, naam=f"Dorpsbelang {kern.naam}"),
        initiatief=initiatief,
        initiatief_onbevestigd=InitiatiefFactory(kern=kern, onbevestigd=True),
        bijlage=bijlage,
        verhaal=verhaal,
        aanvraag=AanvraagFactory(
            kern=kern, regeling=regeling(RegelingCode.STRAATBIJEENKOMST), straat="Dorpsstraat"
        ),
        # A bijzonder initiatief with the kernambtenaar's advice, waiting for the college.
        aanvraag_bijzonder=AanvraagFactory(
            kern=kern, regeling=regeling(RegelingCode.BIJZONDER), status=AanvraagStatus.BIJ_COLLEGE
        ),
        aanvraag_onbevestigd=AanvraagFactory(
            kern=kern, status=AanvraagStatus.ONBEVESTIGD, email_bevestigd_op=None
        ),
        # Counts in the round's year, whatever day the suite runs on.
        leef_aanvraag=AanvraagFactory(
            kern=kern, activiteit_datum=datetime.date(vandaag.year, 12, 31), jaar=vandaag.year
        ),
        declaratie=declaratie,
        stemronde=stemronde,
        stembiljet=Stembiljet.objects.create(
            stemronde=ronde, email=f"stemmer-{kern.slug}@example.org", voorlopige_keuze=[]
        ),
        vraag=VraagFactory(kern=kern, team=team, behandelaar=bm, status=VraagStatus.DOORGESTUURD),
        traject=traject,
        bijeenkomst=bijeenkomst,
        aanmelding=AanmeldingFactory(bijeenkomst=bijeenkomst),
        aanmelding_onbevestigd=AanmeldingFactory(
            bijeenkomst=bijeenkomst, status=AanmeldingStatus.ONBEVESTIGD
        ),
        steun=Steun.objects.create(
            initiatief=initiatief, email=f"steun@{kern.slug}.nl", email_bevestigd_op=timezone.now()
        ),
        steun_onbevestigd=Steun.objects.create(
            initiatief=initiatief, email=f"nog-niet@{kern.slug}.nl"
        ),
        kandidaat_steun=KandidaatSteun.objects.create(
            kandidaat=ronde.kandidaten.get(),
            email=f"steun@{kern.slug}.nl",
            email_bevestigd_op=timezone.now(),
        ),
        kandidaat_steun_onbevestigd=KandidaatSteun.objects.create(
            kandidaat=ronde.kandidaten.get(), email=f"nog-niet@{kern.slug}.nl"
        ),
        # A paper ballot in the kern's own round, for the annul page.
        papierbiljet=Stembiljet.objects.create(
            stemronde=stemronde,
            ingevoerd_door=g["ka"],
            bevestigd_op=timezone.now(),
            postcode="4116AA",
            huisnummer=1,
        ),
        nominatie_onbevestigd=Nominatie.objects.create(
            kern=kern,
            genomineerde="Truus",
            waarom="Twintig jaar de bieb",
            naam="Kees",
            email=f"kees-{kern.slug}@example.org",
        ),
        abonnement=AbonnementFactory(kern=kern),
        abonnement_onbevestigd=AbonnementFactory(kern=kern, onbevestigd=True),
        privacyverzoek=_privacyverzoek(kern),
        nieuwe_medewerker=MedewerkerFactory(rollen=[]),
    )


def _privacyverzoek(kern):
    from core.models import Privacyverzoek

    verzoek = Privacyverzoek.objects.create(
        email=f"inzage-{kern.slug}@example.org", verwijderen_gevraagd_op=timezone.now()
    )
    verzoek.kernen.set([kern])
    return verzoek


def bouw_wereld() -> Wereld:
    from budgetten.constants import KandidaatStatus, StemrondeFase
    from budgetten.models import Kandidaat
    from monitoring.models import Actiepunt
    from participatie.constants import TrajectStatus
    from tests.budgetten.factories import AanvraagFactory, StemrondeFactory
    from tests.participatie.factories import BijeenkomstFactory, TrajectFactory

    call_command("seed")  # roles with the auth permissions of functioneel beheer, regelingen
    kern, andere, vreemde, publieke = (KernFactory() for _ in range(4))
    # Team Veiligheid (seeded): its beleidsmedewerker also handles the signaleringsgroepen.
    team, team2 = Team.objects.get(slug="veiligheid"), TeamFactory()
    g = {
        "zr": MedewerkerFactory(rollen=[]),
        "ka": MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], kernambtenaar_van=[kern]),
        "kx": MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], kernambtenaar_van=[andere]),
        "bm": MedewerkerFactory(rollen=[Rol.BELEIDSMEDEWERKER], team=team),
        "tm": MedewerkerFactory(rollen=[Rol.TEAMMANAGER], team=team),
        "kw": MedewerkerFactory(rollen=[Rol.KERNWETHOUDER], kernwethouder_van=[kern]),
        "co": MedewerkerFactory(rollen=[Rol.COLLEGE]),
        "cs": MedewerkerFactory(rollen=[Rol.COORDINATOR_SIGNALERING]),
        "fb": MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEER], is_staff=True),
        "derde": MedewerkerFactory(rollen=[Rol.BELEIDSMEDEWERKER], team=team2),
        "team": team,
        "team2": team2,
    }
    vandaag = timezone.localdate()
    ronde = StemrondeFactory(
        kern=publieke,
        fase=StemrondeFase.OPEN,
        stemmen_van=vandaag,
        stemmen_tot=vandaag + datetime.timedelta(days=14),
    )
    # One admitted candidate in the open round: its public support page and links.
    kandidaat = Kandidaat.objects.create(
        stemronde=ronde,
        aanvraag=AanvraagFactory(kern=publieke, jaar=vandaag.year),
        status=KandidaatStatus.TOEGELATEN,
        titel="Speeltoestel",
        omschrijving="Bij het dorpshuis.",
        gevraagd_bedrag="300.00",
        beoordeeld_door=g["ka"],
    )
    gevallen = {
        "eigen": _bouw_geval(kern, eigen=True, g=g, ronde=ronde),
        "vreemd": _bouw_geval(vreemde, eigen=False, g=g, ronde=ronde),
    }
    clients = {rol: Client() for rol in ANONIEM}
    clients.update({rol: _inloggen(g[rol]) for rol in ROLLEN if rol not in ANONIEM})
    # Meetings for the whole municipality: one on its own, one of a traject of two kernen.
    breed = TrajectFactory(kernen=[kern, vreemde], eigenaar=g["derde"])
    extra = {
        "kandidaat": kandidaat.pk,
        "gemeente": BijeenkomstFactory(kern=None, organisator=g["derde"]).pk,
        "traject": BijeenkomstFactory(kern=None, traject=breed, organisator=g["derde"]).pk,
    }
    return Wereld(
        gebruikers=g,
        clients=clients,
        gevallen=gevallen,
        ronde=ronde,
        traject=TrajectFactory(kernen=[kern], eigenaar=g["derde"], status=TrajectStatus.LOPEND),
        actiepunt=Actiepunt.objects.order_by("pk").first(),
        extra=extra,
    )


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction that is rolled back at the end; every
    test runs in a savepoint inside it, every request in another one."""
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        w = bouw_wereld()
        w.media = media
        yield w
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(settings, wereld):
    # The files of the module's objects live in the module's media folder.
    settings.MEDIA_ROOT = wereld.media


# --- asking -------------------------------------------------------------------------------

STANDAARD_KWARGS: dict[str, Callable] = {
    "kern": lambda w, g: g.kern.slug,
    "kanaal_pk": lambda w, g: g.kanaal.pk,
    "organisatie_pk": lambda w, g: g.organisatie.pk,
    "initiatief_pk": lambda w, g: g.initiatief.pk,
    "bijlage_pk": lambda w, g: g.bijlage.pk,
    "aanvraag_pk": lambda w, g: g.aanvraag.pk,
    "declaratie_pk": lambda w, g: g.declaratie.pk,
    "stemronde_pk": lambda w, g: g.stemronde.pk,
    "vraag_pk": lambda w, g: g.vraag.pk,
    "traject_pk": lambda w, g: g.traject.pk,
    "bijeenkomst_pk": lambda w, g: g.bijeenkomst.pk,
    "stap": lambda w, g: "afweging",
    "actiepunt_pk": lambda w, g: w.actiepunt.pk,
}
# A valid personal link of another kind, for the same number: someone else's link.
ANDERE_SOORT = {"vraag": "initiatief"}


def _token(rij: Rij, wereld: Wereld, geval_naam: str, rol: str) -> str:
    obj, soort = rij.token(wereld.gevallen[geval_naam])
    if rol == "ie" and geval_naam == "eigen":
        return maak_token(soort=soort, pk=obj.pk, versie=obj.link_versie)
    if rol == "ie":
        # Their own link with the other object's number put in: the signature no longer fits.
        eigen_obj, _soort = rij.token(wereld.gevallen["eigen"])
        eigen = maak_token(soort=soort, pk=eigen_obj.pk, versie=eigen_obj.link_versie)
        ander = signing.dumps([soort, obj.pk, obj.link_versie], salt=SALT, compress=True)
        return ander.split(":")[0] + ":" + eigen.split(":", 1)[1]
    if rol == "ia" and geval_naam == "eigen":
        return maak_token(soort=ANDERE_SOORT.get(soort, "vraag"), pk=obj.pk, versie=obj.link_versie)
    if rol == "ia":
        return maak_token(soort=soort, pk=obj.pk, versie=obj.link_versie)
    return "geen-geldige-link"


def _url(naam: str, rij: Rij, wereld: Wereld, geval_naam: str, rol: str, route: str) -> str:
    url_naam = naam.split(" ")[0]
    geval = wereld.gevallen[geval_naam]
    if rij.kwargs is not None:
        kwargs = rij.kwargs(wereld, geval)
    else:
        kwargs = {}
        for kwarg in _kwarg_namen(route):
            if kwarg == "token":
                kwargs[kwarg] = _token(rij, wereld, geval_naam, rol)
                continue
            assert kwarg in STANDAARD_KWARGS, (
                f"{naam}: parameter <{kwarg}> heeft geen waarde; geef de rij kwargs= of vul "
                "STANDAARD_KWARGS aan"
            )
            kwargs[kwarg] = STANDAARD_KWARGS[kwarg](wereld, geval)
    return reverse(url_naam, kwargs=kwargs)


def _kwarg_namen(route: str) -> list[str]:
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", route)


def _uitkomst(client: Client, methode: str, url: str) -> tuple[str, str]:
    """(code, detail). Every request runs in a savepoint that is rolled back, and the client's
    cookies are put back afterwards, so one cell never changes the next."""
    cookies = client.cookies
    client.cookies = copy.deepcopy(cookies)
    try:
        with transaction.atomic():
            try:
                response = getattr(client, methode)(url)
            except Exception as exc:  # noqa: BLE001 - every crash is a finding, with its cause
                return "5", f"{type(exc).__name__}: {exc}"
            finally:
                transaction.set_rollback(True)
    finally:
        client.cookies = cookies
    status = response.status_code
    if status >= 500:
        return "5", f"HTTP {status}"
    if status == 302:
        login = "/beheer/login/" if url.startswith("/beheer/") else "/medewerker/inloggen/"
        return ("L" if response["Location"].startswith(login) else "3"), response["Location"]
    code = {200: "2", 400: "4", 403: "F", 404: "N", 405: "M"}.get(status, f"?{status}")
    return code, f"HTTP {status}"


def _meet_rij(naam: str, wereld: Wereld) -> tuple[list[str], list[str], list[str]]:
    """(differences, crashes, actual rows in the table's notation) for one row."""
    rij = MATRIX[naam]
    route = ALLE_ROUTES[naam.split(" ")[0]]
    verschillen, crashes, werkelijk = [], [], []
    for geval_naam, verwacht in rij.gevallen():
        assert len(verwacht) == len(ROLLEN), f"{naam} ({geval_naam}): {len(verwacht)} cellen"
        cellen = []
        for rol, cel in zip(ROLLEN, verwacht, strict=True):
            url = _url(naam, rij, wereld, geval_naam, rol, route)
            uit = ""
            for methode in ("get", "post"):
                code, detail = _uitkomst(wereld.clients[rol], methode, url)
                if code == "5":
                    crashes.append(f"{methode.upper()} {url} als {rol}: {detail}")
                uit += code
            cellen.append(uit)
            if uit != cel:
                verschillen.append(f"{geval_naam} {rol}: verwacht {cel}, kreeg {uit} ({url})")
        werkelijk.append(f"{geval_naam:>6}: {' '.join(cellen)}")
    return verschillen, crashes, werkelijk


ALLE_ROUTES = {
    **url_patterns(),
    **{n: r for r, n in admin_patterns() if n != "admin:None"},
}


# --- the tests ----------------------------------------------------------------------------


def test_every_url_pattern_has_a_row():
    zonder = sorted(set(url_patterns()) - {k.split(" ")[0] for k in MATRIX})
    assert not zonder, f"URL-patronen zonder rij in MATRIX: {zonder}"
    onbekend = sorted(k for k in MATRIX if k.split(" ")[0] not in ALLE_ROUTES)
    assert not onbekend, f"rijen zonder URL-patroon: {onbekend}"
    for naam, rij in MATRIX.items():
        route = ALLE_ROUTES[naam.split(" ")[0]]
        assert rij.soort != "publiek" or rij.reden, f"{naam}: publieke rij zonder reden"
        assert rij.soort != "medewerker" or route.startswith(STAFF_PREFIX), naam
        assert route.startswith(STAFF_PREFIX) <= (rij.soort == "medewerker") or naam in {
            "accounts:login",
            "accounts:logout",
            "accounts:tweede_factor_instellen",
        }, f"{naam} staat onder /medewerker/ maar is geen medewerkersrij"


def test_the_table_refuses_what_the_old_walker_refused():
    """Anonymous visitors and inwoners are sent to sign in on every staff URL, staff without a
    role get 403 there, and a kernambtenaar of another kern gets 403 on every staff URL that
    points at an object of a kern."""
    kx = ROLLEN.index("kx")
    for naam, rij in MATRIX.items():
        if rij.soort != "medewerker":
            continue
        for geval, cellen in rij.gevallen():
            assert cellen[:4] == ["LL", "LL", "LL", "FF"], (naam, geval)
            if rij.vreemd is not None:
                assert cellen[kx] == "FF", (naam, geval)


def test_the_admin_is_one_prefix_group():
    patronen = admin_patterns()
    assert len(patronen) > 20
    assert all(route.startswith(ADMIN_PREFIX) for route, _naam in patronen)
    assert sum(MATRIX[k].soort == "beheer" for k in MATRIX) >= 5


@pytest.mark.parametrize("naam", list(MATRIX))
def test_access(naam, wereld):
    verschillen, crashes, werkelijk = _meet_rij(naam, wereld)
    kop = "        " + " ".join(f"{r:>2}" for r in ROLLEN)
    assert not crashes, f"{naam}: 5xx\n" + "\n".join(crashes)
    assert not verschillen, (
        f"{naam} wijkt af van de tabel:\n"
        + "\n".join(verschillen)
        + "\nwerkelijk:\n"
        + "\n".join([kop, *werkelijk])
    )


def test_admin_requires_a_verified_second_factor(wereld):
    client = Client()
    client.force_login(wereld.gebruikers["fb"])  # password only, no second factor
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


# --- every permission is held by someone --------------------------------------------------


def _objecten(wereld: Wereld) -> list:
    objecten = [None]
    for geval in wereld.gevallen.values():
        objecten.extend(v for v in vars(geval).values() if v is not None)
    return objecten


def test_every_rules_permission_is_granted_to_some_role(wereld):
    from rules.permissions import permissions as registry

    rollen = [wereld.gebruikers[r] for r in ROLLEN if r not in ANONIEM]
    objecten = _objecten(wereld)
    niemand = [
        perm
        for perm in sorted(registry)
        if not any(_heeft(perm, u, obj) for u in rollen for obj in objecten)
    ]
    assert not niemand, f"permissies die geen enkele rol heeft: {niemand}"


def _heeft(perm: str, user, obj) -> bool:
    try:
        return rules.has_perm(perm, user, obj)
    except (AttributeError, TypeError):
        return False  # a predicate for another kind of object


# Admin pages only a superuser (technical support) opens, with the reason.
ALLEEN_SUPERUSER = {
    "initiatieven": "persoonsgegevens van inwoners: alleen wie het initiatief behandelt ziet "
    "ze (initiatieven.bekijk_initiatief)",
}


def test_every_admin_page_is_open_to_functioneel_beheer(wereld):
    """The admin relies on auth permissions (the seed gives them to the functioneel-beheer
    group): every registered model is visible to that group, or listed as superuser-only."""
    groep = Group.objects.get(name=Rol.FUNCTIONEEL_BEHEER)
    heeft = set(groep.permissions.values_list("content_type__app_label", "codename"))
    dood = sorted(
        f"{m._meta.app_label}.view_{m._meta.model_name}"
        for m in admin.site._registry
        if (m._meta.app_label, f"view_{m._meta.model_name}") not in heeft
        and m._meta.app_label not in ALLEEN_SUPERUSER
    )
    assert not dood, f"beheerpagina's die functioneel beheer niet kan openen: {dood}"


def test_no_rule_is_named_like_a_model_permission():
    """Django's ModelBackend answers has_perm("app.codename") too, without looking at the
    rule: a rule named like a model permission is granted to whoever holds that permission for
    the admin (functioneel beheer), whatever the rule says."""
    from django.apps import apps
    from rules.permissions import permissions as registry

    model = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }
    for m in apps.get_models():
        model |= {
            f"{m._meta.app_label}.{a}_{m._meta.model_name}" for a in m._meta.default_permissions
        }
    assert not sorted(set(registry) & model)
