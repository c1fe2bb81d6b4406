"""Pages of the AVG right of access and deletion (core.avg): the public request form, the
resident's page behind the mailed link with the download, and the staff list."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from .avg import (
    INZAGE_LINK,
    gegevens_van,
    inzage_aanvragen,
    verwijderen_vragen,
    verzoek_afhandelen,
    verzoeken_voor,
)
from .beveiliging import publiek_formulier
from .forms import MijnLinksForm
from .links import LinkOngeldig, link_ongeldig_response
from .models import Privacyverzoek
from .toegang import StaffPermissionMixin


@publiek_formulier("mijn-gegevens", per_email="3/h")
def aanvragen(request):
    if request.method == "POST":
        form = MijnLinksForm(request.POST)
        if form.is_valid():
            inzage_aanvragen(email=form.cleaned_data["email"])
            return redirect(reverse("core:mijn_gegevens_aanvragen") + "?verstuurd=1")
    else:
        form = MijnLinksForm()
    return render(
        request,
        "avg/aanvragen.html",
        {"form": form, "verstuurd": request.GET.get("verstuurd") == "1"},
    )


def _verzoek(token: str) -> Privacyverzoek:
    return INZAGE_LINK.lees(token, Privacyverzoek.objects.filter(afgehandeld_op__isnull=True))


def mijn_gegevens(request, token: str):
    try:
        verzoek = _verzoek(token)
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method == "POST":
        verwijderen_vragen(verzoek_id=verzoek.pk, toelichting=request.POST.get("toelichting", ""))
        messages.success(
            request,
            "Uw verzoek om verwijdering is ontvangen. De kernambtenaar handelt het binnen een "
            "maand af en u krijgt geen post meer van ons over uw oude inzendingen.",
        )
        return redirect("core:mijn_gegevens", token=token)
    gegevens = gegevens_van(verzoek.email)
    return render(
        request,
        "avg/mijn_gegevens.html",
        {
            "verzoek": verzoek,
            "soorten": [(soort, len(rijen)) for soort, rijen in gegevens.items()],
            "token": token,
        },
    )


def download(request, token: str):
    try:
        verzoek = _verzoek(token)
    except LinkOngeldig as exc:
        return link_ongeldig_response(request, exc)
    if request.method not in ("GET", "HEAD"):
        # After the link check, like every other personal link: a bad link says only that.
        return HttpResponseNotAllowed(["GET", "HEAD"])
    inhoud = {
        "e-mailadres": verzoek.email,
        "opgevraagd_op": timezone.now().isoformat(),
        "gegevens": gegevens_van(verzoek.email),
    }
    response = HttpResponse(
        json.dumps(inhoud, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


class VerzoekLijstView(StaffPermissionMixin, TemplateView):
    permission_required = "core.view_privacyverzoeken"
    template_name = "avg/verzoeken.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(verzoeken=verzoeken_voor(self.request.user), **kwargs)


class VerzoekAfhandelenView(StaffPermissionMixin, TemplateView):
    permission_required = "core.handel_privacyverzoek_af"
    object_queryset = Privacyverzoek.objects.filter(verwijderen_gevraagd_op__isnull=False)
    object_url_kwarg = "verzoek_pk"
    http_method_names = ["post"]

    def post(self, request, verzoek_pk: int):
        verzoek = verzoek_afhandelen(verzoek_id=self.get_permission_object().pk, door=request.user)
        messages.success(
            request,
            f"Afgehandeld: {verzoek.aantal_geanonimiseerd} gegevens zijn geanonimiseerd.",
        )
        return redirect("core:privacyverzoeken")
