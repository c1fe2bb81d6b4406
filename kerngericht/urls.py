"""URLs. Every app's staff pages live under /medewerker/ (tests/test_access_matrix.py has a
row for every pattern)."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from django_otp.admin import OTPAdminSite

from . import views

# Django admin for functioneel beheer, only with a verified second factor.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Kerngericht werken - beheer"
admin.site.site_title = "Kerngericht beheer"

app_name = "kerngericht"

kerngericht_patterns = (
    [
        path("", views.home, name="home"),
        path("medewerker/", views.StaffStartView.as_view(), name="staff_start"),
        path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
        path(
            "toegankelijkheid/",
            TemplateView.as_view(template_name="pages/toegankelijkheid.html"),
            name="toegankelijkheid",
        ),
        path("contact/", TemplateView.as_view(template_name="pages/contact.html"), name="contact"),
        path("mijn-links/", views.mijn_links, name="mijn_links"),
        path("medewerker/monitoring/", views.MonitoringView.as_view(), name="monitoring"),
        path(
            "medewerker/monitoring/export.csv",
            views.MonitoringCsvView.as_view(),
            name="monitoring_csv",
        ),
        path(
            "medewerker/monitoring/actiepunten/",
            views.ActiepuntenView.as_view(),
            name="actiepunten",
        ),
        path(
            "medewerker/monitoring/actiepunten/<int:actiepunt_pk>/status/",
            views.ActiepuntStatusView.as_view(),
            name="actiepunt_status",
        ),
    ],
    "kerngericht",
)

urlpatterns = [
    path("", include(kerngericht_patterns)),
    path("", include("accounts.urls")),
    path("", include("kernen.urls")),
    path("", include("initiatieven.urls")),
    path("", include("budgetten.urls")),
    path("", include("participatie.urls")),
    path("beheer/", admin.site.urls),
]

handler403 = "kerngericht.views.error_403"
handler404 = "kerngericht.views.error_404"
handler500 = "kerngericht.views.error_500"
