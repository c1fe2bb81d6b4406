from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Medewerker, Team


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Organisatie"), {"fields": ("team", "functie", "telefoon")}),
    )
    list_display = ("username", "first_name", "last_name", "team", "is_active")
    list_filter = ("groups", "team", "is_active")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("naam", "email", "actief")
    prepopulated_fields = {"slug": ("naam",)}
