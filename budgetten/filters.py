import django_filters
from django.utils.translation import gettext_lazy as _

from kernen.models import Kern

from .constants import AanvraagStatus, DeclaratieStatus
from .models import Aanvraag, Declaratie, Regeling


class AanvraagFilter(django_filters.FilterSet):
    kern = django_filters.ModelChoiceFilter(
        label=_("Kern"), queryset=Kern.objects.actief(), empty_label=_("Alle kernen")
    )
    regeling = django_filters.ModelChoiceFilter(
        label=_("Regeling"), queryset=Regeling.objects.all(), empty_label=_("Alle regelingen")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AanvraagStatus.choices, empty_label=_("Alle statussen")
    )
    jaar = django_filters.NumberFilter(label=_("Jaar"))

    class Meta:
        model = Aanvraag
        fields = ["kern", "regeling", "status", "jaar"]


class DeclaratieFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DeclaratieStatus.choices, empty_label=_("Alle statussen")
    )
    jaar = django_filters.NumberFilter(label=_("Jaar"))

    class Meta:
        model = Declaratie
        fields = ["status", "jaar"]
