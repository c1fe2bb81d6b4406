from django.apps import AppConfig


class KerngerichtConfig(AppConfig):
    name = "kerngericht"
    verbose_name = "Kerngericht portaal"
