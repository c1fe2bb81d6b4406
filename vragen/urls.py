from django.urls import path

from . import views

app_name = "vragen"

urlpatterns = [
    path("vragen/stellen/", views.vraag_stellen, name="vraag_stellen"),
    path("vragen/verstuurd/", views.vraag_verstuurd, name="vraag_verstuurd"),
    path("vragen/mijn/<str:token>/", views.vraag_persoonlijk, name="vraag_persoonlijk"),
    path(
        "vragen/bevestigen/<str:token>/",
        views.VraagBevestigenView.as_view(),
        name="vraag_bevestigen",
    ),
    path("medewerker/vragen/", views.VragenInboxView.as_view(), name="vragen_inbox"),
    path(
        "medewerker/vragen/registreren/",
        views.VraagRegistrerenView.as_view(),
        name="vraag_registreren",
    ),
    path("medewerker/vragen/cijfers/", views.VragenCijfersView.as_view(), name="vragen_cijfers"),
    path("medewerker/vragen/<int:vraag_pk>/", views.VraagDetailView.as_view(), name="vraag_detail"),
    path(
        "medewerker/vragen/<int:vraag_pk>/doorsturen/",
        views.VraagRouterenView.as_view(),
        name="vraag_routeren",
    ),
    path(
        "medewerker/vragen/<int:vraag_pk>/beantwoorden/",
        views.VraagBeantwoordenView.as_view(),
        name="vraag_beantwoorden",
    ),
    path(
        "medewerker/vragen/<int:vraag_pk>/teruggeven/",
        views.VraagTeruggevenView.as_view(),
        name="vraag_teruggeven",
    ),
]
