from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("medewerker/inloggen/", views.inloggen, name="login"),
    path("medewerker/uitloggen/", views.uitloggen, name="logout"),
    path(
        "medewerker/tweede-factor/<str:token>/",
        views.tweede_factor_instellen,
        name="tweede_factor_instellen",
    ),
]
