from django.contrib import admin

from .models import Mailbericht

# What functioneel beheer may see of a mail: whether it went out, when, and why not. Never the
# text or attachments: they carry residents' personal links and data (issue 11).
MAIL_META = (
    "aan",
    "onderwerp",
    "status",
    "pogingen",
    "laatste_fout",
    "aangemaakt_op",
    "laatste_poging_op",
    "verzonden_op",
)


@admin.register(Mailbericht)
class MailberichtAdmin(admin.ModelAdmin):
    list_display = ("onderwerp", "aan", "status", "pogingen", "aangemaakt_op", "verzonden_op")
    list_filter = ("status",)
    search_fields = ("aan", "onderwerp")
    fields = MAIL_META
    readonly_fields = MAIL_META

    def get_queryset(self, request):
        # The body is not even read from the database for the admin.
        return super().get_queryset(request).defer("tekst", "bijlagen")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
