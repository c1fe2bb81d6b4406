from __future__ import annotations

from decimal import Decimal
from typing import cast

import filetype
from django import forms
from django.forms.formsets import TOTAL_FORM_COUNT
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BedragField, email_veld, naam_veld, telefoon_veld
from core.fouten import Weigering, naar_form
from kernen.models import Kern, Signaleringsgroep

from . import regels as r
from . import selectors
from .constants import ActiviteitSoort, Doelgroep, KostenCategorie, RegelingCode, StemPer

BON_MAX_BYTES = 5 * 1024 * 1024
BON_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AanvraagForm(forms.Form):
    """The application form; its fields depend on the regeling."""

    kern = forms.ModelChoiceField(
        label=_("Kern"),
        queryset=Kern.objects.none(),
        empty_label=_("Kies uw kern"),
        error_messages={"required": _("Kies de kern waar de activiteit is.")},
    )
    titel = forms.CharField(
        label=_("Naam van de activiteit of het initiatief"),
        max_length=150,
        error_messages={"required": _("Geef uw activiteit een naam.")},
    )
    omschrijving = forms.CharField(
        label=_("Wat gaat u doen en waarom?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Beschrijf wat u gaat doen.")},
    )
    activiteit_datum = forms.DateField(
        label=_("Datum van de activiteit"),
        help_text=_("De bijdrage telt mee in het jaar van deze datum."),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de datum van de activiteit in."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )
    naam = naam_veld()
    email = email_veld(
        help_text=_("Wij sturen u een link om uw aanvraag te bevestigen en te volgen.")
    )
    telefoon = telefoon_veld()

    def __init__(self, *args, regeling, vandaag=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.regeling = regeling
        self.vandaag = vandaag or timezone.localdate()
        self.toetsing: selectors.Toetsing | None = None
        self.kosten: list[tuple[str, Decimal]] = []
        self.fields["kern"].queryset = Kern.objects.actief().order_by("naam")
        code = regeling.code
        if code == RegelingCode.STRAATBIJEENKOMST:
            self.fields["straat"] = forms.CharField(
                label=_("Straat of buurt"),
                max_length=150,
                error_messages={"required": _("Vul de straat of buurt in.")},
                help_text=_("Per straat of buurt één bijdrage per jaar voor dezelfde activiteit."),
            )
            self.fields["activiteit_soort"] = forms.ChoiceField(
                label=_("Soort activiteit"),
                choices=ActiviteitSoort.choices,
                error_messages={"required": _("Kies de soort activiteit.")},
            )
            self.fields["doelgroep"] = forms.ChoiceField(
                label=_("Voor wie is de activiteit?"),
                choices=Doelgroep.choices,
                error_messages={"required": _("Kies voor wie de activiteit is.")},
            )
        else:
            self.fields["gevraagd_bedrag"] = BedragField(
                label=_("Gevraagd bedrag in euro"),
                help_text=_("Bijvoorbeeld 450,00."),
                error_messages={"required": _("Vul het bedrag in dat u vraagt.")},
            )
        if code == RegelingCode.LEEFBAARHEID:
            self.fields["draagvlak"] = forms.CharField(
                label=_("Wie steunen uw initiatief?"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Bijvoorbeeld: 12 buren, de dorpsraad of de school."),
            )
        for sleutel, vraag in r.CRITERIA.get(code, {}).items():
            self.fields[f"criterium_{sleutel}"] = forms.BooleanField(label=vraag, required=False)

    @property
    def criteria_velden(self):
        return [self[n] for n in self.fields if n.startswith("criterium_")]

    def zet_kosten(self, kosten: list[tuple[str, Decimal]]) -> None:
        self.kosten = kosten

    def clean(self):
        data = super().clean()
        kern = data.get("kern")
        if kern is None:
            return data
        criteria = {
            n.removeprefix("criterium_"): bool(data.get(n))
            for n in self.fields
            if n.startswith("criterium_")
        }
        if "activiteit_datum" in self.errors:
            return data
        self.toetsing = selectors.aanvraag_toetsen(
            regeling=self.regeling,
            kern=kern,
            activiteit_datum=data.get("activiteit_datum"),
            vandaag=self.vandaag,
            criteria=criteria,
            gevraagd_bedrag=data.get("gevraagd_bedrag"),
            kostenposten=self.kosten,
            straat=data.get("straat", ""),
            activiteit_soort=data.get("activiteit_soort", ""),
            doelgroep=data.get("doelgroep", ""),
            draagvlak=data.get("draagvlak", ""),
        )
        bevindingen = dict(self.toetsing.bevindingen)
        kosten = bevindingen.pop("kostenposten", [])
        if bevindingen:
            naar_form(self, Weigering(bevindingen))
        for melding in kosten:
            self.add_error(None, melding)
        data["criteria"] = criteria
        return data


class KostenpostForm(forms.Form):
    categorie = forms.ChoiceField(
        label=_("Soort kosten"), choices=[("", _("Kies"))] + KostenCategorie.choices, required=False
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=150, required=False)
    bedrag = BedragField(label=_("Bedrag in euro"), required=False)

    def clean(self):
        data = super().clean()
        gevuld = any(data.get(n) for n in ("categorie", "omschrijving")) or data.get("bedrag")
        if gevuld or "bedrag" in self.errors:
            if not data.get("categorie"):
                self.add_error("categorie", _("Kies de soort kosten."))
            if not data.get("omschrijving"):
                self.add_error("omschrijving", _("Beschrijf de kosten."))
            if data.get("bedrag") is None and "bedrag" not in self.errors:
                self.add_error("bedrag", _("Vul het bedrag in."))
        return data


class BaseKostenpostFormSet(forms.BaseFormSet):
    """The cost lines: two empty ones to start with, one more per "Nog een kostenregel"."""

    @property
    def vol(self) -> bool:
        return self.total_form_count() >= r.MAX_KOSTENREGELS

    def met_nog_een_regel(self) -> BaseKostenpostFormSet:
        """The same lines, as typed, and one empty line more (the same when full).

        Without JavaScript the button posts the whole form; the page comes back with what
        was typed and nothing is checked or saved."""
        if not self.is_bound or self.vol:
            return self
        # One value per name (the last, as a QueryDict gives it); only these lines read it.
        data = {naam: self.data.get(naam) for naam in self.data}
        data[self.add_prefix(TOTAL_FORM_COUNT)] = str(self.total_form_count() + 1)
        return type(self)(data, prefix=self.prefix)

    def geldige_bedragen(self) -> list[tuple[str, Decimal]]:
        """Every amount typed correctly, with its kind ("" when not chosen yet): the running
        total counts an amount even when another field of its line is still missing."""
        if not self.is_bound:
            return []
        bedragen = []
        for f in self.forms:
            if "bedrag" in f.errors:
                continue
            bedrag = f.cleaned_data.get("bedrag")
            if bedrag is not None:
                bedragen.append((f.cleaned_data.get("categorie") or "", bedrag))
        return bedragen


def fouten_verbergen(form: forms.Form, kosten: BaseKostenpostFormSet) -> None:
    """Show the form as typed, without error messages: adding a cost line is not sending the
    form, so fields the resident has not reached yet must not turn red, nor the error summary
    take the focus. (Django keeps a form's errors in `_errors`; empty means "checked, none".)"""
    form._errors = ErrorDict()  # type: ignore[attr-defined]
    for f in kosten.forms:
        f._errors = ErrorDict()
    kosten._errors = [f._errors for f in kosten.forms]  # type: ignore[attr-defined]
    kosten._non_form_errors = kosten.error_class()  # type: ignore[attr-defined]


# absolute_max: without it Django builds (and the page shows) up to 1015 forms for a forged
# TOTAL_FORMS, which makes one public request take seconds.
KostenpostFormSet = cast(
    type[BaseKostenpostFormSet],
    forms.formset_factory(
        KostenpostForm,
        formset=BaseKostenpostFormSet,
        extra=2,
        max_num=r.MAX_KOSTENREGELS,
        absolute_max=r.MAX_KOSTENREGELS,
    ),
)


class BesluitForm(forms.Form):
    besluit = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("ja", _("Toekennen (geheel of deels)")), ("nee", _("Afwijzen"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Kies toekennen of afwijzen.")},
    )
    bedrag = BedragField(
        label=_("Toegekend bedrag in euro"),
        required=False,
        help_text=_("Minder dan gevraagd? Leg dan in de motivering uit waarom."),
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij afwijzen, bij een deel van het bedrag en voor het college."),
    )


class AdviesForm(forms.Form):
    advies = forms.CharField(
        label=_("Advies aan het college"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf uw advies voor het college.")},
    )
    bedrag = BedragField(label=_("Geadviseerd bedrag in euro"), required=False)


class BetalingForm(forms.Form):
    bedrag = BedragField(label=_("Betaald bedrag in euro"))


class VaststellingForm(forms.Form):
    bedrag = BedragField(label=_("Vastgesteld bedrag in euro"), nul_toegestaan=True)
    verantwoording = forms.CharField(
        label=_("Verantwoording"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hoe is het geld besteed? Welke bonnen zijn gezien?"),
        error_messages={"required": _("Beschrijf kort hoe het geld is besteed.")},
    )


class IntrekkenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van intrekken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom de aanvraag wordt ingetrokken.")},
    )


class DeclaratieForm(forms.Form):
    groep = forms.ModelChoiceField(
        label=_("Signaleringsgroep"),
        queryset=Signaleringsgroep.objects.filter(actief=True).order_by("naam"),
        empty_label=_("Kies de groep"),
        error_messages={"required": _("Kies de signaleringsgroep.")},
    )
    datum = forms.DateField(
        label=_("Datum van de uitgave"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de datum van de uitgave in."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Waarvoor"), max_length=200, error_messages={"required": _("Vul in waarvoor.")}
    )
    bedrag = BedragField(label=_("Bedrag in euro"))
    bon = forms.FileField(
        label=_("Bon of factuur"),
        required=False,
        help_text=_("PDF, JPG of PNG, ten hoogste 5 MB."),
    )

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum van de uitgave ligt in de toekomst."))
        return datum

    def clean_bon(self):
        bon = self.cleaned_data.get("bon")
        if not bon:
            raise forms.ValidationError(_("Voeg de bon of factuur toe (PDF, JPG of PNG)."))
        if bon.size > BON_MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB. Maak het kleiner."))
        kop = bon.read(2048)
        bon.seek(0)
        soort = filetype.guess(kop)
        if soort is None or soort.mime not in BON_TYPES:
            raise forms.ValidationError(
                _("Dit bestand is geen PDF, JPG of PNG. Kies een ander bestand.")
            )
        self.bon_extensie = BON_TYPES[soort.mime]
        return bon

    def clean(self):
        data = super().clean()
        groep, datum, bedrag = data.get("groep"), data.get("datum"), data.get("bedrag")
        if groep and datum and bedrag is not None:
            regeling = selectors.regelingen().filter(code=RegelingCode.SIGNALERING).first()
            vrij = selectors.vrij_budget(regeling, datum.year, groep=groep) if regeling else None
            bevindingen = r.controleer_declaratie(bedrag=bedrag, vrij=vrij, heeft_bon=True)
            if bevindingen:
                naar_form(self, Weigering(bevindingen))
        return data


class DeclaratieBesluitForm(forms.Form):
    besluit = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("ja", _("Goedkeuren")), ("nee", _("Afwijzen"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Kies goedkeuren of afwijzen.")},
    )
    reden = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class VergoedingForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100)
    coordinator = forms.ModelChoiceField(label=_("Coördinator"), queryset=None)

    def __init__(self, *args, **kwargs):
        from accounts.models import Medewerker, Rol

        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = Medewerker.objects.filter(
            groups__name=Rol.COORDINATOR_SIGNALERING, is_active=True
        )


# --- The residents' voting round --------------------------------------------------------------


class StemrondeDatumForm(forms.Form):
    stemmen_van = forms.DateField(
        label=_("Stemmen kan vanaf"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de eerste dag in waarop inwoners kunnen stemmen."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )
    stemmen_tot = forms.DateField(
        label=_("Stemmen kan tot en met"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de laatste dag in waarop inwoners kunnen stemmen."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )


class StemrondeForm(forms.Form):
    jaar = forms.IntegerField(
        label=_("Budgetjaar"),
        help_text=_("Het jaar van het leefbaarheidsbudget dat de inwoners verdelen."),
        error_messages={"required": _("Vul het jaar in."), "invalid": _("Vul een jaar in.")},
    )
    stemmen_van = forms.DateField(
        label=_("Stemmen kan vanaf"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de eerste dag in waarop inwoners kunnen stemmen."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )
    stemmen_tot = forms.DateField(
        label=_("Stemmen kan tot en met"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de laatste dag in waarop inwoners kunnen stemmen."),
            "invalid": _("Vul een datum in zoals 21-06-2026."),
        },
    )
    toelichting = forms.CharField(
        label=_("Uitleg voor inwoners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld waar inwoners de initiatieven kunnen bekijken."),
    )
    stem_per = forms.TypedChoiceField(
        label=_("Wie stemt?"),
        choices=StemPer.choices,
        initial=StemPer.ADRES,
        required=False,
        empty_value=StemPer.ADRES,
        widget=forms.RadioSelect,
        help_text=_(
            "Per adres: elk adres in de kern heeft één stem, ook als er meer mensen wonen "
            "(het sterkst tegen dubbel stemmen). Per persoon: elke bewoner stemt met een eigen "
            "e-mailadres; het adres moet wel in de kern liggen."
        ),
        error_messages={"invalid_choice": _("Kies of er per adres of per persoon wordt gestemd.")},
    )


class KandidaatForm(forms.Form):
    toelaten = forms.TypedChoiceField(
        label=_("Doet dit initiatief mee aan de stemronde?"),
        choices=[("ja", _("Ja, het doet mee")), ("nee", _("Nee, het doet niet mee"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Kies of het initiatief meedoet.")},
    )
    titel = forms.CharField(
        label=_("Naam voor inwoners"),
        max_length=150,
        required=False,
        help_text=_("Zonder namen of adressen van de aanvrager."),
    )
    omschrijving = forms.CharField(
        label=_("Uitleg voor inwoners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Inwoners lezen dit op de stempagina. Haal namen en adressen weg."),
    )
    reden = forms.CharField(
        label=_("Reden als het initiatief niet meedoet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De aanvrager krijgt deze reden per e-mail als het stemmen begint."),
    )


# The ballots live in their own module; imported here so `budgetten.forms` stays the one door.
from .forms_stemronde import FaseBevestigForm, PapierenStemForm, StemForm  # noqa: E402, F401
