"""Pages of the half-yearly monitoring and the plan's action points."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.querystring import lokale_url
from core.toegang import StaffPermissionMixin

from .exports import monitoring_csv
from .forms import ActiepuntStatusForm, HalfjaarForm
from .models import Actiepunt
from .periodes import Halfjaar, halfjaren_tot
from .selectors import DOEL_WAARDERING, actiepunten, monitoring
from .services import actiepunt_status_wijzigen


def _gekozen_halfjaar(request) -> tuple[Halfjaar, list[Halfjaar], HalfjaarForm]:
    vandaag = timezone.localdate()
    halfjaren = halfjaren_tot(vandaag)
    huidig = halfjaren[0]
    gekozen = Halfjaar.uit_code(request.GET.get("halfjaar", "")) or huidig
    if gekozen > huidig:
        gekozen = huidig
    if gekozen not in halfjaren:
        halfjaren.append(gekozen)
    form = HalfjaarForm(initial={"halfjaar": gekozen.code}, halfjaren=halfjaren)
    return gekozen, halfjaren, form


class MonitoringView(StaffPermissionMixin, TemplateView):
    permission_required = "monitoring.view_monitoring"
    template_name = "monitoring/monitoring.html"

    def get_context_data(self, **kwargs):
        halfjaar, _halfjaren, form = _gekozen_halfjaar(self.request)
        return super().get_context_data(
            form=form,
            m=monitoring(halfjaar=halfjaar, vandaag=timezone.localdate()),
            doel=DOEL_WAARDERING,
            mag_wijzigen=self.request.user.has_perm("monitoring.wijzig_actiepunt_status"),
            **kwargs,
        )


class MonitoringCsvView(StaffPermissionMixin, View):
    permission_required = "monitoring.view_monitoring"

    def get(self, request):
        halfjaar, _halfjaren, _form = _gekozen_halfjaar(request)
        m = monitoring(halfjaar=halfjaar, vandaag=timezone.localdate())
        response = HttpResponse(monitoring_csv(m), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="monitoring-{halfjaar.code}.csv"'
        return response


class ActiepuntenView(StaffPermissionMixin, TemplateView):
    permission_required = "monitoring.view_monitoring"
    template_name = "monitoring/actiepunten.html"

    def get_context_data(self, **kwargs):
        vandaag = timezone.localdate()
        return super().get_context_data(
            actiepunten=actiepunten(),
            vandaag=vandaag,
            mag_wijzigen=self.request.user.has_perm("monitoring.wijzig_actiepunt_status"),
            **kwargs,
        )


class ActiepuntStatusView(StaffPermissionMixin, View):
    permission_required = "monitoring.wijzig_actiepunt_status"
    template_name = "monitoring/actiepunt_status.html"

    def get(self, request, actiepunt_pk):
        self.actiepunt = get_object_or_404(Actiepunt, pk=actiepunt_pk)
        form = ActiepuntStatusForm(
            initial={"status": self.actiepunt.status, "notitie": self.actiepunt.notitie}
        )
        return self._render(form)

    def post(self, request, actiepunt_pk):
        self.actiepunt = get_object_or_404(Actiepunt, pk=actiepunt_pk)
        form = ActiepuntStatusForm(request.POST)
        if not form.is_valid():
            return self._render(form)
        actiepunt_status_wijzigen(
            actiepunt_id=self.actiepunt.pk,
            status=form.cleaned_data["status"],
            notitie=form.cleaned_data["notitie"],
            door=request.user,
        )
        messages.success(request, _("De status van het actiepunt is opgeslagen."))
        terug = lokale_url(request, request.POST.get("terug"))
        return redirect(terug or reverse("monitoring:actiepunten"))

    def _render(self, form):
        terug = lokale_url(
            self.request, self.request.GET.get("terug") or self.request.POST.get("terug")
        )
        return render(
            self.request,
            self.template_name,
            {"form": form, "actiepunt": self.actiepunt, "terug": terug},
        )
