from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol
from core.forms import email_veld, naam_veld
from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Initiatief
from kernen.models import Kern
from kernen.selectors import kanalen_van_kernen
from participatie.models import Betrokkene, Bijeenkomst, Traject

from .constants import LADDER_BELOFTE, STAP_DEFINITIE, Ladder, Stap, TrajectSoort
from .services import BIJEENKOMST_VELDEN

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _veld(form: forms.BaseForm, naam: str) -> Any:
    """A field of the form, typed loosely: its kind (choice, model choice, date) varies."""
    return form.fields[naam]


def _medewerkers(rol: str):
    return get_user_model().objects.filter(groups__name=rol, is_active=True).distinct()


class KernenField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Kern.objects.actief().order_by("naam"),
            label=_("Kernen"),
            help_text=_("Voor welke kernen is dit traject?"),
            error_messages={"required": _("Kies ten minste één kern.")},
            **kwargs,
        )


class TrajectForm(forms.ModelForm):
    kernen = KernenField()

    class Meta:
        model = Traject
        fields: tuple[str, ...] = (
            "titel",
            "onderwerp",
            "soort",
            "kernen",
            "eigenaar",
            "kernambtenaar",
        )
        widgets = {"soort": forms.RadioSelect, "onderwerp": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Subclasses leave fields out (the edit form has no owner or kind), so set up only
        # the fields this form actually has.
        querysets = {
            "eigenaar": _medewerkers(Rol.BELEIDSMEDEWERKER),
            "kernambtenaar": _medewerkers(Rol.KERNAMBTENAAR),
        }
        for naam, queryset in querysets.items():
            if naam in self.fields:
                _veld(self, naam).queryset = queryset
        if "soort" in self.fields:
            _veld(self, "soort").choices = list(TrajectSoort.choices)


class TrajectBasisForm(TrajectForm):
    """Edit form: owner and kind are fixed once the trajectory exists (the kind decides the
    steps), so only the basic data can change, and the initiatives it answers."""

    initiatieven = forms.ModelMultipleChoiceField(
        queryset=Initiatief.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Initiatieven van inwoners"),
        help_text=_(
            "Op welke initiatieven uit de kernen van dit traject gaat het in? De inwoner ziet "
            "het traject dan op de eigen pagina van het initiatief."
        ),
    )

    class Meta(TrajectForm.Meta):
        fields = ("titel", "onderwerp", "kernen", "kernambtenaar", "initiatieven")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only initiatives of the traject's own kernen (and those already linked): staff do
        # not see titles of initiatives elsewhere.
        traject = self.instance
        qs = initiatieven_selectors.koppelbare_initiatieven(kernen=traject.kernen.all())
        if traject.pk:
            qs = qs | Initiatief.objects.filter(trajecten=traject)
        _veld(self, "initiatieven").queryset = qs.distinct()


def ladder_keuzes():
    return [(level.value, f"{level.label}: {LADDER_BELOFTE[level]}") for level in Ladder]


class StapForm(forms.ModelForm):
    """The small guided form of one step; fields and required fields come from the step's
    definition (constants.STAP_DEFINITIES)."""

    stap: str = ""

    def __init__(self, *args, traject: Traject, **kwargs):
        super().__init__(*args, instance=traject, **kwargs)  # type: ignore[misc]
        definitie = STAP_DEFINITIE[self.stap]
        for naam in definitie.verplicht:
            self.fields[naam].required = True
            self.fields[naam].error_messages["required"] = _("Vul dit in.")
        if "ladder" in self.fields:
            _veld(self, "ladder").choices = ladder_keuzes()
            self.fields["ladder"].widget = forms.RadioSelect(choices=ladder_keuzes())
        for naam in definitie.keuzerondjes:
            if naam in self.fields:
                self.fields[naam].widget = forms.RadioSelect(
                    choices=[c for c in _veld(self, naam).choices if c[0]]
                )

    def clean(self):
        data = super().clean() or {}
        if data.get("minder_betrokken") and not (data.get("minder_betrokken_reden") or "").strip():
            self.add_error(
                "minder_betrokken_reden",
                _("Leg uit waarom inwoners niet of minder worden betrokken."),
            )
        return data


def stap_form_class(stap: str) -> type[StapForm]:
    velden = STAP_DEFINITIE[stap].velden
    widgets = {
        v: forms.Textarea(attrs={"rows": 4})
        for v in velden
        if isinstance(Traject._meta.get_field(v), models.TextField)
    }
    meta = type("Meta", (), {"model": Traject, "fields": velden, "widgets": widgets})
    attrs = {"Meta": meta, "stap": stap}
    if stap == Stap.COMMUNICATIEPLAN:
        attrs["kanalen"] = forms.ModelMultipleChoiceField(
            queryset=None,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=_("Kanalen uit de toolbox van de kern"),
            help_text=_("Via welke kanalen bereikt u de betrokkenen?"),
        )
        return type("CommunicatieplanForm", (KanalenMixin, StapForm), attrs)
    return type(f"{stap.title()}Form", (StapForm,), attrs)


class KanalenMixin:
    """Before StapForm in the MRO: the communication plan's channels from the kernen."""

    fields: dict[str, Any]
    initial: dict[str, Any]
    is_bound: bool

    def __init__(self, *args, traject: Traject, **kwargs):
        super().__init__(*args, traject=traject, **kwargs)  # type: ignore[call-arg]
        field = self.fields["kanalen"]
        field.queryset = kanalen_van_kernen(traject.kernen.all()).order_by("kern__naam", "naam")
        field.label_from_instance = lambda k: f"{k.naam} ({k.kern.naam}, {k.get_soort_display()})"
        if not self.is_bound:
            self.initial["kanalen"] = list(traject.kanalen.values_list("pk", flat=True))
        if not field.queryset.exists():
            field.help_text = _(
                "De toolbox van deze kernen heeft nog geen kanalen. "
                "De kernambtenaar kan ze toevoegen."
            )


class BetrokkeneForm(forms.ModelForm):
    class Meta:
        model = Betrokkene
        fields = ("doelgroep", "belangen", "informatiebehoefte")
        widgets = {
            "belangen": forms.Textarea(attrs={"rows": 2}),
            "informatiebehoefte": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        data = super().clean() or {}
        if data.get("doelgroep") and not (data.get("belangen") and data.get("informatiebehoefte")):
            self.add_error(
                None, _("Vul bij elke doelgroep de belangen en de informatiebehoefte in.")
            )
        return data


def betrokkenen_formset(traject: Traject, data=None):
    initial = list(traject.betrokkenen.values("doelgroep", "belangen", "informatiebehoefte"))
    # absolute_max: a forged TOTAL_FORMS would otherwise build up to 1030 forms.
    formset = forms.formset_factory(BetrokkeneForm, extra=2, max_num=30, absolute_max=30)
    return formset(data=data, initial=initial, prefix="betrokkenen")


class BijeenkomstForm(forms.ModelForm):
    videolink = forms.URLField(
        label=_("Videolink"),
        required=False,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld Teams."),
    )

    class Meta:
        model = Bijeenkomst
        fields = BIJEENKOMST_VELDEN
        widgets = {
            "begint_op": DATETIME,
            "eindigt_op": DATETIME,
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _veld(self, "begint_op").input_formats = ["%Y-%m-%dT%H:%M"]
        _veld(self, "eindigt_op").input_formats = ["%Y-%m-%dT%H:%M"]
        _veld(self, "kern").queryset = Kern.objects.actief().order_by("naam")
        _veld(self, "kern").empty_label = _("Hele gemeente")
        _veld(self, "kernwethouder").queryset = _medewerkers(Rol.KERNWETHOUDER)
        _veld(self, "traject").queryset = Traject.objects.order_by("titel")

    def clean(self):
        data = super().clean() or {}
        begin, eind = data.get("begint_op"), data.get("eindigt_op")
        if begin and eind and eind <= begin:
            self.add_error("eindigt_op", _("Het einde moet na het begin liggen."))
        return data


class VerslagForm(forms.Form):
    verslag = forms.CharField(
        label=_("Kort verslag: wat hebben we gehoord?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Dit verslag staat op de openbare pagina. Noem geen namen van inwoners."),
    )


class AnnulerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom gaat de bijeenkomst niet door?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf waarom de bijeenkomst niet doorgaat.")},
        help_text=_(
            "Iedereen die zich heeft aangemeld of op de wachtlijst staat, krijgt deze reden "
            "per e-mail. De reden staat ook op de openbare pagina."
        ),
    )
    alternatief = forms.CharField(
        label=_("Nieuwe datum of link (als die er is)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: de nieuwe datum, of een link naar een andere bijeenkomst."),
    )


class AanmeldForm(forms.Form):
    naam = naam_veld()
    email = email_veld(
        help_text=_("Hierheen sturen wij de bevestiging, met een link om af te melden.")
    )
    onderwerp = forms.CharField(
        label=_("Waarover wilt u praten?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Een onderwerp dat u wilt bespreken. Dit mag u leeg laten."),
    )


class LessenZoekForm(forms.Form):
    q = forms.CharField(label=_("Zoek in lessen"), required=False)
    kern = forms.ModelChoiceField(
        label=_("Kern"), queryset=Kern.objects.actief().order_by("naam"), required=False
    )
    soort = forms.ChoiceField(
        label=_("Vorm"), choices=[("", _("Alle"))] + list(TrajectSoort.choices), required=False
    )
    ladder = forms.ChoiceField(
        label=_("Niveau"), choices=[("", _("Alle"))] + list(Ladder.choices), required=False
    )
