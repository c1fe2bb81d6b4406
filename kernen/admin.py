from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Gebied,
    Kanaal,
    Kern,
    Organisatie,
    PostcodeGebied,
    Signaleringsgroep,
    postcode_grens,
)


@admin.register(Gebied)
class GebiedAdmin(admin.ModelAdmin):
    list_display = ("naam",)
    prepopulated_fields = {"slug": ("naam",)}


@admin.register(Kern)
class KernAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "gebied", "fase", "is_pilot", "actief")
    list_filter = ("gebied", "fase", "is_pilot", "actief")
    prepopulated_fields = {"slug": ("naam",)}
    filter_horizontal = ("kernambtenaren", "kernwethouders")
    search_fields = ("naam",)


@admin.register(Signaleringsgroep)
class SignaleringsgroepAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "contactpersoon", "actief")
    list_filter = ("actief", "kernen")
    filter_horizontal = ("kernen",)


@admin.register(Kanaal)
class KanaalAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "kern", "soort", "actief")
    list_filter = ("soort", "actief", "kern")
    search_fields = ("naam", "bereik", "contact")


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "kern", "convenant_status", "convenant_vernieuwen_op")
    list_filter = ("convenant_status", "kern")
    search_fields = ("naam",)


class PostcodeGebiedForm(forms.ModelForm):
    # Longer than stored, so "4116 aa" reaches the model's clean(), which normalises it.
    van = forms.CharField(
        label=_("van postcode"),
        max_length=12,
        help_text=PostcodeGebied._meta.get_field("van").help_text,
    )
    tot = forms.CharField(
        label=_("tot en met postcode"),
        max_length=12,
        help_text=PostcodeGebied._meta.get_field("tot").help_text,
    )

    class Meta:
        model = PostcodeGebied
        fields = ["kern", "van", "tot", "gecontroleerd", "toelichting"]

    def clean_van(self) -> str:
        return postcode_grens(self.cleaned_data["van"], einde=False)

    def clean_tot(self) -> str:
        return postcode_grens(self.cleaned_data["tot"], einde=True)


@admin.register(PostcodeGebied)
class PostcodeGebiedAdmin(SimpleHistoryAdmin):
    """Functioneel beheer keeps the postcode ranges per kern (who may vote in a kern's round).
    The model permissions (kernen.add/change/delete_postcodegebied) decide who may edit."""

    form = PostcodeGebiedForm
    list_display = ("kern", "van", "tot", "gecontroleerd", "toelichting")
    list_filter = ("gecontroleerd", "kern")
    search_fields = ("kern__naam", "van", "tot")
