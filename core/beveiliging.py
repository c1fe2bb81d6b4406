"""Safety on every response: headers the framework does not set, no caching of personal
data, an upload limit checked before the body is read, idle sessions that end, and personal
links kept out of the logs."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()"
)
LAATSTE_ACTIVITEIT = "kg_laatste_activiteit"


def activiteit_bij_inloggen(sender, request, user, **kwargs):
    """The idle clock starts at sign-in, in the session write that signing in makes anyway."""
    if request is not None and hasattr(request, "session"):
        request.session[LAATSTE_ACTIVITEIT] = int(time.time())


class BeveiligingMiddleware:
    """- `Permissions-Policy`: the portal uses no camera, microphone, location or payment.
    - `Cache-Control: no-store` on everything a signed-in user sees (staff pages, exports)
      and on every page behind a personal link (a URL with a token).
    - A request body larger than `MAX_VERZOEK_BYTES` gets 413 before it is read.
    - A staff session ends after `SESSION_IDLE_SECONDEN` without a request (the absolute
      limit is SESSION_COOKIE_AGE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lengte = request.META.get("CONTENT_LENGTH") or "0"
        if lengte.isdigit() and int(lengte) > settings.MAX_VERZOEK_BYTES:
            response = render(request, "413.html", status=413)
            response["Connection"] = "close"
            return self._headers(request, response, persoonlijk=True)
        if (verlopen := self._sessie_verlopen(request)) is not None:
            return verlopen
        response = self.get_response(request)
        return self._headers(request, response, persoonlijk=self._persoonlijk(request))

    def _sessie_verlopen(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        nu = int(time.time())
        vorige = request.session.get(LAATSTE_ACTIVITEIT)
        if vorige is not None and nu - int(vorige) > settings.SESSION_IDLE_SECONDEN:
            logout(request)
            messages.info(
                request, _("U was een half uur niet actief en bent afgemeld. Meld u opnieuw aan.")
            )
            return redirect_to_login(request.get_full_path())
        # Written at most once a minute, so a page does not cost a session write each time.
        if vorige is None or nu - int(vorige) >= 60:
            request.session[LAATSTE_ACTIVITEIT] = nu
        return None

    @staticmethod
    def _persoonlijk(request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        match = getattr(request, "resolver_match", None)
        return bool(match and "token" in match.kwargs)

    @staticmethod
    def _headers(request, response: HttpResponse, *, persoonlijk: bool) -> HttpResponse:
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if persoonlijk:
            response["Cache-Control"] = "no-store"
        return response


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind our own proxies (BEHIND_PROXY) it is the address the
    outermost trusted proxy saw: X-Forwarded-For read from the right, so a client cannot
    choose its own address by sending the header itself."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    adressen = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    adressen = [a for a in adressen if a]
    aantal = settings.TRUSTED_PROXY_COUNT
    if len(adressen) >= aantal:
        return adressen[-aantal]
    return adressen[0] if adressen else remote


# Public forms: generous for a village hall that shares one connection, tight per address
# so that nobody can flood someone else's inbox.
PER_IP = "30/h"
PER_EMAIL = "5/h"


def te_veel(request: HttpRequest, groep: str, *, email: str = "", per_email: str = PER_EMAIL):
    """Count this POST for `groep` per client address and per e-mail address; True when
    either is over its limit (django-ratelimit on the shared cache)."""
    from django_ratelimit.core import is_ratelimited

    beperkt = is_ratelimited(
        request, group=f"{groep}:ip", key="ip", rate=PER_IP, method="POST", increment=True
    )
    email = email.strip().lower()
    if email:
        beperkt |= is_ratelimited(
            request,
            group=f"{groep}:email",
            key=lambda _groep, _request: email,
            rate=per_email,
            method="POST",
            increment=True,
        )
    return beperkt


def publiek_formulier(
    groep: str,
    *,
    email_veld: str = "email",
    per_email: str = PER_EMAIL,
    zonder_mail: Callable[[HttpRequest], bool] | None = None,
):
    """Decorator for a public form's view: a POST over the limit gets the Dutch 429 page and
    saves nothing; GET is never limited. A POST for which `zonder_mail(request)` is true
    (one that can never send mail, such as adding a cost line) counts per client address
    only: the per-address limit protects inboxes, and a resident without JavaScript must
    not run into it by building up the form."""
    from functools import wraps

    def decorator(view):
        @wraps(view)
        def beperkt(request, *args, **kwargs):
            email = request.POST.get(email_veld, "")
            if zonder_mail is not None and zonder_mail(request):
                email = ""
            if request.method == "POST" and te_veel(
                request, groep, email=email, per_email=per_email
            ):
                return te_veel_response(request)
            return view(request, *args, **kwargs)

        return beperkt

    return decorator


def te_veel_response(request: HttpRequest) -> HttpResponse:
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "3600"
    return response
