from django.urls import path

from . import views
from .vrijwilligers import views as vrijwilligers

app_name = "initiatieven"
urlpatterns = [
    path("initiatieven/", views.publiek_lijst, name="publiek_lijst"),
    path("initiatieven/indienen/", views.indienen, name="indienen"),
    path("initiatieven/indienen/verstuurd/", views.verstuurd, name="verstuurd"),
    path("initiatieven/bevestigen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("initiatieven/mijn/<str:token>/", views.mijn_initiatief, name="mijn"),
    path("initiatieven/mijn/<str:token>/aanvullen/", views.mijn_aanvullen, name="mijn_aanvullen"),
    path("initiatieven/mijn/<str:token>/intrekken/", views.mijn_intrekken, name="mijn_intrekken"),
    path("initiatieven/kern/<slug:kern>/", views.publiek_kern, name="publiek_kern"),
    path("initiatieven/verhalen/", views.verhalen, name="verhalen"),
    path("initiatieven/verhalen/<int:pk>/", views.verhaal, name="verhaal"),
    path(
        "initiatieven/verhalen/<int:pk>/fotos/<int:bijlage_pk>/",
        views.verhaal_foto,
        name="verhaal_foto",
    ),
    path("initiatieven/<int:pk>/", views.publiek_detail, name="publiek_detail"),
    # volunteers: information pages and the nominations for the volunteer prizes
    path("vrijwilligers/", vrijwilligers.info_index, name="info_index"),
    path("vrijwilligers/voordragen/", vrijwilligers.nomineren, name="nomineren"),
    path(
        "vrijwilligers/voordragen/verstuurd/",
        vrijwilligers.nominatie_verstuurd,
        name="nominatie_verstuurd",
    ),
    path(
        "vrijwilligers/voordragen/bevestigd/",
        vrijwilligers.nominatie_bevestigd,
        name="nominatie_bevestigd",
    ),
    path(
        "vrijwilligers/voordragen/bevestigen/<str:token>/",
        vrijwilligers.nominatie_bevestigen,
        name="nominatie_bevestigen",
    ),
    path("vrijwilligers/<slug:pagina>/", vrijwilligers.info, name="info"),
    # staff
    path("medewerker/voordrachten/", vrijwilligers.NominatieLijstView.as_view(), name="nominaties"),
    path("medewerker/initiatieven/", views.LijstView.as_view(), name="lijst"),
    path("medewerker/initiatieven/<int:initiatief_pk>/", views.DetailView.as_view(), name="detail"),
    path(
        "medewerker/initiatieven/<int:initiatief_pk>/status/",
        views.StatusView.as_view(),
        name="status",
    ),
    path(
        "medewerker/initiatieven/<int:initiatief_pk>/bericht/",
        views.BerichtView.as_view(),
        name="bericht",
    ),
    path(
        "medewerker/initiatieven/<int:initiatief_pk>/notitie/",
        views.NotitieView.as_view(),
        name="notitie",
    ),
    path(
        "medewerker/initiatieven/<int:initiatief_pk>/toewijzen/",
        views.ToewijzenView.as_view(),
        name="toewijzen",
    ),
    path(
        "medewerker/initiatieven/<int:initiatief_pk>/verhaal/",
        views.VerhaalView.as_view(),
        name="verhaal_bewerken",
    ),
    path(
        "medewerker/initiatieven/bijlagen/<int:bijlage_pk>/",
        views.BijlageView.as_view(),
        name="bijlage",
    ),
]
