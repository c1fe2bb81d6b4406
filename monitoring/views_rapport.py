"""The half-yearly report: the page, and its downloads as PDF and XLSX.

The same people as the monitoring page may read it (monitoring.view_monitoring); like that
page, it covers every kern, because the college reports on the whole municipality.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from core.toegang import StaffPermissionMixin

from .forms import RapportForm
from .rapport import halfjaarrapport, laatste_volledige_halfjaar
from .rapport_export import PdfNietBeschikbaar, rapport_pdf, rapport_xlsx
from .selectors import DOEL_WAARDERING


class _RapportBasis(StaffPermissionMixin, View):
    permission_required = "monitoring.view_monitoring"

    def _formulier(self, request) -> RapportForm:
        vandaag = timezone.localdate()
        if "jaar" in request.GET or "helft" in request.GET:
            return RapportForm(request.GET, vandaag=vandaag)
        standaard = laatste_volledige_halfjaar(vandaag)
        form = RapportForm({"jaar": standaard.jaar, "helft": standaard.helft}, vandaag=vandaag)
        form.is_valid()
        return form

    def _pagina(self, request, form, *, status: int = 200, melding: str = "", rapport=None):
        return render(
            request,
            "monitoring/rapport.html",
            {
                "form": form,
                "rapport": rapport,
                "doel": DOEL_WAARDERING,
                "melding": melding,
                "downloads": rapport is not None,
            },
            status=status,
        )

    def get(self, request):
        form = self._formulier(request)
        if not form.is_valid():
            # The choice is kept in the form, with the message next to the field.
            return self._pagina(request, form, status=400)
        rapport = halfjaarrapport(
            halfjaar=form.cleaned_data["halfjaar"], vandaag=timezone.localdate()
        )
        return self.antwoord(request, form, rapport)

    def antwoord(self, request, form, rapport) -> HttpResponse:
        return self._pagina(request, form, rapport=rapport)


class RapportView(_RapportBasis):
    pass


def _bestandsnaam(rapport, extensie: str) -> str:
    return f"halfjaarrapport-{rapport.halfjaar.code}.{extensie}"


class RapportXlsxView(_RapportBasis):
    def antwoord(self, request, form, rapport) -> HttpResponse:
        response = HttpResponse(
            rapport_xlsx(rapport),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam(rapport, "xlsx")}"'
        return response


class RapportPdfView(_RapportBasis):
    def antwoord(self, request, form, rapport) -> HttpResponse:
        try:
            pdf = rapport_pdf(rapport, context={"doel": DOEL_WAARDERING})
        except PdfNietBeschikbaar:
            melding = (
                "De PDF kan op deze server nu niet worden gemaakt: de onderdelen die daarvoor "
                "nodig zijn, zijn niet geïnstalleerd. Download het rapport als "
                "spreadsheet (XLSX) of druk deze pagina af. Meld het aan functioneel beheer."
            )
            return self._pagina(request, form, status=503, melding=melding, rapport=rapport)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam(rapport, "pdf")}"'
        return response
