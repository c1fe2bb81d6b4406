from django import forms
from django.utils.translation import gettext_lazy as _


class MijnLinksForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_("Het adres waarmee u uw initiatief, aanvraag, vraag of aanmelding deed."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
