from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from accounts.constants import Rol
from core.links import LinkOngeldig, bevestig_pagina, haal_object, link_ongeldig_response
from core.querystring import slug_uit_query
from core.toegang import StaffPermissionMixin
from kernen.models import Kern
from vragen.models import Vraag

from . import services
from .constants import BEANTWOORDBAAR, ROUTEERBAAR, VraagStatus
from .deadlines import lokale_datum, termijnstatus
from .filters import VraagFilter
from .forms import (
    AntwoordForm,
    CijfersForm,
    RouterenForm,
    TeruggevenForm,
    VraagRegistrerenForm,
    VraagStellenForm,
    WaarderingForm,
    fout_naar_form,
)
from .selectors import inbox, vraag_cijfers, vraag_voor_detail, vraag_voor_inwoner


def _met_termijnstatus(vragen, nu):
    for v in vragen:
        v.termijnstatus = termijnstatus(v.deadline, nu)
    return vragen


# --- inwoner ------------------------------------------------------------------------------


def vraag_stellen(request):
    slug = slug_uit_query(request.GET, "kern")
    kern = Kern.objects.actief().filter(slug=slug).first() if slug else None
    if request.method == "POST":
        form = VraagStellenForm(request.POST)
        if form.is_valid():
            try:
                services.vraag_stellen(**form.cleaned_data)
            except ValidationError as exc:
                fout_naar_form(form, exc)
            else:
                return redirect("vragen:vraag_verstuurd")
    else:
        form = VraagStellenForm(initial={"kern": kern})
    return render(request, "vragen/stellen.html", {"form": form})


def vraag_verstuurd(request):
    return render(request, "vragen/verstuurd.html")


@require_http_methods(["GET", "POST"])
def vraag_bevestigen(request, token: str):
    """The link in the first mail. A GET shows only a button and confirms nothing (mail
    scanners follow links); the POST confirms the address. Afterwards the same link leads
    to the personal page, so the inwoner can keep using the first mail."""
    try:
        vraag = haal_object(
            token, soort=services.BEVESTIG_SOORT, queryset=Vraag.objects.select_related("kern")
        )
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        vraag = services.vraag_email_bevestigen(vraag_id=vraag.pk)
        messages.success(request, _("Uw e-mailadres is bevestigd."))
        return redirect(services.persoonlijk_pad(vraag))
    if vraag.email_bevestigd_op is not None:
        return redirect(services.persoonlijk_pad(vraag))
    return bevestig_pagina(
        request,
        titel=_("Bevestig uw e-mailadres"),
        uitleg=_(
            'U stuurde ons uw %(soort)s "%(onderwerp)s" over %(kern)s. Klik op de knop om '
            "uw e-mailadres te bevestigen. Daarna ziet u hoe het met uw vraag staat."
        )
        % {
            "soort": vraag.get_soort_display().lower(),
            "onderwerp": vraag.onderwerp,
            "kern": vraag.kern.naam,
        },
        knop=_("Bevestigen"),
    )


def vraag_persoonlijk(request, token: str):
    """The inwoner's personal page: their question, the answers, and the rating form."""
    try:
        vraag = haal_object(token, soort=services.LINK_SOORT, queryset=Vraag.objects.all())
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
            except ValidationError as exc:
                fout_naar_form(form, exc)
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


class VragenInboxView(StaffPermissionMixin, FilterView):
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
        user = self.request.user
        kernen = Kern.objects.actief()
        if not user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
            kernen = kernen.filter(kernambtenaren=user)
        kwargs["kernen"] = kernen
        return kwargs

    def form_valid(self, form):
        try:
            vraag = services.vraag_registreren(door=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            fout_naar_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De vraag is geregistreerd."))
        return redirect("vragen:vraag_detail", vraag_pk=vraag.pk)


class VraagMixin(StaffPermissionMixin):
    def get_permission_object(self):
        if not hasattr(self, "_vraag"):
            try:
                self._vraag = vraag_voor_detail(pk=self.kwargs["vraag_pk"])
            except Vraag.DoesNotExist as exc:
                raise Http404 from exc
        return self._vraag

    @property
    def vraag(self) -> Vraag:
        return self.get_permission_object()


class VraagDetailView(VraagMixin, TemplateView):
    permission_required = "vragen.bekijk_vraag"
    template_name = "vragen/detail.html"

    def get_context_data(self, **kwargs):
        vraag = self.vraag
        user = self.request.user
        nu = timezone.now()
        vraag.termijnstatus = termijnstatus(vraag.deadline, nu)
        mag_routeren = vraag.status in ROUTEERBAAR and user.has_perm("vragen.routeer_vraag", vraag)
        mag_antwoorden = vraag.status in BEANTWOORDBAAR and user.has_perm(
            "vragen.beantwoord_vraag", vraag
        )
        return super().get_context_data(
            vraag=vraag,
            routeringen=list(vraag.routeringen.all()),
            antwoorden=list(vraag.antwoorden.all()),
            routeer_form=RouterenForm(
                initial={"team": vraag.team, "behandelaar": vraag.behandelaar}
            )
            if mag_routeren
            else None,
            antwoord_form=AntwoordForm() if mag_antwoorden else None,
            terug_form=TeruggevenForm() if mag_antwoorden else None,
            procesantwoord_mag=vraag.status == VraagStatus.DOORGESTUURD,
            **kwargs,
        )


class VraagActieView(VraagMixin, FormView):
    """A form on a vraag: GET shows it on its own page, POST calls the service."""

    template_name = "vragen/actie.html"
    titel = ""
    knop = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vraag=self.vraag, titel=self.titel, knop=self.knop, **kwargs
        )

    def form_valid(self, form):
        try:
            self.uitvoeren(form.cleaned_data)
        except ValidationError as exc:
            fout_naar_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.gelukt)
        return redirect(self.succes_url())

    def succes_url(self) -> str:
        return reverse("vragen:vraag_detail", kwargs={"vraag_pk": self.vraag.pk})


class VraagRouterenView(VraagActieView):
    permission_required = "vragen.routeer_vraag"
    form_class = RouterenForm
    titel = _("Vraag doorsturen")
    knop = _("Doorsturen")
    gelukt = _("De vraag is doorgestuurd.")

    def uitvoeren(self, data):
        services.vraag_routeren(vraag_id=self.vraag.pk, door=self.request.user, **data)


class VraagBeantwoordenView(VraagActieView):
    permission_required = "vragen.beantwoord_vraag"
    form_class = AntwoordForm
    titel = _("Vraag beantwoorden")
    knop = _("Antwoord versturen")
    gelukt = _("Het antwoord is verstuurd naar de inwoner.")

    def uitvoeren(self, data):
        services.vraag_beantwoorden(vraag_id=self.vraag.pk, door=self.request.user, **data)


class VraagTeruggevenView(VraagActieView):
    permission_required = "vragen.beantwoord_vraag"
    form_class = TeruggevenForm
    titel = _("Vraag teruggeven aan de kernambtenaar")
    knop = _("Teruggeven")
    gelukt = _("De vraag is teruggegeven aan de kernambtenaar.")

    def uitvoeren(self, data):
        services.vraag_teruggeven(vraag_id=self.vraag.pk, door=self.request.user, **data)

    def succes_url(self) -> str:
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
            groep_label = dict(form.fields["groep"].choices)[form.cleaned_data["groep"]]
            rijen = vraag_cijfers(
                groep=form.cleaned_data["groep"],
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
            )
        return super().get_context_data(form=form, rijen=rijen, groep_label=groep_label, **kwargs)
