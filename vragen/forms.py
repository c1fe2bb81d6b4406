from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Medewerker, Rol, Team
from core.forms import datum_in_bereik, email_veld, naam_veld, telefoon_veld
from kernen.models import Kern

from .constants import MAX_ONDERWERP, MAX_TEKST, AntwoordSoort, Kanaal, VraagSoort

TEKST_FOUTEN = {
    "required": _("Vul de tekst in."),
    "max_length": _("De tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."),
}


class KernKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.naam


class VraagStellenForm(forms.Form):
    kern = KernKeuze(
        label=_("Over welke kern gaat het?"),
        queryset=Kern.objects.none(),
        empty_label=_("Kies een kern"),
        error_messages={
            "required": _("Kies een kern."),
            "invalid_choice": _("Kies een kern uit de lijst."),
        },
    )
    soort = forms.ChoiceField(
        label=_("Wat wilt u doen?"),
        choices=VraagSoort.choices,
        initial=VraagSoort.VRAAG,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u een vraag stelt of iets meldt.")},
    )
    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=MAX_ONDERWERP,
        help_text=_("In een paar woorden, bijvoorbeeld: losse stoeptegels Dorpsstraat."),
        error_messages={"required": _("Vul een onderwerp in.")},
    )
    tekst = forms.CharField(
        label=_("Uw vraag of melding"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=TEKST_FOUTEN,
    )
    naam = naam_veld()
    email = email_veld(
        help_text=_("U krijgt hier de bevestiging, uw persoonlijke link en het antwoord.")
    )
    telefoon = telefoon_veld()

    def __init__(self, *args, kernen=None, **kwargs):
        super().__init__(*args, **kwargs)
        kern_veld = cast(forms.ModelChoiceField, self.fields["kern"])
        kern_veld.queryset = kernen if kernen is not None else Kern.objects.actief()


class VraagRegistrerenForm(VraagStellenForm):
    kanaal = forms.ChoiceField(
        label=_("Hoe kwam de vraag binnen?"),
        choices=[c for c in Kanaal.choices if c[0] != Kanaal.PORTAAL],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de vraag binnenkwam.")},
    )
    ontvangen_op = forms.DateTimeField(
        label=_("Ontvangen op"),
        required=False,
        help_text=_("Leeg laten als de vraag nu binnenkomt. De termijn telt vanaf deze dag."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
    )

    field_order = ["kern", "kanaal", "ontvangen_op", "soort", "onderwerp", "tekst"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naam"].label = _("Naam van de inwoner")
        self.fields["email"].label = _("E-mailadres van de inwoner")
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Als de inwoner het antwoord per e-mail wil.")
        self.fields["telefoon"].label = _("Telefoonnummer van de inwoner")
        self.fields["tekst"].label = _("De vraag of melding")

    def clean_ontvangen_op(self):
        waarde = self.cleaned_data.get("ontvangen_op")
        if waarde and waarde > timezone.now():
            raise ValidationError(_("Een ontvangstmoment ligt niet in de toekomst."))
        return waarde


class MedewerkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        team = f" ({obj.team.naam})" if obj.team_id else ""
        return f"{obj.get_full_name() or obj.username}{team}"


class RouterenForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.filter(actief=True),
        required=False,
        empty_label=_("Geen team gekozen"),
    )
    behandelaar = MedewerkerKeuze(
        label=_("Beleidsmedewerker"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Geen persoon gekozen"),
        help_text=_("Kies een team, een persoon of allebei. De termijn blijft gelijk."),
    )
    notitie = forms.CharField(
        label=_("Notitie voor de beleidsmedewerker"),
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        behandelaar = cast(forms.ModelChoiceField, self.fields["behandelaar"])
        behandelaar.queryset = (
            Medewerker.objects.filter(is_active=True, groups__name=Rol.BELEIDSMEDEWERKER)
            .select_related("team")
            .order_by("first_name", "last_name")
        )

    def clean(self):
        data = super().clean() or {}
        if not data.get("team") and not data.get("behandelaar") and not self.errors:
            raise ValidationError(_("Kies een team of een beleidsmedewerker."))
        return data


class AntwoordForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort antwoord"),
        choices=AntwoordSoort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het soort antwoord.")},
    )
    tekst = forms.CharField(
        label=_("Antwoord aan de inwoner"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=TEKST_FOUTEN,
    )
    toegezegd_op = forms.DateField(
        label=_("Inhoudelijk antwoord uiterlijk op"),
        required=False,
        help_text=_("Alleen bij een procesantwoord: de datum die u de inwoner belooft."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": _("Vul een datum in zoals 31-12-2026.")},
    )


class TeruggevenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom geeft u deze vraag terug?"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf de reden op.")},
    )


class WaarderingForm(forms.Form):
    cijfer = forms.TypedChoiceField(
        label=_("Welk cijfer geeft u voor hoe wij u hielpen?"),
        help_text=_("1 is heel slecht, 10 is uitstekend."),
        choices=[(i, str(i)) for i in range(1, 11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een cijfer van 1 tot en met 10.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


GROEPEN = [
    ("team", _("Team")),
    ("behandelaar", _("Beleidsmedewerker")),
    ("kern", _("Kern")),
]


class CijfersForm(forms.Form):
    groep = forms.ChoiceField(
        label=_("Per"),
        choices=GROEPEN,
        initial="team",
    )
    # Bounded: vraag_cijfers turns the dates into Amsterdam day boundaries (van minus a day),
    # which overflows for 1-1-0001 and 31-12-9999.
    van = forms.DateField(
        label=_("Ontvangen vanaf"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        validators=[datum_in_bereik],
    )
    tot = forms.DateField(
        label=_("Ontvangen tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        validators=[datum_in_bereik],
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            raise ValidationError(_("De begindatum ligt na de einddatum."))
        return data
