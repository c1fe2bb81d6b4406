"""Property-based tests (Hypothesis): no form and no query-string filter ever answers with a 5xx.

Every public and staff form, and every filter or value a visitor can put after the ? of a URL,
is submitted with generated data through the real view with the Django test client: as the
role that may use it, or with a valid personal link. Per submission:

- the answer is never a 5xx (and never a 403: the setup's user must be allowed, or the test
  would prove nothing about the form);
- an answer that is not a redirect (the form was refused, or a rule said no) saved nothing:
  the row count of every model of the project's apps (history rows and Mailbericht, the
  outbox, included) is unchanged, watched rows kept their values and no mail went out;
- where the form can be bound on its own, a form that refuses the data never gets a redirect.

The data mixes valid submissions (a known-good one with a few fields changed) and hostile
ones: NUL bytes, control characters, any non-surrogate unicode, digits of other scripts,
huge numbers, exponent notations (1e3, 1E+30), NaN/Infinity, dates far out of range and
non-existent local times. Each example runs in a savepoint that is rolled back, so the
examples do not change each other's starting point.

GEVALLEN below is the list of covered forms and filters (each with the case that covers it);
test_every_project_form_is_covered fails when a new form class has no case.

Profiles (registered here, not in conftest): "formulieren" (the default, sized for the
regular run) and "formulieren-grondig" (many more examples):
`KG_FORMULIEREN_PROFIEL=formulieren-grondig pytest tests/test_forms_property.py`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.forms import BedragField
from tests.conftest import current_code
from tests.factories import TEST_PASSWORD, KernFactory, MedewerkerFactory, TeamFactory
from tests.formulieren import PROJECT_APPS, alle_formulieren

settings.register_profile(
    "formulieren",
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
settings.register_profile(
    "formulieren-grondig", parent=settings.get_profile("formulieren"), max_examples=300
)
PROFIEL = settings.get_profile(os.environ.get("KG_FORMULIEREN_PROFIEL", "formulieren"))

pytestmark = pytest.mark.django_db

AFWEZIG = "<afwezig>"  # a field left out of the submission altogether

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Text a person, a link checker or an attacker may send, whatever the field expects.
RAAR = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "%00",
    "\t\r\n",
    "\u200b",
    "\ufeff",
    "\U0010ffff",
    "😀",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "{{ 7|add:7 }}",
    "../../etc/passwd",
    "x" * 5000,
    "²",
    "٣",
    "١٢٣",
    "１２",
    "Ⅻ",
    "𝟙𝟚",
    "1e3",
    "1e100",
    "1E+30",
    "12,5e40",
    "NaN",
    "-Infinity",
    "Infinity",
    "sNaN",
    "9" * 40,
    "-1",
    "0",
    "-0",
    "2147483648",
    "9223372036854775808",
    "1.5",
    "0x10",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "0000-00-00",
    "2026-02-30",
    "31-12-9999",
    "1-1-1",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2026-03-29T02:30",  # does not exist in Amsterdam (clocks go forward)
    "2026-10-25T02:30",  # exists twice in Amsterdam (clocks go back)
    "true",
    "None",
    "[]",
]
BEDRAGEN_RAAR = [
    "1e3",
    "1E3",
    "1e100",
    "1E+30",
    "12,5e40",
    "NaN",
    "Infinity",
    "-5",
    "0",
    "0,00",
    "10,001",
    "1.234",
    "1.234,50",
    "€ 12,50",
    "12,-",
    "99999999999999999999999999999",
    "100000,01",
    "٣",
]

# The edges of what datetime can hold: one day more or less overflows.
RANDEN_DATUM = ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30", "01-01-0001", "31-12-9999"]
RANDEN_MOMENT = [
    "0001-01-01T00:00",
    "0001-01-01T23:59",
    "9999-12-31T00:00",
    "9999-12-31T23:59",
    "2026-03-29T02:30",
    "2026-10-25T02:30",
    "01-01-0001 00:00",
    "31-12-9999 23:59",
]

tekst_elk = st.text(st.characters(codec="utf-8"), max_size=60)  # NUL and controls included
raar = st.one_of(st.sampled_from(RAAR), tekst_elk)
leesbaar = st.text(
    st.characters(codec="utf-8", categories=["L", "Nd", "Zs", "Po"]), min_size=1, max_size=40
)


# --- Strategies per form field -----------------------------------------------------------


def _keuzes(veld) -> list[str]:
    if isinstance(veld, forms.ModelChoiceField):
        sleutel = veld.to_field_name or "pk"
        return [str(getattr(obj, sleutel)) for obj in veld.queryset[:25]]
    waarden = []
    for waarde, label in veld.choices:
        if isinstance(label, list | tuple):
            waarden.extend(str(w) for w, _ in label)
        else:
            waarden.append(str(waarde))
    return [w for w in waarden if w != ""]


def _bestand(naam: str, inhoud: bytes, soort: str) -> tuple:
    return ("bestand", naam, inhoud, soort)


bestanden = st.one_of(
    st.just(_bestand("foto.png", PNG, "image/png")),
    st.just(_bestand("bon.pdf", PDF, "application/pdf")),
    st.builds(
        _bestand,
        st.sampled_from(["foto.png", "a\x00.pdf", "bon.exe", "x" * 300 + ".png", ".png"]),
        st.binary(max_size=300),
        st.sampled_from(["image/png", "application/pdf", "text/html"]),
    ),
)


def _datum(d: datetime.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _datum_nl(d: datetime.date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def waarden_voor(veld) -> st.SearchStrategy:
    """Plausible values for one field: valid ones often, and the field's own edge cases."""
    vandaag = timezone.localdate()
    if isinstance(veld, forms.FileField):
        if getattr(veld.widget, "allow_multiple_selected", False):
            return st.lists(bestanden, max_size=3)
        return bestanden
    if isinstance(veld, forms.BooleanField):
        return st.sampled_from(["on", "", "false", "0", "1"])
    if isinstance(veld, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        keuzes = _keuzes(veld) or ["1"]
        return st.lists(st.one_of(st.sampled_from(keuzes), raar), max_size=4)
    if isinstance(veld, forms.ModelChoiceField):
        keuzes = _keuzes(veld) or ["1"]
        return st.one_of(st.sampled_from(keuzes), st.sampled_from(["999999999", "0", "-1"]))
    if isinstance(veld, forms.ChoiceField):
        return st.sampled_from(_keuzes(veld) or [""])
    if isinstance(veld, BedragField):
        bedrag = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
        return st.one_of(
            bedrag.map(lambda b: f"{b:.2f}".replace(".", ",")),
            bedrag.map(str),
            st.sampled_from(BEDRAGEN_RAAR),
        )
    if isinstance(veld, forms.DateTimeField):
        nu = timezone.localtime().replace(tzinfo=None)
        dichtbij = st.datetimes(
            min_value=nu - datetime.timedelta(days=400), max_value=nu + datetime.timedelta(days=400)
        )
        return st.one_of(
            dichtbij.map(lambda m: m.isoformat(timespec="minutes")),
            st.sampled_from(RANDEN_MOMENT),
            st.datetimes().map(lambda m: m.isoformat(timespec="minutes")),
            st.datetimes().map(lambda m: f"{_datum_nl(m.date())} {m:%H:%M}"),
        )
    if isinstance(veld, forms.DateField):
        dichtbij = st.dates(
            min_value=vandaag - datetime.timedelta(days=400),
            max_value=vandaag + datetime.timedelta(days=400),
        )
        return st.one_of(
            dichtbij.map(_datum),
            st.sampled_from(RANDEN_DATUM),
            st.dates().map(_datum),
            st.dates().map(_datum_nl),
        )
    if isinstance(veld, forms.IntegerField):
        laag = veld.min_value if veld.min_value is not None else -(10**6)
        hoog = veld.max_value if veld.max_value is not None else 10**6
        return st.one_of(
            st.integers(min_value=laag, max_value=hoog).map(str),
            st.integers(min_value=-(10**30), max_value=10**30).map(str),
        )
    if isinstance(veld, forms.EmailField):
        return st.one_of(st.just("inwoner@example.org"), st.emails())
    if isinstance(veld, forms.URLField):
        return st.sampled_from(
            [
                "https://teams.example/meet/1",
                "example.org",
                "javascript:alert(1)",
                "http://[::1",
                "https://" + "a" * 300 + ".nl",
                "ftp://example.org",
            ]
        )
    if isinstance(veld, forms.UUIDField):
        return st.uuids().map(str)
    if isinstance(veld, forms.CharField):
        lang = (veld.max_length or 200) + 1
        return st.one_of(leesbaar, st.just("x" * lang))
    return raar


def veld_strategie(veld) -> st.SearchStrategy:
    return st.one_of(waarden_voor(veld), raar)


def basiswaarde(veld):
    """A value the field accepts, to build the known-good submission of a case from."""
    vandaag = timezone.localdate()
    if isinstance(veld, forms.FileField):
        return [_bestand("foto.png", PNG, "image/png")] if veld.required else AFWEZIG
    if isinstance(veld, forms.BooleanField):
        return "on" if veld.required else AFWEZIG
    if isinstance(veld, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return _keuzes(veld)[:1] if veld.required else AFWEZIG
    if isinstance(veld, forms.ChoiceField):  # incl. ModelChoiceField
        keuzes = _keuzes(veld)
        return keuzes[0] if veld.required and keuzes else AFWEZIG
    if isinstance(veld, BedragField):
        return "10,00"
    if isinstance(veld, forms.DateTimeField):
        moment = timezone.localtime() + datetime.timedelta(days=7)
        return moment.strftime("%Y-%m-%dT%H:%M")
    if isinstance(veld, forms.DateField):
        return _datum(vandaag + datetime.timedelta(days=30))
    if isinstance(veld, forms.IntegerField):
        return str(max(veld.min_value or 1, 1))
    if isinstance(veld, forms.EmailField):
        return "inwoner@example.org"
    if isinstance(veld, forms.URLField):
        return "https://example.org"
    if isinstance(veld, forms.UUIDField):
        return AFWEZIG
    if isinstance(veld, forms.CharField):
        return "Een korte tekst" if veld.required else AFWEZIG
    return AFWEZIG


# --- What one case is ----------------------------------------------------------------------


@dataclass
class Doel:
    """Where a case submits to and what it expects."""

    url: str
    methode: str = "post"
    # Forms (unbound, constructed as the view does) whose fields are generated.
    formulieren: list = field(default_factory=list)
    # (formset instance) whose management form and first forms are generated.
    formsets: list = field(default_factory=list)
    # Changes to the generated known-good submission (AFWEZIG removes a key).
    geldig: dict = field(default_factory=dict)
    # Values read by hand from the request: name -> strategy.
    extra: dict = field(default_factory=dict)
    # Bind the form alone with the submitted data: (data, files) -> form, or None.
    binden: Callable | None = None
    # Rows whose values must not change when the submission is refused.
    bewaakt: list = field(default_factory=list)
    # The known-good submission redirects (POST) or shows the page (GET).
    basis_status: tuple = (302,)
    # A refusal (403/429) is a valid answer here (sign-in lockout).
    weigeren_mag: bool = False


@dataclass
class Omgeving:
    client: object
    signed_in: Callable

    def als(self, user):
        self.signed_in(user)
        return user

    def als_wie_mag(self, url: str, kandidaten: list):
        """Sign in the first candidate the view lets in (its own permission check), so the
        case keeps testing the form when the access matrix moves a task to another role."""
        match = resolve(url)
        for user in kandidaten:
            request = RequestFactory().get(url)
            request.user = user
            view = match.func.view_class()
            view.setup(request, *match.args, **match.kwargs)
            if view.has_permission():
                return self.als(user)
        raise AssertionError(f"geen van {kandidaten} mag {url} gebruiken")


@dataclass
class Geval:
    id: str
    formulieren: tuple
    opzet: Callable[[Omgeving], Doel]

    def __str__(self) -> str:
        return self.id


# The edge values tried on every case before the generated data, each one in every field
# of its kind at once (the rest of the submission known-good), so that the known ways to
# break a form are tried on every run, not only when the generator happens to pick them.
RANDEN: dict[str, list] = {
    "tekst": ["a\x00b", "²"],
    "keuze": ["\x00", "²"],
    "datum": ["0001-01-01", "9999-12-31"],
    "moment": ["0001-01-01T00:00", "9999-12-31T23:59"],
    "bedrag": ["1e100", "12,5e40", "NaN"],
    "getal": ["9" * 30, "²", "1e100"],
    "email": ["a\x00@example.org"],
}


def soort_van(veld) -> str | None:
    """The kind of a field, for RANDEN (None: no edge values, e.g. files and checkboxes)."""
    if isinstance(veld, forms.FileField | forms.BooleanField):
        return None
    if isinstance(veld, BedragField):
        return "bedrag"
    if isinstance(veld, forms.DateTimeField):
        return "moment"
    if isinstance(veld, forms.DateField):
        return "datum"
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "getal"
    if isinstance(veld, forms.ChoiceField):
        return "keuze"
    if isinstance(veld, forms.EmailField):
        return "email"
    return "tekst"


@dataclass
class Velden:
    strategieen: dict  # name -> strategy
    basis: dict  # name -> known-good value
    soorten: dict  # name -> kind (see soort_van)


def _velden(doel: Doel) -> Velden:
    """Everything the case submits: strategies, the known-good values and the kinds."""
    strategieen, basis, soorten = {}, {}, {}

    def voeg_toe(form, naam, veld, met_basis=True):
        html = form.add_prefix(naam)
        strategieen[html] = veld_strategie(veld)
        soorten[html] = soort_van(veld)
        if met_basis:
            basis[html] = basiswaarde(veld)

    for form in doel.formulieren:
        for naam, veld in form.fields.items():
            voeg_toe(form, naam, veld)
    for formset in doel.formsets:
        beheer = formset.management_form
        for naam in beheer.fields:
            strategieen[beheer.add_prefix(naam)] = st.sampled_from(
                ["0", "1", "2", "3", "15", "16", "1000", "-1", "", "x", "\x00", "9" * 25]
            )
            soorten[beheer.add_prefix(naam)] = "getal"
        basis[beheer.add_prefix("TOTAL_FORMS")] = "1"
        basis[beheer.add_prefix("INITIAL_FORMS")] = "0"
        for index in range(3):
            form = formset.form(prefix=formset.add_prefix(index), **formset.get_form_kwargs(index))
            for naam, veld in form.fields.items():
                voeg_toe(form, naam, veld, met_basis=index == 0)
    for naam, strategie in doel.extra.items():
        strategieen[naam] = st.one_of(strategie, raar)
        soorten[naam] = "keuze"
    basis.update(doel.geldig)
    return Velden(strategieen, {k: v for k, v in basis.items() if v is not AFWEZIG}, soorten)


def randgevallen(velden: Velden) -> list[dict]:
    """The known-good submission with every field of one kind set to one edge value."""
    gevallen = []
    for soort, waarden in RANDEN.items():
        namen = [n for n, s in velden.soorten.items() if s == soort]
        for waarde in waarden if namen else []:
            data = dict(velden.basis)
            for naam in namen:
                data[naam] = [waarde] if isinstance(data.get(naam), list) else waarde
            gevallen.append(data)
    return gevallen


def gegevens(velden: Velden) -> st.SearchStrategy:
    strategieen, basis = velden.strategieen, velden.basis
    namen = sorted(strategieen)

    @st.composite
    def _gegevens(draw):
        if not draw(st.booleans()):
            # The known-good submission with a few fields changed or left out.
            data = dict(basis)
            for naam in draw(st.sets(st.sampled_from(namen), max_size=3)):
                waarde = draw(st.one_of(strategieen[naam], st.just(AFWEZIG)))
                data[naam] = waarde
        else:
            # Every field generated.
            data = {naam: draw(st.one_of(strategieen[naam], st.just(AFWEZIG))) for naam in namen}
        return {k: v for k, v in data.items() if v is not AFWEZIG}

    return _gegevens()


# --- Sending one submission and checking what happened --------------------------------------


def _project_tabellen() -> list[str]:
    tabellen = []
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model._meta.proxy and model._meta.managed:
                tabellen.append(model._meta.db_table)
    return sorted(set(tabellen))


TABELLEN = _project_tabellen()


def tellingen() -> dict[str, int]:
    """Row counts of every table of the project's apps, in one query."""
    qn = connection.ops.quote_name
    # Table names come from the model registry (not from input) and are quoted.
    tellers = ", ".join(f"(SELECT COUNT(*) FROM {qn(t)})" for t in TABELLEN)  # noqa: S608
    sql = f"SELECT {tellers}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(TABELLEN, cursor.fetchone(), strict=True))


def _rijen(objecten) -> list:
    return [type(o).objects.filter(pk=o.pk).values().first() for o in objecten]


def _als_request(data: dict) -> tuple[dict, dict]:
    """What the client sends: text values as they are, files as fresh uploads."""
    tekst, bestanden_ = {}, {}
    for naam, waarde in data.items():
        lijst = waarde if isinstance(waarde, list) else [waarde]
        if any(isinstance(w, tuple) for w in lijst):
            bestanden_[naam] = [
                SimpleUploadedFile(w[1], w[2], content_type=w[3])
                for w in lijst
                if isinstance(w, tuple)
            ]
            tekst_delen = [w for w in lijst if not isinstance(w, tuple)]
            if tekst_delen:
                tekst[naam] = tekst_delen
        else:
            tekst[naam] = waarde
    return tekst, bestanden_


def _als_querydict(tekst: dict, bestanden_: dict) -> tuple[QueryDict, MultiValueDict]:
    data = QueryDict(mutable=True)
    for naam, waarde in tekst.items():
        data.setlist(naam, [str(w) for w in waarde] if isinstance(waarde, list) else [waarde])
    return data, MultiValueDict(bestanden_)


def versturen(client, doel: Doel, data: dict):
    """One submission in a savepoint that is rolled back; checks the properties."""
    with transaction.atomic():
        voor, mails, rijen = tellingen(), len(mail.outbox), _rijen(doel.bewaakt)
        tekst, bestanden_ = _als_request(data)
        if doel.methode == "get":
            response = client.get(doel.url, tekst)
        else:
            response = client.post(doel.url, {**tekst, **bestanden_})
        status = response.status_code
        assert status < 500, f"{status} voor {data!r}"
        if not doel.weigeren_mag:
            assert status != 403, f"403: de gebruiker van dit geval mag {doel.url} niet gebruiken"
        doorgestuurd = 300 <= status < 400
        if not doorgestuurd:
            na = tellingen()
            veranderd = {t: (voor[t], na[t]) for t in TABELLEN if voor[t] != na[t]}
            assert not veranderd, f"geweigerd ({status}) maar toch opgeslagen: {veranderd}"
            assert len(mail.outbox) == mails, "geweigerd maar toch gemaild"
            assert _rijen(doel.bewaakt) == rijen, "geweigerd maar toch gewijzigd"
        if doel.binden is not None:
            for bestand_lijst in bestanden_.values():
                for bestand in bestand_lijst:
                    bestand.seek(0)
            form = doel.binden(*_als_querydict(tekst, bestanden_))
            if form is not None and not form.is_valid():
                assert not doorgestuurd, f"ongeldig formulier {form.errors!r} toch verwerkt"
        transaction.set_rollback(True)
    return response


# --- Setups -------------------------------------------------------------------------------


def _vandaag():
    return timezone.localdate()


def _regelingen():
    from tests.budgetten.factories import seed_regelingen

    seed_regelingen(_vandaag().year, _vandaag().year + 1)


def _kernambtenaar(kern=None):
    kern = kern or KernFactory()
    return kern, MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


def _token(soort: str, obj) -> str:
    from core.links import maak_token

    return maak_token(soort=soort, pk=obj.pk, versie=obj.link_versie)


# accounts, kerngericht, kernen


def inloggen(o: Omgeving) -> Doel:
    from accounts.forms import InlogForm

    user = MedewerkerFactory(rollen=["kernambtenaar"])
    form = InlogForm(RequestFactory().get("/"))
    return Doel(
        url=reverse("accounts:login"),
        formulieren=[form],
        geldig={"username": user.username, "password": TEST_PASSWORD, "code": current_code()},
        extra={"next": st.sampled_from(["/medewerker/", "https://evil.example/", "//x"])},
        weigeren_mag=True,
    )


def _uitnodiging_url(medewerker) -> str:
    from accounts.services import LINK_SOORT
    from core.links import maak_token

    token = maak_token(soort=LINK_SOORT, pk=medewerker.pk, versie=medewerker.link_versie)
    return reverse("accounts:tweede_factor_instellen", kwargs={"token": token})


def tweede_factor_wachtwoord(o: Omgeving) -> Doel:
    from accounts.forms import TweedeFactorWachtwoordForm

    medewerker = MedewerkerFactory(rollen=["kernambtenaar"])
    form = TweedeFactorWachtwoordForm(RequestFactory().get("/"), medewerker=medewerker)
    return Doel(
        url=_uitnodiging_url(medewerker),
        formulieren=[form],
        geldig={"password": TEST_PASSWORD},
        weigeren_mag=True,  # wrong passwords count for django-axes: lockout (429)
    )


def tweede_factor_code(o: Omgeving) -> Doel:
    from accounts import services
    from accounts.forms import TweedeFactorCodeForm

    medewerker = MedewerkerFactory(rollen=["kernambtenaar"])
    url = _uitnodiging_url(medewerker)
    # Step 1 for real, so that every submission below reaches the code step.
    assert o.client.post(url, {"password": TEST_PASSWORD}).status_code == 302
    assert o.client.get(url).context["stap"] == 2
    apparaat = services.nieuw_apparaat(medewerker=medewerker)
    form = TweedeFactorCodeForm(RequestFactory().get("/"), medewerker=medewerker, apparaat=apparaat)
    return Doel(
        url=url,
        formulieren=[form],
        # A well-formed wrong code: the page answers with the code step and its error, and
        # the session keeps its mark (a right code would sign in and end the step).
        geldig={"code": "000000"},
        basis_status=(200,),
        weigeren_mag=True,  # wrong codes count for django-axes: lockout (429)
    )


def inloggen_next(o: Omgeving) -> Doel:
    return Doel(
        url=reverse("accounts:login"),
        methode="get",
        extra={"next": st.sampled_from(["/medewerker/", "https://evil.example/", "//x", "/\x00"])},
        basis_status=(200,),
    )


def mijn_links(o: Omgeving) -> Doel:
    from core.forms import MijnLinksForm

    return Doel(
        url=reverse("core:mijn_links"),
        formulieren=[MijnLinksForm()],
        binden=lambda data, files: MijnLinksForm(data),
    )


def monitoring(o: Omgeving) -> Doel:
    from monitoring.forms import HalfjaarForm

    o.als(MedewerkerFactory(rollen=["functioneel-beheer"]))
    jaar = _vandaag().year
    codes = [f"{j}-{h}" for j in (jaar - 1, jaar, jaar + 1, 1999, 2101) for h in (1, 2, 3)]
    # The view reads ?halfjaar= itself and only shows HalfjaarForm (unbound) to choose.
    assert "halfjaar" in HalfjaarForm.base_fields
    return Doel(
        url=reverse("monitoring:monitoring"),
        methode="get",
        extra={"halfjaar": st.sampled_from(codes + ["٢٠٢٦-1", "2026-1\x00"])},
        basis_status=(200,),
    )


def monitoring_csv(o: Omgeving) -> Doel:
    doel = monitoring(o)
    doel.url = reverse("monitoring:monitoring_csv")
    return doel


def _actiepunt():
    from monitoring.models import Actiepunt

    return Actiepunt.objects.create(
        sleutel="test-eigenschap", onderdeel="monitoring", omschrijving="Test", planning="Q1 2021"
    )


TERUG = st.sampled_from(["", "/medewerker/", "https://evil.example/", "//evil", "javascript:x"])


def actiepunt_status(o: Omgeving) -> Doel:
    from monitoring.forms import ActiepuntStatusForm

    o.als(MedewerkerFactory(rollen=["functioneel-beheer"]))
    actiepunt = _actiepunt()
    return Doel(
        url=reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk}),
        formulieren=[ActiepuntStatusForm()],
        extra={"terug": TERUG},
        binden=lambda data, files: ActiepuntStatusForm(data),
        bewaakt=[actiepunt],
    )


def actiepunt_status_get(o: Omgeving) -> Doel:
    doel = actiepunt_status(o)
    return Doel(url=doel.url, methode="get", extra={"terug": TERUG}, basis_status=(200,))


def _toolbox(o: Omgeving, form_class, naam_url, kwarg=None, maak=None):
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    kwargs = {"kern": kern.slug}
    bewaakt = []
    extra = {}
    if maak is not None:
        obj = maak(kern)
        kwargs[kwarg] = obj.pk
        bewaakt.append(obj)
        extra["verwijderen"] = st.just("1")
    return Doel(
        url=reverse(naam_url, kwargs=kwargs),
        formulieren=[form_class(kern=kern)],
        geldig={"soort": "dorpskrant"} if "soort" in form_class.base_fields else {},
        extra=extra,
        # "verwijderen" deletes the item without looking at the form.
        binden=lambda data, files: None if "verwijderen" in data else form_class(data, kern=kern),
        bewaakt=bewaakt,
    )


def kanaal_nieuw(o):
    from kernen.forms import KanaalForm

    return _toolbox(o, KanaalForm, "kernen:kanaal_nieuw")


def kanaal_wijzigen(o):
    from kernen.forms import KanaalForm
    from kernen.models import Kanaal

    return _toolbox(
        o,
        KanaalForm,
        "kernen:kanaal_wijzigen",
        "kanaal_pk",
        lambda kern: Kanaal.objects.create(kern=kern, naam="Dorpskrant", soort="dorpskrant"),
    )


def organisatie_nieuw(o):
    from kernen.forms import OrganisatieForm

    return _toolbox(o, OrganisatieForm, "kernen:organisatie_nieuw")


def organisatie_wijzigen(o):
    from kernen.forms import OrganisatieForm
    from kernen.models import Organisatie

    return _toolbox(
        o,
        OrganisatieForm,
        "kernen:organisatie_wijzigen",
        "organisatie_pk",
        lambda kern: Organisatie.objects.create(kern=kern, naam="Dorpsbelang"),
    )


# initiatieven


def initiatief_indienen(o: Omgeving) -> Doel:
    from initiatieven.forms import InitiatiefForm

    KernFactory()
    return Doel(
        url=reverse("initiatieven:indienen"),
        formulieren=[InitiatiefForm()],
        geldig={"doelgroep": "Kinderen uit de buurt", "geld_indicatie": AFWEZIG},
        binden=lambda data, files: InitiatiefForm(data, files),
    )


def initiatief_indienen_get(o: Omgeving) -> Doel:
    kern = KernFactory()
    return Doel(
        url=reverse("initiatieven:indienen"),
        methode="get",
        extra={"kern": st.sampled_from([kern.slug, "onbekend", "a" * 200])},
        basis_status=(200,),
    )


def _initiatief(**kwargs):
    from tests.initiatieven.factories import InitiatiefFactory

    return InitiatiefFactory(**kwargs)


def initiatief_aanvullen(o: Omgeving) -> Doel:
    from initiatieven import services
    from initiatieven.forms import AanvullenForm

    initiatief = _initiatief()
    token = _token(services.PERSOONLIJKE_LINK.naam, initiatief)
    return Doel(
        url=reverse("initiatieven:mijn_aanvullen", kwargs={"token": token}),
        formulieren=[AanvullenForm(prefix="aanvullen")],
        binden=lambda data, files: AanvullenForm(data, files, prefix="aanvullen"),
        bewaakt=[initiatief],
    )


def initiatief_intrekken(o: Omgeving) -> Doel:
    from initiatieven import services
    from initiatieven.forms import IntrekkenForm

    initiatief = _initiatief()
    token = _token(services.PERSOONLIJKE_LINK.naam, initiatief)
    return Doel(
        url=reverse("initiatieven:mijn_intrekken", kwargs={"token": token}),
        formulieren=[IntrekkenForm(prefix="intrekken")],
        binden=lambda data, files: IntrekkenForm(data, prefix="intrekken"),
        bewaakt=[initiatief],
    )


def _initiatief_medewerker(o: Omgeving, naam_url: str, form, binden, status=None, **geldig):
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    initiatief = _initiatief(kern=kern, **({"status": status} if status else {}))
    return Doel(
        url=reverse(naam_url, kwargs={"initiatief_pk": initiatief.pk}),
        formulieren=[form(initiatief)],
        geldig=geldig,
        binden=(lambda data, files: binden(initiatief, data, files)),
        bewaakt=[initiatief],
    )


def initiatief_status(o: Omgeving) -> Doel:
    from initiatieven.constants import InitiatiefStatus
    from initiatieven.forms import StatusForm

    return _initiatief_medewerker(
        o,
        "initiatieven:status",
        lambda i: StatusForm(prefix="status", status=i.status),
        lambda i, d, f: StatusForm(d, f, prefix="status", status=i.status),
        status=InitiatiefStatus.IN_BEHANDELING,
        **{"status-naar": InitiatiefStatus.TOEGEZEGD, "status-toelichting": "Wij helpen u."},
    )


def initiatief_afronden(o: Omgeving) -> Doel:
    from initiatieven.constants import InitiatiefStatus
    from initiatieven.forms import StatusForm

    return _initiatief_medewerker(
        o,
        "initiatieven:status",
        lambda i: StatusForm(prefix="status", status=i.status),
        lambda i, d, f: StatusForm(d, f, prefix="status", status=i.status),
        status=InitiatiefStatus.UITGEVOERD,
        **{"status-toelichting": "Dank u wel.", "status-verslag": "Het is gelukt."},
    )


def initiatief_bericht(o):
    from initiatieven.forms import BerichtForm

    return _initiatief_medewerker(
        o,
        "initiatieven:bericht",
        lambda i: BerichtForm(prefix="bericht"),
        lambda i, d, f: BerichtForm(d, prefix="bericht"),
    )


def initiatief_notitie(o):
    from initiatieven.forms import NotitieForm

    return _initiatief_medewerker(
        o,
        "initiatieven:notitie",
        lambda i: NotitieForm(prefix="notitie"),
        lambda i, d, f: NotitieForm(d, prefix="notitie"),
    )


def initiatief_toewijzen(o):
    from initiatieven.forms import ToewijzenForm

    MedewerkerFactory(rollen=["beleidsmedewerker"])
    return _initiatief_medewerker(
        o,
        "initiatieven:toewijzen",
        lambda i: ToewijzenForm(prefix="toewijzen"),
        lambda i, d, f: ToewijzenForm(d, prefix="toewijzen"),
    )


def initiatief_verhaal(o):
    from initiatieven.constants import InitiatiefStatus
    from initiatieven.forms import VerhaalForm

    return _initiatief_medewerker(
        o,
        "initiatieven:verhaal_bewerken",
        lambda i: VerhaalForm(),
        lambda i, d, f: VerhaalForm(d),
        status=InitiatiefStatus.AFGEROND,
    )


def verhalen_zoeken(o: Omgeving) -> Doel:
    from initiatieven.forms import VerhaalZoekForm

    KernFactory()
    return Doel(
        url=reverse("initiatieven:verhalen"),
        methode="get",
        formulieren=[VerhaalZoekForm()],
        extra={"pagina": st.sampled_from(["1", "2", "laatste", "last", "0", "-1", "9" * 30])},
        basis_status=(200,),
    )


def initiatieven_publiek(o: Omgeving) -> Doel:
    kern = KernFactory()
    return Doel(
        url=reverse("initiatieven:publiek_kern", kwargs={"kern": kern.slug}),
        methode="get",
        extra={"pagina": st.sampled_from(["1", "2", "last", "0", "-1", "9" * 30])},
        basis_status=(200,),
    )


def initiatieven_lijst(o: Omgeving) -> Doel:
    from initiatieven.filters import InitiatiefFilter
    from initiatieven.models import Initiatief

    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    _initiatief(kern=kern)
    request = RequestFactory().get("/")
    request.user = ambtenaar
    filterset = InitiatiefFilter(queryset=Initiatief.objects.none(), request=request)
    return Doel(
        url=reverse("initiatieven:lijst"),
        methode="get",
        formulieren=[filterset.form],
        extra={"pagina": st.sampled_from(["1", "2", "last", "0", "9" * 30])},
        basis_status=(200,),
    )


# budgetten


def _aanvraag_nieuw(o: Omgeving, code: str) -> Doel:
    from budgetten.forms import AanvraagForm, KostenpostFormSet
    from budgetten.models import Regeling
    from budgetten.regels import CRITERIA

    _regelingen()
    KernFactory()
    regeling = Regeling.objects.get(code=code)
    formsets = []
    geldig = {"actie": "indienen", **{f"criterium_{k}": "on" for k in CRITERIA.get(code, {})}}
    if code == "straatbijeenkomst":
        formsets.append(KostenpostFormSet(prefix="kosten"))
        geldig.update({"kosten-0-categorie": "geluid", "kosten-0-omschrijving": "Geluid"})
    else:
        geldig["draagvlak"] = "De buren"
    return Doel(
        url=reverse("budgetten:aanvraag_nieuw", kwargs={"regeling": code}),
        formulieren=[AanvraagForm(regeling=regeling)],
        formsets=formsets,
        geldig=geldig,
        extra={"actie": st.sampled_from(["indienen", "controleren", "kostenregel", ""])},
        binden=(None if formsets else lambda data, files: AanvraagForm(data, regeling=regeling)),
    )


def aanvraag_straat(o):
    return _aanvraag_nieuw(o, "straatbijeenkomst")


def aanvraag_leefbaarheid(o):
    return _aanvraag_nieuw(o, "leefbaarheid")


def aanvraag_bijzonder(o):
    return _aanvraag_nieuw(o, "bijzonder")


def aanvraag_nieuw_get(o: Omgeving) -> Doel:
    _regelingen()
    initiatief = _initiatief()
    return Doel(
        url=reverse("budgetten:aanvraag_nieuw", kwargs={"regeling": "straatbijeenkomst"}),
        methode="get",
        extra={"initiatief": st.sampled_from([str(initiatief.pk), "²", "٣", " 1", "9" * 30])},
        basis_status=(200,),
    )


def _aanvraag(kern, code="leefbaarheid", **kwargs):
    from tests.budgetten.factories import AanvraagFactory, regeling

    return AanvraagFactory(
        kern=kern,
        regeling=regeling(code),
        activiteit_datum=_vandaag() + datetime.timedelta(days=1),
        **kwargs,
    )


def _toegekend(kern, ambtenaar):
    from budgetten import services

    aanvraag = _aanvraag(kern)
    services.aanvraag_besluiten(
        aanvraag_id=aanvraag.pk,
        door=ambtenaar,
        toekennen=True,
        bedrag=Decimal("400.00"),
        motivering="Mooi plan",
    )
    aanvraag.refresh_from_db()
    return aanvraag


def _aanvraag_actie(o: Omgeving, naam_url: str, form_class, maak, **geldig) -> Doel:
    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    aanvraag = maak(kern, ambtenaar)
    return Doel(
        url=reverse(naam_url, kwargs={"aanvraag_pk": aanvraag.pk}),
        formulieren=[form_class()],
        geldig=geldig,
        binden=lambda data, files: form_class(data),
        bewaakt=[aanvraag],
        basis_status=(302,),
    )


def aanvraag_besluiten(o):
    from budgetten.forms import BesluitForm

    return _aanvraag_actie(
        o,
        "budgetten:aanvraag_besluiten",
        BesluitForm,
        lambda kern, a: _aanvraag(kern),
        besluit="ja",
        bedrag="400,00",
        motivering="Goed plan",
    )


def herbevestigen(o):
    """A money decision after the quarter: the step-up form rides along with the action."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from budgetten.forms import BesluitForm
    from core.herbevestiging import SESSIE_SLEUTEL, HerbevestigForm

    doel = aanvraag_besluiten(o)
    sessie = o.client.session
    sessie[SESSIE_SLEUTEL] = 0  # the last check was long ago
    sessie.save()
    # The code of the sign-in may be given once more (same time step) for this case.
    TOTPDevice.objects.update(last_t=-1)
    doel.formulieren = [BesluitForm(), HerbevestigForm(RequestFactory().get("/"))]
    doel.geldig = {
        **doel.geldig,
        "herbevestig-password": TEST_PASSWORD,
        "herbevestig-code": current_code(),
    }
    doel.binden = None
    doel.weigeren_mag = True
    return doel


def aanvraag_advies(o):
    from budgetten.forms import AdviesForm

    return _aanvraag_actie(
        o,
        "budgetten:aanvraag_advies",
        AdviesForm,
        lambda kern, a: _aanvraag(kern, "bijzonder"),
        advies="Doen",
    )


def aanvraag_betalen(o):
    from budgetten.forms import BetalingForm

    return _aanvraag_actie(o, "budgetten:aanvraag_betalen", BetalingForm, _toegekend)


def aanvraag_vaststellen(o):
    from budgetten.forms import VaststellingForm

    return _aanvraag_actie(
        o,
        "budgetten:aanvraag_vaststellen",
        VaststellingForm,
        _toegekend,
        bedrag="300,00",
        verantwoording="Bonnen gezien",
    )


def aanvraag_intrekken(o):
    from budgetten.forms import IntrekkenForm

    return _aanvraag_actie(
        o, "budgetten:aanvraag_intrekken", IntrekkenForm, _toegekend, reden="Gaat niet door"
    )


def aanvragen_lijst(o: Omgeving) -> Doel:
    from budgetten.filters import AanvraagFilter
    from budgetten.models import Aanvraag

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    _aanvraag(kern)
    return Doel(
        url=reverse("budgetten:aanvraag_lijst"),
        methode="get",
        formulieren=[AanvraagFilter(queryset=Aanvraag.objects.none()).form],
        basis_status=(200,),
    )


def _jaar_pagina(naam_url: str):
    def opzet(o: Omgeving) -> Doel:
        _regelingen()
        kern, ambtenaar = _kernambtenaar()
        o.als(ambtenaar)
        jaar = str(_vandaag().year)
        return Doel(
            url=reverse(naam_url),
            methode="get",
            extra={"jaar": st.sampled_from([jaar, "1999", "2101", "²", "٢٠٢٦", "9" * 30])},
            basis_status=(200,),
        )

    return opzet


def _signaleringsteam():
    team = TeamFactory(naam="Veiligheid", slug="veiligheid")
    return MedewerkerFactory(rollen=["beleidsmedewerker"], team=team)


def _coordinator_en_groep(o: Omgeving):
    from tests.budgetten.factories import SignaleringsgroepFactory

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    coordinator = MedewerkerFactory(rollen=["coordinator-signalering"])
    groep = SignaleringsgroepFactory(kernen=[kern])
    return kern, ambtenaar, coordinator, groep


def declaratie_nieuw(o: Omgeving) -> Doel:
    from budgetten.forms import DeclaratieForm

    _kern, _ambtenaar, coordinator, _groep = _coordinator_en_groep(o)
    o.als(coordinator)
    return Doel(
        url=reverse("budgetten:declaratie_nieuw"),
        formulieren=[DeclaratieForm()],
        geldig={"datum": _datum(_vandaag()), "bon": [_bestand("bon.pdf", PDF, "application/pdf")]},
        binden=lambda data, files: DeclaratieForm(data, files),
    )


def declaratie_besluit(o: Omgeving) -> Doel:
    from budgetten.forms import DeclaratieBesluitForm
    from tests.budgetten.factories import DeclaratieFactory

    _kern, ambtenaar, coordinator, groep = _coordinator_en_groep(o)
    declaratie = DeclaratieFactory(groep=groep, ingediend_door=coordinator)
    url = reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": declaratie.pk})
    o.als_wie_mag(url, [ambtenaar, _signaleringsteam()])
    return Doel(
        url=url,
        formulieren=[DeclaratieBesluitForm()],
        geldig={"besluit": "ja"},
        extra={"actie": st.sampled_from(["betalen", ""])},
        bewaakt=[declaratie],
    )


def declaraties_lijst(o: Omgeving) -> Doel:
    from budgetten.filters import DeclaratieFilter
    from budgetten.models import Declaratie

    _kern, _ambtenaar, coordinator, _groep = _coordinator_en_groep(o)
    o.als(coordinator)
    return Doel(
        url=reverse("budgetten:declaratie_lijst"),
        methode="get",
        formulieren=[DeclaratieFilter(queryset=Declaratie.objects.none()).form],
        basis_status=(200,),
    )


def vergoeding(o: Omgeving) -> Doel:
    from budgetten.forms import VergoedingForm

    _kern, ambtenaar, _coordinator, _groep = _coordinator_en_groep(o)
    o.als_wie_mag(reverse("budgetten:vergoeding"), [ambtenaar, _signaleringsteam()])
    return Doel(
        url=reverse("budgetten:vergoeding"),
        formulieren=[VergoedingForm()],
        geldig={"jaar": str(_vandaag().year)},
        binden=lambda data, files: VergoedingForm(data),
    )


def _stemronde(kern, ambtenaar, *, kandidaat=False, open_=False):
    from budgetten import services
    from budgetten.constants import StemrondeFase
    from budgetten.regels import CRITERIA
    from tests.budgetten.factories import AanvraagFactory, StemrondeFactory, regeling

    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    # In the round's year (this year), whatever the date the suite runs on.
    aanvraag = AanvraagFactory(
        kern=kern,
        regeling=regeling("leefbaarheid"),
        activiteit_datum=_vandaag(),
        criteria=dict.fromkeys(CRITERIA["leefbaarheid"], True),
        gevraagd_bedrag=Decimal("300"),
    )
    if kandidaat or open_:
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=aanvraag.pk,
            door=ambtenaar,
            toelaten=True,
            titel="Jeu-de-boulesbaan",
            omschrijving="Een baan bij het dorpshuis.",
        )
    if open_:
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar
        )
    ronde.refresh_from_db()
    return ronde, aanvraag


def _stemmen_tot(dagen: int) -> datetime.date:
    """Voting ends within the round's year (this year), also when the suite runs on 31-12."""
    vandaag = _vandaag()
    return min(vandaag + datetime.timedelta(days=dagen), datetime.date(vandaag.year, 12, 31))


def stemronde_nieuw(o: Omgeving) -> Doel:
    from budgetten.forms import StemrondeForm

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    vandaag = _vandaag()
    return Doel(
        url=reverse("budgetten:stemronde_nieuw", kwargs={"kern": kern.slug}),
        formulieren=[StemrondeForm()],
        geldig={
            "jaar": str(vandaag.year),
            "stemmen_van": _datum(vandaag),
            "stemmen_tot": _datum(_stemmen_tot(14)),
        },
        binden=lambda data, files: StemrondeForm(data),
    )


def stemronde_data(o: Omgeving) -> Doel:
    from budgetten.forms import StemrondeDatumForm

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar)
    vandaag = _vandaag()
    return Doel(
        url=reverse("budgetten:stemronde_data", kwargs={"stemronde_pk": ronde.pk}),
        formulieren=[StemrondeDatumForm()],
        geldig={
            "stemmen_van": _datum(vandaag),
            "stemmen_tot": _datum(_stemmen_tot(7)),
        },
        binden=lambda data, files: StemrondeDatumForm(data),
        bewaakt=[ronde],
    )


def stemronde_fase(o: Omgeving) -> Doel:
    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar, kandidaat=True)
    return Doel(
        url=reverse("budgetten:stemronde_fase", kwargs={"stemronde_pk": ronde.pk}),
        extra={"naar": st.sampled_from(["open", "gesloten", "verdeeld", "voorbereiding"])},
        geldig={"naar": "open"},
        basis_status=(302,),
    )


def kandidaat(o: Omgeving) -> Doel:
    from budgetten.forms import KandidaatForm

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    ronde, aanvraag = _stemronde(kern, ambtenaar)
    return Doel(
        url=reverse(
            "budgetten:stemronde_kandidaat",
            kwargs={"stemronde_pk": ronde.pk, "aanvraag_pk": aanvraag.pk},
        ),
        formulieren=[KandidaatForm()],
        geldig={"toelaten": "ja", "titel": "Baan", "omschrijving": "Een baan"},
        binden=lambda data, files: KandidaatForm(data),
    )


def stemmen(o: Omgeving) -> Doel:
    from budgetten import selectors
    from budgetten.forms import StemForm
    from tests.budgetten.factories import adres_in

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar, open_=True)
    kandidaten = selectors.publieke_kandidaten(ronde)
    return Doel(
        url=reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": ronde.pk}),
        formulieren=[StemForm(kandidaten=kandidaten, kern_naam=kern.naam)],
        geldig={"postcode": adres_in(kern)["postcode"], "huisnummer": "12"},
        binden=lambda data, files: StemForm(data, kandidaten=kandidaten, kern_naam=kern.naam),
    )


def regelingjaar_beheer(o: Omgeving) -> Doel:
    from budgetten.models import Regeling

    _regelingen()
    o.als(MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True, is_superuser=True))
    regeling = Regeling.objects.get(code="leefbaarheid")
    bedrag = st.one_of(st.sampled_from(BEDRAGEN_RAAR), st.just("2000,00"))
    return Doel(
        url=reverse("admin:budgetten_regelingjaar_add"),
        geldig={
            "regeling": str(regeling.pk),
            "jaar": "2090",
            "plafond": "2000,00",
            "min_steun": "0",
        },
        extra={
            "regeling": st.just(str(regeling.pk)),
            "jaar": st.sampled_from(["2090", "2091", "99999", "-1", "1e3"]),
            "plafond": bedrag,
            "max_per_aanvraag": bedrag,
            "vrijwilligersvergoeding": bedrag,
        },
    )


def papieren_stem(o: Omgeving) -> Doel:
    from budgetten import selectors
    from budgetten.forms import PapierenStemForm
    from tests.budgetten.factories import adres_in

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar, open_=True)
    kandidaten = selectors.publieke_kandidaten(ronde)
    return Doel(
        url=reverse("budgetten:stemronde_papier", kwargs={"stemronde_pk": ronde.pk}),
        formulieren=[PapierenStemForm(kandidaten=kandidaten)],
        geldig={"postcode": adres_in(kern)["postcode"], "huisnummer": "3"},
        binden=lambda data, files: PapierenStemForm(data, kandidaten=kandidaten),
    )


def kandidaat_steunen(o: Omgeving) -> Doel:
    from budgetten.forms_stemronde import KandidaatSteunForm

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar, open_=True)
    kandidaat = ronde.kandidaten.get()
    return Doel(
        url=reverse("budgetten:kandidaat_steunen", kwargs={"kandidaat_pk": kandidaat.pk}),
        formulieren=[KandidaatSteunForm()],
        geldig={"email": "steun@voorbeeld.nl"},
        binden=lambda data, files: KandidaatSteunForm(data),
    )


def papieren_stem_annuleren(o: Omgeving) -> Doel:
    from budgetten import services
    from budgetten.forms_stemronde import PapierAnnulerenForm
    from tests.budgetten.factories import adres_in

    _regelingen()
    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    ronde, _aanvraag_ = _stemronde(kern, ambtenaar, open_=True)
    biljet = services.papieren_stem_invoeren(
        stemronde_id=ronde.pk,
        door=ambtenaar,
        kandidaat_ids=[ronde.kandidaten.get().pk],
        **adres_in(kern, huisnummer=5),
    )
    return Doel(
        url=reverse(
            "budgetten:stemronde_papier_annuleren",
            kwargs={"stemronde_pk": ronde.pk, "pk": biljet.pk},
        ),
        formulieren=[PapierAnnulerenForm()],
        geldig={"reden": "Verkeerd overgenomen.", "zeker": "on"},
        binden=lambda data, files: PapierAnnulerenForm(data),
        bewaakt=[biljet],
    )


def postcodegebied_beheer(o: Omgeving) -> Doel:
    kern = KernFactory(postcodes=[])
    o.als(MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True, is_superuser=True))
    grens = st.sampled_from(["4116", "4116 aa", "4116ZZ", "0116AA", "41166", "", "x" * 20])
    return Doel(
        url=reverse("admin:kernen_postcodegebied_add"),
        geldig={"kern": str(kern.pk), "van": "4116", "tot": "4116 zz"},
        extra={"kern": st.just(str(kern.pk)), "van": grens, "tot": grens},
    )


# participatie: vragen


def _team_en_bm():
    team = TeamFactory(naam="Openbare ruimte", email="")
    return team, MedewerkerFactory(rollen=["beleidsmedewerker"], team=team)


def _vraag(kern, **kwargs):
    from vragen import services

    velden = {
        "kern": kern,
        "onderwerp": "Losse stoeptegels",
        "tekst": "Bij de Dorpsstraat 12 liggen tegels los.",
        "naam": "Jan de Vries",
        "email": "jan@example.org",
        **kwargs,
    }
    return services.vraag_stellen(**velden)


def vraag_stellen(o: Omgeving) -> Doel:
    from vragen.forms import VraagStellenForm

    KernFactory()
    return Doel(
        url=reverse("vragen:vraag_stellen"),
        formulieren=[VraagStellenForm()],
        geldig={"soort": "vraag"},
        binden=lambda data, files: VraagStellenForm(data),
    )


def volgen_aanmelden(o: Omgeving) -> Doel:
    from volgen.forms import VolgenForm

    KernFactory()
    return Doel(
        url=reverse("volgen:aanmelden"),
        formulieren=[VolgenForm()],
        binden=lambda data, files: VolgenForm(data),
    )


def nomineren(o: Omgeving) -> Doel:
    from initiatieven.vrijwilligers.forms import NominatieForm

    KernFactory()
    return Doel(
        url=reverse("initiatieven:nomineren"),
        formulieren=[NominatieForm()],
        binden=lambda data, files: NominatieForm(data),
    )


def vraag_stellen_get(o: Omgeving) -> Doel:
    kern = KernFactory()
    return Doel(
        url=reverse("vragen:vraag_stellen"),
        methode="get",
        extra={"kern": st.sampled_from([kern.slug, "onbekend", "a" * 200])},
        basis_status=(200,),
    )


def vraag_registreren(o: Omgeving) -> Doel:
    from kernen.models import Kern
    from vragen.forms import VraagRegistrerenForm

    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    kernen = Kern.objects.actief().filter(kernambtenaren=ambtenaar)
    return Doel(
        url=reverse("vragen:vraag_registreren"),
        formulieren=[VraagRegistrerenForm(kernen=kernen)],
        geldig={"soort": "vraag", "kanaal": "telefoon", "ontvangen_op": AFWEZIG},
        binden=lambda data, files: VraagRegistrerenForm(data, kernen=kernen),
    )


def vraag_routeren(o: Omgeving) -> Doel:
    from vragen.forms import RouterenForm

    kern, ambtenaar = _kernambtenaar()
    team, bm = _team_en_bm()
    o.als(ambtenaar)
    vraag = _vraag(kern)
    return Doel(
        url=reverse("vragen:vraag_routeren", kwargs={"vraag_pk": vraag.pk}),
        formulieren=[RouterenForm()],
        geldig={"team": str(team.pk)},
        binden=lambda data, files: RouterenForm(data),
        bewaakt=[vraag],
    )


def _doorgestuurd():
    from vragen import services

    kern, ambtenaar = _kernambtenaar()
    _team, bm = _team_en_bm()
    vraag = _vraag(kern)
    services.vraag_routeren(vraag_id=vraag.pk, door=ambtenaar, behandelaar=bm)
    vraag.refresh_from_db()
    return vraag, bm


def vraag_beantwoorden(o: Omgeving) -> Doel:
    from vragen.forms import AntwoordForm

    vraag, bm = _doorgestuurd()
    o.als(bm)
    return Doel(
        url=reverse("vragen:vraag_beantwoorden", kwargs={"vraag_pk": vraag.pk}),
        formulieren=[AntwoordForm()],
        geldig={"soort": "inhoudelijk"},
        binden=lambda data, files: AntwoordForm(data),
        bewaakt=[vraag],
    )


def vraag_teruggeven(o: Omgeving) -> Doel:
    from vragen.forms import TeruggevenForm

    vraag, bm = _doorgestuurd()
    o.als(bm)
    return Doel(
        url=reverse("vragen:vraag_teruggeven", kwargs={"vraag_pk": vraag.pk}),
        formulieren=[TeruggevenForm()],
        binden=lambda data, files: TeruggevenForm(data),
        bewaakt=[vraag],
    )


def vraag_waarderen(o: Omgeving) -> Doel:
    from vragen import services
    from vragen.forms import WaarderingForm

    vraag, bm = _doorgestuurd()
    services.vraag_beantwoorden(vraag_id=vraag.pk, door=bm, soort="inhoudelijk", tekst="Klaar")
    vraag = services.vraag_email_bevestigen(vraag_id=vraag.pk)
    token = _token(services.PERSOONLIJKE_LINK.naam, vraag)
    return Doel(
        url=reverse("vragen:vraag_persoonlijk", kwargs={"token": token}),
        formulieren=[WaarderingForm()],
        geldig={"cijfer": "8"},
        binden=lambda data, files: WaarderingForm(data),
        bewaakt=[vraag],
    )


def vragen_cijfers(o: Omgeving) -> Doel:
    from vragen.forms import CijfersForm

    team, _bm = _team_en_bm()
    o.als(MedewerkerFactory(rollen=["teammanager"], team=team))
    vandaag = _vandaag()
    return Doel(
        url=reverse("vragen:vragen_cijfers"),
        methode="get",
        formulieren=[CijfersForm()],
        geldig={"van": _datum(vandaag.replace(day=1)), "tot": _datum(vandaag)},
        basis_status=(200,),
    )


def vragen_inbox(o: Omgeving) -> Doel:
    from vragen.filters import VraagFilter
    from vragen.models import Vraag

    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    _vraag(kern)
    request = RequestFactory().get("/")
    request.user = ambtenaar
    filterset = VraagFilter(queryset=Vraag.objects.none(), request=request)
    return Doel(
        url=reverse("vragen:vragen_inbox"),
        methode="get",
        formulieren=[filterset.form],
        extra={"page": st.sampled_from(["1", "2", "last", "0", "9" * 30])},
        basis_status=(200,),
    )


# participatie: trajecten and bijeenkomsten


def traject_nieuw(o: Omgeving) -> Doel:
    from participatie.forms import TrajectForm

    KernFactory()
    bm = o.als(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    return Doel(
        url=reverse("participatie:traject_nieuw"),
        formulieren=[TrajectForm()],
        geldig={"eigenaar": str(bm.pk)},
        binden=lambda data, files: TrajectForm(data),
    )


def _traject(o: Omgeving, soort="inwonersparticipatie"):
    from tests.participatie.factories import TrajectFactory

    kern = KernFactory()
    bm = o.als(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    return TrajectFactory(kernen=[kern], eigenaar=bm, soort=soort), kern


def traject_bewerken(o: Omgeving) -> Doel:
    from participatie.forms import TrajectBasisForm

    traject, _kern = _traject(o)
    return Doel(
        url=reverse("participatie:traject_bewerken", kwargs={"traject_pk": traject.pk}),
        formulieren=[TrajectBasisForm(instance=traject)],
        binden=lambda data, files: TrajectBasisForm(data, instance=traject),
        bewaakt=[traject],
    )


# A valid submission of every step, to walk a trajectory up to the step under test.
STAP_GELDIG = {
    "afweging": {"geschikt_voor_participatie": "De inrichting", "kaders": "Budget"},
    "betrokkenen": {
        "betrokkenen-TOTAL_FORMS": "1",
        "betrokkenen-INITIAL_FORMS": "0",
        "betrokkenen-0-doelgroep": "Ouders",
        "betrokkenen-0-belangen": "Veilig spelen",
        "betrokkenen-0-informatiebehoefte": "Een brief",
    },
    "niveau": {"ladder": "raadplegen", "niveau_toelichting": "Omdat het kan"},
    "communicatieplan": {"communicatieplan": "Dorpskrant"},
    "middelen": {"middelen": "Avond in het dorpshuis", "hoe_meedoen": "Kom langs"},
    "geschiedenis": {"geschiedenis": "Eerder geprobeerd"},
    "houding": {"belang": "hoog", "slagingskans": "gemiddeld", "houding": "Positief"},
    "rol": {"rol_gemeente": "faciliteren", "rol_toelichting": "Wij helpen"},
    "duidelijkheid": {"afspraken_gemeente": "Wij betalen", "afspraken_inwoners": "Zij doen"},
    "evaluatie": {
        "resultaten": "Goed",
        "wat_ging_goed": "Veel",
        "wat_kan_beter": "Weinig",
        "lessen": "Vroeg beginnen",
    },
}


def _stap(soort: str, stap: str):
    def opzet(o: Omgeving) -> Doel:
        from participatie.constants import STAPPEN
        from participatie.forms import betrokkenen_formset, stap_form_class

        traject, _kern = _traject(o, soort)
        # Walk the trajectory to this step through the real view, so it is available.
        for vorige in STAPPEN[soort][: STAPPEN[soort].index(stap)]:
            url = reverse(
                "participatie:traject_stap", kwargs={"traject_pk": traject.pk, "stap": vorige}
            )
            assert o.client.post(url, STAP_GELDIG[vorige]).status_code == 302, vorige
        traject.refresh_from_db()
        form_class = stap_form_class(stap)
        formsets = [betrokkenen_formset(traject)] if stap == "betrokkenen" else []
        return Doel(
            url=reverse(
                "participatie:traject_stap", kwargs={"traject_pk": traject.pk, "stap": stap}
            ),
            formulieren=[form_class(traject=traject)],
            formsets=formsets,
            geldig=STAP_GELDIG[stap],
            binden=(
                None if formsets else lambda data, files: form_class(data=data, traject=traject)
            ),
        )

    return opzet


def _bijeenkomst(o: Omgeving, **kwargs):
    from tests.participatie.factories import BijeenkomstFactory

    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    return BijeenkomstFactory(kern=kern, organisator=ambtenaar, **kwargs), kern


def _bijeenkomst_geldig() -> dict:
    begin = timezone.localtime() + datetime.timedelta(days=7)
    return {
        "soort": "koffiemoment",
        "capaciteit": "20",
        "begint_op": begin.strftime("%Y-%m-%dT%H:%M"),
        "eindigt_op": (begin + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }


def bijeenkomst_nieuw(o: Omgeving) -> Doel:
    from participatie.forms import BijeenkomstForm

    _kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    return Doel(
        url=reverse("participatie:bijeenkomst_nieuw"),
        formulieren=[BijeenkomstForm()],
        geldig=_bijeenkomst_geldig(),
        binden=lambda data, files: BijeenkomstForm(data),
    )


def bijeenkomst_nieuw_get(o: Omgeving) -> Doel:
    doel = bijeenkomst_nieuw(o)
    return Doel(
        url=doel.url,
        methode="get",
        extra={"traject": st.sampled_from(["1", "²", "٣", "9" * 30, "-1"])},
        basis_status=(200,),
    )


def bijeenkomst_bewerken(o: Omgeving) -> Doel:
    from participatie.forms import BijeenkomstForm

    bijeenkomst, _kern = _bijeenkomst(o)
    return Doel(
        url=reverse("participatie:bijeenkomst_bewerken", kwargs={"bijeenkomst_pk": bijeenkomst.pk}),
        formulieren=[BijeenkomstForm(instance=bijeenkomst)],
        geldig=_bijeenkomst_geldig(),
        binden=lambda data, files: BijeenkomstForm(data, instance=bijeenkomst),
        bewaakt=[bijeenkomst],
    )


def bijeenkomst_verslag(o: Omgeving) -> Doel:
    from participatie.forms import VerslagForm

    bijeenkomst, _kern = _bijeenkomst(o)
    return Doel(
        url=reverse("participatie:bijeenkomst_verslag", kwargs={"bijeenkomst_pk": bijeenkomst.pk}),
        formulieren=[VerslagForm()],
        binden=lambda data, files: VerslagForm(data),
        bewaakt=[bijeenkomst],
    )


def bijeenkomst_annuleren(o: Omgeving) -> Doel:
    from participatie.forms import AnnulerenForm

    bijeenkomst, _kern = _bijeenkomst(o)
    return Doel(
        url=reverse(
            "participatie:bijeenkomst_annuleren", kwargs={"bijeenkomst_pk": bijeenkomst.pk}
        ),
        formulieren=[AnnulerenForm()],
        binden=lambda data, files: AnnulerenForm(data),
        bewaakt=[bijeenkomst],
    )


def aanmelden(o: Omgeving) -> Doel:
    from participatie.forms import AanmeldForm
    from tests.participatie.factories import BijeenkomstFactory

    bijeenkomst = BijeenkomstFactory()
    return Doel(
        url=reverse("participatie:bijeenkomst_publiek", kwargs={"bijeenkomst_pk": bijeenkomst.pk}),
        formulieren=[AanmeldForm()],
        binden=lambda data, files: AanmeldForm(data),
        bewaakt=[bijeenkomst],
    )


def lessen(o: Omgeving) -> Doel:
    from participatie.forms import LessenZoekForm

    _traject(o)
    return Doel(
        url=reverse("participatie:lessen"),
        methode="get",
        formulieren=[LessenZoekForm()],
        basis_status=(200,),
    )


def trajecten_lijst(o: Omgeving) -> Doel:
    from participatie.filters import TrajectFilter
    from participatie.models import Traject

    _traject(o)
    return Doel(
        url=reverse("participatie:traject_lijst"),
        methode="get",
        formulieren=[TrajectFilter(queryset=Traject.objects.none()).form],
        basis_status=(200,),
    )


def bijeenkomsten_lijst(o: Omgeving) -> Doel:
    from participatie.filters import BijeenkomstFilter
    from participatie.models import Bijeenkomst

    _bijeenkomst(o)
    return Doel(
        url=reverse("participatie:bijeenkomst_lijst"),
        methode="get",
        formulieren=[BijeenkomstFilter(queryset=Bijeenkomst.objects.none()).form],
        basis_status=(200,),
    )


def bijeenkomsten_publiek(o: Omgeving) -> Doel:
    from participatie.filters import PubliekeBijeenkomstFilter
    from participatie.models import Bijeenkomst
    from tests.participatie.factories import BijeenkomstFactory

    BijeenkomstFactory()
    return Doel(
        url=reverse("participatie:bijeenkomsten"),
        methode="get",
        formulieren=[PubliekeBijeenkomstFilter(queryset=Bijeenkomst.objects.none()).form],
        basis_status=(200,),
    )


# --- The cases ------------------------------------------------------------------------------


def _f(pad: str) -> type:
    module, naam = pad.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[naam]), naam)


# issue 13/14: steun, kernprofiel, the half-yearly report and the open-data filters


def steunen(o: Omgeving) -> Doel:
    from initiatieven.constants import InitiatiefStatus
    from initiatieven.forms import SteunForm

    initiatief = _initiatief(status=InitiatiefStatus.TOEGEZEGD)
    return Doel(
        url=reverse("initiatieven:steunen", kwargs={"pk": initiatief.pk}),
        formulieren=[SteunForm()],
        binden=lambda data, files: SteunForm(data),
        bewaakt=[initiatief],
    )


def kernprofiel(o: Omgeving) -> Doel:
    from kernen.forms import KernprofielForm

    kern, ambtenaar = _kernambtenaar()
    o.als(ambtenaar)
    return Doel(
        url=reverse("kernen:kernprofiel", kwargs={"kern": kern.slug}),
        formulieren=[KernprofielForm(instance=kern)],
        geldig={
            "fase": kern.fase,
            "fase_sinds": _datum(_vandaag() - datetime.timedelta(days=10)),
            "startbijeenkomst_op": _datum(_vandaag() - datetime.timedelta(days=10)),
        },
        binden=lambda data, files: KernprofielForm(data, instance=kern.__class__(pk=kern.pk)),
        bewaakt=[kern],
    )


def rapport(o: Omgeving) -> Doel:
    from monitoring.forms import RapportForm

    o.als(MedewerkerFactory(rollen=["functioneel-beheer"]))
    vandaag = _vandaag()
    return Doel(
        url=reverse("monitoring:rapport"),
        methode="get",
        formulieren=[RapportForm(vandaag=vandaag)],
        geldig={"jaar": str(vandaag.year - 1), "helft": "1"},
        basis_status=(200,),
    )


def _api_lijst(naam_url: str, filter_pad: str, model_pad: str):
    """An open-data collection with generated filter values: a refusal is a 400 problem."""

    def opzet(o: Omgeving) -> Doel:
        from django.utils.module_loading import import_string

        KernFactory()
        filterset = import_string(filter_pad)(queryset=apps.get_model(model_pad).objects.none())
        return Doel(
            url=reverse(naam_url),
            methode="get",
            formulieren=[filterset.form],
            extra={"page": st.sampled_from(["1", "2", "0", "x", "9" * 30])},
            basis_status=(200,),
        )

    return opzet


def _stap_gevallen() -> list[Geval]:
    from participatie.constants import STAPPEN

    return [
        Geval(
            f"traject-stap-{stap}",
            (_f("participatie.forms.StapForm"),)
            + ((_f("participatie.forms.BetrokkeneForm"),) if stap == "betrokkenen" else ()),
            _stap(soort, stap),
        )
        for soort, stappen in STAPPEN.items()
        for stap in stappen
        if not (soort != "inwonersparticipatie" and stap == "evaluatie")
    ]


GEVALLEN: list[Geval] = [
    # accounts and kerngericht
    Geval("inloggen", (_f("accounts.forms.InlogForm"),), inloggen),
    Geval("inloggen-next", (), inloggen_next),
    Geval(
        "tweede-factor-wachtwoord",
        (_f("accounts.forms.TweedeFactorWachtwoordForm"),),
        tweede_factor_wachtwoord,
    ),
    Geval("tweede-factor-code", (_f("accounts.forms.TweedeFactorCodeForm"),), tweede_factor_code),
    Geval("mijn-links", (_f("core.forms.MijnLinksForm"),), mijn_links),
    Geval("monitoring-halfjaar", (_f("monitoring.forms.HalfjaarForm"),), monitoring),
    Geval("monitoring-csv-halfjaar", (_f("monitoring.forms.HalfjaarForm"),), monitoring_csv),
    Geval("actiepunt-status", (_f("monitoring.forms.ActiepuntStatusForm"),), actiepunt_status),
    Geval("actiepunt-status-terug", (), actiepunt_status_get),
    # kernen: the toolbox
    Geval("kanaal-nieuw", (_f("kernen.forms.KanaalForm"),), kanaal_nieuw),
    Geval("kanaal-wijzigen", (_f("kernen.forms.KanaalForm"),), kanaal_wijzigen),
    Geval("organisatie-nieuw", (_f("kernen.forms.OrganisatieForm"),), organisatie_nieuw),
    Geval("organisatie-wijzigen", (_f("kernen.forms.OrganisatieForm"),), organisatie_wijzigen),
    # initiatieven
    Geval("initiatief-indienen", (_f("initiatieven.forms.InitiatiefForm"),), initiatief_indienen),
    Geval("initiatief-indienen-kern", (), initiatief_indienen_get),
    Geval("initiatief-aanvullen", (_f("initiatieven.forms.AanvullenForm"),), initiatief_aanvullen),
    Geval("initiatief-intrekken", (_f("initiatieven.forms.IntrekkenForm"),), initiatief_intrekken),
    Geval("initiatief-status", (_f("initiatieven.forms.StatusForm"),), initiatief_status),
    Geval("initiatief-afronden", (_f("initiatieven.forms.StatusForm"),), initiatief_afronden),
    Geval("initiatief-bericht", (_f("initiatieven.forms.BerichtForm"),), initiatief_bericht),
    Geval("initiatief-notitie", (_f("initiatieven.forms.NotitieForm"),), initiatief_notitie),
    Geval("initiatief-toewijzen", (_f("initiatieven.forms.ToewijzenForm"),), initiatief_toewijzen),
    Geval("initiatief-verhaal", (_f("initiatieven.forms.VerhaalForm"),), initiatief_verhaal),
    Geval("verhalen-zoeken", (_f("initiatieven.forms.VerhaalZoekForm"),), verhalen_zoeken),
    Geval("initiatieven-publiek-pagina", (), initiatieven_publiek),
    Geval("initiatieven-lijst", (_f("initiatieven.filters.InitiatiefFilter"),), initiatieven_lijst),
    # budgetten
    Geval(
        "aanvraag-straatbijeenkomst",
        (_f("budgetten.forms.AanvraagForm"), _f("budgetten.forms.KostenpostForm")),
        aanvraag_straat,
    ),
    Geval("aanvraag-leefbaarheid", (_f("budgetten.forms.AanvraagForm"),), aanvraag_leefbaarheid),
    Geval("aanvraag-bijzonder", (_f("budgetten.forms.AanvraagForm"),), aanvraag_bijzonder),
    Geval("aanvraag-initiatief", (), aanvraag_nieuw_get),
    Geval("aanvraag-besluiten", (_f("budgetten.forms.BesluitForm"),), aanvraag_besluiten),
    Geval("aanvraag-advies", (_f("budgetten.forms.AdviesForm"),), aanvraag_advies),
    Geval(
        "herbevestigen",
        (_f("budgetten.forms.BesluitForm"), _f("core.herbevestiging.HerbevestigForm")),
        herbevestigen,
    ),
    Geval("aanvraag-betalen", (_f("budgetten.forms.BetalingForm"),), aanvraag_betalen),
    Geval("aanvraag-vaststellen", (_f("budgetten.forms.VaststellingForm"),), aanvraag_vaststellen),
    Geval("aanvraag-intrekken", (_f("budgetten.forms.IntrekkenForm"),), aanvraag_intrekken),
    Geval("aanvragen-lijst", (_f("budgetten.filters.AanvraagFilter"),), aanvragen_lijst),
    Geval("grootboek-jaar", (), _jaar_pagina("budgetten:grootboek")),
    Geval("export-csv-jaar", (), _jaar_pagina("budgetten:export_csv")),
    Geval("export-xlsx-jaar", (), _jaar_pagina("budgetten:export_xlsx")),
    Geval("declaratie-nieuw", (_f("budgetten.forms.DeclaratieForm"),), declaratie_nieuw),
    Geval("declaratie-besluit", (_f("budgetten.forms.DeclaratieBesluitForm"),), declaratie_besluit),
    Geval("declaraties-lijst", (_f("budgetten.filters.DeclaratieFilter"),), declaraties_lijst),
    Geval("vergoeding", (_f("budgetten.forms.VergoedingForm"),), vergoeding),
    Geval("stemronde-nieuw", (_f("budgetten.forms.StemrondeForm"),), stemronde_nieuw),
    Geval("stemronde-data", (_f("budgetten.forms.StemrondeDatumForm"),), stemronde_data),
    Geval("stemronde-fase", (_f("budgetten.forms_stemronde.FaseBevestigForm"),), stemronde_fase),
    Geval(
        "papieren-stem",
        (
            _f("budgetten.forms_stemronde.PapierenStemForm"),
            _f("budgetten.forms_stemronde.AdresVelden"),
        ),
        papieren_stem,
    ),
    Geval("beheer-postcodegebied", (_f("kernen.admin.PostcodeGebiedForm"),), postcodegebied_beheer),
    Geval("kandidaat", (_f("budgetten.forms.KandidaatForm"),), kandidaat),
    Geval("stemmen", (_f("budgetten.forms.StemForm"),), stemmen),
    Geval(
        "kandidaat-steunen",
        (_f("budgetten.forms_stemronde.KandidaatSteunForm"),),
        kandidaat_steunen,
    ),
    Geval(
        "papieren-stem-annuleren",
        (_f("budgetten.forms_stemronde.PapierAnnulerenForm"),),
        papieren_stem_annuleren,
    ),
    Geval("beheer-bedragen-per-jaar", (), regelingjaar_beheer),
    # participatie: vragen
    Geval("vraag-stellen", (_f("vragen.forms.VraagStellenForm"),), vraag_stellen),
    Geval("volgen-aanmelden", (_f("volgen.forms.VolgenForm"),), volgen_aanmelden),
    Geval("nomineren", (_f("initiatieven.vrijwilligers.forms.NominatieForm"),), nomineren),
    Geval("vraag-stellen-kern", (), vraag_stellen_get),
    Geval(
        "vraag-registreren",
        (_f("vragen.forms.VraagRegistrerenForm"),),
        vraag_registreren,
    ),
    Geval("vraag-routeren", (_f("vragen.forms.RouterenForm"),), vraag_routeren),
    Geval("vraag-beantwoorden", (_f("vragen.forms.AntwoordForm"),), vraag_beantwoorden),
    Geval("vraag-teruggeven", (_f("vragen.forms.TeruggevenForm"),), vraag_teruggeven),
    Geval("vraag-waarderen", (_f("vragen.forms.WaarderingForm"),), vraag_waarderen),
    Geval("vragen-cijfers", (_f("vragen.forms.CijfersForm"),), vragen_cijfers),
    Geval("vragen-inbox", (_f("vragen.filters.VraagFilter"),), vragen_inbox),
    # participatie: trajecten and bijeenkomsten
    Geval("traject-nieuw", (_f("participatie.forms.TrajectForm"),), traject_nieuw),
    Geval(
        "traject-bewerken",
        (_f("participatie.forms.TrajectBasisForm"),),
        traject_bewerken,
    ),
    *_stap_gevallen(),
    Geval(
        "bijeenkomst-nieuw",
        (_f("participatie.forms.BijeenkomstForm"),),
        bijeenkomst_nieuw,
    ),
    Geval("bijeenkomst-nieuw-traject", (), bijeenkomst_nieuw_get),
    Geval(
        "bijeenkomst-bewerken",
        (_f("participatie.forms.BijeenkomstForm"),),
        bijeenkomst_bewerken,
    ),
    Geval(
        "bijeenkomst-verslag",
        (_f("participatie.forms.VerslagForm"),),
        bijeenkomst_verslag,
    ),
    Geval(
        "bijeenkomst-annuleren",
        (_f("participatie.forms.AnnulerenForm"),),
        bijeenkomst_annuleren,
    ),
    Geval("aanmelden", (_f("participatie.forms.AanmeldForm"),), aanmelden),
    Geval("lessen", (_f("participatie.forms.LessenZoekForm"),), lessen),
    Geval("trajecten-lijst", (_f("participatie.filters.TrajectFilter"),), trajecten_lijst),
    Geval(
        "bijeenkomsten-lijst",
        (_f("participatie.filters.BijeenkomstFilter"),),
        bijeenkomsten_lijst,
    ),
    Geval(
        "bijeenkomsten-publiek",
        (_f("participatie.filters.PubliekeBijeenkomstFilter"),),
        bijeenkomsten_publiek,
    ),
    Geval("steunen", (_f("initiatieven.forms.SteunForm"),), steunen),
    Geval("kernprofiel", (_f("kernen.forms.KernprofielForm"),), kernprofiel),
    Geval("rapport", (_f("monitoring.forms.RapportForm"),), rapport),
    *[
        Geval(
            f"api-{naam}",
            (_f(f"opendata.filters.{filter_}"),),
            _api_lijst(f"opendata:{basis}-list", f"opendata.filters.{filter_}", model),
        )
        for naam, basis, filter_, model in [
            ("kernen", "kern", "KernFilter", "kernen.Kern"),
            ("initiatieven", "initiatief", "InitiatiefFilter", "initiatieven.Initiatief"),
            ("verhalen", "verhaal", "VerhaalFilter", "initiatieven.Verhaal"),
            ("bijeenkomsten", "bijeenkomst", "BijeenkomstFilter", "participatie.Bijeenkomst"),
            ("trajecten", "traject", "TrajectFilter", "participatie.Traject"),
            ("stemrondes", "stemronde", "StemrondeFilter", "budgetten.Stemronde"),
        ]
    ],
]

# Which case covers which form or filter class (the deliverable's list).
DEKKING: dict[type, list[str]] = {}
for _geval in GEVALLEN:
    for _cls in _geval.formulieren:
        DEKKING.setdefault(_cls, []).append(_geval.id)


# --- The tests ------------------------------------------------------------------------------


def test_every_project_form_is_covered():
    """A new form or filter class fails here until a case above submits it."""
    ontbrekend = [
        f"{cls.__module__}.{cls.__qualname__}" for cls in alle_formulieren() if cls not in DEKKING
    ]
    assert not ontbrekend, f"geen eigenschapstest voor: {ontbrekend}"


def _controleer_basis(client, doel: Doel) -> None:
    """The case's known-good submission works, so the property runs where it matters."""
    basis = _velden(doel).basis
    with transaction.atomic():
        tekst, bestanden_ = _als_request(basis)
        if doel.methode == "get":
            response = client.get(doel.url, tekst)
        else:
            response = client.post(doel.url, {**tekst, **bestanden_})
        transaction.set_rollback(True)
    fouten = None
    for naam in ("form", "filter"):
        form = (response.context or {}).get(naam) if response.context else None
        form = getattr(form, "form", form)
        if form is not None and hasattr(form, "errors"):
            fouten = form.errors
    assert response.status_code in doel.basis_status, (response.status_code, basis, fouten)


@pytest.mark.parametrize("geval", GEVALLEN, ids=str)
def test_form_never_answers_with_a_server_error(geval, client, signed_in):
    doel = geval.opzet(Omgeving(client=client, signed_in=signed_in))
    _controleer_basis(client, doel)
    velden = _velden(doel)

    @PROFIEL
    @given(data=gegevens(velden))
    def eigenschap(data):
        versturen(client, doel, data)

    for data in randgevallen(velden):
        eigenschap = example(data=data)(eigenschap)
    eigenschap()
