"""Filters on the collections (django-filter): kern, jaar, regeling and status where they
apply, with the same names on every collection."""

import django_filters as df

from budgetten.models import Stemronde
from initiatieven.models import Initiatief, Verhaal
from kernen.models import Kern
from participatie.models import Bijeenkomst, Traject


class KernFilter(df.FilterSet):
    gebied = df.CharFilter(field_name="gebied__slug", help_text="Slug van het gebied.")

    class Meta:
        model = Kern
        fields = ["gebied", "fase", "is_pilot"]


class InitiatiefFilter(df.FilterSet):
    kern = df.CharFilter(field_name="kern__slug", help_text="Slug van de kern.")
    jaar = df.NumberFilter(field_name="status_sinds__year", help_text="Jaar van de laatste status.")

    class Meta:
        model = Initiatief
        fields = ["kern", "jaar", "status"]


class VerhaalFilter(df.FilterSet):
    kern = df.CharFilter(field_name="initiatief__kern__slug", help_text="Slug van de kern.")
    jaar = df.NumberFilter(field_name="gepubliceerd_op__year", help_text="Jaar van publicatie.")

    class Meta:
        model = Verhaal
        fields = ["kern", "jaar", "thema"]


class BijeenkomstFilter(df.FilterSet):
    kern = df.CharFilter(field_name="kern__slug", help_text="Slug van de kern.")
    jaar = df.NumberFilter(field_name="begint_op__year", help_text="Jaar van de bijeenkomst.")

    class Meta:
        model = Bijeenkomst
        fields = ["kern", "jaar", "status", "soort"]


class TrajectFilter(df.FilterSet):
    kern = df.CharFilter(field_name="kernen__slug", distinct=True, help_text="Slug van de kern.")

    class Meta:
        model = Traject
        fields = ["kern", "status", "ladder", "soort"]


class StemrondeFilter(df.FilterSet):
    kern = df.CharFilter(field_name="kern__slug", help_text="Slug van de kern.")

    class Meta:
        model = Stemronde
        fields = ["kern", "jaar", "fase"]
