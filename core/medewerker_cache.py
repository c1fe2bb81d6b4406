"""Staff list pages from Redis for a minute, per user and session (issue 12).

A kernambtenaar goes from the dashboard to an initiative and back, from the inbox to a
question and back: the list is asked again while nothing has changed. This keeps the rendered
HTML of a few read-only staff pages (the views with `MedewerkerCacheMixin`) for
`MEDEWERKER_CACHE_SECONDEN` seconds.

What stays live on every request: the sign-in, second factor, idle timeout and the view's
permission and kern-scope check (the mixin works inside `get()`, after `dispatch` has checked),
the headers (no-store, CSP) and a fresh CSRF token in every form (the stored HTML holds a
placeholder, so no two responses carry the same masked token, as with a fresh render).

The key holds the user, the session key (a new sign-in never sees a page of the previous one),
the full path (filters, page), the language, a time bucket of the lifetime and a version
number. The version goes up after every save or delete of a model of our apps, of users,
groups and permissions and of second-factor devices (at once, and again after the commit), and
after every request that is not GET/HEAD/OPTIONS (`WijzigingMiddleware`: a write through
`QuerySet.update()` sends no signal). Coarse - any change makes every staff page again - and
cheap, since writes are rare next to page views. What changes only with the clock (an answer
becomes overdue) is at most one bucket late.

Never stored: a page rendered with messages waiting, a page whose rendering changed the
session or set a cookie, anything but a plain 200.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone, translation

from . import publiek_cache

VERSIE_SLEUTEL = "medewerker-cache-versie"
# Rows of these apps can show on a staff page or change who may see what.
APPS = frozenset(
    {
        "core",
        "accounts",
        "kernen",
        "initiatieven",
        "budgetten",
        "participatie",
        "vragen",
        "monitoring",
        "opendata",
        "volgen",
        "auth",
        "otp_totp",
        "otp_static",
    }
)
VEILIG = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
PLAATSHOUDER = "__medewerker-cache-csrf__"
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def levensduur() -> int:
    return int(getattr(settings, "MEDEWERKER_CACHE_SECONDEN", 60))


def vernieuwen() -> None:
    """Make every cached staff page again at its next request."""
    publiek_cache.vernieuwen(VERSIE_SLEUTEL)


def _na_wijziging(sender, **kwargs) -> None:
    if sender._meta.app_label in APPS:
        # Now (this process sees its own change at once) and after the commit: a page
        # rendered by another request in between, from the old state, is dropped too.
        vernieuwen()
        transaction.on_commit(vernieuwen)


def signalen_koppelen() -> None:
    for signaal in (post_save, post_delete, m2m_changed):
        signaal.connect(_na_wijziging, dispatch_uid=f"medewerker-cache-{signaal}")


class WijzigingMiddleware:
    """Any request that may write ends what is cached, after it has written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in VEILIG:
            vernieuwen()
        return response


def _sleutel(request: HttpRequest) -> str | None:
    duur = levensduur()
    sessie = getattr(request, "session", None)
    if duur <= 0 or sessie is None or not sessie.session_key:
        return None
    bak = int(timezone.now().timestamp() // duur)
    pad = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    sessie_hash = hashlib.sha256(sessie.session_key.encode()).hexdigest()[:32]
    taal = translation.get_language()
    versie = publiek_cache.versie(VERSIE_SLEUTEL)
    return f"medewerker:{versie}:{bak}:{request.user.pk}:{sessie_hash}:{taal}:{pad}"


def _berichten_wachten(request: HttpRequest) -> bool:
    opslag = getattr(request, "_messages", None)
    return opslag is not None and len(opslag) > 0


def _mag_bewaren(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.session.modified
        and set(response.headers) <= {"Content-Type"}
    )


def _opslaan(request: HttpRequest, response: HttpResponse) -> str:
    # The masked CSRF token of this render becomes a placeholder, filled anew per response.
    html = response.content.decode(response.charset)
    for token in set(_TOKEN.findall(html)):
        html = html.replace(token, PLAATSHOUDER)
    return html


def _uit_opslag(request: HttpRequest, bewaard: tuple[str, str]) -> HttpResponse:
    html, soort = bewaard
    if PLAATSHOUDER in html:
        html = html.replace(PLAATSHOUDER, get_token(request))
    return HttpResponse(html, content_type=soort)


class MedewerkerCacheMixin:
    """For read-only staff pages: first in the bases, before the view class whose `get` it
    wraps. StaffPermissionMixin's check runs in `dispatch`, before this, on every request."""

    def get(self, request, *args, **kwargs):
        sleutel = None if _berichten_wachten(request) else _sleutel(request)
        if sleutel is not None and (bewaard := cache.get(sleutel)) is not None:
            return _uit_opslag(request, bewaard)
        response = super().get(request, *args, **kwargs)  # type: ignore[misc]
        if sleutel is None:
            return response
        if isinstance(response, SimpleTemplateResponse):
            response.render()
        if _mag_bewaren(request, response) and not _berichten_wachten(request):
            bewaren = (_opslaan(request, response), response["Content-Type"])
            cache.set(sleutel, bewaren, levensduur())
        return response
