from django.urls import path

from . import views, views_rapport

app_name = "monitoring"

urlpatterns = [
    path("medewerker/monitoring/", views.MonitoringView.as_view(), name="monitoring"),
    path(
        "medewerker/monitoring/export.csv", views.MonitoringCsvView.as_view(), name="monitoring_csv"
    ),
    path("medewerker/monitoring/rapport/", views_rapport.RapportView.as_view(), name="rapport"),
    path(
        "medewerker/monitoring/rapport.pdf",
        views_rapport.RapportPdfView.as_view(),
        name="rapport_pdf",
    ),
    path(
        "medewerker/monitoring/rapport.xlsx",
        views_rapport.RapportXlsxView.as_view(),
        name="rapport_xlsx",
    ),
    path("medewerker/monitoring/actiepunten/", views.ActiepuntenView.as_view(), name="actiepunten"),
    path(
        "medewerker/monitoring/actiepunten/<int:actiepunt_pk>/status/",
        views.ActiepuntStatusView.as_view(),
        name="actiepunt_status",
    ),
]
