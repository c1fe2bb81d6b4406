"""Pages of the signaleringsgroepen: declarations and the volunteer fee."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.fouten import Weigering, naar_form
from core.herbevestiging import HerbevestigingVereist
from core.paginering import pagina
from core.toegang import StaffPermissionMixin

from .. import selectors, services
from ..constants import DeclaratieStatus, RegelingCode
from ..filters import DeclaratieFilter
from ..forms import (
    DeclaratieBesluitForm,
    DeclaratieForm,
    VergoedingForm,
)
from ..models import Declaratie, Vrijwilligersvergoeding

# --- Staff: signaleringsgroepen ---------------------------------------------------------------


class DeclaratieLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_declaraties"
    template_name = "budgetten/declaratie_lijst.html"

    def get_context_data(self, **kwargs):
        qs = selectors.declaraties_voor_medewerker(self.request.user)
        filterset = DeclaratieFilter(self.request.GET or None, queryset=qs)
        jaar = timezone.localdate().year
        regels = [
            g for g in selectors.grootboek(jaar) if g.regeling.code == RegelingCode.SIGNALERING
        ]
        return super().get_context_data(
            filter=filterset,
            declaraties=(page := pagina(self.request, filterset.qs)).object_list,
            page=page,
            regels=regels,
            jaar=jaar,
            **kwargs,
        )


class DeclaratieNieuwView(StaffPermissionMixin, View):
    permission_required = "budgetten.declaratie_indienen"

    def get(self, request):
        return render(request, "budgetten/declaratie_form.html", {"form": DeclaratieForm()})

    def post(self, request):
        form = DeclaratieForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                declaratie = services.declaratie_indienen(
                    groep=data["groep"],
                    door=request.user,
                    datum=data["datum"],
                    omschrijving=data["omschrijving"],
                    bedrag=data["bedrag"],
                    bon=data["bon"],
                    bon_extensie=form.bon_extensie,
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "De declaratie is ingediend.")
                return redirect(declaratie.get_absolute_url())
        return render(request, "budgetten/declaratie_form.html", {"form": form}, status=400)


class DeclaratieMixin(StaffPermissionMixin):
    object_queryset = Declaratie.objects.select_related(
        "groep", "ingediend_door", "beoordeeld_door"
    )
    object_url_kwarg = "declaratie_pk"


class DeclaratieDetailView(HerbevestigingVereist, DeclaratieMixin, View):
    permission_required = "budgetten.bekijk_declaratie"

    def _render(self, request, form=None, status=200):
        declaratie = self.get_permission_object()
        kan_besluiten = request.user.has_perm("budgetten.decide_declaratie", declaratie)
        return render(
            request,
            "budgetten/declaratie_detail.html",
            {
                "declaratie": declaratie,
                "kan_beoordelen": kan_besluiten and declaratie.status == DeclaratieStatus.INGEDIEND,
                "kan_betalen": kan_besluiten and declaratie.status == DeclaratieStatus.GOEDGEKEURD,
                "form": form or DeclaratieBesluitForm(),
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(request)

    def post(self, request, *args, **kwargs):
        declaratie = self.get_permission_object()
        if not request.user.has_perm("budgetten.decide_declaratie", declaratie):
            raise PermissionDenied
        if request.POST.get("actie") == "betalen":
            try:
                services.declaratie_betalen(declaratie_id=declaratie.pk, door=request.user)
            except Weigering as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, "De betaling is vastgelegd.")
            return redirect(declaratie.get_absolute_url())
        form = DeclaratieBesluitForm(request.POST)
        if form.is_valid():
            try:
                services.declaratie_beoordelen(
                    declaratie_id=declaratie.pk,
                    door=request.user,
                    goedkeuren=form.cleaned_data["besluit"],
                    reden=form.cleaned_data["reden"],
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "Het besluit over de declaratie is vastgelegd.")
                return redirect(declaratie.get_absolute_url())
        return self._render(request, form, status=400)


class DeclaratieBonView(DeclaratieMixin, View):
    permission_required = "budgetten.bekijk_declaratie"

    def get(self, request, *args, **kwargs):
        declaratie = self.get_permission_object()
        return FileResponse(
            declaratie.bon.open("rb"),
            as_attachment=True,
            filename=f"bon-{declaratie.pk}.{declaratie.bon_extensie}",
        )

    def post(self, request, *args, **kwargs):
        raise PermissionDenied


class VergoedingView(HerbevestigingVereist, StaffPermissionMixin, View):
    permission_required = "budgetten.grant_vrijwilligersvergoeding"

    def _render(self, request, form, status=200):
        return render(
            request,
            "budgetten/vergoeding.html",
            {
                "form": form,
                "vergoedingen": Vrijwilligersvergoeding.objects.select_related(
                    "coordinator", "toegekend_door"
                ),
            },
            status=status,
        )

    def get(self, request):
        return self._render(request, VergoedingForm(initial={"jaar": timezone.localdate().year}))

    def post(self, request):
        form = VergoedingForm(request.POST)
        if form.is_valid():
            try:
                services.vrijwilligersvergoeding_toekennen(
                    jaar=form.cleaned_data["jaar"],
                    coordinator=form.cleaned_data["coordinator"],
                    door=request.user,
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "De vrijwilligersvergoeding is toegekend.")
                return redirect("budgetten:vergoeding")
        return self._render(request, form, status=400)
