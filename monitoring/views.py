"""Pages of the half-yearly monitoring and the plan's action points."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.medewerker_cache import MedewerkerCacheMixin
from core.querystring import lokale_url
from core.toegang import ActieView, StaffPermissionMixin

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


class MonitoringView(MedewerkerCacheMixin, StaffPermissionMixin, TemplateView):
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
        punten = actiepunten()
        for punt in punten:
            punt.te_laat = punt.is_te_laat(vandaag)  # type: ignore[attr-defined]
        return super().get_context_data(
            actiepunten=punten,
            vandaag=vandaag,
            mag_wijzigen=self.request.user.has_perm("monitoring.wijzig_actiepunt_status"),
            **kwargs,
        )


class ActiepuntStatusView(ActieView):
    permission_required = "monitoring.wijzig_actiepunt_status"
    template_name = "monitoring/actiepunt_status.html"
    form_class = ActiepuntStatusForm
    object_queryset = Actiepunt.objects.all()
    object_url_kwarg = "actiepunt_pk"
    gelukt = _("De status van het actiepunt is opgeslagen.")

    def get_form_kwargs(self) -> dict:
        if self.request.method == "POST":
            return {}
        actiepunt = self.get_permission_object()
        return {"initial": {"status": actiepunt.status, "notitie": actiepunt.notitie}}

    def _terug(self) -> str:
        return lokale_url(
            self.request, self.request.GET.get("terug") or self.request.POST.get("terug")
        )

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            actiepunt=self.get_permission_object(), terug=self._terug(), **kwargs
        )

    def uitvoeren(self, obj, data):
        actiepunt_status_wijzigen(
            actiepunt_id=obj.pk,
            status=data["status"],
            notitie=data["notitie"],
            door=self.request.user,
        )

    def succes_url(self, obj) -> str:
        return lokale_url(self.request, self.request.POST.get("terug")) or reverse(
            "monitoring:actiepunten"
        )
