import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernen.models import Kern
from kernen.selectors import kernen_van_medewerker

from .constants import HulpSoort, InitiatiefSoort, InitiatiefStatus
from .models import Initiatief

EERSTE_JAAR = 2019


def _jaren():
    return [(str(j), str(j)) for j in range(timezone.localdate().year, EERSTE_JAAR - 1, -1)]


def _kernen(request):
    if request is None:
        return Kern.objects.none()
    return kernen_van_medewerker(request.user)


class InitiatiefFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=InitiatiefStatus.choices, empty_label=_("Alle")
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=InitiatiefSoort.choices, empty_label=_("Alle")
    )
    kern = django_filters.ModelChoiceFilter(
        label=_("Kern"), queryset=_kernen, empty_label=_("Alle")
    )
    jaar = django_filters.ChoiceFilter(
        label=_("Jaar"),
        choices=_jaren,
        method="filter_jaar",
        empty_label=_("Alle"),
    )
    hulp = django_filters.ChoiceFilter(
        label=_("Gevraagde hulp"),
        choices=HulpSoort.choices,
        method="filter_hulp",
        empty_label=_("Alle"),
    )

    class Meta:
        model = Initiatief
        fields = ["q", "status", "soort", "kern", "jaar", "hulp"]

    def zoeken(self, queryset, name, value):
        return queryset.filter(
            Q(titel__icontains=value)
            | Q(omschrijving__icontains=value)
            | Q(locatie__icontains=value)
            | Q(naam__icontains=value)
        )

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(aangemaakt_op__year=int(value))

    def filter_hulp(self, queryset, name, value):
        if value not in HulpSoort.values:
            return queryset
        return queryset.filter(**{f"hulp_{value}": True})
