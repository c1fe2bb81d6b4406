import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Team
from kernen.models import Kern

from .constants import OPEN_STATUSSEN, VraagStatus
from .selectors import termijn_filter

STATUS_KEUZES = [
    ("open", _("Alle open vragen")),
    ("te-laat", _("Te laat")),
    ("vandaag", _("Vandaag uiterlijk")),
    ("op-tijd", _("Op tijd")),
    ("nieuw", _("Nog niet doorgestuurd")),
    ("teruggegeven", _("Teruggegeven")),
    ("beantwoord", _("Beantwoord")),
    ("alle", _("Alle vragen")),
]


class VraagFilter(django_filters.FilterSet):
    wie = django_filters.ChoiceFilter(
        label=_("Toegewezen aan"),
        choices=[("mij", _("Mij")), ("team", _("Mijn team"))],
        empty_label=_("Iedereen die ik mag zien"),
        method="filter_wie",
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_KEUZES, empty_label=None, method="filter_status"
    )
    team = django_filters.ModelChoiceFilter(
        label=_("Team"), queryset=Team.objects.filter(actief=True), empty_label=_("Alle teams")
    )
    kern = django_filters.ModelChoiceFilter(
        label=_("Kern"), queryset=Kern.objects.actief(), empty_label=_("Alle kernen")
    )
    van = django_filters.DateFilter(
        label=_("Ontvangen vanaf"),
        field_name="ontvangen_op",
        lookup_expr="date__gte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    tot = django_filters.DateFilter(
        label=_("Ontvangen tot en met"),
        field_name="ontvangen_op",
        lookup_expr="date__lte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )

    def filter_wie(self, queryset, name, value):
        user = self.request.user
        if value == "mij":
            return queryset.filter(behandelaar=user)
        if value == "team":
            return queryset.filter(team_id=user.team_id) if user.team_id else queryset.none()
        return queryset

    def filter_status(self, queryset, name, value):
        nu = timezone.now()
        if value == "alle" or not value:
            return queryset
        if value == "open":
            return queryset.filter(status__in=OPEN_STATUSSEN)
        if value in ("te-laat", "vandaag", "op-tijd"):
            return queryset.filter(termijn_filter(value, nu))
        return queryset.filter(status=VraagStatus(value))
