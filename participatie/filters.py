import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kernen.models import Kern
from participatie.models import Bijeenkomst, Traject

from .constants import BijeenkomstSoort, TrajectSoort, TrajectStatus


class TrajectFilter(django_filters.FilterSet):
    kern = django_filters.ModelChoiceFilter(
        field_name="kernen", queryset=Kern.objects.actief(), label=_("Kern"), empty_label=_("Alle")
    )
    soort = django_filters.ChoiceFilter(
        choices=TrajectSoort.choices, label=_("Vorm"), empty_label=_("Alle")
    )
    status = django_filters.ChoiceFilter(
        choices=TrajectStatus.choices, label=_("Status"), empty_label=_("Alle")
    )

    class Meta:
        model = Traject
        fields = ["kern", "soort", "status"]


class BijeenkomstFilter(django_filters.FilterSet):
    kern = django_filters.ModelChoiceFilter(
        queryset=Kern.objects.actief(), label=_("Kern"), empty_label=_("Alle")
    )
    soort = django_filters.ChoiceFilter(
        choices=BijeenkomstSoort.choices, label=_("Soort"), empty_label=_("Alle")
    )

    class Meta:
        model = Bijeenkomst
        fields = ["kern", "soort"]


class PubliekeBijeenkomstFilter(django_filters.FilterSet):
    """The public meeting list: ?kern=<slug> shows that kern's meetings and those for the
    whole municipality. An unknown slug shows all (the page stays usable)."""

    kern = django_filters.ModelChoiceFilter(
        queryset=Kern.objects.actief(),
        to_field_name="slug",
        label=_("Kern"),
        empty_label=_("Alle kernen"),
        method="filter_kern",
    )

    class Meta:
        model = Bijeenkomst
        fields = ["kern"]

    def filter_kern(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(Q(kern=value) | Q(kern__isnull=True))
