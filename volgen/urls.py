from django.urls import path

from . import views

app_name = "volgen"
urlpatterns = [
    path("volgen/", views.aanmelden, name="aanmelden"),
    path("volgen/verstuurd/", views.verstuurd, name="verstuurd"),
    path("volgen/bevestigen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("volgen/gevolgd/<str:token>/", views.gevolgd, name="gevolgd"),
    path("volgen/afmelden/<str:token>/", views.afmelden, name="afmelden"),
]
