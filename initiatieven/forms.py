import re
import uuid
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol
from core.forms import BedragField, email_veld, naam_veld, telefoon_veld
from kernen.selectors import kernen_publiek

from . import rules, workflow
from .bestanden import bestanden_info
from .constants import Actor, HulpSoort, InitiatiefSoort, InitiatiefStatus, Thema

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
TELEFOON_RE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"


class MeerdereBestandenInput(forms.FileInput):
    allow_multiple_selected = True


class MeerdereBestandenField(forms.FileField):
    """Zero or more files, checked on count, size and real type (rules.bestandsfouten)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MeerdereBestandenInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        enkel = super().clean
        if isinstance(data, list | tuple):
            bestanden = [enkel(d, initial) for d in data if d]
        else:
            bestanden = [enkel(data, initial)] if data else []
        fouten = rules.bestandsfouten(bestanden_info(bestanden))
        if fouten:
            raise ValidationError(fouten)
        return bestanden


def _veld(form: forms.BaseForm, naam: str) -> Any:
    """A field of the form, typed loosely: its kind (choice, model choice) varies."""
    return form.fields[naam]


def _fout(verplicht: str | Promise) -> dict:
    return {"required": verplicht}


class InitiatiefForm(forms.Form):
    idempotentie_sleutel = forms.UUIDField(widget=forms.HiddenInput, required=False)
    soort = forms.ChoiceField(
        label=_("Wat wilt u doen?"),
        choices=InitiatiefSoort.choices,
        initial=InitiatiefSoort.IDEE,
        widget=forms.RadioSelect,
        # Not chosen (an older form, a script): an ordinary idea, the default of the radio.
        required=False,
        help_text=_(
            "Kies Right to Challenge als u met anderen een taak van de gemeente wilt "
            "overnemen, bijvoorbeeld het maaien van een grasveld. Vul dan ook de vragen "
            "bij stap 2 in."
        ),
        error_messages={
            "required": _("Kies wat u wilt doen."),
            "invalid_choice": _("Kies wat u wilt doen."),
        },
    )
    kern = forms.ModelChoiceField(
        label=_("In welke kern?"),
        queryset=kernen_publiek(),
        empty_label=_("Kies een kern"),
        error_messages=_fout(_("Kies de kern van uw initiatief.")),
    )
    titel = forms.CharField(
        label=_("Geef uw idee een korte naam"),
        max_length=150,
        help_text=_("Bijvoorbeeld: Speeltuin opknappen aan de Dorpsstraat."),
        error_messages={
            "required": _("Geef uw idee een naam."),
            "max_length": _("Maak de naam korter: hoogstens 150 tekens."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Wat wilt u doen, en waarom?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Vertel in uw eigen woorden wat u wilt doen en wat het de kern oplevert."),
        error_messages=_fout(_("Vertel wat u wilt doen en waarom.")),
    )
    locatie = forms.CharField(
        label=_("Waar? Straat of buurt"),
        max_length=150,
        required=False,
        help_text=_("Bijvoorbeeld: het grasveld bij de Kerkstraat."),
    )
    postcode = forms.CharField(
        label=_("Postcode van die plek"),
        max_length=10,
        required=False,
        help_text=_("Bijvoorbeeld: 4021 AB."),
        error_messages={"max_length": _("Vul een postcode in zoals 4021 AB.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    doelgroep = forms.CharField(
        label=_("Voor wie is het?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: kinderen uit de buurt, ouderen, alle inwoners."),
        error_messages=_fout(_("Vertel voor wie uw initiatief is.")),
    )
    wanneer = forms.CharField(
        label=_("Wanneer wilt u het doen?"),
        max_length=150,
        required=False,
        help_text=_("Een datum of een periode, bijvoorbeeld: zomer 2026."),
    )
    betrokkenen = forms.CharField(
        label=_("Wie doen er nog meer mee?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Buren, een vereniging, een school? Laat zien dat meer mensen het willen."),
    )
    # Right to Challenge: not required for an idea, required for a challenge (rules.rtc_fouten,
    # checked in clean() and again by the service). All shown, so it works without JavaScript.
    rtc_taak = forms.CharField(
        label=_("Welke taak van de gemeente wilt u overnemen?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Bijvoorbeeld: het onderhoud van het groen rond het dorpshuis."),
    )
    rtc_waarom_beter = forms.CharField(
        label=_("Waarom kunt u dit beter of goedkoper doen dan de gemeente?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Bijvoorbeeld: wij wonen er, zien sneller wat nodig is en doen het samen."),
    )
    rtc_uitvoerders = forms.CharField(
        label=_("Wie gaan de taak uitvoeren?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Een vereniging, een groep buren, een stichting? Hoeveel mensen ongeveer?"),
    )
    hulp = forms.MultipleChoiceField(
        label=_("Welke hulp vraagt u van de gemeente?"),
        choices=HulpSoort.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies wat past. U kunt ook alleen uw idee laten weten."),
    )
    geld_indicatie = BedragField(
        label=_("Hoeveel geld heeft u ongeveer nodig, in euro?"),
        required=False,
        nul_toegestaan=True,
        help_text=_(
            "Alleen als u geld vraagt. Een schatting is goed. De echte aanvraag doet u later. "
            "Bijvoorbeeld 250 of 250,50."
        ),
    )
    hulp_toelichting = forms.CharField(
        label=_("Toelichting op uw hulpvraag"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    bijlagen = MeerdereBestandenField(
        label=_("Foto's of documenten"),
        help_text=_(
            "Hoogstens %(aantal)s bestanden van elk hoogstens %(mb)s MB. Foto (JPG, PNG) of PDF."
        )
        % {"aantal": rules.MAX_BIJLAGEN, "mb": rules.MAX_BIJLAGE_BYTES // (1024 * 1024)},
    )
    naam = naam_veld()
    email = email_veld(help_text=_("U krijgt een e-mail om uw adres te bevestigen."))
    telefoon = telefoon_veld(help_text=_("Zodat de kernambtenaar u kan bellen."), max_length=20)
    voornaam_tonen = forms.BooleanField(
        label=_("Mijn voornaam mag op de website bij mijn initiatief staan"),
        required=False,
        help_text=_("Anders tonen wij geen naam. Uw achternaam en e-mailadres tonen wij nooit."),
    )
    fotos_publiceren = forms.BooleanField(
        label=_("Foto's van mijn initiatief mogen op de website"),
        required=False,
        help_text=_(
            "Na afloop kunnen wij een kort verhaal over uw initiatief op de website zetten. "
            "Met uw toestemming tonen wij daarbij de foto's van het verslag."
        ),
    )
    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages=_fout(_("Ga akkoord met de privacyverklaring om te versturen.")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].help_text = format_html(
            'Lees in de <a class="utrecht-link" href="{}">privacyverklaring</a> wat wij met uw '
            "gegevens doen. Wij bewaren ze alleen zo lang als nodig.",
            reverse("core:privacy"),
        )
        # The challenge questions are required for a Right to Challenge only: shown without
        # "(niet verplicht)", and optional once the posted kind is an ordinary idea.
        rtc_gekozen = (
            not self.is_bound or self.data.get("soort") == InitiatiefSoort.RIGHT_TO_CHALLENGE
        )
        for veld, melding in rules.RTC_VELDEN.items():
            self.fields[veld].required = rtc_gekozen
            self.fields[veld].error_messages["required"] = _(melding)

    def clean_soort(self) -> str:
        return self.cleaned_data["soort"] or InitiatiefSoort.IDEE

    def clean_postcode(self) -> str:
        waarde = self.cleaned_data["postcode"]
        if not waarde:
            return ""
        match = POSTCODE_RE.match(waarde)
        if not match:
            raise ValidationError(_("Vul een postcode in zoals 4021 AB."))
        return f"{match.group(1)} {match.group(2).upper()}"

    def clean_telefoon(self) -> str:
        waarde = self.cleaned_data["telefoon"].strip()
        if waarde and not TELEFOON_RE.match(waarde):
            raise ValidationError(_("Vul een telefoonnummer in zoals 0344 123456."))
        return waarde

    def clean(self):
        data = super().clean() or {}
        if data.get("geld_indicatie") is not None and HulpSoort.GELD not in data.get("hulp", []):
            self.add_error(
                "hulp", _("U vulde een bedrag in. Kies dan ook 'Geld uit een regeling'.")
            )
        for veld, melding in rules.rtc_fouten(soort=data.get("soort", ""), antwoorden=data).items():
            if veld not in self.errors:  # the field's own required check said it already
                self.add_error(veld, _(melding))
        if not data.get("idempotentie_sleutel"):
            data["idempotentie_sleutel"] = uuid.uuid4()
        return data


class AanvullenForm(forms.Form):
    tekst = forms.CharField(
        label=_("Uw aanvulling of vraag"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_fout(_("Schrijf uw aanvulling of vraag.")),
    )
    bijlagen = MeerdereBestandenField(
        label=_("Foto's of documenten"),
        help_text=_("Foto (JPG, PNG) of PDF, elk hoogstens %(mb)s MB.")
        % {"mb": rules.MAX_BIJLAGE_BYTES // (1024 * 1024)},
    )


class IntrekkenForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Waarom trekt u uw initiatief in?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    zeker = forms.BooleanField(
        label=_("Ja, ik wil mijn initiatief intrekken"),
        error_messages=_fout(_("Vink aan dat u uw initiatief wilt intrekken.")),
    )


# --- staff ------------------------------------------------------------------------------


class StatusForm(forms.Form):
    naar = forms.ChoiceField(
        label=_("Nieuwe status"), error_messages=_fout(_("Kies een nieuwe status."))
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de inwoner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "Verplicht. De inwoner krijgt een e-mail met deze uitleg en ziet hem op de eigen "
            "pagina."
        ),
    )
    verslag = forms.CharField(
        label=_("Kort verslag (bij afronden)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    fotos = MeerdereBestandenField(label=_("Foto's bij het verslag (bij afronden)"))

    def __init__(self, *args, status: str, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty first option: the status is a choice the member of staff makes, never a
        # value the browser preselects.
        _veld(self, "naar").choices = [("", _("Kies een status"))] + [
            (s, InitiatiefStatus(s).label)
            for s in workflow.volgende_statussen(status, Actor.MEDEWERKER)
        ]

    def clean(self):
        data = super().clean() or {}
        naar = data.get("naar")
        if (
            naar
            and workflow.toelichting_verplicht(naar=naar, actor=Actor.MEDEWERKER)
            and not data.get("toelichting", "").strip()
        ):
            self.add_error("toelichting", workflow.TOELICHTING_FOUT)
        if (
            naar
            and naar != InitiatiefStatus.AFGEROND
            and (data.get("fotos") or data.get("verslag"))
        ):
            self.add_error("verslag", _("Een verslag en foto's horen bij afronden."))
        return data


class BerichtForm(forms.Form):
    tekst = forms.CharField(
        label=_("Bericht aan de inwoner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De inwoner krijgt dit per e-mail en ziet het op de eigen pagina."),
        error_messages=_fout(_("Schrijf een bericht.")),
    )


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Interne notitie"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor medewerkers. De inwoner ziet dit nooit."),
        error_messages=_fout(_("Schrijf een notitie.")),
    )


class ToewijzenForm(forms.Form):
    toegewezen_aan: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Behandeld door"), queryset=None, required=False, empty_label=_("Niemand")
    )
    beleidsmedewerker: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Beleidsmedewerker"), queryset=None, required=False, empty_label=_("Geen")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        medewerkers = (
            get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
        )
        _veld(self, "toegewezen_aan").queryset = medewerkers.filter(groups__name=Rol.KERNAMBTENAAR)
        _veld(self, "beleidsmedewerker").queryset = medewerkers.filter(
            groups__name=Rol.BELEIDSMEDEWERKER
        ).select_related("team")

    def label_from_instance(self, obj):  # pragma: no cover - used by the field
        return str(obj)


class VerhaalForm(forms.Form):
    titel = forms.CharField(label=_("Titel van het verhaal"), max_length=150)
    thema = forms.ChoiceField(label=_("Thema"), choices=Thema.choices)
    samenvatting = forms.CharField(
        label=_("Wat is er gedaan?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    wat_werkte = forms.CharField(
        label=_("Wat werkte goed?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    wat_niet = forms.CharField(
        label=_("Wat werkte minder goed?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    waarom = forms.CharField(
        label=_("Waarom? Wat kunnen andere kernen ervan leren?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    foto_beschrijving = forms.CharField(
        label=_("Wat is er op de foto's te zien?"),
        max_length=250,
        required=False,
        help_text=_(
            "Nodig als de initiatiefnemer toestemming gaf voor foto's: zonder beschrijving tonen "
            "wij geen foto's. Noem geen namen."
        ),
    )
    publiceren = forms.BooleanField(
        label=_("Publiceer dit verhaal op de website"),
        required=False,
        help_text=_("Zet in het verhaal geen namen of andere persoonsgegevens."),
    )


class VerhaalZoekForm(forms.Form):
    zoek = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    kern = forms.ModelChoiceField(
        label=_("Kern"),
        queryset=kernen_publiek(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle kernen"),
    )
    thema = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *Thema.choices], required=False
    )


class SteunForm(forms.Form):
    email = email_veld(
        help_text=_(
            "Wij sturen u een e-mail om uw steun te bevestigen. Uw adres staat nergens op de "
            "website en telt één keer mee."
        )
    )
