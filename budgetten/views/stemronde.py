"""Pages of the residents' voting round: public, and for the kernambtenaar."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.beveiliging import publiek_formulier
from core.fouten import Weigering, naar_form
from core.herbevestiging import HerbevestigingVereist
from core.links import BevestigView, LinkOngeldig, link_ongeldig_response
from core.toegang import StaffPermissionMixin
from kernen.models import Kern

from .. import regels as r
from .. import selectors, services
from ..constants import KandidaatStatus, RegelingCode, StemrondeFase
from ..forms import (
    FaseBevestigForm,
    KandidaatForm,
    PapierenStemForm,
    StemForm,
    StemrondeDatumForm,
    StemrondeForm,
)
from ..models import Regeling, Stembiljet, Stemronde

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


@publiek_formulier("stem")
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
        form = StemForm(
            request.POST or None,
            kandidaten=kandidaten,
            kern_naam=ronde.kern.naam,
            per_adres=ronde.per_adres,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.stem_uitbrengen(
                    stemronde_id=ronde.pk,
                    email=form.cleaned_data["email"],
                    kandidaat_ids=form.cleaned_data["kandidaten"],
                    postcode=form.cleaned_data["postcode"],
                    huisnummer=form.cleaned_data["huisnummer"],
                    toevoeging=form.cleaned_data["toevoeging"],
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                return redirect("budgetten:stem_verstuurd", stemronde_pk=ronde.pk)
    elif request.method == "POST":
        messages.error(request, "Stemmen kan nu niet in deze stemronde.")
    steun = selectors.steun_aantallen_kandidaten(k.pk for k in kandidaten)
    return render(
        request,
        "budgetten/stemronde_publiek.html",
        {
            "ronde": ronde,
            "kandidaten": kandidaten,
            "steun_rijen": [(k, steun[k.pk]) for k in kandidaten],
            "kan_steunen": open_,
            "form": form,
            "stand": r.stemronde_stand(
                fase=ronde.fase,
                stemmen_van=ronde.stemmen_van,
                stemmen_tot=ronde.stemmen_tot,
                vandaag=vandaag,
            ),
        },
        status=400 if form is not None and form.errors else 200,
    )


def stem_verstuurd(request, stemronde_pk: int):
    ronde = _publieke_ronde_of_404(stemronde_pk)
    return render(request, "budgetten/stem_verstuurd.html", {"ronde": ronde})


class StemBevestigenView(BevestigView):
    """The link in the vote mail. A GET only shows the choice and a button (mail scanners that
    follow links do not vote); the POST confirms and shows the counted choice at once. A second
    click says the vote is already confirmed; after the round closed, the POST says so (400)."""

    link = services.STEM_BEVESTIGEN

    def queryset(self):
        return Stembiljet.objects.select_related("stemronde__kern")

    def al_bevestigd(self, obj) -> bool:
        return not obj.voorlopige_keuze and obj.bevestigd_op is not None

    def bevestigen(self, obj):
        return services.stem_bevestigen(stembiljet_id=obj.pk)

    def _pagina(self, biljet, *, fout: str = ""):
        ronde = biljet.stemronde
        gekozen = ronde.kandidaten.filter(
            status=KandidaatStatus.TOEGELATEN, pk__in=biljet.voorlopige_keuze
        ).order_by("titel")
        return render(
            self.request,
            "budgetten/stem_bevestigen.html",
            {
                "ronde": ronde,
                "gekozen": gekozen,
                "al_bevestigd": self.al_bevestigd(biljet),
                "fout": fout,
            },
            status=400 if fout else 200,
        )

    def get(self, request, token: str):
        try:
            biljet = self._object(token)
        except LinkOngeldig as exc:
            return link_ongeldig_response(request, exc)
        return self._pagina(biljet)

    def post(self, request, token: str):
        try:
            biljet = self._object(token)
        except LinkOngeldig as exc:
            return link_ongeldig_response(request, exc)
        try:
            biljet = self.bevestigen(biljet)
        except Weigering as exc:
            return self._pagina(biljet, fout=str(exc))
        return render(
            request,
            "budgetten/stem_bevestigd.html",
            {"ronde": biljet.stemronde, "gekozen": biljet.steunt.order_by("titel")},
        )


stem_bevestigen = StemBevestigenView.as_view()


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

    object_queryset = Kern.objects.all()
    object_url_kwarg = "kern"
    object_lookup = "slug"

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
                    stem_per=data["stem_per"],
                    door=request.user,
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "De stemronde is aangemaakt. Kies nu de kandidaten.")
                return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)
        return self._render(request, form, status=400)


class StemrondeMixin(StaffPermissionMixin):
    permission_required = "budgetten.beheer_stemronde"

    object_queryset = Stemronde.objects.select_related("kern", "verdeeld_door")
    object_url_kwarg = "stemronde_pk"


class StemrondeBeheerView(StemrondeMixin, TemplateView):
    template_name = "budgetten/stemronde_beheer.html"

    def get_context_data(self, **kwargs):
        ronde = self.get_permission_object()
        leef = Regeling.objects.filter(code=RegelingCode.LEEFBAARHEID).first()
        kandidaten = list(
            selectors.kandidaten_met_stemmen(ronde).filter(status=KandidaatStatus.TOEGELATEN)
        )
        steun = selectors.steun_aantallen_kandidaten(k.pk for k in kandidaten)
        rj = selectors.regelingjaar_voor(leef, ronde.jaar) if leef else None
        return super().get_context_data(
            ronde=ronde,
            aanvragen=selectors.aanvragen_voor_stemronde(ronde),
            kandidaten=kandidaten,
            steun_rijen=[(k, steun[k.pk]) for k in kandidaten],
            min_steun=rj.min_steun if rj else 0,
            telling=selectors.stembiljetten_telling(ronde),
            vrij=selectors.vrij_budget(leef, ronde.jaar, kern=ronde.kern) if leef else None,
            volgende=sorted(services.STEMRONDE_OVERGANGEN[ronde.fase]),
            fase_fout=kwargs.pop("fase_fout", ""),
            fase_form=kwargs.pop("fase_form", None) or FaseBevestigForm(),
            kan_papier=ronde.stand.is_open,
            **kwargs,
        )


class StemrondeFaseView(HerbevestigingVereist, StemrondeMixin, View):
    http_method_names = ["post"]
    succes = {
        StemrondeFase.OPEN: "Stemmen is open. De aanvragers krijgen een e-mail.",
        StemrondeFase.GESLOTEN: "Stemmen is gesloten. U kunt het geld nu verdelen.",
        StemrondeFase.VERDEELD: "Het geld is verdeeld. De aanvragers krijgen een e-mail.",
    }

    def _fout(self, request, ronde, *args, fase_fout: str = "", form=None, **kwargs):
        view = StemrondeBeheerView()
        view.setup(request, *args, **kwargs)
        view._permission_object = ronde
        ctx = view.get_context_data(fase_fout=fase_fout, fase_form=form)
        return render(request, view.template_name, ctx, status=400)

    def post(self, request, *args, **kwargs):
        ronde = self.get_permission_object()
        naar = request.POST.get("naar", "")
        if naar not in StemrondeFase.values:
            return redirect("budgetten:stemronde_beheer", stemronde_pk=ronde.pk)
        # Closing and dividing cannot be undone: they need the ticked confirmation box.
        form = FaseBevestigForm(request.POST)
        if not form.is_valid():
            return self._fout(request, ronde, *args, form=form, **kwargs)
        try:
            services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=naar, door=request.user)
        except Weigering as fout:
            return self._fout(request, ronde, *args, fase_fout=str(fout), **kwargs)
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
            except Weigering as fout:
                naar_form(form, fout)
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
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "Vastgelegd.")
                return redirect(
                    "budgetten:stemronde_beheer", stemronde_pk=self.get_permission_object().pk
                )
        return self._render(request, form, aanvraag, status=400)


class PapierenStemView(StemrondeMixin, View):
    """The kernambtenaar of the kern enters a paper ballot; same rules as online voting."""

    template_name = "budgetten/papieren_stem.html"

    def _form(self, data=None):
        ronde = self.get_permission_object()
        return PapierenStemForm(data, kandidaten=selectors.publieke_kandidaten(ronde))

    def _render(self, request, form, status=200):
        ronde = self.get_permission_object()
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "ronde": ronde,
                "stand": ronde.stand,
                "telling": selectors.stembiljetten_telling(ronde),
                "biljetten": selectors.papieren_stembiljetten(ronde),
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(request, self._form())

    def post(self, request, *args, **kwargs):
        ronde = self.get_permission_object()
        form = self._form(request.POST)
        if form.is_valid():
            try:
                services.papieren_stem_invoeren(
                    stemronde_id=ronde.pk,
                    door=request.user,
                    kandidaat_ids=form.cleaned_data["kandidaten"],
                    postcode=form.cleaned_data["postcode"],
                    huisnummer=form.cleaned_data["huisnummer"],
                    toevoeging=form.cleaned_data["toevoeging"],
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "De papieren stem is ingevoerd en telt mee.")
                return redirect("budgetten:stemronde_papier", stemronde_pk=ronde.pk)
        return self._render(request, form, status=400)
