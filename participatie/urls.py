from participatie.trajecten.urls import urlpatterns as trajecten_urlpatterns
from participatie.vragen.urls import urlpatterns as vragen_urlpatterns

app_name = "participatie"
urlpatterns: list = [*vragen_urlpatterns, *trajecten_urlpatterns]
