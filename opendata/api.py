"""The API's conventions, after the Dutch REST API Design Rules: pagination with links and a
total, CSV beside JSON, errors as application/problem+json (RFC 9457), the version in a
header on every response, and a per-address limit for anonymous callers."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework_csv.renderers import CSVRenderer

from core.beveiliging import client_ip

PROBLEM_JSON = "application/problem+json"
API_PREFIX = "/api/"


class CsvRenderer(CSVRenderer):
    """Every collection as CSV (`?format=csv` or `Accept: text/csv`): all rows at once, nested
    fields as dotted columns (kern.slug), because a spreadsheet has no next page. An empty
    collection still has its header row."""

    media_type = "text/csv"
    format = "csv"

    def render(self, data, media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        if data == [] and (view := renderer_context.get("view")) is not None:
            renderer_context = {**renderer_context, "header": _kolommen(view.get_serializer())}
            return super().render([{}], media_type, renderer_context)
        return super().render(data, media_type, renderer_context)


def _kolommen(serializer, voorvoegsel: str = "") -> list[str]:
    from rest_framework import serializers

    kolommen = []
    for naam, veld in serializer.fields.items():
        if isinstance(veld, serializers.Serializer):
            kolommen += _kolommen(veld, f"{voorvoegsel}{naam}.")
        else:
            kolommen.append(f"{voorvoegsel}{naam}")
    return kolommen


class Onderhandeling(DefaultContentNegotiation):
    """`?format=` must name a format the API has (json, csv): anything else, the empty value
    included, is a 400 rather than silently JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if "format" in request.query_params:
            gevraagd = request.query_params.getlist("format")
            formaten = [r.format for r in renderers]
            if len(gevraagd) != 1 or gevraagd[0] not in formaten:
                raise exceptions.ValidationError(
                    {"format": [f"Kies een van: {', '.join(formaten)}."]}
                )
        return super().select_renderer(request, renderers, format_suffix)


class Paginering(PageNumberPagination):
    """Pages of 50 (`pagina`, `paginagrootte` up to 500); the body carries `_links` (self,
    first, prev, next, last) and `totaal`, the headers `Link` (RFC 8288) and X-Total-Count."""

    page_query_param = "pagina"
    page_size_query_param = "paginagrootte"
    max_page_size = 500
    page_query_description = "Het nummer van de pagina (vanaf 1)."
    page_size_query_description = "Aantal per pagina (standaard 50, hoogstens 500)."

    def paginate_queryset(self, queryset, request, view=None):
        # Strict, not DRF's lenient default: a page number or size that is no whole number in
        # range is a 400 that says so, a page past the end a 404.
        fouten = {}
        for naam, hoogstens in ((self.page_query_param, None), (self.page_size_query_param, 500)):
            waarden = request.query_params.getlist(naam)
            if not waarden:
                continue
            if len(waarden) > 1 or not _geheel_getal(waarden[0], hoogstens):
                bereik = f"1 tot en met {hoogstens}" if hoogstens else "1 of hoger"
                fouten[naam] = [f"Een geheel getal van {bereik}."]
        if fouten:
            raise exceptions.ValidationError(fouten)
        if (
            getattr(request, "accepted_renderer", None)
            and request.accepted_renderer.format == "csv"
        ):
            return None
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for p in parameters:
            p["schema"]["minimum"] = 1
            if p["name"] == self.page_size_query_param:
                p["schema"]["maximum"] = self.max_page_size
        return parameters

    def _link(self, nummer: int | None) -> dict[str, str] | None:
        if nummer is None:
            return None
        from rest_framework.utils.urls import replace_query_param

        url = self.request.build_absolute_uri()
        return {"href": replace_query_param(url, self.page_query_param, nummer)}

    def get_paginated_response(self, data) -> Response:
        pagina = self.page
        aantal_paginas = pagina.paginator.num_pages
        links = {
            "self": self._link(pagina.number),
            "first": self._link(1),
            "prev": self._link(pagina.previous_page_number() if pagina.has_previous() else None),
            "next": self._link(pagina.next_page_number() if pagina.has_next() else None),
            "last": self._link(aantal_paginas),
        }
        totaal = pagina.paginator.count
        response = Response(
            {
                "_links": {k: v for k, v in links.items() if v is not None},
                "totaal": totaal,
                "pagina": pagina.number,
                "aantal_paginas": aantal_paginas,
                "results": data,
            }
        )
        response["X-Total-Count"] = str(totaal)
        response["Link"] = ", ".join(
            f'<{v["href"]}>; rel="{k}"' for k, v in links.items() if v is not None
        )
        return response

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {
            "type": "object",
            "properties": {"href": {"type": "string", "format": "uri"}},
            "required": ["href"],
        }
        return {
            "type": "object",
            "required": ["_links", "totaal", "pagina", "aantal_paginas", "results"],
            "properties": {
                "_links": {
                    "type": "object",
                    "properties": dict.fromkeys(("self", "first", "prev", "next", "last"), link),
                    "required": ["self", "first", "last"],
                },
                "totaal": {"type": "integer", "minimum": 0, "example": 123},
                "pagina": {"type": "integer", "minimum": 1, "example": 1},
                "aantal_paginas": {"type": "integer", "minimum": 1, "example": 3},
                "results": schema,
            },
        }


def _geheel_getal(waarde: str, hoogstens: int | None) -> bool:
    if not waarde.isdigit() or waarde != str(int(waarde)) or int(waarde) < 1:
        return False
    return hoogstens is None or int(waarde) <= hoogstens


class AnoniemeLimiet(AnonRateThrottle):
    """Per client address (the same address the site's other limits count, core.beveiliging);
    the rate is read per request so that settings (and tests) can change it."""

    scope = "anon"

    def get_rate(self) -> str | None:
        return settings.API_ANONIEM_LIMIET or None

    def get_ident(self, request) -> str:
        return client_ip(request)


def problem(
    status: int, detail: str, *, titel: str = "", extra: dict[str, Any] | None = None
) -> HttpResponse:
    """An application/problem+json response; rendered here, whatever format was asked for
    (a CSV error body would help nobody)."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": titel or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    body.update(extra or {})
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON
    )


def _tekst(detail: Any) -> str:
    if isinstance(detail, list):
        return " ".join(_tekst(d) for d in detail)
    if isinstance(detail, dict):
        return " ".join(f"{k}: {_tekst(v)}" for k, v in detail.items())
    return str(detail)


def problem_handler(exc: Exception, context: dict) -> HttpResponse | None:
    """DRF's errors as problem+json; invalid query parameters listed per parameter."""
    # Imported here: rest_framework.views reads the renderer setting, which names this module.
    from rest_framework.views import exception_handler

    response = exception_handler(exc, context)
    if response is None:
        return None
    extra: dict[str, Any] = {}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        extra["invalidParams"] = [
            {"name": naam, "reason": _tekst(fout)} for naam, fout in exc.detail.items()
        ]
        detail = "Een of meer parameters kloppen niet."
    elif isinstance(exc, exceptions.APIException) and not isinstance(exc, exceptions.NotFound):
        detail = _tekst(exc.detail)
    elif response.status_code == 404:
        detail = "Dit object bestaat niet of is niet openbaar."
    else:
        detail = _tekst(response.data)
    uit = problem(response.status_code, detail, extra=extra)
    for kop in ("Retry-After", "Allow"):
        if kop in response:
            uit[kop] = response[kop]
    return uit


class ApiMiddleware:
    """For every path under /api/: the `API-Version` header (design rule API-57), and Django's
    own 404/405/500 pages (a URL that matches no endpoint) as problem+json too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        soort = response.get("Content-Type", "")
        if response.status_code >= 400 and "json" not in soort:
            status = response.status_code
            response = problem(status, _fout_tekst(status))
        response["API-Version"] = settings.API_VERSIE
        # The same URL answers JSON or CSV by Accept: caches must keep them apart.
        patch_vary_headers(response, ("Accept",))
        return response


def _fout_tekst(status: int) -> str:
    if status == 404:
        return "Deze URL bestaat niet in de API. Zie /api/v1/ voor de collecties."
    if status == 405:
        return "De API kan alleen gelezen worden (GET)."
    return "Er ging iets mis aan onze kant."
