from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import email_veld, naam_veld
from kernen.selectors import kernen_publiek


class NominatieForm(forms.Form):
    genomineerde = forms.CharField(
        label=_("Wie draagt u voor?"),
        max_length=120,
        help_text=_("De naam van de vrijwilliger, of van de groep vrijwilligers."),
        error_messages={
            "required": _("Vul de naam in van wie u voordraagt."),
            "max_length": _("Maak de naam korter: hoogstens 120 tekens."),
        },
    )
    kern = forms.ModelChoiceField(
        label=_("In welke kern is deze vrijwilliger actief?"),
        queryset=kernen_publiek(),
        empty_label=_("Kies een kern"),
        error_messages={
            "required": _("Kies de kern waar de vrijwilliger actief is."),
            "invalid_choice": _("Kies een kern uit de lijst."),
        },
    )
    waarom = forms.CharField(
        label=_("Waarom verdient deze vrijwilliger een prijs?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Wat doet hij of zij, en wat betekent dat voor de kern?"),
        error_messages={"required": _("Vertel waarom deze vrijwilliger een prijs verdient.")},
    )
    naam = naam_veld()
    email = email_veld(help_text=_("U krijgt een e-mail om uw voordracht te bevestigen."))
    naam_noemen = forms.BooleanField(
        label=_("De vrijwilliger mag horen dat ik hem of haar voordroeg"),
        required=False,
    )
    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={"required": _("Ga akkoord met de privacyverklaring om te versturen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].help_text = format_html(
            'Lees in de <a class="utrecht-link" href="{}">privacyverklaring</a> hoe lang wij '
            "uw voordracht bewaren.",
            reverse("core:privacy"),
        )
