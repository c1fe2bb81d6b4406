from django.urls import path

from . import views

app_name = "budgetten"
urlpatterns = [
    # Inwoners
    path("budgetten/", views.regelingen_overzicht, name="regelingen"),
    path("budgetten/aanvragen/<slug:regeling>/", views.aanvraag_nieuw, name="aanvraag_nieuw"),
    path("budgetten/aanvraag/verstuurd/", views.aanvraag_verstuurd, name="aanvraag_verstuurd"),
    path(
        "budgetten/aanvraag/bevestigen/<str:token>/",
        views.aanvraag_bevestigen,
        name="bevestigen",
    ),
    path("budgetten/mijn-aanvraag/<str:token>/", views.mijn_aanvraag, name="mijn_aanvraag"),
    path("budgetten/cijfers/", views.cijfers, name="cijfers"),
    path("budgetten/cijfers/<int:jaar>/", views.cijfers, name="cijfers_jaar"),
    path("budgetten/stemmen/", views.stemronde_lijst, name="stemronde_lijst"),
    path(
        "budgetten/stemmen/<int:stemronde_pk>/",
        views.stemronde_publiek,
        name="stemronde_publiek",
    ),
    path(
        "budgetten/stemmen/<int:stemronde_pk>/verstuurd/",
        views.stem_verstuurd,
        name="stem_verstuurd",
    ),
    path(
        "budgetten/stemmen/<int:stemronde_pk>/uitslag/",
        views.stemronde_uitslag,
        name="stemronde_uitslag",
    ),
    path(
        "budgetten/stemmen/kandidaat/<int:kandidaat_pk>/steunen/",
        views.kandidaat_steunen,
        name="kandidaat_steunen",
    ),
    path(
        "budgetten/stemmen/steun/bevestigen/<str:token>/",
        views.kandidaat_steun_bevestigen,
        name="kandidaat_steun_bevestigen",
    ),
    path(
        "budgetten/stemmen/steun/<str:token>/",
        views.kandidaat_steun_mijn,
        name="kandidaat_steun_mijn",
    ),
    path(
        "budgetten/stemmen/bevestigen/<str:token>/",
        views.stem_bevestigen,
        name="stem_bevestigen",
    ),
    # Medewerkers
    path("medewerker/budgetten/", views.AanvraagLijstView.as_view(), name="aanvraag_lijst"),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/",
        views.AanvraagDetailView.as_view(),
        name="aanvraag_detail",
    ),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/besluiten/",
        views.AanvraagBesluitenView.as_view(),
        name="aanvraag_besluiten",
    ),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/advies/",
        views.AanvraagAdviesView.as_view(),
        name="aanvraag_advies",
    ),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/betalen/",
        views.AanvraagBetalenView.as_view(),
        name="aanvraag_betalen",
    ),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/vaststellen/",
        views.AanvraagVaststellenView.as_view(),
        name="aanvraag_vaststellen",
    ),
    path(
        "medewerker/budgetten/aanvragen/<int:aanvraag_pk>/intrekken/",
        views.AanvraagIntrekkenView.as_view(),
        name="aanvraag_intrekken",
    ),
    path("medewerker/budgetten/college/", views.CollegeWachtrijView.as_view(), name="college"),
    path("medewerker/budgetten/overzicht/", views.GrootboekView.as_view(), name="grootboek"),
    path(
        "medewerker/budgetten/export.csv",
        views.ExportView.as_view(formaat="csv"),
        name="export_csv",
    ),
    path(
        "medewerker/budgetten/export.xlsx",
        views.ExportView.as_view(formaat="xlsx"),
        name="export_xlsx",
    ),
    path(
        "medewerker/budgetten/declaraties/",
        views.DeclaratieLijstView.as_view(),
        name="declaratie_lijst",
    ),
    path(
        "medewerker/budgetten/declaraties/nieuw/",
        views.DeclaratieNieuwView.as_view(),
        name="declaratie_nieuw",
    ),
    path(
        "medewerker/budgetten/declaraties/<int:declaratie_pk>/",
        views.DeclaratieDetailView.as_view(),
        name="declaratie_detail",
    ),
    path(
        "medewerker/budgetten/declaraties/<int:declaratie_pk>/bon/",
        views.DeclaratieBonView.as_view(),
        name="declaratie_bon",
    ),
    path(
        "medewerker/budgetten/stemrondes/",
        views.StemrondeLijstView.as_view(),
        name="stemronde_beheer_lijst",
    ),
    path(
        "medewerker/budgetten/stemrondes/nieuw/<slug:kern>/",
        views.StemrondeNieuwView.as_view(),
        name="stemronde_nieuw",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/",
        views.StemrondeBeheerView.as_view(),
        name="stemronde_beheer",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/data/",
        views.StemrondeDatumView.as_view(),
        name="stemronde_data",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/papieren-stem/",
        views.PapierenStemView.as_view(),
        name="stemronde_papier",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/papieren-stem/<int:pk>/annuleren/",
        views.PapierenStemAnnulerenView.as_view(),
        name="stemronde_papier_annuleren",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/fase/",
        views.StemrondeFaseView.as_view(),
        name="stemronde_fase",
    ),
    path(
        "medewerker/budgetten/stemrondes/<int:stemronde_pk>/aanvragen/<int:aanvraag_pk>/",
        views.KandidaatView.as_view(),
        name="stemronde_kandidaat",
    ),
    path(
        "medewerker/budgetten/vergoeding/",
        views.VergoedingView.as_view(),
        name="vergoeding",
    ),
]
