from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.fouten import naar_form
from core.hooks import dashboard_panels, kern_acties, kern_publieke_blokken
from core.medewerker_cache import MedewerkerCacheMixin
from core.toegang import StaffPermissionMixin

from . import services
from .forms import KanaalForm, KernprofielForm, OrganisatieForm
from .models import Kanaal, Kern, Organisatie
from .selectors import (
    kern_publiek,
    kernen_publiek,
    kernen_van_medewerker,
    kernprofiel_geschiedenis,
    toolbox_van_kern,
)


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


class _KernMixin(StaffPermissionMixin):
    """Staff pages of one active kern, found by the slug in the URL kwarg `kern` (read once
    per request; rules gets it as the permission object)."""

    object_url_kwarg = "kern"
    object_lookup = "slug"

    def get_object_queryset(self) -> QuerySet[Kern]:
        # The gebied shows in the page header of every kern page (one join, not a query).
        return Kern.objects.actief().select_related("gebied")

    @property
    def kern(self) -> Kern:
        return self.get_permission_object()


class KernDashboardView(MedewerkerCacheMixin, _KernMixin, TemplateView):
    permission_required = "kernen.view_kern_dashboard"
    template_name = "kernen/dashboard.html"

    def get_context_data(self, **kwargs):
        kern = self.kern
        kwargs.update(kern=kern, panels=dashboard_panels(request=self.request, kern=kern))
        return super().get_context_data(**kwargs)


class _KernInhoudMixin(_KernMixin):
    """Staff pages that change what belongs to one kern (the toolbox)."""

    permission_required = "kernen.change_kern_inhoud"


class ToolboxView(_KernInhoudMixin, TemplateView):
    template_name = "kernen/toolbox.html"

    def get_context_data(self, **kwargs):
        kern = self.kern
        kwargs.update(kern=kern, **toolbox_van_kern(kern=kern))
        return super().get_context_data(**kwargs)


class KernprofielView(_KernInhoudMixin, View):
    """The kernambtenaar keeps the profile and the fase of their kern, with its history."""

    def _render(self, form):
        kern = self.kern
        return render(
            self.request,
            "kernen/kernprofiel.html",
            {"kern": kern, "form": form, "geschiedenis": kernprofiel_geschiedenis(kern=kern)},
        )

    def get(self, request, *args, **kwargs):
        return self._render(KernprofielForm(instance=self.kern))

    def post(self, request, *args, **kwargs):
        kern = self.kern
        # Bound to a copy: a refused save must not change the kern shown next to the form.
        form = KernprofielForm(request.POST, instance=Kern.objects.get(pk=kern.pk))
        if form.is_valid():
            try:
                services.kernprofiel_opslaan(
                    kern=kern,
                    door=request.user,
                    gegevens={v: form.cleaned_data[v] for v in services.PROFIEL_VELDEN},
                    vandaag=timezone.localdate(),
                )
            except ValidationError as exc:
                naar_form(form, exc)
            else:
                messages.success(
                    request, _("Het kernprofiel van %(kern)s is opgeslagen.") % {"kern": kern}
                )
                return redirect("kernen:kernprofiel", kern=kern.slug)
        return self._render(form)


class _ToolboxItemView(_KernInhoudMixin, View):
    """Create or change one toolbox item (channel or organisation) of a kern."""

    model: type[Kanaal] | type[Organisatie]
    form_class: type[KanaalForm] | type[OrganisatieForm]
    kwarg = ""
    titel_nieuw: str | Promise = ""
    titel_wijzigen: str | Promise = ""
    template_name = "kernen/toolbox_form.html"

    @staticmethod
    def opslaan(kern: Kern, gegevens: dict[str, Any], obj: Any) -> Any:
        raise NotImplementedError  # pragma: no cover - every item view defines it

    @staticmethod
    def verwijderen(obj: Any) -> None:
        raise NotImplementedError  # pragma: no cover

    def get_object(self):
        pk = self.kwargs.get(self.kwarg)
        if pk is None:
            return None
        return get_object_or_404(self.model, pk=pk, kern=self.kern)

    def _render(self, form, obj):
        kern = self.kern
        titel = self.titel_wijzigen if obj else self.titel_nieuw
        return render(
            self.request,
            self.template_name,
            {"kern": kern, "form": form, "object": obj, "titel": titel},
        )

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return self._render(self.form_class(instance=obj, kern=self.kern), obj)

    def post(self, request, *args, **kwargs):
        kern = self.kern
        obj = self.get_object()
        toolbox_url = reverse("kernen:toolbox", kwargs={"kern": kern.slug})
        if obj is not None and "verwijderen" in request.POST:
            self.verwijderen(obj)
            messages.success(request, _("%(naam)s is verwijderd.") % {"naam": obj.naam})
            return redirect(toolbox_url)
        form = self.form_class(request.POST, instance=obj, kern=kern)
        if form.is_valid():
            gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
            try:
                self.opslaan(kern, gegevens, obj)
            except ValidationError as exc:
                naar_form(form, exc)
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
    def opslaan(kern: Kern, gegevens: dict[str, Any], obj: Any) -> Any:
        return services.kanaal_opslaan(kern=kern, gegevens=gegevens, kanaal=obj)

    @staticmethod
    def verwijderen(obj: Any) -> None:
        services.kanaal_verwijderen(kanaal=obj)


class OrganisatieView(_ToolboxItemView):
    model = Organisatie
    form_class = OrganisatieForm
    kwarg = "organisatie_pk"
    titel_nieuw = gettext_lazy("Organisatie toevoegen")
    titel_wijzigen = gettext_lazy("Organisatie wijzigen")

    @staticmethod
    def opslaan(kern: Kern, gegevens: dict[str, Any], obj: Any) -> Any:
        return services.organisatie_opslaan(kern=kern, gegevens=gegevens, organisatie=obj)

    @staticmethod
    def verwijderen(obj: Any) -> None:
        services.organisatie_verwijderen(organisatie=obj)
