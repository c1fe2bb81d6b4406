"""The same public POST twice (a double click, a browser resend) makes one thing, not two.

A public form carries a one-time token (`{% eenmalig_token %}` in the form). The first POST
with a token claims it in the shared cache (Redis; `cache.add` is atomic); when that POST ends
in a redirect (saved), the redirect is stored under the token, and every later POST with the
same token gets the same redirect: the confirmation of the first. A POST that saved nothing
(errors in the form) releases the token, so the corrected form can be sent with it.
Initiatives have their own key in the database (`idempotentie_sleutel`); this covers the
other public forms without a column of their own."""

import time
import uuid
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

VELD = "eenmalig_token"
BEZIG = "-"
BEWAREN_SECONDEN = 24 * 3600
WACHTEN_SECONDEN = 10.0


def nieuw_token(request: HttpRequest) -> str:
    """The token for the form on this page: the one sent along (a form shown again with
    errors keeps it), else a new one."""
    gegeven = request.POST.get(VELD, "") if request.method == "POST" else ""
    return gegeven if _geldig(gegeven) else uuid.uuid4().hex


def _geldig(token: str) -> bool:
    return len(token) == 32 and all(c in "0123456789abcdef" for c in token)


def _sleutel(groep: str, token: str) -> str:
    return f"kg:eenmalig:{groep}:{token}"


def eenmalig_formulier(groep: str):
    """Decorator for a public form's view (inside `publiek_formulier`, so that a repeat
    still counts towards the rate limit)."""

    def decorator(view):
        @wraps(view)
        def eenmalig(request, *args, **kwargs):
            token = request.POST.get(VELD, "") if request.method == "POST" else ""
            if not _geldig(token):
                return view(request, *args, **kwargs)
            sleutel = _sleutel(groep, token)
            if not cache.add(sleutel, BEZIG, BEWAREN_SECONDEN):
                return _zelfde_als_eerste(request, sleutel)
            try:
                response = view(request, *args, **kwargs)
            except BaseException:
                cache.delete(sleutel)
                raise
            if response.status_code == 302:
                cache.set(sleutel, response["Location"], BEWAREN_SECONDEN)
            else:
                cache.delete(sleutel)
            return response

        return eenmalig

    return decorator


def _zelfde_als_eerste(request: HttpRequest, sleutel: str) -> HttpResponse:
    """The first POST with this token is done (its redirect is stored) or still running
    (a double click): wait for it, then send to the same confirmation."""
    einde = time.monotonic() + WACHTEN_SECONDEN
    while (waarde := cache.get(sleutel)) == BEZIG and time.monotonic() < einde:
        time.sleep(0.1)
    if waarde and waarde != BEZIG:
        return redirect(waarde)
    # The first one saved nothing (and let go of the token), or is still busy: ask to look
    # and send again; nothing was made twice.
    return render(request, "eenmalig_opnieuw.html", status=409)
