import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from core.herbevestiging import herbevestigd
from core.links import LinkOngeldig, LinkVerlopen
from core.querystring import lokale_url

from . import services
from .forms import InlogForm, TweedeFactorCodeForm, TweedeFactorWachtwoordForm
from .qr import qr_svg, sleutel_in_groepen


@sensitive_post_parameters("password", "code")
@csrf_protect
@never_cache
def inloggen(request):
    next_url = lokale_url(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        form = InlogForm(request, data=request.POST)
        if form.is_valid():
            login(request, form.user)
            otp_login(request, form.device)
            herbevestigd(request)
            return redirect(next_url or reverse("core:staff_start"))
    else:
        form = InlogForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def uitloggen(request):
    logout(request)
    return redirect("core:home")


def _uitnodiging_ongeldig(request, exc: LinkOngeldig):
    """Forged, expired, used or replaced: 404, and nothing about the medewerker."""
    return render(
        request,
        "accounts/tweede_factor_ongeldig.html",
        {"verlopen": isinstance(exc, LinkVerlopen)},
        status=404,
    )


# The session remembers that the password of the setup page was right: for whom, for which
# link version (a new invitation or the finished setup raises it, so the mark lapses with
# the link) and since when. Only with that mark does the page show the key.
SESSIE_WACHTWOORD_GOED = "kg_tweede_factor_wachtwoord_goed"
WACHTWOORD_GOED_SECONDEN = 15 * 60


def _wachtwoord_goed_onthouden(request, uitnodiging: services.Uitnodiging) -> None:
    # A fresh session id from here on: a session id planted before the password (fixation)
    # never carries the mark.
    request.session.cycle_key()
    request.session[SESSIE_WACHTWOORD_GOED] = {
        "pk": uitnodiging.medewerker.pk,
        "versie": uitnodiging.versie,
        "op": int(time.time()),
    }


def _wachtwoord_goed(request, uitnodiging: services.Uitnodiging) -> bool:
    mark = request.session.get(SESSIE_WACHTWOORD_GOED)
    if not isinstance(mark, dict):
        return False
    leeftijd = time.time() - mark.get("op", 0)
    return (
        mark.get("pk") == uitnodiging.medewerker.pk
        and mark.get("versie") == uitnodiging.versie
        and 0 <= leeftijd <= WACHTWOORD_GOED_SECONDEN
    )


@sensitive_post_parameters("password", "code")
@csrf_protect
@never_cache
def tweede_factor_instellen(request, token: str):
    """The page behind the invitation link, in two steps.

    Step 1 asks only for the password; step 2 (with the session's mark of a right password)
    shows the QR code and key and asks for the first code. Whoever has only the mail never
    sees a key: it would let them make codes once they learn the password elsewhere."""
    try:
        uitnodiging = services.uitnodiging_lezen(token=token)
    except LinkOngeldig as exc:
        return _uitnodiging_ongeldig(request, exc)
    if _wachtwoord_goed(request, uitnodiging):
        return _stap_code(request, uitnodiging)
    return _stap_wachtwoord(request, uitnodiging)


def _stap_wachtwoord(request, uitnodiging: services.Uitnodiging):
    medewerker = uitnodiging.medewerker
    # A code posted without the mark (it lapsed while the page was open): ask again, calmly.
    opnieuw = request.method == "POST" and "password" not in request.POST
    if request.method == "POST" and not opnieuw:
        form = TweedeFactorWachtwoordForm(request, data=request.POST, medewerker=medewerker)
        if form.is_valid():
            _wachtwoord_goed_onthouden(request, uitnodiging)
            # Post/redirect/get: a reload shows step 2 and never sends the password again.
            return redirect(request.path)
    else:
        form = TweedeFactorWachtwoordForm(request, medewerker=medewerker)
    context = {"stap": 1, "form": form, "medewerker": medewerker, "opnieuw": opnieuw}
    return render(request, "accounts/tweede_factor_instellen.html", context)


def _stap_code(request, uitnodiging: services.Uitnodiging):
    medewerker = uitnodiging.medewerker
    credentials = {"username": medewerker.username}
    if request.method == "POST" and AxesProxyHandler.is_locked(request, credentials):
        # No authenticate() in this step to refuse a locked account, so ask axes directly.
        return get_lockout_response(request, None, credentials)
    # Only now, after the password, is there a key: the same one on every reload.
    apparaat = services.nieuw_apparaat(medewerker=medewerker)
    form_kwargs = {"medewerker": medewerker, "apparaat": apparaat}
    if request.method == "POST":
        form = TweedeFactorCodeForm(request, data=request.POST, **form_kwargs)
        if form.is_valid():
            try:
                apparaat = services.tweede_factor_instellen(
                    uitnodiging=uitnodiging, apparaat=apparaat
                )
            except LinkOngeldig as exc:
                return _uitnodiging_ongeldig(request, exc)
            request.session.pop(SESSIE_WACHTWOORD_GOED, None)
            # The password was checked in step 1, by ModelBackend (behind axes' backend).
            login(request, medewerker, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, apparaat)
            herbevestigd(request)
            messages.success(
                request,
                _(
                    "Uw authenticator-app is ingesteld en u bent ingelogd. Voortaan logt u in "
                    "met uw wachtwoord en een code uit deze app."
                ),
            )
            return redirect("core:staff_start")
    else:
        form = TweedeFactorCodeForm(request, **form_kwargs)
    context = {
        "stap": 2,
        "form": form,
        "medewerker": medewerker,
        "qr": qr_svg(
            apparaat.config_url,
            label=_("QR-code om uw authenticator-app in te stellen"),
        ),
        "sleutel": sleutel_in_groepen(apparaat.bin_key),
    }
    return render(request, "accounts/tweede_factor_instellen.html", context)
