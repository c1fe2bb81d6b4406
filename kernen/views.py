from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from accounts.mixins import StaffPermissionMixin
from kerngericht.hooks import dashboard_panels

from .models import Kern
from .selectors import kern_publiek, kernen_publiek, kernen_van_medewerker


def kern_detail(request, kern: str):
    try:
        obj = kern_publiek(slug=kern)
    except Kern.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "kernen/kern_detail.html", {"kern": obj})


def kern_lijst(request):
    return render(request, "kernen/kern_lijst.html", {"kernen": kernen_publiek()})


class MijnKernenView(StaffPermissionMixin, TemplateView):
    permission_required = "kernen.view_dashboard"
    template_name = "kernen/mijn_kernen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(kernen=kernen_van_medewerker(self.request.user), **kwargs)


class KernDashboardView(StaffPermissionMixin, TemplateView):
    permission_required = "kernen.view_kern_dashboard"
    template_name = "kernen/dashboard.html"

    def get_permission_object(self):
        if not hasattr(self, "_kern"):
            self._kern = get_object_or_404(Kern.objects.actief(), slug=self.kwargs["kern"])
        return self._kern

    def get_context_data(self, **kwargs):
        kern = self.get_permission_object()
        kwargs.update(kern=kern, panels=dashboard_panels(request=self.request, kern=kern))
        return super().get_context_data(**kwargs)
