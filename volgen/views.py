from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.beveiliging import publiek_formulier
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.querystring import slug_uit_query

from . import selectors, services
from .forms import VolgenForm


@require_http_methods(["GET", "POST"])
@publiek_formulier("volgen")
def aanmelden(request):
    if request.method == "POST":
        form = VolgenForm(request.POST)
        if form.is_valid():
            services.abonnement_aanmelden(
                kern=form.cleaned_data["kern"], email=form.cleaned_data["email"]
            )
            return redirect("volgen:verstuurd")
    else:
        kern = selectors.kern_uit_slug(slug_uit_query(request.GET, "kern") or "")
        form = VolgenForm(initial={"kern": kern} if kern else None)
    return render(request, "volgen/aanmelden.html", {"form": form})


def verstuurd(request):
    return render(request, "volgen/verstuurd.html")


class BevestigenView(BevestigView):
    link = services.BEVESTIG_LINK

    def queryset(self):
        # An unsubscribed subscription cannot be confirmed again: its link is void.
        return selectors.abonnement_voor_link().filter(opgezegd_op__isnull=True)

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig dat u %(kern)s wilt volgen") % {"kern": obj.kern.naam},
            "uitleg": _(
                "Klik op de knop. Dan krijgt u elke week een e-mail als er in %(kern)s iets "
                "nieuws is: initiatieven, bijeenkomsten, trajecten en stemrondes."
            )
            % {"kern": obj.kern.naam},
            "knop": _("Ja, ik wil %(kern)s volgen") % {"kern": obj.kern.naam},
        }

    def bevestigen(self, obj):
        abonnement, _nieuw = services.abonnement_bevestigen(abonnement_id=obj.pk)
        return abonnement

    def na_bevestigen(self, obj) -> str:
        # The page after confirming reads the same token as the unsubscribe link.
        return reverse("volgen:gevolgd", kwargs={"token": services.AFMELD_LINK.token(obj)})


bevestigen = BevestigenView.as_view()


@require_GET
def gevolgd(request, token: str):
    """After confirming: says it worked, and where to unsubscribe."""
    try:
        abonnement = services.AFMELD_LINK.lees(token, selectors.abonnement_voor_link())
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    return render(
        request,
        "volgen/gevolgd.html",
        {"abonnement": abonnement, "afmelden": services.AFMELD_LINK.pad(abonnement)},
    )


# The link in every weekly mail and its List-Unsubscribe header. GET shows one button (mail
# scanners follow GET links and must not unsubscribe anyone); POST unsubscribes at once, also
# the one-click POST a mail program sends (RFC 8058) without our CSRF cookie: the signed
# token in the URL is what proves the right to unsubscribe.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def afmelden(request, token: str):
    try:
        abonnement = services.AFMELD_LINK.lees(token, selectors.abonnement_voor_link())
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        abonnement, _nieuw = services.abonnement_opzeggen(abonnement_id=abonnement.pk)
    return render(request, "volgen/afmelden.html", {"abonnement": abonnement})
