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
from .forms import InlogForm, TweedeFactorInstellenForm
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


@sensitive_post_parameters("password", "code")
@csrf_protect
@never_cache
def tweede_factor_instellen(request, token: str):
    """The page behind the invitation link: password, QR code and key, first code."""
    try:
        uitnodiging = services.uitnodiging_lezen(token=token)
    except LinkOngeldig as exc:
        return _uitnodiging_ongeldig(request, exc)
    medewerker = uitnodiging.medewerker
    apparaat = services.nieuw_apparaat(medewerker=medewerker)
    form_kwargs = {"medewerker": medewerker, "apparaat": apparaat}
    if request.method == "POST":
        form = TweedeFactorInstellenForm(request, data=request.POST, **form_kwargs)
        if form.is_valid():
            try:
                apparaat = services.tweede_factor_instellen(
                    uitnodiging=uitnodiging, apparaat=apparaat
                )
            except LinkOngeldig as exc:
                return _uitnodiging_ongeldig(request, exc)
            login(request, form.user)
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
        form = TweedeFactorInstellenForm(request, **form_kwargs)
    context = {
        "form": form,
        "medewerker": medewerker,
        "qr": qr_svg(
            apparaat.config_url,
            label=_("QR-code om uw authenticator-app in te stellen"),
        ),
        "sleutel": sleutel_in_groepen(apparaat.bin_key),
    }
    return render(request, "accounts/tweede_factor_instellen.html", context)
