"""One parser and one field class for every amount in the portal (issue 9, "forms never crash").

Before: Decimal read "1e3" as EUR 1,000 in every amount field, and "1e100", "1E+30" and
"12,5e40" made `quantize` raise InvalidOperation (a 500).
"""

import datetime
from decimal import Decimal

import django_filters
import pytest
from django import forms
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.utils.timezone import localdate

from budgetten.models import Aanvraag
from core.bedragen import ABSURD_BEDRAG, OngeldigBedrag, bedrag_lezen
from core.forms import BedragField
from tests.budgetten.factories import seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory
from tests.formulieren import alle_formulieren

D = Decimal


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("12,50", D("12.50")),
        ("1.234,50", D("1234.50")),
        ("12.50", D("12.50")),
        ("1234", D("1234.00")),
        ("€ 12,50", D("12.50")),
        ("€12,50", D("12.50")),
        ("12,50 €", D("12.50")),
        ("EUR 12,50", D("12.50")),
        ("12,5", D("12.50")),
        ("12,-", D("12.00")),
        ("1 234,50", D("1234.50")),
        ("1\u00a0234,50", D("1234.50")),
        ("  75  ", D("75.00")),
        ("0,01", D("0.01")),
        ("007", D("7.00")),
    ],
)
def test_dutch_and_plain_notations_are_read(tekst, verwacht):
    bedrag = bedrag_lezen(tekst)
    assert bedrag == verwacht
    assert isinstance(bedrag, Decimal)
    assert bedrag.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "tekst",
    [
        "1e3",
        "1E3",
        "1e100",
        "1E+30",
        "12,5e40",
        "1e-2",
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "-Infinity",
        "inf",
        "٣",
        "１２",
        "²",
        "1_000",
        "0x10",
        "+5",
        "12,50,00",
        "1.234.50",
        "12 50",
        ",50",
        "5.",
        "12.-",
        "a\x00",
        "1\x002",
    ],
)
def test_exponents_special_values_and_other_scripts_are_refused(tekst):
    with pytest.raises(OngeldigBedrag) as exc:
        bedrag_lezen(tekst)
    assert "in cijfers" in str(exc.value)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("", "Vul een bedrag in"),
        ("€", "Vul een bedrag in"),
        ("-5", "negatief"),
        ("\u22125,00", "negatief"),
        ("0", "meer dan € 0,00"),
        ("10,001", "twee cijfers"),
        ("12.5000", "twee cijfers"),
        ("1.234", "zonder punt"),
        ("100000,01", "te hoog"),
        ("9" * 12, "te hoog"),
        ("9" * 30, "te hoog"),
        ("9" * 31, "in cijfers"),
        ("1.000.000.000.000.000,00", "te hoog"),
    ],
)
def test_refusals_say_why_in_dutch(tekst, melding):
    with pytest.raises(OngeldigBedrag) as exc:
        bedrag_lezen(tekst)
    assert melding in str(exc.value)


def test_decimals_and_ints_from_code_take_the_same_checks():
    assert bedrag_lezen(Decimal("1E+3")) == D("1000.00")
    assert bedrag_lezen(250) == D("250.00")
    for fout in (Decimal("NaN"), Decimal("Infinity"), Decimal("10.001"), Decimal("-1")):
        with pytest.raises(OngeldigBedrag):
            bedrag_lezen(fout)


def test_zero_and_the_maximum_can_be_chosen():
    assert bedrag_lezen("0", nul_toegestaan=True) == D("0.00")
    assert bedrag_lezen("750", maximum=D("750")) == D("750.00")
    with pytest.raises(OngeldigBedrag, match="€ 750,00"):
        bedrag_lezen("750,01", maximum=D("750"))
    assert bedrag_lezen(str(ABSURD_BEDRAG)) == ABSURD_BEDRAG


class TestBedragField:
    @pytest.mark.parametrize("tekst", ["1e3", "1e100", "1E+30", "12,5e40", "NaN", "Infinity"])
    def test_field_refuses_with_a_message_instead_of_crashing(self, tekst):
        with pytest.raises(forms.ValidationError) as exc:
            BedragField().clean(tekst)
        assert "in cijfers" in exc.value.messages[0]

    def test_empty_optional_field_is_none(self):
        assert BedragField(required=False).clean("  ") is None

    def test_model_column_size_limits_the_maximum(self):
        veld = BedragField(max_digits=5, decimal_places=2)
        assert veld.clean("999,99") == D("999.99")
        with pytest.raises(forms.ValidationError, match="te hoog"):
            veld.clean("1000")

    def test_shows_decimals_the_dutch_way(self):
        assert BedragField().prepare_value(D("1234.5")) == "1234,50"
        assert BedragField().prepare_value("1e3") == "1e3"

    def test_widget_asks_for_a_decimal_keyboard(self):
        assert BedragField().widget.attrs["inputmode"] == "decimal"


def test_no_project_form_has_another_amount_field():
    """Every amount is a BedragField: a DecimalField or FloatField would take 1e3 and NaN."""
    for cls in alle_formulieren():
        if issubclass(cls, django_filters.FilterSet):
            velden = {naam: f.field for naam, f in cls.base_filters.items()}
        else:
            velden = cls.base_fields
        for naam, veld in velden.items():
            assert not isinstance(veld, forms.DecimalField | forms.FloatField), (
                f"{cls.__module__}.{cls.__name__}.{naam}: use core.forms.BedragField"
            )


@pytest.mark.django_db
def test_every_editable_amount_in_the_admin_is_a_bedragfield():
    request = RequestFactory().get("/beheer/")
    request.user = MedewerkerFactory(is_staff=True, is_superuser=True)
    admins = []
    for model, model_admin in admin.site._registry.items():
        admins.append((model, model_admin))
        for inline in model_admin.get_inline_instances(request):
            admins.append((inline.model, inline))
    gecontroleerd = 0
    for model, model_admin in admins:
        if not model_admin.has_change_permission(request):
            continue
        alleen_lezen = set(model_admin.get_readonly_fields(request))
        for veld in model._meta.fields:
            if isinstance(veld, models.DecimalField) and veld.name not in alleen_lezen:
                formveld = model_admin.formfield_for_dbfield(veld, request)
                assert isinstance(formveld, BedragField), f"{model.__name__}.{veld.name}"
                gecontroleerd += 1
    assert gecontroleerd >= 3  # the yearly amounts of a regeling


@pytest.mark.django_db
@pytest.mark.parametrize("tekst", ["1e3", "1e100", "1E+30", "12,5e40", "NaN"])
def test_application_form_refuses_exponents_without_a_500(client, tekst):
    seed_regelingen(localdate().year, localdate().year + 1)
    kern = KernFactory()
    data = {
        "kern": kern.pk,
        "titel": "Bankjes",
        "omschrijving": "Twee bankjes bij de speeltuin",
        "activiteit_datum": (localdate() + datetime.timedelta(days=30)).isoformat(),
        "naam": "B",
        "email": "b@example.org",
        "gevraagd_bedrag": tekst,
        "draagvlak": "De buren",
        "criterium_effect_leefomgeving": "on",
        "criterium_brengt_samen": "on",
        "criterium_meerdere_inwoners": "on",
        "criterium_open_voor_iedereen": "on",
        "actie": "indienen",
    }
    response = client.post("/budgetten/aanvragen/leefbaarheid/", data)
    assert response.status_code == 200
    assert "Vul een bedrag in cijfers in" in response.content.decode()
    assert Aanvraag.objects.count() == 0
