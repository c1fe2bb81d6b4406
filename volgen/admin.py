from django.contrib import admin

from .models import Abonnement, Digestverzending


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):
    list_display = ["kern", "aangemaakt_op", "email_bevestigd_op", "opgezegd_op"]
    list_filter = ["kern"]
    # Addresses are personal data: beheer sees them, but nobody edits a resident's choice.
    readonly_fields = ["kern", "email", "email_bevestigd_op", "opgezegd_op", "aangemaakt_op"]
    exclude = ["link_versie"]

    def has_add_permission(self, request):
        return False


@admin.register(Digestverzending)
class DigestverzendingAdmin(admin.ModelAdmin):
    list_display = ["abonnement", "periode", "aantal", "aangemaakt_op"]
    readonly_fields = ["abonnement", "periode", "ronde", "aantal", "mailbericht", "aangemaakt_op"]

    def has_add_permission(self, request):
        return False
