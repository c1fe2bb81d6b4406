import django_filters
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
