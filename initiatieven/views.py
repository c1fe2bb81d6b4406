import uuid
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from core.beveiliging import publiek_formulier
from core.fouten import Weigering, naar_form
from core.hooks import initiatief_blokken
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.medewerker_cache import MedewerkerCacheMixin
from core.querystring import slug_uit_query
from core.toegang import ActieView, StaffPermissionMixin
from kernen.models import Kern
from kernen.selectors import kern_publiek

from . import selectors, services, workflow
from .constants import Actor, InitiatiefSoort, InitiatiefStatus
from .filters import InitiatiefFilter
from .forms import (
    AanvullenForm,
    BerichtForm,
    InitiatiefForm,
    IntrekkenForm,
    NotitieForm,
    StatusForm,
    ToewijzenForm,
    VerhaalForm,
    VerhaalZoekForm,
)
from .models import Bijlage, Initiatief

# --- inwoner: submit, confirm, follow ---------------------------------------------------


@require_http_methods(["GET", "POST"])
@publiek_formulier("initiatief")
def indienen(request):
    gekozen_bestanden: list[str] = []
    if request.method == "POST":
        form = InitiatiefForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.initiatief_indienen(
                    idempotentie_sleutel=data["idempotentie_sleutel"],
                    kern=data["kern"],
                    titel=data["titel"],
                    omschrijving=data["omschrijving"],
                    naam=data["naam"],
                    email=data["email"],
                    telefoon=data["telefoon"],
                    locatie=data["locatie"],
                    postcode=data["postcode"],
                    doelgroep=data["doelgroep"],
                    wanneer=data["wanneer"],
                    betrokkenen=data["betrokkenen"],
                    hulp=data["hulp"],
                    geld_indicatie=data["geld_indicatie"],
                    hulp_toelichting=data["hulp_toelichting"],
                    voornaam_tonen=data["voornaam_tonen"],
                    fotos_publiceren=data["fotos_publiceren"],
                    bijlagen=data["bijlagen"],
                    soort=data["soort"],
                    rtc_taak=data["rtc_taak"],
                    rtc_waarom_beter=data["rtc_waarom_beter"],
                    rtc_uitvoerders=data["rtc_uitvoerders"],
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                return redirect("initiatieven:verstuurd")
        # A browser cannot keep chosen files: say which ones must be chosen again.
        gekozen_bestanden = [f.name for f in request.FILES.getlist("bijlagen")]
    else:
        initial = {"idempotentie_sleutel": uuid.uuid4()}
        if request.GET.get("soort") in InitiatiefSoort.values:
            initial["soort"] = request.GET["soort"]
        kern_slug = slug_uit_query(request.GET, "kern")
        if kern_slug:
            initial["kern"] = Kern.objects.actief().filter(slug=kern_slug).first()
        form = InitiatiefForm(initial=initial)
    return render(
        request,
        "initiatieven/indienen.html",
        {"form": form, "gekozen_bestanden": gekozen_bestanden},
    )


def verstuurd(request):
    return render(request, "initiatieven/verstuurd.html")


class BevestigenView(BevestigView):
    """The link in the first mail: GET shows one button, POST confirms the address."""

    link = services.BEVESTIG_LINK

    def queryset(self):
        return Initiatief.objects.select_related("kern")

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw initiatief"),
            "uitleg": _(
                'U diende het idee "%(titel)s" in voor %(kern)s. Klik op de knop om uw '
                "e-mailadres te bevestigen. Dan sturen wij uw idee door naar de kernambtenaar."
            )
            % {"titel": obj.titel, "kern": obj.kern.naam},
            "knop": _("Bevestigen"),
        }

    def al_bevestigd(self, obj) -> bool:
        return obj.is_bevestigd

    def bevestigen(self, obj):
        initiatief, _nieuw = services.initiatief_bevestigen(initiatief_id=obj.pk)
        return initiatief

    def na_bevestigen(self, obj) -> str:
        url = services.PERSOONLIJKE_LINK.pad(obj)
        return url + "?bevestigd=1" if self.request.method == "POST" else url


bevestigen = BevestigenView.as_view()


def _inwoner_initiatief(token: str) -> Initiatief:
    return services.PERSOONLIJKE_LINK.lees(token, selectors.initiatief_voor_inwoner_qs())


def _mijn_render(request, initiatief, token, *, aanvullen=None, intrekken=None, status=200):
    acties = workflow.acties(initiatief)
    return render(
        request,
        "initiatieven/mijn.html",
        {
            "initiatief": initiatief,
            "token": token,
            "bevestigd": request.GET.get("bevestigd") == "1",
            "kan_aanvullen": acties.aanvullen,
            "kan_intrekken": acties.intrekken,
            "kan_geld_aanvragen": acties.geld_aanvragen,
            "blokken": initiatief_blokken(initiatief=initiatief),
            "aanvullen_form": aanvullen or AanvullenForm(prefix="aanvullen"),
            "intrekken_form": intrekken or IntrekkenForm(prefix="intrekken"),
        },
        status=status,
    )


def mijn_initiatief(request, token: str):
    try:
        initiatief = _inwoner_initiatief(token)
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    return _mijn_render(request, initiatief, token)


@require_http_methods(["POST"])
def mijn_aanvullen(request, token: str):
    try:
        initiatief = _inwoner_initiatief(token)
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    form = AanvullenForm(request.POST, request.FILES, prefix="aanvullen")
    if form.is_valid():
        try:
            services.initiatief_aanvullen(
                initiatief_id=initiatief.pk,
                tekst=form.cleaned_data["tekst"],
                bijlagen=form.cleaned_data["bijlagen"],
            )
        except ValidationError as exc:
            naar_form(form, exc)
        else:
            messages.success(request, _("Dank u wel. Wij hebben uw aanvulling ontvangen."))
            return redirect("initiatieven:mijn", token=token)
    return _mijn_render(request, initiatief, token, aanvullen=form)


@require_http_methods(["POST"])
def mijn_intrekken(request, token: str):
    try:
        initiatief = _inwoner_initiatief(token)
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    form = IntrekkenForm(request.POST, prefix="intrekken")
    if form.is_valid():
        try:
            services.initiatief_intrekken(
                initiatief_id=initiatief.pk, toelichting=form.cleaned_data["toelichting"]
            )
        except Weigering as exc:
            naar_form(form, exc)
        else:
            messages.success(request, _("Uw initiatief is ingetrokken."))
            return redirect("initiatieven:mijn", token=token)
    return _mijn_render(request, initiatief, token, intrekken=form)


# --- public pages -----------------------------------------------------------------------


def publiek_lijst(request):
    page = Paginator(selectors.publieke_initiatieven(), 20).get_page(request.GET.get("pagina"))
    return render(request, "initiatieven/publiek_lijst.html", {"page": page, "kern": None})


def publiek_kern(request, kern: str):
    try:
        obj = kern_publiek(slug=kern)
    except Kern.DoesNotExist as exc:
        raise Http404 from exc
    page = Paginator(selectors.publieke_initiatieven(kern=obj), 20).get_page(
        request.GET.get("pagina")
    )
    return render(request, "initiatieven/publiek_lijst.html", {"page": page, "kern": obj})


def publiek_detail(request, pk: int):
    try:
        initiatief = selectors.publiek_initiatief(pk=pk)
    except Initiatief.DoesNotExist as exc:
        raise Http404 from exc
    verhaal = getattr(initiatief, "verhaal", None)
    if verhaal is not None and verhaal.gepubliceerd_op is None:
        verhaal = None
    return render(
        request,
        "initiatieven/publiek_detail.html",
        {
            "initiatief": initiatief,
            "verhaal": verhaal,
            "steun_aantal": selectors.aantal_steun(initiatief_id=initiatief.pk),
        },
    )


def verhalen(request):
    form = VerhaalZoekForm(request.GET or None)
    kern = thema = zoek = None
    if form.is_valid():
        kern = form.cleaned_data["kern"]
        thema = form.cleaned_data["thema"]
        zoek = form.cleaned_data["zoek"]
    qs = selectors.gepubliceerde_verhalen(kern=kern, thema=thema or "", zoek=zoek or "")
    page = Paginator(qs, 20).get_page(request.GET.get("pagina"))
    return render(request, "initiatieven/verhalen.html", {"form": form, "page": page})


def verhaal(request, pk: int):
    obj = get_object_or_404(selectors.gepubliceerde_verhalen(), pk=pk)
    return render(
        request,
        "initiatieven/verhaal.html",
        {"verhaal": obj, "fotos": selectors.verhaal_fotos(obj)},
    )


def verhaal_foto(request, pk: int, bijlage_pk: int):
    """A report photo of a published story, inline; 404 for anything else."""
    obj = get_object_or_404(selectors.gepubliceerde_verhalen(), pk=pk)
    foto = next((b for b in selectors.verhaal_fotos(obj) if b.pk == bijlage_pk), None)
    if foto is None:
        raise Http404
    # A neutral file name: the inwoner's own file name may hold a name.
    return FileResponse(
        foto.bestand.open("rb"),
        as_attachment=False,
        filename=f"foto-{foto.pk}{Path(foto.bestand.name).suffix}",
        content_type=foto.content_type,
    )


# --- staff ------------------------------------------------------------------------------


class LijstView(MedewerkerCacheMixin, StaffPermissionMixin, TemplateView):
    permission_required = "initiatieven.view_lijst"
    template_name = "initiatieven/medewerker/lijst.html"

    def get_context_data(self, **kwargs):
        qs = selectors.initiatieven_voor_medewerker(self.request.user)
        filterset = InitiatiefFilter(self.request.GET or None, queryset=qs, request=self.request)
        page = Paginator(filterset.qs, 25).get_page(self.request.GET.get("pagina"))
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        return super().get_context_data(
            filter=filterset, page=page, querystring=querystring.urlencode(), **kwargs
        )


class InitiatiefMixin(StaffPermissionMixin):
    """Resolves <initiatief_pk> once; rules get the Initiatief (scoped to the kern)."""

    request: HttpRequest
    object_queryset = selectors.initiatieven_met_kern()
    object_url_kwarg = "initiatief_pk"

    def render_detail(self, **forms):
        user = self.request.user
        initiatief = selectors.initiatief_detail(pk=self.kwargs["initiatief_pk"])
        acties = workflow.acties(initiatief, user)
        context = {
            "initiatief": initiatief,
            "kan_behandelen": acties.behandelen,
            "acties": acties,
            "status_form": forms.get("status")
            or StatusForm(prefix="status", status=initiatief.status),
            "bericht_form": forms.get("bericht") or BerichtForm(prefix="bericht"),
            "notitie_form": forms.get("notitie") or NotitieForm(prefix="notitie"),
            "toewijzen_form": forms.get("toewijzen")
            or ToewijzenForm(
                prefix="toewijzen",
                initial={
                    "toegewezen_aan": initiatief.toegewezen_aan_id,
                    "beleidsmedewerker": initiatief.beleidsmedewerker_id,
                },
            ),
            "heeft_vervolgstappen": bool(acties.volgende),
            "steun_aantal": selectors.aantal_steun(initiatief_id=initiatief.pk),
            "is_afgerond": acties.verhaal,
        }
        return render(self.request, "initiatieven/medewerker/detail.html", context)


class DetailView(InitiatiefMixin, View):
    permission_required = "initiatieven.bekijk_initiatief"

    def get(self, request, initiatief_pk: int):
        return self.render_detail()


class _DetailActieView(InitiatiefMixin, ActieView):
    """A form on the staff detail page (with its prefix) that calls one service; a refusal
    shows the detail page again with the messages at the form."""

    permission_required = "initiatieven.behandel_initiatief"
    prefix = ""

    def get_form(self, data=None):
        if self.form_class is None:
            raise ImproperlyConfigured("Set form_class.")
        files = self.request.FILES if data is not None else None
        return self.form_class(data, files, prefix=self.prefix, **self.get_form_kwargs())

    def succes_url(self, obj) -> str:
        return obj.get_medewerker_url()

    def fout_response(self, obj, form) -> HttpResponse:
        return self.render_detail(**{self.prefix: form})


class StatusView(_DetailActieView):
    form_class = StatusForm
    prefix = "status"

    def get_form_kwargs(self) -> dict:
        return {"status": self.get_permission_object().status}

    def uitvoeren(self, obj, data):
        services.initiatief_status_wijzigen(
            initiatief_id=obj.pk,
            naar=data["naar"],
            actor=Actor.MEDEWERKER,
            door=self.request.user,
            toelichting=data["toelichting"],
            verslag=data["verslag"],
            fotos=data["fotos"],
        )
        self.gelukt = _("De status is nu: %(status)s. De inwoner krijgt een e-mail.") % {
            "status": InitiatiefStatus(data["naar"]).label
        }


class BerichtView(_DetailActieView):
    form_class = BerichtForm
    prefix = "bericht"

    def uitvoeren(self, obj, data):
        self.gelukt = _("Uw bericht is verstuurd naar de inwoner.")
        services.bericht_sturen(initiatief_id=obj.pk, door=self.request.user, tekst=data["tekst"])


class NotitieView(_DetailActieView):
    permission_required = "initiatieven.schrijf_notitie"
    form_class = NotitieForm
    prefix = "notitie"

    def uitvoeren(self, obj, data):
        self.gelukt = _("De notitie is opgeslagen.")
        services.notitie_toevoegen(
            initiatief_id=obj.pk, door=self.request.user, tekst=data["tekst"]
        )


class ToewijzenView(_DetailActieView):
    form_class = ToewijzenForm
    prefix = "toewijzen"

    def uitvoeren(self, obj, data):
        self.gelukt = _("De toewijzing is opgeslagen.")
        services.initiatief_toewijzen(
            initiatief_id=obj.pk,
            door=self.request.user,
            toegewezen_aan=data["toegewezen_aan"],
            beleidsmedewerker=data["beleidsmedewerker"],
        )


class VerhaalView(InitiatiefMixin, View):
    permission_required = "initiatieven.behandel_initiatief"

    def _render(self, form, initiatief):
        return render(
            self.request,
            "initiatieven/medewerker/verhaal_form.html",
            {"form": form, "initiatief": initiatief},
        )

    def get(self, request, initiatief_pk: int):
        initiatief = self.get_permission_object()
        if not workflow.acties(initiatief, request.user).verhaal:
            raise Http404
        bestaand = getattr(initiatief, "verhaal", None)
        initial = {"titel": initiatief.titel}
        if bestaand is not None:
            initial = {
                "titel": bestaand.titel,
                "thema": bestaand.thema,
                "samenvatting": bestaand.samenvatting,
                "wat_werkte": bestaand.wat_werkte,
                "wat_niet": bestaand.wat_niet,
                "waarom": bestaand.waarom,
                "foto_beschrijving": bestaand.foto_beschrijving,
                "publiceren": bestaand.gepubliceerd_op is not None,
            }
        return self._render(VerhaalForm(initial=initial), initiatief)

    def post(self, request, initiatief_pk: int):
        initiatief = self.get_permission_object()
        form = VerhaalForm(request.POST)
        if form.is_valid():
            try:
                services.verhaal_opslaan(
                    initiatief_id=initiatief.pk, door=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                messages.success(request, _("Het verhaal is opgeslagen."))
                return redirect(initiatief.get_medewerker_url())
        return self._render(form, initiatief)


class BijlageView(StaffPermissionMixin, View):
    """Attachments are only for staff handling the initiative; always as a download."""

    permission_required = "initiatieven.bekijk_initiatief"

    object_queryset = Bijlage.objects.select_related("initiatief__kern").filter(
        initiatief__email_bevestigd_op__isnull=False
    )
    object_url_kwarg = "bijlage_pk"

    def get_permission_object(self):
        return self.bijlage().initiatief

    def bijlage(self) -> Bijlage:
        return super().get_permission_object()

    def get(self, request, bijlage_pk: int):
        bijlage = self.bijlage()
        return FileResponse(
            bijlage.bestand.open("rb"),
            as_attachment=True,
            filename=bijlage.oorspronkelijke_naam,
            content_type=bijlage.content_type,
        )
