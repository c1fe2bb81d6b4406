"""Forms of the voting round's ballots: online, on paper (staff), and confirming a phase."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import email_veld

from . import regels as r
from .constants import StemrondeFase


class AdresVelden(forms.Form):
    """Postcode, house number and addition: the address must lie in the kern."""

    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
        help_text=_("Bijvoorbeeld 4116 AB."),
        error_messages={
            "required": _("Vul de postcode in."),
            "invalid": _("Vul een postcode in zoals 4116 AB: vier cijfers en twee letters."),
        },
    )
    huisnummer = forms.IntegerField(
        label=_("Huisnummer"),
        min_value=1,
        max_value=99999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        error_messages={
            "required": _("Vul het huisnummer in."),
            "invalid": _("Vul alleen het getal van het huisnummer in, zoals 12."),
            "min_value": _("Vul alleen het getal van het huisnummer in, zoals 12."),
            "max_value": _("Dit huisnummer is te hoog. Vul het huisnummer in, zoals 12."),
        },
    )
    toevoeging = forms.CharField(
        label=_("Toevoeging (als u die heeft)"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"size": 6}),
        help_text=_("Bijvoorbeeld A of 2."),
    )

    def clean_postcode(self) -> str:
        compact = "".join(self.cleaned_data.get("postcode", "").split()).upper()
        return compact

    def clean_toevoeging(self) -> str:
        toevoeging = r.toevoeging_normaliseren(self.cleaned_data.get("toevoeging", ""))
        if toevoeging and not r.TOEVOEGING_RE.match(toevoeging):
            raise forms.ValidationError(
                _("Een toevoeging is een letter of een kort getal, zoals A of 2.")
            )
        return toevoeging


class StemForm(AdresVelden):
    """The resident's ballot: several initiatives may be supported (approval voting)."""

    kandidaten = forms.TypedMultipleChoiceField(
        label=_("Welke initiatieven steunt u?"),
        help_text=_("U mag meer dan één initiatief kiezen."),
        widget=forms.CheckboxSelectMultiple,
        coerce=int,
        error_messages={"required": _("Kies ten minste één initiatief dat u steunt.")},
    )
    email = email_veld(help_text=_("Wij sturen u een link om uw stem te bevestigen."))
    field_order = ["kandidaten", "email", "postcode", "huisnummer", "toevoeging"]

    def __init__(self, *args, kandidaten, kern_naam: str, per_adres: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = cast(forms.TypedMultipleChoiceField, self.fields["kandidaten"])
        keuzes.choices = [
            (k.pk, f"{k.titel} ({r.euro_tekst(k.gevraagd_bedrag)})") for k in kandidaten
        ]
        self.fields["postcode"].help_text = _(
            "Bijvoorbeeld 4116 AB. Alleen adressen in %(kern)s kunnen stemmen."
        ) % {"kern": kern_naam}
        if per_adres:
            self.fields["huisnummer"].help_text = _(
                "Per adres telt één stem, ook als er meer mensen wonen. Een tweede stem voor "
                "hetzelfde adres wordt niet aangenomen."
            )
        else:
            self.fields["email"].help_text = _(
                "Wij sturen u een link om uw stem te bevestigen. In deze stemronde stemt elke "
                "bewoner met een eigen e-mailadres; per e-mailadres telt één stem."
            )


class PapierenStemForm(AdresVelden):
    """A paper ballot, typed in by the kernambtenaar: the resident's address and choice."""

    kandidaten = forms.TypedMultipleChoiceField(
        label=_("Welke initiatieven steunt deze inwoner?"),
        widget=forms.CheckboxSelectMultiple,
        coerce=int,
        error_messages={"required": _("Kies ten minste één initiatief van het stembiljet.")},
    )
    field_order = ["postcode", "huisnummer", "toevoeging", "kandidaten"]

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = cast(forms.TypedMultipleChoiceField, self.fields["kandidaten"])
        keuzes.choices = [(k.pk, k.titel) for k in kandidaten]


class FaseBevestigForm(forms.Form):
    """Closing the round and dividing the money cannot be undone: a required checkbox."""

    naar = forms.ChoiceField(choices=StemrondeFase.choices)
    zeker = forms.BooleanField(
        label=_("Ik weet dat dit niet ongedaan kan worden."),
        required=False,
    )

    ONOMKEERBAAR = {StemrondeFase.GESLOTEN, StemrondeFase.VERDEELD}

    def clean(self):
        data = super().clean() or {}
        if data.get("naar") in self.ONOMKEERBAAR and not data.get("zeker"):
            self.add_error(
                "zeker",
                _("Vink aan dat u weet dat deze stap niet ongedaan kan worden."),
            )
        return data


class KandidaatSteunForm(forms.Form):
    """A resident supports a candidate of the round with their e-mail address."""

    email = email_veld(
        help_text=_(
            "Wij sturen u een e-mail om uw steun te bevestigen. Uw adres staat nergens op de "
            "website en telt één keer mee. Steunen is geen stem: stemmen doet u apart."
        )
    )


class PapierAnnulerenForm(forms.Form):
    """Annul a disputed paper ballot: a reason, and a tick that it cannot be undone."""

    reden = forms.CharField(
        label=_("Waarom annuleert u deze papieren stem?"),
        help_text=_(
            "Bijvoorbeeld: verkeerd overgenomen, of de bewoner zegt niet zo gestemd te hebben. "
            "De reden wordt bewaard bij de stem."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf waarom u deze papieren stem annuleert."),
            "max_length": _("Houd de reden korter dan 1000 tekens."),
        },
    )
    zeker = forms.BooleanField(
        label=_("Ik weet dat dit niet ongedaan kan worden."),
        error_messages={
            "required": _("Vink aan dat u weet dat annuleren niet ongedaan kan worden."),
        },
    )
