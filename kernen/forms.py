from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kanaal, Kern, Organisatie
from .services import KANAAL_VELDEN, ORGANISATIE_VELDEN, PROFIEL_VELDEN


class KanaalForm(forms.ModelForm):
    class Meta:
        model = Kanaal
        fields = KANAAL_VELDEN
        widgets = {"notities": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, kern, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kern = kern


class OrganisatieForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisatie
        fields = ORGANISATIE_VELDEN
        widgets = {
            "notities": forms.Textarea(attrs={"rows": 3}),
            "convenant_vernieuwen_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, kern, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kern = kern


DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KernprofielForm(forms.ModelForm):
    class Meta:
        model = Kern
        fields = PROFIEL_VELDEN
        widgets = {
            "kernprofiel": forms.Textarea(attrs={"rows": 3}),
            "wat_speelt_er": forms.Textarea(attrs={"rows": 4}),
            "actieve_groepen": forms.Textarea(attrs={"rows": 4}),
            "wensen": forms.Textarea(attrs={"rows": 4}),
            "startbijeenkomst_op": DATUM,
            "fase_sinds": DATUM,
            "fase": forms.RadioSelect,
        }
        help_texts = {
            "fase_sinds": _("Leeg laten bij een nieuwe fase: dan geldt vandaag."),
        }
