"""One example per 5xx found in forms and query strings (issue 9, "forms never crash").

Each test names the input that gave a server error before its fix; tests/test_forms_property.py
searches for new ones.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from budgetten.models import Aanvraag
from initiatieven.models import Initiatief
from monitoring.models import Actiepunt
from tests.budgetten.factories import seed_regelingen
from tests.conftest import current_code
from tests.factories import TEST_PASSWORD, KernFactory, MedewerkerFactory, TeamFactory
from vragen.models import Vraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def regelingen():
    vandaag = timezone.localdate()
    seed_regelingen(vandaag.year, vandaag.year + 1)


# --- Query strings ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/initiatieven/indienen/", "/vragen/stellen/"])
def test_nul_byte_in_kern_of_the_query_string_shows_the_empty_form(client, url):
    """Was: ValueError from psycopg2 (a string literal cannot contain NUL) -> 500."""
    KernFactory()
    response = client.get(url, {"kern": "\x00"})
    assert response.status_code == 200
    assert response.context["form"].initial.get("kern") is None


@pytest.mark.parametrize("waarde", ["²", "٣", "9" * 30, "-1", " "])
def test_street_event_form_ignores_an_initiatief_that_is_not_a_plain_number(
    client, regelingen, waarde
):
    """Was: "²".isdigit() is True, int("²") raises ValueError -> 500."""
    response = client.get("/budgetten/aanvragen/straatbijeenkomst/", {"initiatief": waarde})
    assert response.status_code == 200
    assert response.context["initiatief"] is None


def test_street_event_form_still_links_a_real_initiatief(client, regelingen):
    kern = KernFactory()
    initiatief = Initiatief.objects.create(
        kern=kern, titel="Speeltuin", omschrijving="x", status="toegezegd",
        email_bevestigd_op=timezone.now(),
    )  # fmt: skip
    response = client.get(
        "/budgetten/aanvragen/straatbijeenkomst/", {"initiatief": str(initiatief.pk)}
    )
    assert response.context["initiatief"] == initiatief


def test_staff_figures_refuse_dates_at_the_edges_of_the_calendar(client, signed_in):
    """Was: van=0001-01-01 -> van minus one day -> OverflowError -> 500."""
    team = TeamFactory()
    signed_in(MedewerkerFactory(rollen=["teammanager"], team=team))
    response = client.get("/medewerker/vragen/cijfers/", {"van": "0001-01-01", "tot": "9999-12-31"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["van"] == ["Vul een datum in tussen 1-1-2000 en 31-12-2100."]
    assert "tot" in form.errors
    assert response.context["rijen"] is None


def test_staff_figures_still_show_an_ordinary_period(client, signed_in):
    team = TeamFactory()
    signed_in(MedewerkerFactory(rollen=["teammanager"], team=team))
    vandaag = timezone.localdate()
    response = client.get(
        "/medewerker/vragen/cijfers/",
        {"van": vandaag.replace(day=1).isoformat(), "tot": vandaag.isoformat()},
    )
    assert response.status_code == 200
    assert response.context["rijen"] == []


@pytest.mark.parametrize("waarde", ["a b", "medewerker", "\x00", "https://evil.example/", "//x"])
def test_sign_in_ignores_a_next_that_is_not_a_local_path(client, waarde):
    """Was: next=a b passed url_has_allowed_host_and_scheme; redirect() took it for the name
    of a view -> NoReverseMatch -> 500."""
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    response = client.post(
        "/medewerker/inloggen/",
        {
            "username": user.username,
            "password": TEST_PASSWORD,
            "code": current_code(),
            "next": waarde,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:staff_start")


def test_sign_in_still_returns_to_a_local_next(client):
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    response = client.post(
        "/medewerker/inloggen/",
        {
            "username": user.username,
            "password": TEST_PASSWORD,
            "code": current_code(),
            "next": "/medewerker/vragen/",
        },
    )
    assert response["Location"] == "/medewerker/vragen/"


def test_action_point_status_ignores_a_terug_that_is_not_a_local_path(client, signed_in):
    """Was: terug=a b -> redirect() -> NoReverseMatch -> 500 (after saving)."""
    signed_in(MedewerkerFactory(rollen=["functioneel-beheer"]))
    actiepunt = Actiepunt.objects.create(
        sleutel="regressie", onderdeel="monitoring", omschrijving="Test", planning="Q1 2021"
    )
    url = reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk})
    assert client.get(url, {"terug": "a b"}).status_code == 200
    response = client.post(url, {"status": actiepunt.status, "notitie": "", "terug": "a b"})
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:actiepunten")


@pytest.mark.parametrize("url", ["/medewerker/budgetten/", "/medewerker/budgetten/declaraties/"])
def test_year_filter_takes_whole_years_only(client, signed_in, url):
    """Not a 500, same cause as the amounts: ?jaar=1e3 filtered on the year 1000."""
    kern = KernFactory()
    signed_in(
        MedewerkerFactory(
            rollen=["kernambtenaar", "coordinator-signalering"], kernambtenaar_van=[kern]
        )
    )
    for waarde in ("1e3", "1.5", "1e100", "NaN", "1999"):
        response = client.get(url, {"jaar": waarde})
        assert response.status_code == 200
        assert "jaar" in response.context["filter"].form.errors, waarde
    response = client.get(url, {"jaar": str(timezone.localdate().year)})
    assert response.context["filter"].form.errors == {}


# --- Forms -----------------------------------------------------------------------------------


def test_forged_total_forms_builds_no_more_cost_lines_than_allowed(client, regelingen):
    """Was slow, not a 500: TOTAL_FORMS=1000 made Django build and show 1000 cost lines."""
    response = client.post(
        "/budgetten/aanvragen/straatbijeenkomst/",
        {"kosten-TOTAL_FORMS": "1000", "kosten-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert len(response.context["kosten"].forms) <= 15
    assert Aanvraag.objects.count() == 0


def test_question_form_with_nul_bytes_is_refused_in_dutch(client):
    kern = KernFactory()
    response = client.post(
        "/vragen/stellen/",
        {
            "kern": kern.pk,
            "soort": "vraag",
            "onderwerp": "Tegels\x00",
            "tekst": "Los",
            "naam": "Jan",
            "email": "jan@example.org",
        },
    )
    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan." in response.content.decode()
    assert Vraag.objects.count() == 0
