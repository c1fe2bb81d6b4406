from django.apps import AppConfig


class BudgettenConfig(AppConfig):
    name = "budgetten"
    verbose_name = "Budgetten en regelingen"
