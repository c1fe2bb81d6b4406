"""The open-data API, /api/v1/: read-only, public, JSON and CSV. Each view only says which
selector it reads and which serializer shows it (opendata.selectors, .serializers)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import mixins, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from core import publiek_cache
from monitoring.selectors import Halfjaar

from . import filters, selectors
from . import serializers as s


class Basis(viewsets.GenericViewSet):
    pass


class GecachteLijst:
    """A JSON page of a collection from Redis until what it shows changes, with the version,
    date and lifetime of the public pages (core.publiek_cache). The limit per address, the
    content negotiation and the headers stay live (this runs inside the view, after them);
    the queries and the serialising are skipped. CSV, every row at once, is not kept."""

    BEWAARDE_HEADERS = ("Link", "X-Total-Count")

    def list(self, request: Request, *args, **kwargs) -> Response:
        if request.accepted_renderer.format != "json":
            return super().list(request, *args, **kwargs)  # type: ignore[misc]
        sleutel = publiek_cache.sleutel(request, soort="api")
        if (bewaard := cache.get(sleutel)) is not None:
            data, headers = bewaard
            return Response(data, headers=headers)
        response = super().list(request, *args, **kwargs)  # type: ignore[misc]
        if response.status_code == 200:
            headers = {k: response[k] for k in self.BEWAARDE_HEADERS if response.has_header(k)}
            cache.set(sleutel, (response.data, headers), publiek_cache.LEVENSDUUR)
        return response


class Lezen(GecachteLijst, mixins.ListModelMixin, mixins.RetrieveModelMixin, Basis):
    pass


@extend_schema_view(
    list=extend_schema(summary="Alle actieve kernen, met gebied, fase en kernprofiel"),
    retrieve=extend_schema(summary="Eén kern"),
)
class KernViewSet(Lezen):
    serializer_class = s.KernSerializer
    filterset_class = filters.KernFilter
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.kernen()


@extend_schema_view(
    list=extend_schema(summary="De gebieden en hun kernen"),
    retrieve=extend_schema(summary="Eén gebied"),
)
class GebiedViewSet(Lezen):
    serializer_class = s.GebiedSerializer
    lookup_field = "slug"
    filter_backends: list = []

    def get_queryset(self):
        return selectors.gebieden()


@extend_schema_view(
    list=extend_schema(summary="De regelingen met hun bedragen per jaar"),
    retrieve=extend_schema(summary="Eén regeling"),
)
class RegelingViewSet(Lezen):
    serializer_class = s.RegelingSerializer
    lookup_field = "code"
    filter_backends: list = []

    def get_queryset(self):
        return selectors.regelingen()


class BesluitParameters(serializers.Serializer):
    kern = serializers.SlugField(required=False, help_text="Slug van de kern.")
    jaar = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    regeling = serializers.SlugField(required=False, help_text="Code van de regeling.")
    status = serializers.SlugField(required=False)


class JaarParameters(serializers.Serializer):
    jaar = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="Standaard: dit jaar."
    )
    kern = serializers.SlugField(required=False, help_text="Slug van de kern.")
    regeling = serializers.SlugField(required=False, help_text="Code van de regeling.")


class HalfjaarParameters(serializers.Serializer):
    halfjaar = serializers.RegexField(
        r"^(20\d{2}|2100)-[12]$", required=False, help_text="Bijvoorbeeld 2026-1; standaard nu."
    )
    kern = serializers.SlugField(required=False, help_text="Slug van de kern.")


def _parameters(klasse: type[serializers.Serializer], request: Request) -> dict:
    # Only the declared parameters; paging and format are the paginator's and renderer's.
    bekend = {k: v for k, v in request.query_params.items() if k in klasse().fields}
    ser = klasse(data=bekend)
    ser.is_valid(raise_exception=True)
    return dict(ser.validated_data)


@extend_schema_view(
    list=extend_schema(
        summary="Elk besluit over geld",
        description=(
            "Aanvragen (per kern) en declaraties van signaleringsgroepen (per groep) waarover "
            "besloten is: gevraagd, toegekend, afgerekend en betaald bedrag, status en datum; "
            "bij bijzondere initiatieven de motivering van het college."
        ),
        parameters=[BesluitParameters],
    )
)
class BesluitViewSet(GecachteLijst, mixins.ListModelMixin, Basis):
    serializer_class = s.BesluitSerializer
    filter_backends: list = []

    def get_queryset(self):
        return selectors.besluiten(**_parameters(BesluitParameters, self.request))


class _Berekend(Basis):
    """A collection computed from a selector (a list, not a queryset), still paged; its
    parameters are checked by a serializer (no model for django-filter to filter)."""

    filter_backends: list = []

    def _lijst(self) -> list:
        raise NotImplementedError

    def list(self, request: Request, *args, **kwargs) -> Response:
        rijen = self._lijst()
        pagina = self.paginate_queryset(rijen)
        if pagina is not None:
            return self.get_paginated_response(self.get_serializer(pagina, many=True).data)
        return Response(self.get_serializer(rijen, many=True).data)


class BerekendeLijst(GecachteLijst, _Berekend):
    pass


@extend_schema_view(
    list=extend_schema(
        summary="Het grootboek: per regeling en pot het budget, vastgelegd, betaald en vrij",
        parameters=[JaarParameters],
    )
)
class PotViewSet(BerekendeLijst):
    serializer_class = s.PotSerializer

    def _lijst(self) -> list:
        p = _parameters(JaarParameters, self.request)
        jaar = p.pop("jaar", None) or timezone.localdate().year
        return selectors.grootboek(jaar=jaar, **p)


@extend_schema_view(
    list=extend_schema(summary="Openbare initiatieven (toegezegd, uitgevoerd, afgerond)"),
    retrieve=extend_schema(summary="Eén openbaar initiatief"),
)
class InitiatiefViewSet(Lezen):
    serializer_class = s.InitiatiefSerializer
    filterset_class = filters.InitiatiefFilter

    def get_queryset(self):
        return selectors.initiatieven()


@extend_schema_view(
    list=extend_schema(summary="Gepubliceerde verhalen over afgeronde initiatieven"),
    retrieve=extend_schema(summary="Eén verhaal"),
)
class VerhaalViewSet(Lezen):
    serializer_class = s.VerhaalSerializer
    filterset_class = filters.VerhaalFilter

    def get_queryset(self):
        return selectors.verhalen()


@extend_schema_view(
    list=extend_schema(summary="Bijeenkomsten, geweest en komend, met aantal aanmeldingen"),
    retrieve=extend_schema(summary="Eén bijeenkomst"),
)
class BijeenkomstViewSet(Lezen):
    serializer_class = s.BijeenkomstSerializer
    filterset_class = filters.BijeenkomstFilter

    def get_queryset(self):
        return selectors.bijeenkomsten()


@extend_schema_view(
    list=extend_schema(
        summary="Openbare participatietrajecten, met niveau op de participatieladder",
        description="Met de reden als inwoners niet of minder betrokken worden.",
    ),
    retrieve=extend_schema(summary="Eén traject"),
)
class TrajectViewSet(Lezen):
    serializer_class = s.TrajectSerializer
    filterset_class = filters.TrajectFilter

    def get_queryset(self):
        return selectors.trajecten()


@extend_schema_view(
    list=extend_schema(summary="Stemrondes over het leefbaarheidsbudget, met de uitslag"),
    retrieve=extend_schema(summary="Eén stemronde"),
)
class StemrondeViewSet(Lezen):
    serializer_class = s.StemrondeSerializer
    filterset_class = filters.StemrondeFilter

    def get_queryset(self):
        return selectors.stemrondes()


@extend_schema_view(
    list=extend_schema(
        summary="De halfjaarlijkse monitoring per kern", parameters=[HalfjaarParameters]
    )
)
class MonitoringViewSet(BerekendeLijst):
    serializer_class = s.MonitoringSerializer

    def _lijst(self) -> list:
        p = _parameters(HalfjaarParameters, self.request)
        vandaag = timezone.localdate()
        halfjaar = Halfjaar.uit_code(p.get("halfjaar", "")) or Halfjaar.van_datum(vandaag)
        return selectors.monitoring(halfjaar=halfjaar, vandaag=vandaag, kern=p.get("kern", ""))


class Documentatie(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's static files; its start script is a separate
    request (?script), so the strict CSP (no inline script or style) holds."""

    template_name = "opendata/documentatie.html"
    url_name = "opendata:openapi"
    title = "Open data API - gemeente Buren"
