"""Pages of support (steun) for a voting candidate: support it, confirm, withdraw.

The same flow as support for an initiative (initiatieven.views_steun), for a Kandidaat.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.beveiliging import publiek_formulier
from core.fouten import Weigering, naar_form
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from initiatieven.services import STEUN_ONTVANGEN

from .. import selectors, services
from ..forms_stemronde import KandidaatSteunForm


@require_http_methods(["GET", "POST"])
@publiek_formulier("steun")
def kandidaat_steunen(request, kandidaat_pk: int):
    kandidaat = selectors.steunbare_kandidaat(pk=kandidaat_pk, vandaag=timezone.localdate())
    if kandidaat is None:
        raise Http404
    ronde = kandidaat.stemronde
    form = KandidaatSteunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kandidaat_steunen(kandidaat_id=kandidaat.pk, email=form.cleaned_data["email"])
        except Weigering as exc:
            naar_form(form, exc)
        else:
            messages.success(request, STEUN_ONTVANGEN)
            return redirect(ronde.get_absolute_url())
    return render(
        request,
        "budgetten/kandidaat_steunen.html",
        {
            "kandidaat": kandidaat,
            "ronde": ronde,
            "form": form,
            "steun_aantal": selectors.steun_aantallen_kandidaten([kandidaat.pk])[kandidaat.pk],
        },
        status=400 if form.errors else 200,
    )


class KandidaatSteunBevestigenView(BevestigView):
    """The link in the mail: GET shows one button, POST makes the support count (while the
    round is open; afterwards the page says it no longer counts)."""

    link = services.KANDIDAAT_STEUN_BEVESTIGEN

    def queryset(self):
        return selectors.kandidaat_steun_qs()

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw steun"),
            "uitleg": _(
                'U steunt het initiatief "%(titel)s" in de stemronde van %(kern)s. Klik op de '
                "knop, dan telt uw steun mee."
            )
            % {"titel": obj.kandidaat.titel, "kern": obj.kandidaat.stemronde.kern.naam},
            "knop": _("Steun bevestigen"),
        }

    def bevestigen(self, obj):
        return services.kandidaat_steun_bevestigen(steun_id=obj.pk)

    def gelukt(self, obj) -> str:
        return _("Dank u wel. Uw steun telt mee.")

    def na_bevestigen(self, obj) -> str:
        return obj.kandidaat.stemronde.get_absolute_url()

    def post(self, request, token: str):
        try:
            obj = self._object(token)
        except LinkOngeldig as exc:
            return link_ongeldig_response(request, exc)
        try:
            obj = self.bevestigen(obj)
        except Weigering as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.na_bevestigen(obj))
        messages.success(request, self.gelukt(obj))
        return redirect(self.na_bevestigen(obj))


kandidaat_steun_bevestigen = KandidaatSteunBevestigenView.as_view()


@require_http_methods(["GET", "POST"])
def kandidaat_steun_mijn(request, token: str):
    """The resident's link to their support: GET shows it and a button, POST withdraws."""
    try:
        steun = services.KANDIDAAT_STEUN_LINK.lees(token, selectors.kandidaat_steun_qs())
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        ronde = steun.kandidaat.stemronde
        services.kandidaat_steun_intrekken(steun_id=steun.pk)
        messages.success(request, _("Uw steun is ingetrokken. Uw e-mailadres is verwijderd."))
        return redirect(ronde.get_absolute_url())
    return render(
        request, "initiatieven/steun_mijn.html", {"steun": steun, "titel": steun.kandidaat.titel}
    )
