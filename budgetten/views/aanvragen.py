"""Pages of the aanvragen process: applying (inwoners) and deciding (staff)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.beveiliging import publiek_formulier
from core.eenmalig import eenmalig_formulier
from core.fouten import Weigering, naar_form
from core.herbevestiging import HerbevestigingVereist
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.medewerker_cache import MedewerkerCacheMixin
from core.paginering import pagina
from core.querystring import int_uit_query
from core.toegang import ActieView, StaffPermissionMixin
from initiatieven import selectors as initiatieven_selectors
from initiatieven import services as initiatieven_services

from .. import regels as r
from .. import selectors, services, workflow
from ..constants import SUBSIDIABELE_CATEGORIEEN, RegelingCode
from ..filters import AanvraagFilter
from ..forms import (
    AanvraagForm,
    AdviesForm,
    BesluitForm,
    BetalingForm,
    IntrekkenForm,
    KostenpostFormSet,
    VaststellingForm,
    fouten_verbergen,
)
from ..models import Aanvraag, Regeling

# --- Public: applying -------------------------------------------------------------------------

# The value of the "Nog een kostenregel" button (static/js/kostenregels.js knows it too).
KOSTENREGEL_ERBIJ = "kostenregel"


def regelingen_overzicht(request):
    initiatief, querystring, _volledig = _initiatief_bron(request)
    return render(
        request,
        "budgetten/regelingen.html",
        {
            "regelingen": selectors.regelingen().exclude(code=RegelingCode.SIGNALERING),
            "initiatief": initiatief,
            "querystring": querystring,
        },
    )


def _initiatief_bron(request):
    """The initiative an application starts from, and the query string that carries it on.

    - `?link=<personal link of the initiative>`: the resident's own, confirmed idea: the form
      is filled with it, contact details included ("one idea, one page");
    - `?initiatief=<pk>` from staff who handle that initiative: the same;
    - `?initiatief=<pk>` otherwise: a public initiative only, title and kern only (no titles
      of refused, withdrawn or unconfirmed ones).
    """
    token = request.GET.get("link", "")
    if token:
        try:
            gevonden = initiatieven_services.PERSOONLIJKE_LINK.lees(
                token, initiatieven_selectors.initiatieven_met_kern()
            )
        except LinkOngeldig:
            return None, "", False
        initiatief = initiatieven_selectors.koppelbaar_initiatief(pk=gevonden.pk)
        if initiatief is None:
            return None, "", False
        return initiatief, urlencode({"link": token}), True
    pk = int_uit_query(request.GET, "initiatief")
    if pk is None:
        return None, "", False
    initiatief = initiatieven_selectors.koppelbaar_initiatief(pk=pk)
    if initiatief is not None and request.user.has_perm(
        "initiatieven.behandel_initiatief", initiatief
    ):
        return initiatief, urlencode({"initiatief": pk}), True
    publiek = initiatieven_selectors.publieke_initiatieven().filter(pk=pk).first()
    if publiek is None:
        return None, "", False
    # Only what the public page shows: the form must not reveal the resident's details.
    return publiek, urlencode({"initiatief": pk}), False


def _initial_uit(initiatief, *, volledig: bool) -> dict:
    initial = {"kern": initiatief.kern_id, "titel": initiatief.titel}
    if volledig:
        initial.update(
            omschrijving=initiatief.omschrijving,
            naam=initiatief.naam,
            email=initiatief.email,
            telefoon=initiatief.telefoon,
            straat=initiatief.locatie,
        )
        if initiatief.geld_indicatie is not None:
            initial["gevraagd_bedrag"] = initiatief.geld_indicatie
    return initial


def _voegt_kostenregel_toe(request) -> bool:
    return request.POST.get("actie") == KOSTENREGEL_ERBIJ


@publiek_formulier("aanvraag", zonder_mail=_voegt_kostenregel_toe)
@eenmalig_formulier("aanvraag")
def aanvraag_nieuw(request, regeling: str):
    if regeling == RegelingCode.SIGNALERING:
        raise Http404
    obj = get_object_or_404(Regeling, code=regeling)
    # The form starts from an initiative (see _initiatief_bron); the application is linked
    # to it only when the applicant is the initiative's own resident (same e-mail address).
    initiatief = None
    getoond, _querystring, volledig = _initiatief_bron(request)
    koppel_pk = getoond.pk if getoond else int_uit_query(request.GET, "initiatief")
    initial = _initial_uit(getoond, volledig=volledig) if getoond else {}
    form = AanvraagForm(request.POST or None, regeling=obj, initial=initial)
    kosten = None
    if obj.code == RegelingCode.STRAATBIJEENKOMST:
        kosten = KostenpostFormSet(request.POST or None, prefix="kosten")
    actie = request.POST.get("actie", "")
    gecontroleerd = False
    if kosten is not None and request.method == "POST" and actie == KOSTENREGEL_ERBIJ:
        kosten = kosten.met_nog_een_regel()
        kosten.geldige_bedragen()  # the running total, before the errors are hidden
        fouten_verbergen(form, kosten)
        if not kosten.vol:
            # Without JavaScript the page loads again: the new line's first field is where
            # the resident goes on (autofocus works without script and scrolls to it).
            kosten.forms[-1].fields["categorie"].widget.attrs["autofocus"] = True
    elif request.method == "POST":
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
        if form_ok and kosten_ok and actie == "indienen":
            data = form.cleaned_data
            if koppel_pk is not None:
                initiatief = initiatieven_selectors.koppelbaar_initiatief(
                    pk=koppel_pk, email=data["email"]
                )
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
            except Weigering as fout:
                naar_form(form, fout)
            else:
                return redirect("budgetten:aanvraag_verstuurd")
        elif form_ok and kosten_ok:
            # Shown next to the result and the send button, not at the top of the page.
            gecontroleerd = True
    jaarbedragen = selectors.regelingjaar_voor(obj, timezone.localdate().year)
    return render(
        request,
        "budgetten/aanvraag_form.html",
        {
            "regeling": obj,
            "form": form,
            "kosten": kosten,
            "kostentotaal": _kostentotaal(kosten, form.toetsing, jaarbedragen),
            "subsidiabel": " ".join(sorted(SUBSIDIABELE_CATEGORIEEN)),
            "max_kostenregels": r.MAX_KOSTENREGELS,
            "gecontroleerd": gecontroleerd,
            "toetsing": form.toetsing,
            "initiatief": getoond,
            "jaarbedragen": jaarbedragen,
        },
    )


def _kostentotaal(kosten, toetsing, jaarbedragen) -> r.Kostentotaal | None:
    """The running total under the cost lines, against the maximum of the activity's year
    once the check knows it, before that of this year."""
    if kosten is None:
        return None
    maximum = toetsing.maximum if toetsing and toetsing.maximum is not None else None
    if maximum is None and jaarbedragen is not None:
        maximum = jaarbedragen.max_per_aanvraag
    return r.kostentotaal(kosten.geldige_bedragen(), maximum=maximum)


def aanvraag_verstuurd(request):
    return render(request, "budgetten/aanvraag_verstuurd.html")


class AanvraagBevestigenView(BevestigView):
    """The link in the first mail. A GET only shows a button: mail scanners that follow
    links do not confirm anything."""

    link = services.AANVRAAG_BEVESTIGEN

    def queryset(self):
        return Aanvraag.objects.select_related("regeling")

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Aanvraag bevestigen"),
            "uitleg": _('U bevestigt uw aanvraag "%(titel)s" voor de regeling %(regeling)s.')
            % {"titel": obj.titel, "regeling": obj.regeling.naam.lower()},
            "knop": _("Ja, bevestig mijn aanvraag"),
        }

    def bevestigen(self, obj):
        return services.aanvraag_bevestigen(aanvraag_id=obj.pk)

    def na_bevestigen(self, obj) -> str:
        return services.AANVRAAG_LINK.pad(obj)


aanvraag_bevestigen = AanvraagBevestigenView.as_view()


def mijn_aanvraag(request, token: str):
    try:
        aanvraag = services.AANVRAAG_LINK.lees(
            token,
            Aanvraag.objects.select_related("regeling", "kern").prefetch_related("kostenposten"),
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    return render(
        request,
        "budgetten/mijn_aanvraag.html",
        {"aanvraag": aanvraag, "voortgang": workflow.voortgang(aanvraag)},
    )


# --- Staff: applications ----------------------------------------------------------------------


class AanvraagLijstView(MedewerkerCacheMixin, StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_aanvragen"
    template_name = "budgetten/aanvraag_lijst.html"

    def get_context_data(self, **kwargs):
        qs = selectors.aanvragen_lijst(self.request.user)
        filterset = AanvraagFilter(self.request.GET or None, queryset=qs)
        page = pagina(self.request, filterset.qs)
        return super().get_context_data(
            filter=filterset, aanvragen=page.object_list, page=page, **kwargs
        )


class AanvraagMixin(StaffPermissionMixin):
    object_queryset = Aanvraag.objects.bevestigd().met_relaties().prefetch_related("kostenposten")
    object_url_kwarg = "aanvraag_pk"


# The form of each step on the detail page, and its initial values.
FORMS = {
    workflow.BESLUITEN: (
        "besluit_form",
        BesluitForm,
        lambda a: {"bedrag": a.advies_bedrag or a.gevraagd_bedrag},
    ),
    workflow.ADVISEREN: ("advies_form", AdviesForm, lambda a: {"bedrag": a.gevraagd_bedrag}),
    workflow.BETALEN: (
        "betaling_form",
        BetalingForm,
        lambda a: {"bedrag": a.actueel_bedrag - a.betaald_bedrag},
    ),
    workflow.VASTSTELLEN: (
        "vaststelling_form",
        VaststellingForm,
        lambda a: {"bedrag": a.toegekend_bedrag},
    ),
    workflow.INTREKKEN: ("intrekken_form", IntrekkenForm, lambda a: {}),
}


class AanvraagDetailView(AanvraagMixin, TemplateView):
    permission_required = "budgetten.bekijk_aanvraag"
    template_name = "budgetten/aanvraag_detail.html"

    def get_context_data(self, **kwargs):
        aanvraag = self.get_permission_object()
        ctx = {
            "aanvraag": aanvraag,
            # The linked initiative's supporters and, for a voting candidate, its own (each
            # address once): the count the regeling's minimum is checked against.
            "steun_aantal": selectors.steun_aantal_aanvraag(aanvraag),
            # The pot of the application's own budget year: the one a decision books against.
            "pot": selectors.pot_van_aanvraag(aanvraag),
            "historie": aanvraag.history.select_related("history_user").order_by("-history_date")[
                :20
            ],
        }
        for actie in workflow.acties(aanvraag, self.request.user):
            naam, form_class, initial = FORMS[actie]
            ctx[naam] = kwargs.pop(naam, None) or form_class(initial=initial(aanvraag))
            if actie == workflow.BESLUITEN:
                # A running voting round holds the kern's leefbaarheidsbudget: say so up front.
                ctx["besluit_uitleg"] = services.toekennen_wacht_op_stemronde(aanvraag) or ""
        return super().get_context_data(**ctx, **kwargs)


class _AanvraagActie(HerbevestigingVereist, AanvraagMixin, ActieView):
    """A POST-only step on an aanvraag; a refusal shows the detail page again (400)."""

    actie = ""
    http_method_names = ["post"]

    def get_form(self, data=None):
        return FORMS[self.actie][1](data)

    def succes_url(self, obj) -> str:
        return reverse("budgetten:aanvraag_detail", kwargs={"aanvraag_pk": obj.pk})

    def fout_response(self, obj, form) -> HttpResponse:
        view = AanvraagDetailView()
        view.setup(self.request, *self.args, **self.kwargs)
        view._permission_object = obj
        ctx = view.get_context_data(**{FORMS[self.actie][0]: form})
        return render(self.request, view.template_name, ctx, status=400)


class AanvraagBesluitenView(_AanvraagActie):
    permission_required = "budgetten.besluit_aanvraag"
    actie = workflow.BESLUITEN
    gelukt = "Het besluit is vastgelegd en de aanvrager krijgt een e-mail."

    def uitvoeren(self, obj, data):
        services.aanvraag_besluiten(
            aanvraag_id=obj.pk,
            door=self.request.user,
            toekennen=data["besluit"],
            bedrag=data["bedrag"],
            motivering=data["motivering"],
        )

    def succes_url(self, obj) -> str:
        if obj.regeling.code == RegelingCode.BIJZONDER:
            return reverse("budgetten:college")
        return super().succes_url(obj)


class AanvraagAdviesView(_AanvraagActie):
    permission_required = "budgetten.advise_aanvraag"
    actie = workflow.ADVISEREN
    gelukt = "Uw advies is naar het college gestuurd."

    def uitvoeren(self, obj, data):
        services.aanvraag_adviseren(
            aanvraag_id=obj.pk, door=self.request.user, advies=data["advies"], bedrag=data["bedrag"]
        )


class AanvraagBetalenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    actie = workflow.BETALEN
    gelukt = "De betaling is vastgelegd."

    def uitvoeren(self, obj, data):
        services.aanvraag_betalen(aanvraag_id=obj.pk, door=self.request.user, bedrag=data["bedrag"])


class AanvraagVaststellenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    actie = workflow.VASTSTELLEN
    gelukt = "Het bedrag is vastgesteld. Wat over is, is weer vrij."

    def uitvoeren(self, obj, data):
        services.aanvraag_vaststellen(
            aanvraag_id=obj.pk,
            door=self.request.user,
            bedrag=data["bedrag"],
            verantwoording=data["verantwoording"],
        )


class AanvraagIntrekkenView(_AanvraagActie):
    permission_required = "budgetten.beheer_toekenning"
    actie = workflow.INTREKKEN
    gelukt = "De aanvraag is ingetrokken. Het geld is weer vrij."

    def uitvoeren(self, obj, data):
        services.aanvraag_intrekken(aanvraag_id=obj.pk, door=self.request.user, reden=data["reden"])


class CollegeWachtrijView(MedewerkerCacheMixin, StaffPermissionMixin, TemplateView):
    permission_required = "budgetten.view_college_queue"
    template_name = "budgetten/college.html"

    def get_context_data(self, **kwargs):
        jaar = timezone.localdate().year
        regeling = Regeling.objects.filter(code=RegelingCode.BIJZONDER).first()
        page = pagina(self.request, selectors.college_wachtrij())
        aanvragen = list(page.object_list)
        steun = initiatieven_selectors.steun_aantallen(a.initiatief_id for a in aanvragen)
        # (aanvraag, confirmed supporters of its initiative or None without one)
        rijen = [(a, steun.get(a.initiatief_id) if a.initiatief_id else None) for a in aanvragen]
        # Each decision books against its application's own year (in December often next
        # year), so show the pot of every year in the queue (all pages), not only this year's.
        # .order_by(): the queue's order would put advies_op in the DISTINCT (a row per
        # application instead of per year).
        jaren = set(
            selectors.college_wachtrij().order_by().values_list("jaar", flat=True).distinct()
        )
        potten = selectors.potten(regeling, dit_jaar=jaar, open_jaren=jaren) if regeling else []
        return super().get_context_data(
            aanvragen=aanvragen, rijen=rijen, page=page, jaar=jaar, potten=potten, **kwargs
        )
