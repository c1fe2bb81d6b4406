from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.hooks import dashboard_panels, kern_acties, kern_publieke_blokken
from core.toegang import StaffPermissionMixin

from . import services
from .forms import KanaalForm, OrganisatieForm
from .models import Kanaal, Kern, Organisatie
from .selectors import kern_publiek, kernen_publiek, kernen_van_medewerker, toolbox_van_kern


def kern_detail(request, kern: str):
    try:
        obj = kern_publiek(slug=kern)
    except Kern.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "kernen/kern_detail.html",
        {
            "kern": obj,
            "acties": kern_acties(kern=obj),
            "blokken": kern_publieke_blokken(kern=obj),
        },
    )


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


class _KernInhoudMixin(StaffPermissionMixin):
    """Staff pages that change what belongs to one kern (the toolbox)."""

    permission_required = "kernen.change_kern_inhoud"

    def get_permission_object(self):
        if not hasattr(self, "_kern"):
            self._kern = get_object_or_404(Kern.objects.actief(), slug=self.kwargs["kern"])
        return self._kern


class ToolboxView(_KernInhoudMixin, TemplateView):
    template_name = "kernen/toolbox.html"

    def get_context_data(self, **kwargs):
        kern = self.get_permission_object()
        kwargs.update(kern=kern, **toolbox_van_kern(kern=kern))
        return super().get_context_data(**kwargs)


class _ToolboxItemView(_KernInhoudMixin, View):
    """Create or change one toolbox item (channel or organisation) of a kern."""

    model = None
    form_class = None
    kwarg = ""
    opslaan = None
    verwijderen = None
    titel_nieuw = ""
    titel_wijzigen = ""
    template_name = "kernen/toolbox_form.html"

    def get_object(self):
        pk = self.kwargs.get(self.kwarg)
        if pk is None:
            return None
        return get_object_or_404(self.model, pk=pk, kern=self.get_permission_object())

    def _render(self, form, obj):
        kern = self.get_permission_object()
        titel = self.titel_wijzigen if obj else self.titel_nieuw
        return render(
            self.request,
            self.template_name,
            {"kern": kern, "form": form, "object": obj, "titel": titel},
        )

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return self._render(self.form_class(instance=obj, kern=self.get_permission_object()), obj)

    def post(self, request, *args, **kwargs):
        kern = self.get_permission_object()
        obj = self.get_object()
        toolbox_url = reverse("kernen:toolbox", kwargs={"kern": kern.slug})
        if obj is not None and "verwijderen" in request.POST:
            type(self).verwijderen(obj)
            messages.success(request, _("%(naam)s is verwijderd.") % {"naam": obj.naam})
            return redirect(toolbox_url)
        form = self.form_class(request.POST, instance=obj, kern=kern)
        if form.is_valid():
            gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
            try:
                type(self).opslaan(kern, gegevens, obj)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("De toolbox van %(kern)s is bijgewerkt.") % {"kern": kern}
                )
                return redirect(toolbox_url)
        return self._render(form, obj)


class KanaalView(_ToolboxItemView):
    model = Kanaal
    form_class = KanaalForm
    kwarg = "kanaal_pk"
    titel_nieuw = gettext_lazy("Kanaal toevoegen")
    titel_wijzigen = gettext_lazy("Kanaal wijzigen")

    @staticmethod
    def opslaan(kern, gegevens, obj):
        return services.kanaal_opslaan(kern=kern, gegevens=gegevens, kanaal=obj)

    @staticmethod
    def verwijderen(obj):
        services.kanaal_verwijderen(kanaal=obj)


class OrganisatieView(_ToolboxItemView):
    model = Organisatie
    form_class = OrganisatieForm
    kwarg = "organisatie_pk"
    titel_nieuw = gettext_lazy("Organisatie toevoegen")
    titel_wijzigen = gettext_lazy("Organisatie wijzigen")

    @staticmethod
    def opslaan(kern, gegevens, obj):
        return services.organisatie_opslaan(kern=kern, gegevens=gegevens, organisatie=obj)

    @staticmethod
    def verwijderen(obj):
        services.organisatie_verwijderen(organisatie=obj)
