"""Anonymous public pages from Redis, made again when what they show changes (issue 12).

What is cached: a GET of a page in PUBLIEKE_PAGINAS by a visitor who sends no cookie of ours
(no session, so nobody signed in and no messages waiting; a CSRF cookie alone is fine, because
a page that renders a token is never stored). What is stored: a 200 whose rendering asked
for no CSRF token, set no cookie and holds no form token. Personal-link pages (a token in the
URL) and staff pages are never in the list.

Invalidation: every page key carries a version number; a save or delete of any model of the
apps whose data public pages show raises the version (at once, and again after the commit, so
no request stores the old state under the new version). Coarse - any change makes all public
pages again - and cheap, since changes are rare next to page views. A write that bypasses
model signals (QuerySet.update) is caught by the lifetime, LEVENSDUUR seconds, which also ends
what depends on the clock only ("upcoming" meetings); the key holds the local date, so what
depends on the date changes at midnight.

The middleware sits inside the security, CSP and locale middleware, so a page from the cache
gets the same headers as a fresh one. It keeps the page compressed too, so a browser that
accepts gzip gets the stored bytes instead of a compression per request (GZipMiddleware leaves
a response that has a Content-Encoding alone). These pages hold no secret, so one compressed
copy for everyone gives BREACH nothing to read.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

LEVENSDUUR = 300
VERSIE_SLEUTEL = "publiek-cache-versie"
PUBLIEKE_PAGINAS = frozenset(
    {
        "core:home",
        "core:privacy",
        "core:toegankelijkheid",
        "core:contact",
        "kernen:lijst",
        "kernen:detail",
        "initiatieven:publiek_lijst",
        "initiatieven:publiek_kern",
        "initiatieven:verhalen",
        "initiatieven:verhaal",
        "initiatieven:publiek_detail",
        "budgetten:regelingen",
        "budgetten:cijfers_jaar",
        "budgetten:stemronde_lijst",
        "participatie:bijeenkomsten",
        "participatie:trajecten",
        "participatie:traject_publiek",
    }
)
# Apps whose rows appear on public pages; their changes make the pages again.
APPS_OP_PUBLIEKE_PAGINAS = frozenset(
    {"kernen", "initiatieven", "budgetten", "participatie", "vragen", "monitoring"}
)
# Rows that change often and show on no public page.
NIET_PUBLIEK = frozenset({"herinnering", "mailbericht"})


def versie(sleutel: str = VERSIE_SLEUTEL) -> int:
    """The version in the keys of a cache's pages (also core.medewerker_cache's, by its key)."""
    return cache.get_or_set(sleutel, 1, timeout=None) or 1


def vernieuwen(sleutel: str = VERSIE_SLEUTEL) -> None:
    """Make every page of that cache again at its next request."""
    try:
        cache.incr(sleutel)
    except ValueError:  # not there (evicted, or a fresh cache): any new value will do
        cache.set(sleutel, 2, timeout=None)


def _na_wijziging(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in APPS_OP_PUBLIEKE_PAGINAS and meta.model_name not in NIET_PUBLIEK:
        # Now (this process sees its own change at once) and again after the commit: a page
        # rendered by another request in between, from the old state, is then dropped too.
        vernieuwen()
        transaction.on_commit(vernieuwen)


def signalen_koppelen() -> None:
    for signaal in (post_save, post_delete, m2m_changed):
        signaal.connect(_na_wijziging, dispatch_uid=f"publiek-cache-{signaal}")


def _mag_uit_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if any(naam != settings.CSRF_COOKIE_NAME for naam in request.COOKIES):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in PUBLIEKE_PAGINAS


def _mag_bewaren(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and b"csrfmiddlewaretoken" not in response.content
        and not response.has_header("Cache-Control")  # a view that said how to cache it
    )


def sleutel(request: HttpRequest, soort: str = "publiek2") -> str:
    pad = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    # The local date too: what a page shows by date (a voting round open until a day, the
    # figures of this year) changes at midnight without any save.
    return f"{soort}:{versie()}:{timezone.localdate().isoformat()}:{pad}"


def _bewaren(response: HttpResponse) -> tuple[bytes, str, bytes | None]:
    inhoud = response.content
    ingepakt = compress_string(inhoud, max_random_bytes=GZipMiddleware.max_random_bytes)
    # as GZipMiddleware: not for short pages, nor when compressing makes it no shorter
    if len(inhoud) < 200 or len(ingepakt) >= len(inhoud):
        return inhoud, response["Content-Type"], None
    return inhoud, response["Content-Type"], ingepakt


def _uit_opslag(request: HttpRequest, bewaard: tuple[bytes, str, bytes | None]) -> HttpResponse:
    inhoud, soort, ingepakt = bewaard
    if ingepakt is None or not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return HttpResponse(inhoud, content_type=soort)
    response = HttpResponse(ingepakt, content_type=soort)
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PubliekeCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _mag_uit_cache(request):
            return self.get_response(request)
        # the key before the response: a change while it renders raises the version past it
        pagina = sleutel(request)
        bewaard = cache.get(pagina)
        if bewaard is not None:
            return _uit_opslag(request, bewaard)
        response = self.get_response(request)
        if _mag_bewaren(request, response):
            cache.set(pagina, _bewaren(response), LEVENSDUUR)
        return response
