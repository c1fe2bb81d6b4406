from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.links import LinkOngeldig, bevestig_pagina, haal_object, link_ongeldig_response
from core.querystring import int_uit_query
from core.toegang import StaffPermissionMixin
from initiatieven.models import Initiatief
from kernen.models import Kern

from . import exports, selectors, services
from . import rules as r
from .constants import AanvraagStatus, KandidaatStatus, RegelingCode, StemrondeFase
from .filters import AanvraagFilter, DeclaratieFilter
from .forms import (
    AanvraagForm,
    AdviesForm,
    BesluitForm,
    BetalingForm,
    DeclaratieBesluitForm,
    DeclaratieForm,
    IntrekkenForm,
    KandidaatForm,
    KostenpostFormSet,
    StemForm,
    StemrondeDatumForm,
    StemrondeForm,
    VaststellingForm,
    VergoedingForm,
)
from .models import Aanvraag, Declaratie, Regeling, Stembiljet, Stemronde


def _jaar(request) -> int:
    jaar = int_uit_query(request.GET, "jaar", minimum=2000, maximum=2100)
    return jaar if jaar is not None else timezone.localdate().year


def _fouten_naar_form(form, fout: services.RegelFout) -> None:
    for veld, meldingen in fout.bevindingen.items():
        for melding in meldingen:
            form.add_error(veld if veld in form.fields else None, melding)


# --- Public: applying -------------------------------------------------------------------------


def regelingen_overzicht(request):
    return render(
        request,
        "budgetten/regelingen.html",
        {"regelingen": selectors.regelingen().exclude(code=RegelingCode.SIGNALERING)},
    )


def aanvraag_nieuw(request, regeling: str):
    if regeling == RegelingCode.SIGNALERING:
        raise Http404
    obj = get_object_or_404(Regeling, code=regeling)
    initiatief = None
    # Not str.isdigit(): that is True for "²", which int() refuses.
    initiatief_pk = int_uit_query(request.GET, "initiatief")
    if initiatief_pk is not None:
        initiatief = Initiatief.objects.select_related("kern").filter(pk=initiatief_pk).first()
    initial = {"kern": initiatief.kern_id, "titel": initiatief.titel} if initiatief else {}
    form = AanvraagForm(request.POST or None, regeling=obj, initial=initial)
    kosten = None
    if obj.code == RegelingCode.STRAATBIJEENKOMST:
        kosten = KostenpostFormSet(request.POST or None, prefix="kosten")
    if request.method == "POST":
        kosten_ok = kosten is None or kosten.is_valid()
        regels = []
        if kosten is not None and kosten_ok:
            regels = [
                services.NieuweKostenpost(
                    categorie=f.cleaned_data["categorie"],
                    omschrijving=f.cleaned_data["omschrijving"],
                    bedrag=f.cleaned_data["bedrag"],
                )
                for f in kosten.forms
                if f.cleaned_data.get("bedrag") is not None
            ]
            form.zet_kosten([(k.categorie, k.bedrag) for k in regels])
        form_ok = form.is_valid()
        if form_ok and kosten_ok and request.POST.get("actie") == "indienen":
            data = form.cleaned_data
            try:
                services.aanvraag_indienen(
                    regeling=obj,
                    kern=data["kern"],
                    initiatief=initiatief,
                    naam=data["naam"],
                    email=data["email"],
                    telefoon=data.get("telefoon", ""),
                    titel=data["titel"],
                    omschrijving=data["omschrijving"],
                    activiteit_datum=data["activiteit_datum"],
                    criteria=data["criteria"],
                    gevraagd_bedrag=data.get("gevraagd_bedrag"),
                    kostenposten=regels,
                    straat=data.get("straat", ""),
                    activiteit_soort=data.get("activiteit_soort", ""),
                    doelgroep=data.get("doelgroep", ""),
                    draagvlak=data.get("draagvlak", ""),
                )
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                return redirect("budgetten:aanvraag_verstuurd")
        elif form_ok and kosten_ok:
            messages.success(request, "Alles is goed ingevuld. U kunt de aanvraag versturen.")
    return render(
        request,
        "budgetten/aanvraag_form.html",
        {
            "regeling": obj,
            "form": form,
            "kosten": kosten,
            "toetsing": form.toetsing,
            "initiatief": initiatief,
            "jaarbedragen": selectors.regelingjaar_voor(obj, timezone.localdate().year),
        },
    )


def aanvraag_verstuurd(request):
    return render(request, "budgetten/aanvraag_verstuurd.html")


def aanvraag_bevestigen(request, token: str):
    try:
        aanvraag = haal_object(
            token,
            soort=services.BEVESTIG_SOORT,
            queryset=Aanvraag.objects.all(),
            max_age_days=services.BEVESTIG_GELDIG_DAGEN,
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        services.aanvraag_bevestigen(aanvraag_id=aanvraag.pk)
        return redirect(services.persoonlijk_pad(aanvraag))
    # A GET only shows a button: mail scanners that follow links do not confirm anything.
    return bevestig_pagina(
        request,
        titel=_("Aanvraag bevestigen"),
        uitleg=_('U bevestigt uw aanvraag "%(titel)s" voor de regeling %(regeling)s.')
        % {"titel": aanvraag.titel, "regeling": aanvraag.regeling.naam.lower()},
        knop=_("Ja, bevestig mijn aanvraag"),
    )


def mijn_aanvraag(request, token: str):
    try:
        aanvraag = haal_object(
            token,
            soort=services.LINK_SOORT,
            queryset=Aanvraag.objects.select_related("regeling", "kern").prefetch_related(
                "kostenposten"
            ),
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    return render(request, "budgetten/mijn_aanvraag.html", {"aanvraag": aanvraag})


def cijfers(request, jaar: int | None = None):
    if jaar is None:
        return redirect("budgetten:cijfers_jaar", jaar=timezone.localdate().year)
    if not 2000 <= jaar <= 2100:
        raise Http404
    return render(
        request,
        "budgetten/cijfers.html",
        {"jaar": jaar, **selectors.publieke_cijfers(jaar)},
    )


# --- Staff: applications ----------------------------------------------------------------------


class AanvraagLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_aanvragen"
    template_name = "budgetten/aanvraag_lijst.html"

    def get_context_data(self, **kwargs):
        qs = selectors.aanvragen_voor_medewerker(self.request.user)
        filterset = AanvraagFilter(self.request.GET or None, queryset=qs)
        return super().get_context_data(filter=filterset, aanvragen=filterset.qs[:200], **kwargs)


class AanvraagMixin(StaffPermissionMixin):
    def get_permission_object(self):
        if not hasattr(self, "_aanvraag"):
            self._aanvraag = get_object_or_404(
                Aanvraag.objects.bevestigd().met_relaties().prefetch_related("kostenposten"),
                pk=self.kwargs["aanvraag_pk"],
            )
        return self._aanvraag


class AanvraagDetailView(AanvraagMixin, TemplateView):
    permission_required = "budgetten.bekijk_aanvraag"
    template_name = "budgetten/aanvraag_detail.html"

    def get_context_data(self, **kwargs):
        aanvraag = self.get_permission_object()
        user = self.request.user
        ctx = {
            "aanvraag": aanvraag,
            # The pot of the application's own budget year: the one a decision books against.
            "pot": selectors.pot_van_aanvraag(aanvraag),
            "historie": aanvraag.history.select_related("history_user").order_by("-history_date")[
                :20
            ],
        }
        status = aanvraag.status
        if user.has_perm("budgetten.besluit_aanvraag", aanvraag) and status in (
            AanvraagStatus.INGEDIEND,
            AanvraagStatus.BIJ_COLLEGE,
        ):
            ctx["besluit_form"] = kwargs.pop("besluit_form", None) or BesluitForm(
                initial={"bedrag": aanvraag.advies_bedrag or aanvraag.gevraagd_bedrag}
            )
        if (
            user.has_perm("budgetten.advise_aanvraag", aanvraag)
            and status == AanvraagStatus.INGEDIEND
        ):
            ctx["advies_form"] = kwargs.pop("advies_form", None) or AdviesForm(
                initial={"bedrag": aanvraag.gevraagd_bedrag}
            )
        if user.has_perm("budgetten.beheer_toekenning", aanvraag):
            if status in (AanvraagStatus.TOEGEKEND, AanvraagStatus.VASTGESTELD) and (
                aanvraag.actueel_bedrag > aanvraag.betaald_bedrag
            ):
                ctx["betaling_form"] = kwargs.pop("betaling_form", None) or BetalingForm(
                    initial={"bedrag": aanvraag.actueel_bedrag - aanvraag.betaald_bedrag}
                )
            if status == AanvraagStatus.TOEGEKEND:
                ctx["vaststelling_form"] = kwargs.pop(
                    "vaststelling_form", None
                ) or VaststellingForm(initial={"bedrag": aanvraag.toegekend_bedrag})
                if aanvraag.betaald_bedrag == 0:
                    ctx["intrekken_form"] = kwargs.pop("intrekken_form", None) or IntrekkenForm()
        return super().get_context_data(**ctx, **kwargs)


class _AanvraagActie(AanvraagMixin, View):
    """POST-only action on an aanvraag: validates a form, calls one service, redirects."""

    form_class = None
    context_name = ""
    succes = ""
    http_method_names = ["post"]

    def uitvoeren(self, aanvraag, data):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        aanvraag = self.get_permission_object()
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.uitvoeren(aanvraag, form.cleaned_data)
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, self.succes)
                return redirect(self.na_succes(aanvraag))
        view = AanvraagDetailView()
        view.setup(request, *args, **kwargs)
        view._aanvraag = aanvraag
        ctx = view.get_context_data(**{self.context_name: form})
        return render(request, view.template_name, ctx, status=400)

    def na_succes(self, aanvraag) -> str:
        return reverse("budgetten:aanvraag_detail", kwargs={"aanvraag_pk": aanvraag.pk})


class AanvraagBesluitenView(_AanvraagActie):
    permission_required = "budgetten.besluit_aanvraag"
    form_class = BesluitForm
    context_name = "besluit_form"
    succes = "Het besluit is vastgelegd en de aanvrager krijgt een e-mail."

    def uitvoeren(self, aanvraag, data):
        services.aanvraag_besluiten(
            aanvraag_id=aanvraag.pk,
            door=self.request.user,
            toekennen=data["besluit"],
            bedrag=data["bedrag"],
            motivering=data["motivering"],
        )

    def na_succes(self, aanvraag) -> str:
        if aanvraag.regeling.code == RegelingCode.BIJZONDER:
            return reverse("budgetten:college")
        return super().na_succes(aanvraag)


class AanvraagAdviesView(_AanvraagActie):
    permission_required = "budgetten.advise_aanvraag"
    form_class = AdviesForm
    context_name = "advies_form"
    succes = "Uw advies is naar het college gestuurd."

    def uitvoeren(self, aanvraag, data):
        services.aanvraag_adviseren(
            aanvraag_id=aanvraag.pk,
            door=self.request.user,
            advies=data["advies"],
            bedrag=data["bedrag"],
        )


class AanvraagBetalenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    form_class = BetalingForm
    context_name = "betaling_form"
    succes = "De betaling is vastgelegd."

    def uitvoeren(self, aanvraag, data):
        services.aanvraag_betalen(
            aanvraag_id=aanvraag.pk, door=self.request.user, bedrag=data["bedrag"]
        )


class AanvraagVaststellenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    form_class = VaststellingForm
    context_name = "vaststelling_form"
    succes = "Het bedrag is vastgesteld. Wat over is, is weer vrij."

    def uitvoeren(self, aanvraag, data):
        services.aanvraag_vaststellen(
            aanvraag_id=aanvraag.pk,
            door=self.request.user,
            bedrag=data["bedrag"],
            verantwoording=data["verantwoording"],
        )


class AanvraagIntrekkenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    form_class = IntrekkenForm
    context_name = "intrekken_form"
    succes = "De aanvraag is ingetrokken. Het geld is weer vrij."

    def uitvoeren(self, aanvraag, data):
        services.aanvraag_intrekken(
            aanvraag_id=aanvraag.pk, door=self.request.user, reden=data["reden"]
        )


class CollegeWachtrijView(StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_college_queue"
    template_name = "budgetten/college.html"

    def get_context_data(self, **kwargs):
        jaar = timezone.localdate().year
        regeling = Regeling.objects.filter(code=RegelingCode.BIJZONDER).first()
        aanvragen = list(selectors.college_wachtrij())
        # Each decision books against its application's own year (in December often next
        # year), so show the pot of every year in the queue, not only this year's.
        potten = (
            selectors.potten(regeling, dit_jaar=jaar, open_jaren={a.jaar for a in aanvragen})
            if regeling
            else []
        )
        return super().get_context_data(aanvragen=aanvragen, jaar=jaar, potten=potten, **kwargs)


class GrootboekView(StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_overzicht"
    template_name = "budgetten/grootboek.html"

    def get_context_data(self, **kwargs):
        jaar = _jaar(self.request)
        return super().get_context_data(jaar=jaar, regels=selectors.grootboek(jaar), **kwargs)


class ExportView(StaffPermissionMixin, View):
    permission_required = "budgetten.export"
    formaat = "csv"

    def get(self, request, *args, **kwargs):
        jaar = _jaar(request)
        aanvragen = selectors.aanvragen_met_budget_van_jaar(jaar)
        naam = f"besluiten-budgetten-{jaar}"
        if self.formaat == "xlsx":
            response = HttpResponse(
                exports.als_xlsx(aanvragen, jaar=jaar),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
            return response
        response = HttpResponse(exports.als_csv(aanvragen), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
        return response

    def post(self, request, *args, **kwargs):
        raise PermissionDenied


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
            filter=filterset, declaraties=filterset.qs[:200], regels=regels, jaar=jaar, **kwargs
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
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, "De declaratie is ingediend.")
                return redirect(declaratie.get_absolute_url())
        return render(request, "budgetten/declaratie_form.html", {"form": form}, status=400)


class DeclaratieMixin(StaffPermissionMixin):
    def get_permission_object(self):
        if not hasattr(self, "_declaratie"):
            self._declaratie = get_object_or_404(
                Declaratie.objects.select_related("groep", "ingediend_door", "beoordeeld_door"),
                pk=self.kwargs["declaratie_pk"],
            )
        return self._declaratie


class DeclaratieDetailView(DeclaratieMixin, View):
    permission_required = "budgetten.bekijk_declaratie"

    def _render(self, request, form=None, status=200):
        declaratie = self.get_permission_object()
        kan_besluiten = request.user.has_perm("budgetten.decide_declaratie", declaratie)
        return render(
            request,
            "budgetten/declaratie_detail.html",
            {
                "declaratie": declaratie,
                "kan_besluiten": kan_besluiten,
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
            except services.RegelFout as fout:
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
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
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


class VergoedingView(StaffPermissionMixin, View):
    permission_required = "budgetten.grant_vrijwilligersvergoeding"

    def _render(self, request, form, status=200):
        from .models import Vrijwilligersvergoeding

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
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, "De vrijwilligersvergoeding is toegekend.")
                return redirect("budgetten:vergoeding")
        return self._render(request, form, status=400)


# --- The residents' voting round: public ------------------------------------------------------


def stemronde_lijst(request):
    return render(
        request, "budgetten/stemronde_lijst.html", {"rondes": selectors.publieke_stemrondes()}
    )


def _publieke_ronde_of_404(stemronde_pk: int) -> Stemronde:
    ronde = selectors.publieke_stemronde(stemronde_pk)
    if ronde is None:
        raise Http404
    return ronde


def stemronde_publiek(request, stemronde_pk: int):
    ronde = _publieke_ronde_of_404(stemronde_pk)
    kandidaten = selectors.publieke_kandidaten(ronde)
    vandaag = timezone.localdate()
    open_ = r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    )
    form = None
    if open_:
        form = StemForm(request.POST or None, kandidaten=kandidaten, kern_naam=ronde.kern.naam)
        if request.method == "POST" and form.is_valid():
            try:
                services.stem_uitbrengen(
                    stemronde_id=ronde.pk,
                    email=form.cleaned_data["email"],
                    kandidaat_ids=form.cleaned_data["kandidaten"],
                    postcode=form.cleaned_data["postcode"],
                )
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                return redirect("budgetten:stem_verstuurd", stemronde_pk=ronde.pk)
    elif request.method == "POST":
        messages.error(request, "Stemmen kan nu niet in deze stemronde.")
    return render(
        request,
        "budgetten/stemronde_publiek.html",
        {
            "ronde": ronde,
            "kandidaten": kandidaten,
            "form": form,
            "stemmen_open": open_,
            "nog_niet_open": ronde.fase == StemrondeFase.OPEN and vandaag < ronde.stemmen_van,
        },
        status=400 if form is not None and form.errors else 200,
    )


def stem_verstuurd(request, stemronde_pk: int):
    ronde = _publieke_ronde_of_404(stemronde_pk)
    return render(request, "budgetten/stem_verstuurd.html", {"ronde": ronde})


def stem_bevestigen(request, token: str):
    try:
        biljet = haal_object(
            token,
            soort=services.STEM_BEVESTIG_SOORT,
            queryset=Stembiljet.objects.select_related("stemronde__kern"),
            max_age_days=services.STEM_BEVESTIG_GELDIG_DAGEN,
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    ronde = biljet.stemronde
    fout = ""
    if request.method == "POST":
        try:
            biljet = services.stem_bevestigen(stembiljet_id=biljet.pk)
        except services.RegelFout as exc:
            fout = str(exc)
        else:
            return render(
                request,
                "budgetten/stem_bevestigd.html",
                {"ronde": ronde, "gekozen": biljet.steunt.order_by("titel")},
            )
    # A GET only shows a button: mail scanners that follow links do not vote.
    gekozen = ronde.kandidaten.filter(
        status=KandidaatStatus.TOEGELATEN, pk__in=biljet.voorlopige_keuze
    ).order_by("titel")
    return render(
        request,
        "budgetten/stem_bevestigen.html",
        {
            "ronde": ronde,
            "gekozen": gekozen,
            "al_bevestigd": not biljet.voorlopige_keuze and biljet.bevestigd_op is not None,
            "fout": fout,
        },
        status=400 if fout else 200,
    )


def stemronde_uitslag(request, stemronde_pk: int):
    ronde = _publieke_ronde_of_404(stemronde_pk)
    if ronde.fase != StemrondeFase.VERDEELD:
        return redirect(ronde.get_absolute_url())
    kandidaten = selectors.publieke_kandidaten(ronde)
    return render(
        request,
        "budgetten/stemronde_uitslag.html",
        {
            "ronde": ronde,
            "kandidaten": kandidaten,
            "totaal_toegekend": sum((k.toegekend_bedrag or 0 for k in kandidaten), Decimal("0")),
        },
    )


# --- The residents' voting round: the kernambtenaar -------------------------------------------


class StemrondeLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_stemrondes"
    template_name = "budgetten/stemronde_beheer_lijst.html"

    def get_context_data(self, **kwargs):
        jaar = timezone.localdate().year
        rondes = list(selectors.stemrondes_voor_medewerker(self.request.user))
        met_ronde = {(ronde.kern_id, ronde.jaar) for ronde in rondes}
        kernen = [
            k
            for k in Kern.objects.actief().filter(kernambtenaren=self.request.user)
            if (k.pk, jaar) not in met_ronde
        ]
        return super().get_context_data(rondes=rondes, kernen_zonder=kernen, jaar=jaar, **kwargs)


class StemrondeNieuwView(StaffPermissionMixin, View):
    permission_required = "budgetten.beheer_stemronde"

    def get_permission_object(self):
        if not hasattr(self, "_kern"):
            self._kern = get_object_or_404(Kern, slug=self.kwargs["kern"])
        return self._kern

    def _render(self, request, form, status=200):
        return render(
            request,
            "budgetten/stemronde_form.html",
            {"form": form, "kern": self.get_permission_object()},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(request, StemrondeForm(initial={"jaar": timezone.localdate().year}))

    def post(self, request, *args, **kwargs):
        form = StemrondeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ronde = services.stemronde_aanmaken(
                    kern=self.get_permission_object(),
                    jaar=data["jaar"],
                    stemmen_van=data["stemmen_van"],
                    stemmen_tot=data["stemmen_tot"],
                    toelichting=data["toelichting"],
                    door=request.user,
                )
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, "De stemronde is aangemaakt. Kies nu de kandidaten.")
                return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)
        return self._render(request, form, status=400)


class StemrondeMixin(StaffPermissionMixin):
    permission_required = "budgetten.beheer_stemronde"

    def get_permission_object(self):
        if not hasattr(self, "_ronde"):
            self._ronde = get_object_or_404(
                Stemronde.objects.select_related("kern", "verdeeld_door"),
                pk=self.kwargs["stemronde_pk"],
            )
        return self._ronde


class StemrondeBeheerView(StemrondeMixin, TemplateView):
    template_name = "budgetten/stemronde_beheer.html"

    def get_context_data(self, **kwargs):
        ronde = self.get_permission_object()
        leef = Regeling.objects.filter(code=RegelingCode.LEEFBAARHEID).first()
        return super().get_context_data(
            ronde=ronde,
            aanvragen=selectors.aanvragen_voor_stemronde(ronde),
            kandidaten=selectors.kandidaten_met_stemmen(ronde).filter(
                status=KandidaatStatus.TOEGELATEN
            ),
            telling=selectors.stembiljetten_telling(ronde),
            vrij=selectors.vrij_budget(leef, ronde.jaar, kern=ronde.kern) if leef else None,
            volgende=sorted(services.STEMRONDE_OVERGANGEN[ronde.fase]),
            fase_fout=kwargs.pop("fase_fout", ""),
            **kwargs,
        )


class StemrondeFaseView(StemrondeMixin, View):
    http_method_names = ["post"]
    succes = {
        StemrondeFase.OPEN: "Stemmen is open. De aanvragers krijgen een e-mail.",
        StemrondeFase.GESLOTEN: "Stemmen is gesloten. U kunt het geld nu verdelen.",
        StemrondeFase.VERDEELD: "Het geld is verdeeld. De aanvragers krijgen een e-mail.",
    }

    def post(self, request, *args, **kwargs):
        ronde = self.get_permission_object()
        naar = request.POST.get("naar", "")
        if naar not in StemrondeFase.values:
            return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)
        try:
            services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=naar, door=request.user)
        except services.RegelFout as fout:
            view = StemrondeBeheerView()
            view.setup(request, *args, **kwargs)
            view._ronde = ronde
            ctx = view.get_context_data(fase_fout=str(fout))
            return render(request, view.template_name, ctx, status=400)
        messages.success(request, self.succes[naar])
        return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)


class StemrondeDatumView(StemrondeMixin, View):
    """Change the voting dates while the round is in preparation."""

    template_name = "budgetten/stemronde_datum.html"

    def _render(self, request, form, status=200):
        ronde = self.get_permission_object()
        return render(
            request,
            self.template_name,
            {"form": form, "ronde": ronde, "mag": ronde.fase == StemrondeFase.VOORBEREIDING},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        ronde = self.get_permission_object()
        form = StemrondeDatumForm(
            initial={"stemmen_van": ronde.stemmen_van, "stemmen_tot": ronde.stemmen_tot}
        )
        return self._render(request, form)

    def post(self, request, *args, **kwargs):
        ronde = self.get_permission_object()
        form = StemrondeDatumForm(request.POST)
        if form.is_valid():
            try:
                services.stemronde_data_wijzigen(
                    stemronde_id=ronde.pk,
                    stemmen_van=form.cleaned_data["stemmen_van"],
                    stemmen_tot=form.cleaned_data["stemmen_tot"],
                    door=request.user,
                )
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, "De data om te stemmen zijn gewijzigd.")
                return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)
        return self._render(request, form, status=400)


class KandidaatView(StemrondeMixin, View):
    def _aanvraag(self):
        ronde = self.get_permission_object()
        return get_object_or_404(
            selectors.aanvragen_voor_stemronde(ronde), pk=self.kwargs["aanvraag_pk"]
        )

    def _render(self, request, form, aanvraag, status=200):
        return render(
            request,
            "budgetten/kandidaat_form.html",
            {"form": form, "aanvraag": aanvraag, "ronde": self.get_permission_object()},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        aanvraag = self._aanvraag()
        kandidaat = getattr(aanvraag, "kandidatuur", None)
        initial = {"titel": aanvraag.titel, "omschrijving": aanvraag.omschrijving}
        if kandidaat is not None:
            initial = {
                "toelaten": "ja" if kandidaat.status == KandidaatStatus.TOEGELATEN else "nee",
                "titel": kandidaat.titel,
                "omschrijving": kandidaat.omschrijving,
                "reden": kandidaat.reden,
            }
        return self._render(request, KandidaatForm(initial=initial), aanvraag)

    def post(self, request, *args, **kwargs):
        aanvraag = self._aanvraag()
        form = KandidaatForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.kandidaat_beoordelen(
                    stemronde_id=self.get_permission_object().pk,
                    aanvraag_id=aanvraag.pk,
                    door=request.user,
                    toelaten=data["toelaten"],
                    reden=data["reden"],
                    titel=data["titel"],
                    omschrijving=data["omschrijving"],
                )
            except services.RegelFout as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, "Vastgelegd.")
                return redirect(
                    "budgetten:stemronde_beheer", stemronde_pk=self.get_permission_object().pk
                )
        return self._render(request, form, aanvraag, status=400)
