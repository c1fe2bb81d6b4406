"""URLs of trajecten and bijeenkomsten."""

from django.urls import path

from . import views

app_name = "participatie"

urlpatterns = [
    # staff
    path("medewerker/trajecten/", views.TrajectLijstView.as_view(), name="traject_lijst"),
    path("medewerker/trajecten/nieuw/", views.TrajectNieuwView.as_view(), name="traject_nieuw"),
    path("medewerker/trajecten/lessen/", views.LessenView.as_view(), name="lessen"),
    path(
        "medewerker/trajecten/<int:traject_pk>/",
        views.TrajectDetailView.as_view(),
        name="traject_detail",
    ),
    path(
        "medewerker/trajecten/<int:traject_pk>/bewerken/",
        views.TrajectBewerkenView.as_view(),
        name="traject_bewerken",
    ),
    path(
        "medewerker/trajecten/<int:traject_pk>/stap/<slug:stap>/",
        views.TrajectStapView.as_view(),
        name="traject_stap",
    ),
    path(
        "medewerker/trajecten/<int:traject_pk>/publiceren/",
        views.TrajectPublicerenView.as_view(),
        name="traject_publiceren",
    ),
    path(
        "medewerker/trajecten/<int:traject_pk>/afronden/",
        views.TrajectAfrondenView.as_view(),
        name="traject_afronden",
    ),
    path(
        "medewerker/bijeenkomsten/", views.BijeenkomstLijstView.as_view(), name="bijeenkomst_lijst"
    ),
    path(
        "medewerker/bijeenkomsten/nieuw/",
        views.BijeenkomstNieuwView.as_view(),
        name="bijeenkomst_nieuw",
    ),
    path(
        "medewerker/bijeenkomsten/<int:bijeenkomst_pk>/",
        views.BijeenkomstDetailView.as_view(),
        name="bijeenkomst_detail",
    ),
    path(
        "medewerker/bijeenkomsten/<int:bijeenkomst_pk>/bewerken/",
        views.BijeenkomstBewerkenView.as_view(),
        name="bijeenkomst_bewerken",
    ),
    path(
        "medewerker/bijeenkomsten/<int:bijeenkomst_pk>/annuleren/",
        views.BijeenkomstAnnulerenView.as_view(),
        name="bijeenkomst_annuleren",
    ),
    path(
        "medewerker/bijeenkomsten/<int:bijeenkomst_pk>/aanmeldingen.csv",
        views.AanmeldingenCsvView.as_view(),
        name="bijeenkomst_csv",
    ),
    path(
        "medewerker/bijeenkomsten/<int:bijeenkomst_pk>/verslag/",
        views.VerslagView.as_view(),
        name="bijeenkomst_verslag",
    ),
    # public
    path("bijeenkomsten/", views.bijeenkomsten, name="bijeenkomsten"),
    path(
        "bijeenkomsten/<int:bijeenkomst_pk>/",
        views.bijeenkomst_publiek,
        name="bijeenkomst_publiek",
    ),
    path(
        "bijeenkomsten/<int:bijeenkomst_pk>/bedankt/",
        views.bijeenkomst_bedankt,
        name="bijeenkomst_bedankt",
    ),
    path(
        "bijeenkomsten/<int:bijeenkomst_pk>/agenda.ics",
        views.bijeenkomst_agenda,
        name="bijeenkomst_agenda",
    ),
    path("bijeenkomsten/aanmelding/<str:token>/", views.aanmelding, name="aanmelding"),
    path(
        "bijeenkomsten/aanmelding/<str:token>/bevestigen/",
        views.aanmelding_bevestigen,
        name="aanmelding_bevestigen",
    ),
    path("participatie/", views.trajecten_publiek, name="trajecten"),
    path("participatie/<int:traject_pk>/", views.traject_publiek, name="traject_publiek"),
]
