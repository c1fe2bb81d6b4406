from django.urls import path  # noqa: F401

from participatie.vragen.urls import urlpatterns as vragen_urlpatterns

app_name = "participatie"
urlpatterns: list = []
urlpatterns += vragen_urlpatterns
