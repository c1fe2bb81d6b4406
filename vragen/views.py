from datetime import date
from typing import cast

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from accounts.models import Medewerker, Rol
from core.beveiliging import publiek_formulier
from core.eenmalig import eenmalig_formulier
from core.fouten import Weigering, naar_form
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.medewerker_cache import MedewerkerCacheMixin
from core.querystring import slug_uit_query
from core.toegang import ActieView, StaffPermissionMixin
from kernen.models import Kern
from vragen.models import Vraag

from . import services, workflow
from .deadlines import lokale_datum, termijnstatus
from .filters import VraagFilter
from .forms import (
    GROEPEN,
    AntwoordForm,
    CijfersForm,
    RouterenForm,
    TeruggevenForm,
    VraagRegistrerenForm,
    VraagStellenForm,
    WaarderingForm,
)
from .selectors import inbox, vraag_cijfers, vraag_voor_inwoner, vragen_voor_detail
from .workflow import Actie


def _medewerker(request) -> Medewerker:
    """The signed-in member of staff (StaffPermissionMixin lets no one else in)."""
    return cast(Medewerker, request.user)


def _met_termijnstatus(vragen, nu):
    for v in vragen:
        v.termijnstatus = termijnstatus(v.deadline, nu)
    return vragen


# --- inwoner ------------------------------------------------------------------------------


@publiek_formulier("vraag")
@eenmalig_formulier("vraag")
def vraag_stellen(request):
    slug = slug_uit_query(request.GET, "kern")
    kern = Kern.objects.actief().filter(slug=slug).first() if slug else None
    if request.method == "POST":
        form = VraagStellenForm(request.POST)
        if form.is_valid():
            try:
                services.vraag_stellen(**form.cleaned_data)
            except Weigering as exc:
                naar_form(form, exc)
            else:
                return redirect("vragen:vraag_verstuurd")
    else:
        form = VraagStellenForm(initial={"kern": kern})
    return render(request, "vragen/stellen.html", {"form": form})


def vraag_verstuurd(request):
    return render(request, "vragen/verstuurd.html")


class VraagBevestigenView(BevestigView):
    """The link in the first mail. A GET shows only a button and confirms nothing (mail
    scanners follow links); the POST confirms the address. Afterwards the same link leads
    to the personal page, so the inwoner can keep using the first mail."""

    link = services.BEVESTIG_LINK

    def queryset(self):
        return Vraag.objects.select_related("kern")

    def teksten(self, obj) -> dict:
        return {
            "titel": _("Bevestig uw e-mailadres"),
            "uitleg": _(
                'U stuurde ons uw %(soort)s "%(onderwerp)s" over %(kern)s. Klik op de knop om '
                "uw e-mailadres te bevestigen. Daarna ziet u hoe het met uw vraag staat."
            )
            % {
                "soort": obj.get_soort_display().lower(),
                "onderwerp": obj.onderwerp,
                "kern": obj.kern.naam,
            },
            "knop": _("Bevestigen"),
        }

    def bevestigen(self, obj):
        return services.vraag_email_bevestigen(vraag_id=obj.pk)

    def gelukt(self, obj) -> str:
        return _("Uw e-mailadres is bevestigd.")

    def na_bevestigen(self, obj) -> str:
        return services.PERSOONLIJKE_LINK.pad(obj)


def vraag_persoonlijk(request, token: str):
    """The inwoner's personal page: their question, the answers, and the rating form."""
    try:
        vraag = services.PERSOONLIJKE_LINK.lees(token, Vraag.objects.all())
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    form = None
    if vraag.eerste_antwoord_op and vraag.waardering is None:
        form = WaarderingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.vraag_waarderen(
                    vraag_id=vraag.pk,
                    cijfer=form.cleaned_data["cijfer"],
                    toelichting=form.cleaned_data["toelichting"],
                )
            except Weigering as exc:
                naar_form(form, exc)
            else:
                messages.success(request, _("Dank u wel voor uw cijfer."))
                return redirect(request.path)
    vraag = vraag_voor_inwoner(pk=vraag.pk)
    return render(
        request,
        "vragen/persoonlijk.html",
        {"vraag": vraag, "form": form, "antwoorden": list(vraag.antwoorden.all())},
    )


# --- medewerkers --------------------------------------------------------------------------


class VragenInboxView(MedewerkerCacheMixin, StaffPermissionMixin, FilterView):
    permission_required = "vragen.view_vragen_inbox"
    filterset_class = VraagFilter
    template_name = "vragen/inbox.html"
    paginate_by = 50

    def get_queryset(self):
        return inbox(self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = (kwargs.get("data") or self.request.GET).copy()
        data.setdefault("status", "open")
        kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _met_termijnstatus(context["object_list"], timezone.now())
        user = self.request.user
        context["mag_registreren"] = user.has_perm("vragen.registreer_vraag")
        context["mag_cijfers"] = user.has_perm("vragen.view_vragen_cijfers")
        return context


class VraagRegistrerenView(StaffPermissionMixin, FormView):
    permission_required = "vragen.registreer_vraag"
    template_name = "vragen/registreren.html"
    form_class = VraagRegistrerenForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = _medewerker(self.request)
        kernen = Kern.objects.actief()
        if not user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
            kernen = kernen.filter(kernambtenaren=user)
        kwargs["kernen"] = kernen
        return kwargs

    def form_valid(self, form):
        try:
            vraag = services.vraag_registreren(door=_medewerker(self.request), **form.cleaned_data)
        except Weigering as exc:
            naar_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De vraag is geregistreerd."))
        return redirect("vragen:vraag_detail", vraag_pk=vraag.pk)


class VraagMixin(StaffPermissionMixin):
    """Staff pages of one vraag (URL kwarg `vraag_pk`), read once with its history."""

    object_queryset = vragen_voor_detail()
    object_url_kwarg = "vraag_pk"

    @property
    def vraag(self) -> Vraag:
        return self.get_permission_object()


class VraagDetailView(VraagMixin, TemplateView):
    permission_required = "vragen.bekijk_vraag"
    template_name = "vragen/detail.html"

    def get_context_data(self, **kwargs):
        vraag = self.vraag
        acties = workflow.acties(vraag, self.request.user)
        vraag.termijnstatus = termijnstatus(vraag.deadline, timezone.now())  # type: ignore[attr-defined]
        mag_antwoorden = Actie.BEANTWOORDEN in acties
        return super().get_context_data(
            vraag=vraag,
            routeringen=list(vraag.routeringen.all()),
            antwoorden=list(vraag.antwoorden.all()),
            routeer_form=RouterenForm(
                initial={"team": vraag.team, "behandelaar": vraag.behandelaar}
            )
            if Actie.ROUTEREN in acties
            else None,
            antwoord_form=AntwoordForm() if mag_antwoorden else None,
            terug_form=TeruggevenForm() if Actie.TERUGGEVEN in acties else None,
            procesantwoord_mag=Actie.PROCESANTWOORD in acties,
            **kwargs,
        )


class VraagActieView(VraagMixin, ActieView):
    """A form on a vraag: GET shows it on its own page, POST calls the service."""

    template_name = "vragen/actie.html"
    titel = ""
    knop = ""

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            vraag=self.vraag, titel=self.titel, knop=self.knop, **kwargs
        )

    def succes_url(self, obj) -> str:
        return reverse("vragen:vraag_detail", kwargs={"vraag_pk": obj.pk})


class VraagRouterenView(VraagActieView):
    permission_required = "vragen.routeer_vraag"
    form_class = RouterenForm
    titel = _("Vraag doorsturen")
    knop = _("Doorsturen")
    gelukt = _("De vraag is doorgestuurd.")

    def uitvoeren(self, obj, data):
        services.vraag_routeren(vraag_id=obj.pk, door=_medewerker(self.request), **data)


class VraagBeantwoordenView(VraagActieView):
    permission_required = "vragen.beantwoord_vraag"
    form_class = AntwoordForm
    titel = _("Vraag beantwoorden")
    knop = _("Antwoord versturen")
    gelukt = _("Het antwoord is verstuurd naar de inwoner.")

    def uitvoeren(self, obj, data):
        services.vraag_beantwoorden(vraag_id=obj.pk, door=_medewerker(self.request), **data)


class VraagTeruggevenView(VraagActieView):
    permission_required = "vragen.beantwoord_vraag"
    form_class = TeruggevenForm
    titel = _("Vraag teruggeven aan de kernambtenaar")
    knop = _("Teruggeven")
    gelukt = _("De vraag is teruggegeven aan de kernambtenaar.")

    def uitvoeren(self, obj, data):
        services.vraag_teruggeven(vraag_id=obj.pk, door=_medewerker(self.request), **data)

    def succes_url(self, obj) -> str:
        return reverse("vragen:vragen_inbox")


class VragenCijfersView(StaffPermissionMixin, TemplateView):
    permission_required = "vragen.view_vragen_cijfers"
    template_name = "vragen/cijfers.html"

    def get_context_data(self, **kwargs):
        vandaag = lokale_datum(timezone.now())
        data = self.request.GET.copy()
        data.setdefault("groep", "team")
        data.setdefault("van", date(vandaag.year, 1, 1).isoformat())
        data.setdefault("tot", vandaag.isoformat())
        form = CijfersForm(data)
        rijen = None
        groep_label = ""
        if form.is_valid():
            groep_label = str(dict(GROEPEN)[form.cleaned_data["groep"]])
            rijen = vraag_cijfers(
                groep=form.cleaned_data["groep"],
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
            )
        return super().get_context_data(form=form, rijen=rijen, groep_label=groep_label, **kwargs)
