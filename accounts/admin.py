from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .models import Medewerker, Team
from .tweede_factor import registreren

# django-otp's device admins, in Dutch and without secrets (accounts.tweede_factor).
registreren(admin.site)


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin):
    """Functioneel beheer assigns roles to others; it cannot widen its own rights.

    Only a superuser grants superuser status or loose permissions, changes its own roles,
    or touches a superuser's account (its password would be a way in).
    """

    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Organisatie"), {"fields": ("team", "functie", "telefoon")}),
    )
    list_display = ("username", "first_name", "last_name", "team", "is_active")
    list_filter = ("groups", "team", "is_active")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                readonly += ["groups", "is_staff", "is_active"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(Group)


@admin.register(Group)
class RolAdmin(GroupAdmin):
    """The roles are fixed in code (accounts.models.Rol) and what each may do is in the
    rules; a group's permissions only open the admin. Changing them would let functioneel
    beheer give itself more, so only a superuser may."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("naam", "email", "actief")
    prepopulated_fields = {"slug": ("naam",)}
