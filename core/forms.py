from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .bedragen import ABSURD_BEDRAG, CENT, OngeldigBedrag, bedrag_lezen

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class BedragField(forms.Field):
    """An amount in euro typed as text ("75,50"), read by bedragen.bedrag_lezen.

    The one field class for every amount in the portal: applications, cost lines, advice,
    grants, payments, settlements, declarations, the initiative's estimate and the yearly
    amounts in the admin. `maximum` defaults to ABSURD_BEDRAG; built from a model
    DecimalField (the admin) it is also kept within what the column can hold.
    """

    widget = forms.TextInput

    def __init__(
        self,
        *args,
        nul_toegestaan: bool = False,
        maximum: Decimal | None = None,
        max_digits: int | None = None,
        decimal_places: int | None = None,
        **kwargs,
    ):
        self.nul_toegestaan = nul_toegestaan
        self.maximum = maximum if maximum is not None else ABSURD_BEDRAG
        if max_digits is not None:
            past = Decimal(10) ** (max_digits - (decimal_places or 0)) - CENT
            self.maximum = min(self.maximum, past)
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off"}

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value

    def to_python(self, value):
        value = value.strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        try:
            return bedrag_lezen(value, nul_toegestaan=self.nul_toegestaan, maximum=self.maximum)
        except OngeldigBedrag as exc:
            raise forms.ValidationError(str(exc), code="bedrag") from exc


# Dates the portal counts with (periods, deadlines): one day before 1-1-0001 or after
# 31-12-9999 does not exist, so a date near those edges makes period arithmetic overflow.
EERSTE_DATUM = date(2000, 1, 1)
LAATSTE_DATUM = date(2100, 12, 31)


def datum_in_bereik(waarde: date) -> None:
    """Validator for a date field whose value is used to compute a period."""
    if not EERSTE_DATUM <= waarde <= LAATSTE_DATUM:
        raise ValidationError(
            _("Vul een datum in tussen 1-1-2000 en 31-12-2100."), code="datum_bereik"
        )


# The contact fields every inwoner form asks for, with the same labels and messages everywhere.


def naam_veld() -> forms.CharField:
    return forms.CharField(
        label=_("Uw naam"),
        max_length=120,
        error_messages={"required": _("Vul uw naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def email_veld(*, help_text: "StrOrPromise" = "") -> forms.EmailField:
    return forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=help_text,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


WACHTWOORD = _("Wachtwoord")
CODE_HULP = _("De 6 cijfers die uw authenticator-app nu laat zien.")


def wachtwoord_veld(label: "StrOrPromise" = WACHTWOORD) -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def code_veld(help_text: "StrOrPromise" = CODE_HULP) -> forms.CharField:
    """The one-time code of an authenticator app (sign-in, re-confirmation, setup)."""
    return forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=help_text,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )


def telefoon_veld(*, help_text: "StrOrPromise" = "", max_length: int = 30) -> forms.CharField:
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
