from django import forms
from django.utils.translation import gettext_lazy as _

# The contact fields every inwoner form asks for, with the same labels and messages everywhere.


def naam_veld() -> forms.CharField:
    return forms.CharField(
        label=_("Uw naam"),
        max_length=120,
        error_messages={"required": _("Vul uw naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def email_veld(*, help_text: str = "") -> forms.EmailField:
    return forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=help_text,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def telefoon_veld(*, help_text: str = "", max_length: int = 30) -> forms.CharField:
    return forms.CharField(
        label=_("Uw telefoonnummer"),
        max_length=max_length,
        required=False,
        help_text=help_text,
        error_messages={"max_length": _("Vul een telefoonnummer in zoals 0344 123456.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )


class MijnLinksForm(forms.Form):
    email = email_veld(
        help_text=_("Het adres waarmee u uw initiatief, aanvraag, vraag of aanmelding deed.")
    )


class HalfjaarForm(forms.Form):
    halfjaar = forms.ChoiceField(label=_("Half jaar"))

    def __init__(self, *args, halfjaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["halfjaar"].choices = [(h.code, h.label) for h in halfjaren]


class ActiepuntStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een status.")},
    )
    notitie = forms.CharField(
        label=_("Korte notitie"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld wat er nog moet gebeuren of waarom het later wordt."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        from .models import ActiepuntStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ActiepuntStatus.choices
