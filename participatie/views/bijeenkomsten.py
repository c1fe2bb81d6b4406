"""Staff and public pages of meetings, and the resident's registration page."""

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

from core.beveiliging import publiek_formulier
from core.fouten import Weigering, naar_form
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.paginering import pagina
from core.querystring import int_uit_query
from core.toegang import ActieView, StaffPermissionMixin
from kernen.models import Kern
from participatie import rules, selectors, services, workflow
from participatie.constants import AanmeldingStatus
from participatie.filters import BijeenkomstFilter, PubliekeBijeenkomstFilter
from participatie.forms import AanmeldForm, AnnulerenForm, BijeenkomstForm, VerslagForm
from participatie.ics import bijeenkomst_ics
from participatie.models import Aanmelding, Bijeenkomst

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
            bijeenkomsten=(page := pagina(self.request, filter_.qs)).object_list,
            page=page,
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
                naar_form(form, exc)
            else:
                messages.success(request, _("De bijeenkomst is aangemaakt."))
                return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=bijeenkomst.pk)
        return render(request, self.template_name, {"form": form})


class _BijeenkomstMixin(StaffPermissionMixin):
    object_queryset = Bijeenkomst.objects.select_related("kern", "traject", "organisator")
    object_url_kwarg = "bijeenkomst_pk"


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
            acties=workflow.acties(b, self.request.user),
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
                naar_form(form, exc)
            else:
                messages.success(request, _("De bijeenkomst is opgeslagen."))
                return redirect("participatie:bijeenkomst_detail", bijeenkomst_pk=b.pk)
        return render(request, self.template_name, {"form": form, "bijeenkomst": b})


class BijeenkomstAnnulerenView(_BijeenkomstMixin, ActieView):
    """Cancel the whole meeting, with a reason; everyone registered gets one email."""

    permission_required = "participatie.wijzig_bijeenkomst"
    template_name = "participatie/bijeenkomst_annuleren.html"
    form_class = AnnulerenForm

    def get_context_data(self, **kwargs) -> dict:
        b = self.get_permission_object()
        annuleren = workflow.beoordeel(b, "annuleren")
        betrokken = b.aanmeldingen.filter(
            status__in=[AanmeldingStatus.AANGEMELD, AanmeldingStatus.WACHTLIJST]
        ).count()
        return {
            "bijeenkomst": b,
            "mag": annuleren.toegestaan,
            "reden": annuleren.reden,
            "betrokken": betrokken,
            **kwargs,
        }

    def uitvoeren(self, obj, data):
        resultaat = services.bijeenkomst_annuleren(
            bijeenkomst=obj,
            reden=data["reden"],
            alternatief=data["alternatief"],
            door=self.request.user,
        )
        self.gelukt = _("De bijeenkomst is geannuleerd. Wij mailen %(n)s inwoner(s).") % {
            "n": resultaat.gemaild
        }

    def succes_url(self, obj) -> str:
        return reverse("participatie:bijeenkomst_detail", kwargs={"bijeenkomst_pk": obj.pk})


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


@publiek_formulier("aanmelding")
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
            naar_form(form, exc)
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
            "traject_openbaar": b.traject is not None and workflow.is_openbaar(b.traject),
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


class AanmeldingBevestigenView(BevestigView):
    """The link in the first mail: GET shows one button, POST confirms the address and
    gives a place or the waiting list."""

    link = services.AANMELDING_BEVESTIG_LINK

    def queryset(self):
        return Aanmelding.objects.select_related("bijeenkomst__kern").exclude(
            status=AanmeldingStatus.AFGEMELD
        )

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw aanmelding"),
            "uitleg": _(
                'U meldde zich aan voor "%(titel)s". Klik op de knop om uw e-mailadres te '
                "bevestigen. Dan krijgt u een plaats, of een plek op de wachtlijst als de "
                "bijeenkomst vol is."
            )
            % {"titel": obj.bijeenkomst.titel},
            "knop": _("Aanmelding bevestigen"),
        }

    def al_bevestigd(self, obj) -> bool:
        return obj.status != AanmeldingStatus.ONBEVESTIGD

    def post(self, request, token: str):
        try:
            return super().post(request, token)
        except Weigering as exc:
            # The meeting began or was cancelled before the address was confirmed.
            return render(
                request,
                "participatie/aanmelding_gesloten.html",
                {"reden": " ".join(exc.messages)},
                status=409,
            )

    def bevestigen(self, obj):
        return services.aanmelding_bevestigen(aanmelding_id=obj.pk)

    def gelukt(self, obj) -> str:
        if obj.status == AanmeldingStatus.AANGEMELD:
            return _("Uw aanmelding is bevestigd. U heeft een plaats.")
        return _("Uw aanmelding is bevestigd. De bijeenkomst is vol: u staat op de wachtlijst.")

    def na_bevestigen(self, obj) -> str:
        return services.AANMELDING_LINK.pad(obj)


aanmelding_bevestigen = AanmeldingBevestigenView.as_view()


def aanmelding(request, token: str):
    """The resident's personal page for a registration: status, details, cancel."""
    try:
        a = services.AANMELDING_LINK.lees(
            token,
            # Until the address is confirmed there is no personal page, only the confirm link.
            Aanmelding.objects.select_related("bijeenkomst__kern").exclude(
                status=AanmeldingStatus.ONBEVESTIGD
            ),
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        try:
            resultaat = services.afmelden(aanmelding=a)
        except Weigering as exc:
            messages.error(request, str(exc))
        else:
            if resultaat.was_al_afgemeld:
                messages.info(request, _("U was al afgemeld voor deze bijeenkomst."))
            else:
                messages.success(request, _("U bent afgemeld. Wij sturen u een bevestiging."))
        return redirect(reverse("participatie:aanmelding", kwargs={"token": token}))
    afmelden = workflow.beoordeel(a, "afmelden")
    return render(
        request,
        "participatie/aanmelding.html",
        {
            "aanmelding": a,
            "bijeenkomst": a.bijeenkomst,
            "mag_afmelden": afmelden.toegestaan,
            "reden": afmelden.reden,
            "heeft_plaats": a.status == AanmeldingStatus.AANGEMELD,
        },
    )
