import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from kernen.models import Kern

from .constants import AanvraagStatus, DeclaratieStatus
from .models import Aanvraag, Declaratie, Regeling


class JaarFilter(django_filters.NumberFilter):
    """A calendar year. NumberFilter's DecimalField reads "1e3" as the year 1000 and "1.5" as
    the year 1; a year is a whole number, within the years the regelingen can have."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


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
    jaar = JaarFilter(label=_("Jaar"))

    class Meta:
        model = Aanvraag
        fields = ["kern", "regeling", "status", "jaar"]


class DeclaratieFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DeclaratieStatus.choices, empty_label=_("Alle statussen")
    )
    jaar = JaarFilter(label=_("Jaar"))

    class Meta:
        model = Declaratie
        fields = ["status", "jaar"]
