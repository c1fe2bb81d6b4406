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
]
