"""Every staff list pages through its rows: no list stops silently at N rows, and none grows
without bound (issue 12). `?pagina=` is read by Django's Paginator.get_page, which falls back
to the first or last page for anything that is not a page number."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PER_PAGINA = 50


def pagina(request, rijen: QuerySet, per_pagina: int = PER_PAGINA) -> Page:
    return Paginator(rijen, per_pagina).get_page(request.GET.get("pagina"))
