import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.links import LinkOngeldig, haal_object, link_ongeldig_response
from core.querystring import int_uit_query
from core.toegang import StaffPermissionMixin
from kernen.models import Kern
from participatie.models import Aanmelding, Bijeenkomst, Traject

from . import rules, selectors, services
from .constants import LADDER_BELOFTE, STAP_UITLEG, STAPPEN, AanmeldingStatus, Ladder, Stap
from .filters import BijeenkomstFilter, PubliekeBijeenkomstFilter, TrajectFilter
from .forms import (
    AanmeldForm,
    AnnulerenForm,
    BijeenkomstForm,
    LessenZoekForm,
    TrajectBasisForm,
    TrajectForm,
    VerslagForm,
    betrokkenen_formset,
    stap_form_class,
)
from .ics import bijeenkomst_ics


def _fouten_naar_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)


def stappen_overzicht(traject: Traject) -> list[dict]:
    voltooid = traject.voltooid
    overzicht = []
    for nummer, stap in enumerate(STAPPEN[traject.soort], start=1):
        mag, reden = rules.stap_beschikbaar(soort=traject.soort, stap=stap, voltooid=voltooid)
        overzicht.append(
            {
                "nummer": nummer,
                "stap": stap,
                "label": Stap(stap).label,
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
            trajecten=filter_.qs,
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
                _fouten_naar_form(form, exc)
            else:
                messages.success(request, _("Het traject is aangemaakt. Begin met stap 1."))
                return redirect(
                    "participatie:traject_stap", traject_pk=traject.pk, stap=traject.stappen[0]
                )
        return render(request, self.template_name, {"form": form, "nieuw": True})


class _TrajectMixin(StaffPermissionMixin):
    def get_permission_object(self):
        if not hasattr(self, "_traject"):
            try:
                self._traject = selectors.traject_detail(pk=self.kwargs["traject_pk"])
            except Traject.DoesNotExist as exc:
                raise Http404 from exc
        return self._traject


class TrajectDetailView(_TrajectMixin, TemplateView):
    permission_required = "participatie.bekijk_traject"
    template_name = "participatie/traject_detail.html"

    def get_context_data(self, **kwargs):
        traject = self.get_permission_object()
        voltooid = traject.voltooid
        publiceren = rules.mag_publiceren(
            soort=traject.soort, status=traject.status, voltooid=voltooid
        )
        afronden = rules.mag_afronden(soort=traject.soort, status=traject.status, voltooid=voltooid)
        return super().get_context_data(
            traject=traject,
            stappen=stappen_overzicht(traject),
            mag_wijzigen=self.request.user.has_perm("participatie.wijzig_traject", traject),
            publiceren=publiceren,
            afronden=afronden,
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
                _fouten_naar_form(form, exc)
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
                "stap_label": Stap(stap).label,
                "nummer": nummer,
                "aantal": len(stappen),
                "uitleg": STAP_UITLEG[stap],
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
                _fouten_naar_form(form, exc)
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


class _TrajectActieView(_TrajectMixin, View):
    permission_required = "participatie.wijzig_traject"
    actie = None
    melding = ""

    def post(self, request, traject_pk):
        traject = self.get_permission_object()
        try:
            type(self).actie(traject=traject)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, self.melding)
        return redirect("participatie:traject_detail", traject_pk=traject.pk)


class TrajectPublicerenView(_TrajectActieView):
    actie = staticmethod(services.traject_publiceren)
    melding = "Het traject staat nu op de openbare pagina."


class TrajectAfrondenView(_TrajectActieView):
    actie = staticmethod(services.traject_afronden)
    melding = "Het traject is afgerond. De lessen zijn terug te vinden bij Lessen zoeken."


class LessenView(StaffPermissionMixin, TemplateView):
    permission_required = "participatie.view_trajecten"
    template_name = "participatie/lessen.html"

    def get_context_data(self, **kwargs):
        form = LessenZoekForm(self.request.GET or None)
        trajecten = []
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


# Staff: meetings


class BijeenkomstLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "participatie.view_bijeenkomsten"
    template_name = "participatie/bijeenkomst_lijst.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        filter_ = BijeenkomstFilter(
            self.request.GET, queryset=selectors.bijeenkomsten_voor_medewerker(user)
        )
        return super().get_context_data(
            filter=filter_,
            bijeenkomsten=filter_.qs,
            mag_maken=user.has_perm("participatie.maak_bijeenkomst"),
            nu=timezone.now(),
            **kwargs,
        )


class BijeenkomstNieuwView(StaffPermissionMixin, View):
    permission_required = "participatie.maak_bijeenkomst"
    template_name = "participatie/bijeenkomst_form.html"

    def get(self, request):
        initial = {"capaciteit": 20}
        traject_pk = int_uit_query(request.GET, "traject")
        if traject_pk is not None:
            initial["traject"] = traject_pk
        return render(request, self.template_name, {"form": BijeenkomstForm(initial=initial)})

    def post(self, request):
        form = BijeenkomstForm(request.POST)
        if form.is_valid():
            try:
                bijeenkomst = services.bijeenkomst_opslaan(
                    gegevens=form.cleaned_data, organisator=request.user
                )
            except ValidationError as exc:
                _fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De bijeenkomst is aangemaakt."))
                return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=bijeenkomst.pk)
        return render(request, self.template_name, {"form": form})


class _BijeenkomstMixin(StaffPermissionMixin):
    def get_permission_object(self):
        if not hasattr(self, "_bijeenkomst"):
            self._bijeenkomst = get_object_or_404(
                Bijeenkomst.objects.select_related("kern", "traject", "organisator"),
                pk=self.kwargs["bijeenkomst_pk"],
            )
        return self._bijeenkomst


class BijeenkomstDetailView(_BijeenkomstMixin, TemplateView):
    permission_required = "participatie.view_aanmeldingen"
    template_name = "participatie/bijeenkomst_detail.html"

    def get_context_data(self, **kwargs):
        b = self.get_permission_object()
        aanmeldingen = list(selectors.aanmeldingen_van(b))
        return super().get_context_data(
            bijeenkomst=b,
            aangemeld=[a for a in aanmeldingen if a.status == AanmeldingStatus.AANGEMELD],
            wachtlijst=[a for a in aanmeldingen if a.status == AanmeldingStatus.WACHTLIJST],
            afgemeld=[a for a in aanmeldingen if a.status == AanmeldingStatus.AFGEMELD],
            mag_wijzigen=self.request.user.has_perm("participatie.wijzig_bijeenkomst", b),
            **kwargs,
        )


class BijeenkomstBewerkenView(_BijeenkomstMixin, View):
    permission_required = "participatie.wijzig_bijeenkomst"
    template_name = "participatie/bijeenkomst_form.html"

    def get(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        return render(
            request, self.template_name, {"form": BijeenkomstForm(instance=b), "bijeenkomst": b}
        )

    def post(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        form = BijeenkomstForm(request.POST, instance=Bijeenkomst.objects.get(pk=b.pk))
        if form.is_valid():
            try:
                services.bijeenkomst_opslaan(gegevens=form.cleaned_data, bijeenkomst=b)
            except ValidationError as exc:
                _fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De bijeenkomst is opgeslagen."))
                return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=b.pk)
        return render(request, self.template_name, {"form": form, "bijeenkomst": b})


class BijeenkomstAnnulerenView(_BijeenkomstMixin, View):
    """Cancel the whole meeting, with a reason; everyone registered gets one email."""

    permission_required = "participatie.wijzig_bijeenkomst"
    template_name = "participatie/bijeenkomst_annuleren.html"

    def _render(self, request, form, status=200):
        b = self.get_permission_object()
        mag, reden = rules.annuleren_mogelijk(
            status=b.status, begint_op=b.begint_op, nu=timezone.now()
        )
        betrokken = b.aanmeldingen.filter(
            status__in=[AanmeldingStatus.AANGEMELD, AanmeldingStatus.WACHTLIJST]
        ).count()
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "bijeenkomst": b,
                "mag": mag,
                "reden": reden,
                "betrokken": betrokken,
            },
            status=status,
        )

    def get(self, request, bijeenkomst_pk):
        return self._render(request, AnnulerenForm())

    def post(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        form = AnnulerenForm(request.POST)
        if form.is_valid():
            try:
                resultaat = services.bijeenkomst_annuleren(
                    bijeenkomst=b,
                    reden=form.cleaned_data["reden"],
                    alternatief=form.cleaned_data["alternatief"],
                    door=request.user,
                )
            except ValidationError as exc:
                _fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _("De bijeenkomst is geannuleerd. Wij mailen %(n)s inwoner(s).")
                    % {"n": resultaat.gemaild},
                )
                return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=b.pk)
        return self._render(request, form, status=400)


class AanmeldingenCsvView(_BijeenkomstMixin, View):
    permission_required = "participatie.view_aanmeldingen"

    def get(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="aanmeldingen-{b.pk}.csv"'
        response.write("\ufeff")  # so that Excel reads UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["naam", "e-mailadres", "status", "onderwerp", "aangemeld op"])
        for a in selectors.aanmeldingen_van(b):
            writer.writerow(
                [
                    _csv_veilig(a.naam),
                    _csv_veilig(a.email),
                    a.get_status_display(),
                    _csv_veilig(a.onderwerp),
                    timezone.localtime(a.aangemeld_op).strftime("%d-%m-%Y %H:%M"),
                ]
            )
        return response


def _csv_veilig(waarde: str) -> str:
    """Keep spreadsheet programs from running a resident's text as a formula."""
    return "'" + waarde if waarde[:1] in ("=", "+", "-", "@", "\t", "\r") else waarde


class VerslagView(_BijeenkomstMixin, View):
    permission_required = "participatie.wijzig_bijeenkomst"
    template_name = "participatie/verslag_form.html"

    def get(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        form = VerslagForm(initial={"verslag": b.verslag})
        return render(request, self.template_name, {"form": form, "bijeenkomst": b})

    def post(self, request, bijeenkomst_pk):
        b = self.get_permission_object()
        form = VerslagForm(request.POST)
        if form.is_valid():
            services.bijeenkomst_verslag_opslaan(
                bijeenkomst=b, verslag=form.cleaned_data["verslag"]
            )
            messages.success(
                request, _("Het verslag is opgeslagen en staat op de openbare pagina.")
            )
            return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=b.pk)
        return render(request, self.template_name, {"form": form, "bijeenkomst": b})


# Public


def bijeenkomsten(request):
    filter_ = PubliekeBijeenkomstFilter(request.GET, queryset=selectors.bijeenkomsten_publiek())
    kern = filter_.form.cleaned_data.get("kern") if filter_.is_valid() else None
    return render(
        request,
        "participatie/bijeenkomsten.html",
        {
            "bijeenkomsten": filter_.qs if kern is not None else selectors.bijeenkomsten_publiek(),
            "kern": kern,
            "kernen": Kern.objects.actief().order_by("naam"),
        },
    )


def bijeenkomst_publiek(request, bijeenkomst_pk: int):
    try:
        b = selectors.bijeenkomst_publiek(pk=bijeenkomst_pk)
    except Bijeenkomst.DoesNotExist as exc:
        raise Http404 from exc
    open_, reden = rules.inschrijving_open(
        begint_op=b.begint_op, nu=timezone.now(), geannuleerd=b.geannuleerd
    )
    form = AanmeldForm(request.POST if request.method == "POST" and open_ else None)
    if request.method == "POST" and open_ and form.is_valid():
        try:
            services.aanmelden(bijeenkomst=b, **form.cleaned_data)
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            return redirect("participatie:bijeenkomst_bedankt", bijeenkomst_pk=b.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "participatie/bijeenkomst_publiek.html",
        {
            "bijeenkomst": b,
            "open": open_,
            "reden": reden,
            "form": form,
            "vrij": max(b.capaciteit - b.aantal_aangemeld, 0),
        },
        status=status,
    )


def bijeenkomst_bedankt(request, bijeenkomst_pk: int):
    b = get_object_or_404(Bijeenkomst, pk=bijeenkomst_pk)
    return render(request, "participatie/bijeenkomst_bedankt.html", {"bijeenkomst": b})


def bijeenkomst_agenda(request, bijeenkomst_pk: int):
    b = get_object_or_404(Bijeenkomst, pk=bijeenkomst_pk)
    response = HttpResponse(bijeenkomst_ics(b), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{b.pk}.ics"'
    return response


def aanmelding(request, token: str):
    """The resident's personal page for a registration: status, details, cancel."""
    try:
        a = haal_object(
            token,
            soort=services.LINK_SOORT,
            queryset=Aanmelding.objects.select_related("bijeenkomst__kern"),
            max_age_days=services.LINK_GELDIG_DAGEN,
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        try:
            resultaat = services.afmelden(aanmelding=a)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if resultaat.was_al_afgemeld:
                messages.info(request, _("U was al afgemeld voor deze bijeenkomst."))
            else:
                messages.success(request, _("U bent afgemeld. Wij sturen u een bevestiging."))
        return redirect(reverse("participatie:aanmelding", kwargs={"token": token}))
    mag, reden = rules.afmelden_mogelijk(
        status=a.status,
        begint_op=a.bijeenkomst.begint_op,
        nu=timezone.now(),
        geannuleerd=a.bijeenkomst.geannuleerd,
    )
    return render(
        request,
        "participatie/aanmelding.html",
        {"aanmelding": a, "bijeenkomst": a.bijeenkomst, "mag_afmelden": mag, "reden": reden},
    )


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
