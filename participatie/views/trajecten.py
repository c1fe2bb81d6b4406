"""Staff and public pages of participation trajectories."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.fouten import naar_form
from core.paginering import pagina
from core.toegang import ActieView, StaffPermissionMixin
from participatie import rules, selectors, services, workflow
from participatie.constants import LADDER_BELOFTE, STAP_DEFINITIE, STAPPEN, Ladder, Stap
from participatie.filters import TrajectFilter
from participatie.forms import (
    LessenZoekForm,
    TrajectBasisForm,
    TrajectForm,
    betrokkenen_formset,
    stap_form_class,
)
from participatie.models import Traject


def stappen_overzicht(traject: Traject) -> list[dict]:
    voltooid = traject.voltooid
    overzicht = []
    for nummer, stap in enumerate(STAPPEN[traject.soort], start=1):
        mag, reden = rules.stap_beschikbaar(soort=traject.soort, stap=stap, voltooid=voltooid)
        overzicht.append(
            {
                "nummer": nummer,
                "stap": stap,
                "label": STAP_DEFINITIE[stap].label,
                "voltooid": stap in voltooid,
                "beschikbaar": mag,
                "reden": reden,
            }
        )
    return overzicht


# Staff: trajectories


class TrajectLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "participatie.view_trajecten"
    template_name = "participatie/traject_lijst.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        filter_ = TrajectFilter(
            self.request.GET, queryset=selectors.trajecten_voor_medewerker(user)
        )
        return super().get_context_data(
            filter=filter_,
            trajecten=(page := pagina(self.request, filter_.qs)).object_list,
            page=page,
            mag_maken=user.has_perm("participatie.maak_traject"),
            **kwargs,
        )


class TrajectNieuwView(StaffPermissionMixin, View):
    permission_required = "participatie.maak_traject"
    template_name = "participatie/traject_form.html"

    def get(self, request):
        initial = {}
        if request.user.heeft_rol("beleidsmedewerker"):
            initial["eigenaar"] = request.user.pk
        if request.user.heeft_rol("kernambtenaar"):
            initial["kernambtenaar"] = request.user.pk
        return render(
            request, self.template_name, {"form": TrajectForm(initial=initial), "nieuw": True}
        )

    def post(self, request):
        form = TrajectForm(request.POST)
        if form.is_valid():
            try:
                traject = services.traject_aanmaken(
                    **{k: form.cleaned_data[k] for k in form.Meta.fields}
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                messages.success(request, _("Het traject is aangemaakt. Begin met stap 1."))
                return redirect(
                    "participatie:traject_stap", traject_pk=traject.pk, stap=traject.stappen[0]
                )
        return render(request, self.template_name, {"form": form, "nieuw": True})


class _TrajectMixin(StaffPermissionMixin):
    object_url_kwarg = "traject_pk"

    def get_object_queryset(self):
        return selectors.trajecten_detail()


class TrajectDetailView(_TrajectMixin, TemplateView):
    permission_required = "participatie.bekijk_traject"
    template_name = "participatie/traject_detail.html"

    def get_context_data(self, **kwargs):
        traject = self.get_permission_object()
        return super().get_context_data(
            traject=traject,
            stappen=stappen_overzicht(traject),
            mag_wijzigen=self.request.user.has_perm("participatie.wijzig_traject", traject),
            acties=workflow.acties(traject, self.request.user),
            **kwargs,
        )


class TrajectBewerkenView(_TrajectMixin, View):
    permission_required = "participatie.wijzig_traject"
    template_name = "participatie/traject_form.html"

    def get(self, request, traject_pk):
        traject = self.get_permission_object()
        return render(
            request,
            self.template_name,
            {"form": TrajectBasisForm(instance=traject), "traject": traject},
        )

    def post(self, request, traject_pk):
        traject = self.get_permission_object()
        form = TrajectBasisForm(request.POST, instance=traject)
        if form.is_valid():
            try:
                services.traject_basis_bijwerken(
                    traject=traject, **{k: form.cleaned_data[k] for k in form.Meta.fields}
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                messages.success(request, _("De gegevens van het traject zijn opgeslagen."))
                return redirect("participatie:traject_detail", traject_pk=traject.pk)
        return render(request, self.template_name, {"form": form, "traject": traject})


class TrajectStapView(_TrajectMixin, View):
    """One step of the method as a small guided form."""

    permission_required = "participatie.wijzig_traject"
    template_name = "participatie/traject_stap.html"

    def _stap(self, traject) -> str:
        stap = self.kwargs["stap"]
        if stap not in STAPPEN[traject.soort]:
            raise Http404
        return stap

    def _forms(self, traject, stap, data=None):
        form = stap_form_class(stap)(data=data, traject=traject)
        formset = betrokkenen_formset(traject, data) if stap == Stap.BETROKKENEN else None
        return form, formset

    def _render(self, traject, stap, form, formset, status=200):
        mag, reden = rules.stap_beschikbaar(
            soort=traject.soort, stap=stap, voltooid=traject.voltooid
        )
        stappen = stappen_overzicht(traject)
        nummer = STAPPEN[traject.soort].index(stap) + 1
        return render(
            self.request,
            self.template_name,
            {
                "traject": traject,
                "stap": stap,
                "stap_label": STAP_DEFINITIE[stap].label,
                "nummer": nummer,
                "aantal": len(stappen),
                "uitleg": STAP_DEFINITIE[stap].uitleg,
                "toont_ladder": STAP_DEFINITIE[stap].toont_ladder,
                "stappen": stappen,
                "beschikbaar": mag,
                "reden": reden,
                "form": form,
                "formset": formset,
                "ladder": [(level.label, LADDER_BELOFTE[level]) for level in Ladder],
            },
            status=status,
        )

    def get(self, request, traject_pk, stap):
        traject = self.get_permission_object()
        stap = self._stap(traject)
        form, formset = self._forms(traject, stap)
        return self._render(traject, stap, form, formset)

    def post(self, request, traject_pk, stap):
        traject = self.get_permission_object()
        stap = self._stap(traject)
        form, formset = self._forms(traject, stap, request.POST)
        valid = form.is_valid() and (formset is None or formset.is_valid())
        if valid:
            betrokkenen = None
            if formset is not None:
                betrokkenen = [
                    services.BetrokkeneGegevens(
                        **{
                            k: f.cleaned_data.get(k, "")
                            for k in ("doelgroep", "belangen", "informatiebehoefte")
                        }
                    )
                    for f in formset.forms
                    if f.cleaned_data.get("doelgroep")
                ]
            gegevens = {k: form.cleaned_data[k] for k in form.Meta.fields}
            try:
                services.traject_stap_opslaan(
                    traject=traject,
                    stap=stap,
                    gegevens=gegevens,
                    door=request.user,
                    kanalen=form.cleaned_data.get("kanalen"),
                    betrokkenen=betrokkenen,
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                traject = selectors.traject_detail(pk=traject.pk)
                volgende = rules.volgende_stap(soort=traject.soort, voltooid=traject.voltooid)
                messages.success(
                    request,
                    _("Stap %(nr)s is opgeslagen.")
                    % {"nr": STAPPEN[traject.soort].index(stap) + 1},
                )
                if volgende:
                    return redirect(
                        "participatie:traject_stap", traject_pk=traject.pk, stap=volgende
                    )
                return redirect("participatie:traject_detail", traject_pk=traject.pk)
        return self._render(traject, stap, form, formset, status=400)


class _TrajectActieView(_TrajectMixin, ActieView):
    """A status step of the lifecycle (participatie.workflow): one button, no fields."""

    permission_required = "participatie.wijzig_traject"
    form_class = forms.Form

    def succes_url(self, obj) -> str:
        return reverse("participatie:traject_detail", kwargs={"traject_pk": obj.pk})

    def fout_response(self, obj, form) -> HttpResponse:
        messages.error(self.request, " ".join(str(e) for e in form.non_field_errors()))
        return redirect(self.succes_url(obj))


class TrajectPublicerenView(_TrajectActieView):
    gelukt = "Het traject staat nu op de openbare pagina."

    def uitvoeren(self, obj, data):
        services.traject_publiceren(traject=obj)


class TrajectAfrondenView(_TrajectActieView):
    gelukt = "Het traject is afgerond. De lessen zijn terug te vinden bij Lessen zoeken."

    def uitvoeren(self, obj, data):
        services.traject_afronden(traject=obj)


class LessenView(StaffPermissionMixin, TemplateView):
    permission_required = "participatie.view_trajecten"
    template_name = "participatie/lessen.html"

    def get_context_data(self, **kwargs):
        form = LessenZoekForm(self.request.GET or None)
        trajecten: QuerySet[Traject] | list[Traject] = []
        if form.is_valid():
            trajecten = selectors.lessen_zoeken(
                zoekterm=form.cleaned_data["q"],
                kern=form.cleaned_data["kern"],
                soort=form.cleaned_data["soort"],
                ladder=form.cleaned_data["ladder"],
            )
        elif not form.is_bound:
            trajecten = selectors.lessen_zoeken()
        return super().get_context_data(form=form, trajecten=trajecten, **kwargs)


# Public


def trajecten_publiek(request):
    return render(
        request,
        "participatie/trajecten_publiek.html",
        {"trajecten": selectors.trajecten_publiek()},
    )


def traject_publiek(request, traject_pk: int):
    try:
        traject = selectors.traject_publiek(pk=traject_pk)
    except Traject.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "participatie/traject_publiek.html",
        {"traject": traject, "nu": timezone.now()},
    )
