from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _


class HalfjaarForm(forms.Form):
    halfjaar = forms.ChoiceField(label=_("Half jaar"))

    def __init__(self, *args, halfjaren, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["halfjaar"]).choices = [
            (h.code, h.label) for h in halfjaren
        ]


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
        cast(forms.ChoiceField, self.fields["status"]).choices = ActiepuntStatus.choices


class RapportForm(forms.Form):
    """Which half year the report covers: a year and a half. Half years that have not begun
    are refused; the current one may be chosen (its figures run up to today)."""

    EERSTE_JAAR = 2019  # the first kernambtenaren started in the pilot kernen

    jaar = forms.IntegerField(
        label=_("Jaar"),
        error_messages={
            "required": _("Vul een jaar in, bijvoorbeeld 2025."),
            "invalid": _("Vul een jaar in cijfers in, bijvoorbeeld 2025."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    helft = forms.TypedChoiceField(
        label=_("Half jaar"),
        coerce=int,
        choices=[
            (1, _("Eerste helft (januari tot en met juni)")),
            (2, _("Tweede helft (juli tot en met december)")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de eerste of de tweede helft van het jaar."),
            "invalid_choice": _("Kies de eerste of de tweede helft van het jaar."),
        },
    )

    def __init__(self, *args, vandaag, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag

    def clean_jaar(self) -> int:
        jaar = self.cleaned_data["jaar"]
        if not self.EERSTE_JAAR <= jaar <= self.vandaag.year:
            raise forms.ValidationError(
                _("Kies een jaar van %(van)s tot en met %(tot)s."),
                params={"van": self.EERSTE_JAAR, "tot": self.vandaag.year},
            )
        return jaar

    def clean(self):
        from .periodes import Halfjaar

        data = super().clean() or {}
        if data.get("jaar") and data.get("helft"):
            gekozen = Halfjaar(data["jaar"], data["helft"])
            huidig = Halfjaar.van_datum(self.vandaag)
            if gekozen > huidig:
                self.add_error(
                    "helft",
                    _("Dat half jaar is nog niet begonnen. Kies %(label)s of eerder.")
                    % {"label": huidig.label.lower()},
                )
            else:
                data["halfjaar"] = gekozen
        return data
