from participatie.trajecten.urls import urlpatterns as trajecten_urlpatterns

app_name = "participatie"
urlpatterns: list = [*trajecten_urlpatterns]
