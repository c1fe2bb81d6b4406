"""Filters on the collections (django-filter): kern, jaar, regeling and status where they
apply, with the same names on every collection."""

import django_filters as df
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from budgetten.models import Stemronde
from initiatieven.models import Initiatief, Verhaal
from kernen.models import Kern
from participatie.models import Bijeenkomst, Traject


class StrengeFilters(DjangoFilterBackend):
    """django-filter, but a filter given twice, or empty where it is a number or a choice, is
    a 400 (django-filter would silently not filter, and the caller think it had)."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None:
            return None
        fouten = {}
        for naam, filter_ in filterset.filters.items():
            waarden = request.query_params.getlist(naam)
            if len(waarden) > 1:
                fouten[naam] = ["Geef deze parameter hoogstens één keer."]
            elif waarden == [""] and not isinstance(filter_, df.CharFilter):
                fouten[naam] = ["Deze parameter mag niet leeg zijn."]
        if fouten:
            raise exceptions.ValidationError(fouten)
        return filterset


class ZonderNulTekens(forms.CharField):
    """A NUL never occurs in a slug: drop it, so the filter matches nothing, instead of a 400 that
    the OpenAPI document (a plain string parameter) would not announce."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class SlugFilter(df.CharFilter):
    field_class = ZonderNulTekens


@extend_schema_field({"type": "integer", "minimum": 2000, "maximum": 2100})
class JaarFilter(df.NumberFilter):
    """A calendar year, 2000 to 2100 (a year lookup outside what dates can hold is a 400)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class KernFilter(df.FilterSet):
    gebied = SlugFilter(field_name="gebied__slug", help_text="Slug van het gebied.")

    class Meta:
        model = Kern
        fields = ["gebied", "fase"]


class InitiatiefFilter(df.FilterSet):
    kern = SlugFilter(field_name="kern__slug", help_text="Slug van de kern.")
    jaar = JaarFilter(field_name="status_sinds__year", help_text="Jaar van de laatste status.")

    class Meta:
        model = Initiatief
        fields = ["kern", "jaar", "status"]


class VerhaalFilter(df.FilterSet):
    kern = SlugFilter(field_name="initiatief__kern__slug", help_text="Slug van de kern.")
    jaar = JaarFilter(field_name="gepubliceerd_op__year", help_text="Jaar van publicatie.")

    class Meta:
        model = Verhaal
        fields = ["kern", "jaar", "thema"]


class BijeenkomstFilter(df.FilterSet):
    kern = SlugFilter(field_name="kern__slug", help_text="Slug van de kern.")
    jaar = JaarFilter(field_name="begint_op__year", help_text="Jaar van de bijeenkomst.")

    class Meta:
        model = Bijeenkomst
        fields = ["kern", "jaar", "status", "soort"]


class TrajectFilter(df.FilterSet):
    kern = SlugFilter(field_name="kernen__slug", distinct=True, help_text="Slug van de kern.")

    class Meta:
        model = Traject
        fields = ["kern", "status", "ladder", "soort"]


class StemrondeFilter(df.FilterSet):
    kern = SlugFilter(field_name="kern__slug", help_text="Slug van de kern.")
    jaar = JaarFilter(field_name="jaar", help_text="Het budgetjaar.")

    class Meta:
        model = Stemronde
        fields = ["kern", "jaar", "fase"]
