"""The site's own pages: home, the staff start page, the fixed pages, personal links."""

from django.urls import path
from django.views.generic import TemplateView

from . import avg_views, status, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("medewerker/", views.StaffStartView.as_view(), name="staff_start"),
    path("privacy/", views.privacy, name="privacy"),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="pages/toegankelijkheid.html"),
        name="toegankelijkheid",
    ),
    path("contact/", TemplateView.as_view(template_name="pages/contact.html"), name="contact"),
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
