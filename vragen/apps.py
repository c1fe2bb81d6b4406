from django.apps import AppConfig


class VragenConfig(AppConfig):
    name = "vragen"
    verbose_name = "Vragen van inwoners"
