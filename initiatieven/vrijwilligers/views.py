from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from core.beveiliging import publiek_formulier
from core.links import BevestigView
from core.toegang import StaffPermissionMixin

from ..models import Nominatie
from . import selectors, services
from .forms import NominatieForm
from .inhoud import PAGINAS


@require_GET
def info_index(request):
    return render(request, "initiatieven/vrijwilligers/index.html", {"paginas": PAGINAS})


@require_GET
def info(request, pagina: str):
    obj = selectors.info_pagina(pagina)
    if obj is None:
        raise Http404
    return render(
        request, "initiatieven/vrijwilligers/pagina.html", {"pagina": obj, "paginas": PAGINAS}
    )


@require_http_methods(["GET", "POST"])
@publiek_formulier("nominatie")
def nomineren(request):
    if request.method == "POST":
        form = NominatieForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            services.nominatie_indienen(
                kern=data["kern"],
                genomineerde=data["genomineerde"],
                waarom=data["waarom"],
                naam=data["naam"],
                email=data["email"],
                naam_noemen=data["naam_noemen"],
            )
            return redirect("initiatieven:nominatie_verstuurd")
    else:
        form = NominatieForm()
    return render(request, "initiatieven/vrijwilligers/nomineren.html", {"form": form})


def nominatie_verstuurd(request):
    return render(request, "initiatieven/vrijwilligers/nominatie_verstuurd.html")


class NominatieBevestigenView(BevestigView):
    link = services.BEVESTIG_LINK

    def queryset(self):
        return Nominatie.objects.select_related("kern")

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw voordracht"),
            "uitleg": _(
                "U droeg %(naam)s uit %(kern)s voor voor een vrijwilligersprijs. Klik op de "
                "knop om uw e-mailadres te bevestigen. Dan sturen wij uw voordracht naar de "
                "kernambtenaar."
            )
            % {"naam": obj.genomineerde, "kern": obj.kern.naam},
            "knop": _("Bevestigen"),
        }

    def bevestigen(self, obj):
        nominatie, _nieuw = services.nominatie_bevestigen(nominatie_id=obj.pk)
        return nominatie

    def gelukt(self, obj) -> str:
        return _("Dank u wel. Uw voordracht is bevestigd en doorgestuurd naar de kernambtenaar.")

    def na_bevestigen(self, obj) -> str:
        return reverse("initiatieven:nominatie_bevestigd")


nominatie_bevestigen = NominatieBevestigenView.as_view()


def nominatie_bevestigd(request):
    return render(request, "initiatieven/vrijwilligers/nominatie_bevestigd.html")


class NominatieLijstView(StaffPermissionMixin, TemplateView):
    """The kernambtenaar's nominations, only of their own kernen."""

    permission_required = "initiatieven.view_nominaties"
    template_name = "initiatieven/vrijwilligers/medewerker_lijst.html"

    def get_context_data(self, **kwargs):
        page = Paginator(selectors.nominaties_voor_medewerker(self.request.user), 25).get_page(
            self.request.GET.get("pagina")
        )
        return super().get_context_data(page=page, **kwargs)
