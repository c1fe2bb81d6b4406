from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = "Participatietrajecten en bijeenkomsten"
