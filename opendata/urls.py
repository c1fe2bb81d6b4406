from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "opendata"

# Plural Dutch nouns, no trailing slash (design rule API-48); no format suffixes
# (?format=csv or Accept: text/csv instead).
router = DefaultRouter(trailing_slash="")
router.include_format_suffixes = False
router.register("kernen", views.KernViewSet, basename="kern")
router.register("gebieden", views.GebiedViewSet, basename="gebied")
router.register("regelingen", views.RegelingViewSet, basename="regeling")
router.register("besluiten", views.BesluitViewSet, basename="besluit")
router.register("potten", views.PotViewSet, basename="pot")
router.register("initiatieven", views.InitiatiefViewSet, basename="initiatief")
router.register("verhalen", views.VerhaalViewSet, basename="verhaal")
router.register("bijeenkomsten", views.BijeenkomstViewSet, basename="bijeenkomst")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("stemrondes", views.StemrondeViewSet, basename="stemronde")
router.register("monitoringcijfers", views.MonitoringViewSet, basename="monitoringcijfers")

urlpatterns = [
    path("api/", RedirectView.as_view(pattern_name="opendata:documentatie"), name="api"),
    path("api/v1/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("api/v1/documentatie", views.Documentatie.as_view(), name="documentatie"),
    path("api/v1/", include(router.urls)),
]
