from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import email_veld
from kernen.selectors import kernen_publiek


class VolgenForm(forms.Form):
    kern = forms.ModelChoiceField(
        label=_("Welke kern wilt u volgen?"),
        queryset=kernen_publiek(),
        empty_label=_("Kies een kern"),
        error_messages={
            "required": _("Kies de kern die u wilt volgen."),
            "invalid_choice": _("Kies een kern uit de lijst."),
        },
    )
    email = email_veld(help_text=_("U krijgt eerst een e-mail om uw aanmelding te bevestigen."))
    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={"required": _("Ga akkoord met de privacyverklaring om u aan te melden.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].help_text = format_html(
            'In de <a class="utrecht-link" href="{}">privacyverklaring</a> leest u hoe lang '
            "wij uw e-mailadres bewaren. U kunt zich altijd met één klik afmelden.",
            reverse("core:privacy"),
        )
