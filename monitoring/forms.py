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
