"""The one way a service refuses: `Weigering`, with Dutch messages per form field.

Every service raises it when a rule says no (a cap reached, a status step not allowed, a
deadline passed). It is a ValidationError, so forms and `full_clean` speak the same language;
`naar_form` puts the messages next to the fields they are about (or above the form).
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class Weigering(ValidationError):
    """A rule refused the write. `Weigering("...")` or `Weigering({"veld": ["..."]})`."""

    @property
    def meldingen(self) -> dict[str, list[str]]:
        """Messages per field; messages about the whole form under NON_FIELD_ERRORS."""
        if hasattr(self, "error_dict"):
            return {
                veld: [m for e in fouten for m in e.messages]
                for veld, fouten in self.error_dict.items()
            }
        return {NON_FIELD_ERRORS: list(self.messages)}

    def __str__(self) -> str:
        return " ".join(m for ms in self.meldingen.values() for m in ms)


def naar_form(form: forms.BaseForm, fout: ValidationError) -> None:
    """Show a refusal on the form: each message at its field, the rest above the form."""
    meldingen = fout.meldingen if isinstance(fout, Weigering) else Weigering(fout).meldingen
    for veld, teksten in meldingen.items():
        doel = veld if veld in form.fields else None
        for tekst in teksten:
            form.add_error(doel, tekst)
