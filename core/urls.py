"""The site's own pages: home, the staff start page, the fixed pages, personal links."""

from django.urls import path

from . import avg_views, status, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("medewerker/", views.StaffStartView.as_view(), name="staff_start"),
    path("privacy/", views.privacy, name="privacy"),
    # Both pages are made from data files in core/data/ (core.juridisch).
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("contact/", views.contact, name="contact"),
    path("mijn-links/", views.mijn_links, name="mijn_links"),
    # Browsers ask /favicon.ico whatever the page says; send them to the SVG icon.
    path("favicon.ico", views.favicon, name="favicon"),
    # Probes for the container platform (no trailing slash: what platforms are told to call).
    path("status/live", status.live, name="status_live"),
    path("status/ready", status.ready, name="status_ready"),
    # AVG: what the portal holds about an address, and deleting it (core.avg).
    path("privacy/mijn-gegevens/", avg_views.aanvragen, name="mijn_gegevens_aanvragen"),
    path("privacy/mijn-gegevens/<str:token>/", avg_views.mijn_gegevens, name="mijn_gegevens"),
    path(
        "privacy/mijn-gegevens/<str:token>/download/",
        avg_views.download,
        name="mijn_gegevens_download",
    ),
    path(
        "medewerker/privacyverzoeken/",
        avg_views.VerzoekLijstView.as_view(),
        name="privacyverzoeken",
    ),
    path(
        "medewerker/privacyverzoeken/<int:verzoek_pk>/afhandelen/",
        avg_views.VerzoekAfhandelenView.as_view(),
        name="privacyverzoek_afhandelen",
    ),
]
