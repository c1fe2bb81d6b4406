from django.shortcuts import render
from django.views.generic import TemplateView

from accounts.mixins import StaffPermissionMixin
from kernen.selectors import kernen_publiek

from .hooks import startpagina_links


def home(request):
    return render(request, "home.html", {"kernen": kernen_publiek()})


class StaffStartView(StaffPermissionMixin, TemplateView):
    permission_required = "accounts.view_startpagina"
    template_name = "staff_start.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        rollen = list(user.groups.order_by("name").values_list("name", flat=True))
        return super().get_context_data(links=startpagina_links(user=user), rollen=rollen, **kwargs)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
