from django.apps import AppConfig


class VolgenConfig(AppConfig):
    name = "volgen"
    verbose_name = "Kern volgen (wekelijkse e-mail)"
