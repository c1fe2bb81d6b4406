"""Pages of steun: support a published initiative, confirm it, withdraw it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.beveiliging import publiek_formulier
from core.fouten import naar_form
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response

from . import selectors, services
from .forms import SteunForm


@require_http_methods(["GET", "POST"])
@publiek_formulier("steun")
def steunen(request, pk: int):
    initiatief = selectors.steunbaar_initiatief(pk=pk)
    if initiatief is None:
        raise Http404
    form = SteunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.steun_geven(initiatief_id=initiatief.pk, email=form.cleaned_data["email"])
        except ValidationError as exc:
            naar_form(form, exc)
        else:
            messages.success(request, services.STEUN_ONTVANGEN)
            return redirect(initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/steunen.html",
        {
            "initiatief": initiatief,
            "form": form,
            "steun_aantal": selectors.aantal_steun(initiatief_id=initiatief.pk),
        },
    )


class SteunBevestigenView(BevestigView):
    """The link in the steun mail: GET shows one button, POST makes the support count."""

    link = services.STEUN_BEVESTIG_LINK

    def queryset(self):
        return selectors.steun_qs()

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw steun"),
            "uitleg": _(
                'U steunt het initiatief "%(titel)s" in %(kern)s. Klik op de knop, dan telt '
                "uw steun mee."
            )
            % {"titel": obj.initiatief.titel, "kern": obj.initiatief.kern.naam},
            "knop": _("Steun bevestigen"),
        }

    def bevestigen(self, obj):
        return services.steun_bevestigen(steun_id=obj.pk)

    def gelukt(self, obj) -> str:
        return _("Dank u wel. Uw steun telt mee.")

    def na_bevestigen(self, obj) -> str:
        return obj.initiatief.get_absolute_url()


steun_bevestigen = SteunBevestigenView.as_view()


@require_http_methods(["GET", "POST"])
def steun_mijn(request, token: str):
    """The resident's link to their support: GET shows it and a button, POST withdraws."""
    try:
        steun = services.STEUN_LINK.lees(token, selectors.steun_qs())
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        initiatief = steun.initiatief
        services.steun_intrekken(steun_id=steun.pk)
        messages.success(request, _("Uw steun is ingetrokken. Uw e-mailadres is verwijderd."))
        return redirect(
            initiatief.get_absolute_url()
            if selectors.steunbaar_initiatief(pk=initiatief.pk)
            else "core:home"
        )
    return render(
        request, "initiatieven/steun_mijn.html", {"steun": steun, "titel": steun.initiatief.titel}
    )
