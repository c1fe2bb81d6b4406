from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fouten import Weigering

from . import services
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
    actions = ["tweede_factor_uitnodigen"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "tweede_factor_uitnodigen": self.has_tweede_factor_uitnodigen_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def has_tweede_factor_uitnodigen_permission(self, request):
        return request.user.has_perm("accounts.tweede_factor_uitnodigen")

    @admin.action(
        description=_("Uitnodiging voor tweede factor versturen"),
        permissions=["tweede_factor_uitnodigen"],
    )
    def tweede_factor_uitnodigen(self, request, queryset):
        """Mail each chosen medewerker a link to set up an authenticator app.

        The link goes to the medewerker only: the admin says where it went, never what it
        is (accounts.tweede_factor). A superuser's account is for a superuser to invite."""
        for medewerker in queryset:
            try:
                services.tweede_factor_uitnodigen(medewerker=medewerker, door=request.user)
            except Weigering as weigering:
                self.message_user(request, str(weigering), messages.WARNING)
                continue
            self.message_user(
                request,
                _("Uitnodiging verstuurd naar %(email)s.") % {"email": medewerker.email},
                messages.SUCCESS,
            )
        return self._terug_naar_medewerker(request, queryset)

    def _terug_naar_medewerker(self, request, queryset):
        """From the button on a medewerker's page, back to that page (None: the list).

        The page is built from the one selected medewerker, never from the request: no
        redirect to elsewhere."""
        if not request.POST.get("_terug_naar_medewerker"):
            return None
        medewerkers = list(queryset[:2])
        if len(medewerkers) != 1 or not self.has_view_or_change_permission(request, medewerkers[0]):
            return None
        return redirect(
            reverse(
                f"{self.admin_site.name}:accounts_medewerker_change",
                args=[medewerkers[0].pk],
                current_app=self.admin_site.name,
            )
        )

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
