"""URLs. Every app's staff pages live under /medewerker/ (tests/test_access_matrix.py has a
row for every pattern)."""

from django.contrib import admin
from django.urls import include, path

from core.beheer import BeheerSite

# Django admin for functioneel beheer, only with a verified second factor, signed in through
# the portal's own (counted) sign-in.
admin.site.__class__ = BeheerSite
admin.site.site_header = "Kerngericht werken - beheer"
admin.site.site_title = "Kerngericht beheer"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("", include("kernen.urls")),
    path("", include("initiatieven.urls")),
    path("", include("budgetten.urls")),
    path("", include("participatie.urls")),
    path("", include("vragen.urls")),
    path("", include("monitoring.urls")),
    path("", include("opendata.urls")),
    path("", include("volgen.urls")),
    path("beheer/", admin.site.urls),
]

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
