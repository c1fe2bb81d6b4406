"""Pages about money per year: public figures, the grootboek and the export."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.querystring import int_uit_query
from core.toegang import StaffPermissionMixin

from .. import exports, selectors


def _jaar(request) -> int:
    jaar = int_uit_query(request.GET, "jaar", minimum=2000, maximum=2100)
    return jaar if jaar is not None else timezone.localdate().year


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
        aanvragen = selectors.aanvragen_met_budget_van_jaar(jaar, user=request.user)
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
