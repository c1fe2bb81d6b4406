from django.urls import path

from . import views

app_name = "kernen"
urlpatterns = [
    path("kernen/", views.kern_lijst, name="lijst"),
    path("kernen/<slug:kern>/", views.kern_detail, name="detail"),
    path("medewerker/kernen/", views.MijnKernenView.as_view(), name="mijn_kernen"),
    path(
        "medewerker/kernen/<slug:kern>/dashboard/",
        views.KernDashboardView.as_view(),
        name="dashboard",
    ),
    path("medewerker/kernen/<slug:kern>/toolbox/", views.ToolboxView.as_view(), name="toolbox"),
    path(
        "medewerker/kernen/<slug:kern>/kernprofiel/",
        views.KernprofielView.as_view(),
        name="kernprofiel",
    ),
    path(
        "medewerker/kernen/<slug:kern>/toolbox/kanalen/nieuw/",
        views.KanaalView.as_view(),
        name="kanaal_nieuw",
    ),
    path(
        "medewerker/kernen/<slug:kern>/toolbox/kanalen/<int:kanaal_pk>/",
        views.KanaalView.as_view(),
        name="kanaal_wijzigen",
    ),
    path(
        "medewerker/kernen/<slug:kern>/toolbox/organisaties/nieuw/",
        views.OrganisatieView.as_view(),
        name="organisatie_nieuw",
    ),
    path(
        "medewerker/kernen/<slug:kern>/toolbox/organisaties/<int:organisatie_pk>/",
        views.OrganisatieView.as_view(),
        name="organisatie_wijzigen",
    ),
]
