"""Money pages name the budget year they book against.

In December residents already apply for activities of next year, and such an application
books against next year's pot. Beside a decision the pages show that pot, labelled with its
year, and when pending work spans two years, both pots.
"""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from budgetten import services
from budgetten.constants import AanvraagStatus, RegelingCode
from budgetten.models import Budgetpost, RegelingJaar
from core.fouten import Weigering
from tests.budgetten.factories import AanvraagFactory, regeling, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

D = Decimal
AMS = ZoneInfo("Europe/Amsterdam")
DECEMBER = datetime.datetime(2026, 12, 10, 12, 0, tzinfo=AMS)

pytestmark = pytest.mark.django_db


@pytest.fixture
def december():
    with time_machine.travel(DECEMBER, tick=False):
        seed_regelingen(2026, 2027)
        # The council raised next year's pot: a page showing this year's cap for a 2027
        # decision would be visibly wrong.
        RegelingJaar.objects.filter(regeling__code=RegelingCode.BIJZONDER, jaar=2027).update(
            plafond=D("6000.00")
        )
        yield


def _bedrag(html: str, testid: str) -> str:
    match = re.search(rf'data-testid="{testid}">([^<]*)<', html)
    assert match, f"{testid} staat niet op de pagina"
    return match.group(1)


def _bijzonder(kern, jaar: int, gevraagd: str, **kwargs):
    dag = datetime.date(2026, 12, 20) if jaar == 2026 else datetime.date(2027, 1, 15)
    return AanvraagFactory(
        kern=kern,
        regeling=regeling(RegelingCode.BIJZONDER),
        activiteit_datum=dag,
        gevraagd_bedrag=D(gevraagd),
        status=AanvraagStatus.BIJ_COLLEGE,
        advies="Positief.",
        **kwargs,
    )


def _toekennen(aanvraag, door, bedrag: str) -> None:
    services.aanvraag_besluiten(
        aanvraag_id=aanvraag.pk, door=door, toekennen=True, bedrag=D(bedrag), motivering="Past."
    )


@pytest.fixture
def college_december(december):
    """Bijzondere initiatieven in December 2026: 1000 granted from 2026, 1500 from 2027, and
    one application of each year waiting for the college."""
    kern = KernFactory(naam="Maurik")
    college = MedewerkerFactory(rollen=["college"])
    _toekennen(_bijzonder(kern, 2026, "1000"), college, "1000")
    _toekennen(_bijzonder(kern, 2027, "1500"), college, "1500")
    open_2026 = _bijzonder(kern, 2026, "800", titel="Kerstmarkt")
    open_2027 = _bijzonder(kern, 2027, "5000", titel="Nieuwjaarsduik")
    return college, open_2026, open_2027


def test_college_queue_in_december_shows_both_years_pots_labelled(
    client, signed_in, college_december
):
    college, open_2026, open_2027 = college_december
    assert (open_2026.jaar, open_2027.jaar) == (2026, 2027)
    signed_in(college)
    html = client.get(reverse("budgetten:college")).content.decode()
    assert "Vrij in 2026: <strong" in html
    assert "Vrij in 2027: <strong" in html
    assert _bedrag(html, "college-vrij-2026") == "€\u00a04.000,00"
    assert _bedrag(html, "college-vrij-2027") == "€\u00a04.500,00"
    # Each row names the year it books against.
    rij = re.search(r"Nieuwjaarsduik</a></td>.*?</tr>", html, re.S).group(0)
    assert '<td class="utrecht-table__cell">2027</td>' in rij


def test_college_decision_books_exactly_against_the_figure_shown(
    client, signed_in, college_december
):
    college, open_2026, open_2027 = college_december
    signed_in(college)
    html = client.get(reverse("budgetten:college")).content.decode()
    assert _bedrag(html, "college-vrij-2027") == "€\u00a04.500,00"
    url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": open_2027.pk})
    besluit = {"besluit": "ja", "motivering": "Past bij kerngericht werken."}

    # One cent more than shown is refused by the decision service ...
    response = client.post(url, {**besluit, "bedrag": "4500,01"})
    assert response.status_code == 400
    assert re.search(r"Er is nog maar €\s4\.500,00 vrij", response.content.decode())
    # ... exactly the figure shown is granted, from the 2027 pot only.
    response = client.post(url, {**besluit, "bedrag": "4500,00"})
    assert response.status_code == 302
    open_2027.refresh_from_db()
    assert (open_2027.status, open_2027.toegekend_bedrag) == (AanvraagStatus.TOEGEKEND, D("4500"))
    posten = {p.jaar: p.vastgelegd for p in Budgetpost.objects.filter(regeling__code="bijzonder")}
    assert posten == {2026: D("1000.00"), 2027: D("6000.00")}

    html = client.get(reverse("budgetten:college")).content.decode()
    assert _bedrag(html, "college-vrij-2027") == "€\u00a00,00"
    assert _bedrag(html, "college-vrij-2026") == "€\u00a04.000,00"


def test_college_queue_outside_december_shows_only_this_years_pot(client, signed_in):
    with time_machine.travel(datetime.datetime(2026, 3, 18, 10, 0, tzinfo=AMS), tick=False):
        seed_regelingen(2026)
        kern = KernFactory()
        college = MedewerkerFactory(rollen=["college"])
        AanvraagFactory(
            kern=kern,
            regeling=regeling(RegelingCode.BIJZONDER),
            activiteit_datum=datetime.date(2026, 5, 1),
            status=AanvraagStatus.BIJ_COLLEGE,
        )
        signed_in(college)
        html = client.get(reverse("budgetten:college")).content.decode()
    assert _bedrag(html, "college-vrij-2026") == "€\u00a05.000,00"
    assert "Vrij in 2027" not in html and "college-vrij-2027" not in html


def test_staff_detail_shows_the_pot_of_the_applications_own_year(
    client, signed_in, college_december
):
    college, open_2026, open_2027 = college_december
    signed_in(college)
    detail = "budgetten:aanvraag_detail"
    html = client.get(reverse(detail, kwargs={"aanvraag_pk": open_2027.pk})).content.decode()
    assert ">Vrij in 2027</dt>" in html
    assert _bedrag(html, "aanvraag-vrij-2027") == "€\u00a04.500,00"
    assert "Vrij in 2026" not in html
    html = client.get(reverse(detail, kwargs={"aanvraag_pk": open_2026.pk})).content.decode()
    assert ">Vrij in 2026</dt>" in html
    assert _bedrag(html, "aanvraag-vrij-2026") == "€\u00a04.000,00"
    assert "Vrij in 2027" not in html


def _leefbaarheid(kern, jaar: int, gevraagd: str, **kwargs):
    dag = datetime.date(2026, 12, 20) if jaar == 2026 else datetime.date(2027, 2, 1)
    return AanvraagFactory(kern=kern, activiteit_datum=dag, gevraagd_bedrag=D(gevraagd), **kwargs)


def test_kern_dashboard_in_december_shows_both_years_pots_and_pending_counts(
    client, signed_in, december
):
    kern = KernFactory(naam="Ingen", slug="ingen")
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    _toekennen(_leefbaarheid(kern, 2026, "500"), ambtenaar, "500")
    _toekennen(_leefbaarheid(kern, 2027, "250"), ambtenaar, "250")
    _leefbaarheid(kern, 2026, "300")
    open_2027 = _leefbaarheid(kern, 2027, "2000")
    _leefbaarheid(kern, 2027, "100")
    _leefbaarheid(KernFactory(), 2027, "100")  # another kern's pot and work: not counted
    signed_in(ambtenaar)
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    html = client.get(url).content.decode()
    assert ">Vrij in 2026</dt>" in html and ">Vrij in 2027</dt>" in html
    assert _bedrag(html, "kern-vrij-2026") == "€\u00a01.500,00"
    assert _bedrag(html, "kern-vrij-2027") == "€\u00a01.750,00"
    assert _bedrag(html, "kern-open-2026") == "1"
    assert _bedrag(html, "kern-open-2027") == "2"
    assert html.index("kern-vrij-2026") < html.index("kern-vrij-2027")

    # The 2027 figure is what the kernambtenaar's decision books against.
    with pytest.raises(Weigering):
        _toekennen(open_2027, ambtenaar, "1750.01")
    _toekennen(open_2027, ambtenaar, "1750.00")
    html = client.get(url).content.decode()
    assert _bedrag(html, "kern-vrij-2027") == "€\u00a00,00"
    assert _bedrag(html, "kern-vrij-2026") == "€\u00a01.500,00"
    assert _bedrag(html, "kern-open-2027") == "1"


def test_kern_dashboard_in_january_still_shows_last_years_pending_pot(client, signed_in):
    with time_machine.travel(DECEMBER, tick=False):
        seed_regelingen(2026)
        kern = KernFactory()
        _leefbaarheid(kern, 2026, "300")
    with time_machine.travel(datetime.datetime(2027, 1, 5, 9, 0, tzinfo=AMS), tick=False):
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
        html = client.get(reverse("kernen:dashboard", kwargs={"kern": kern.slug})).content.decode()
    # 2027 has no amounts of its own yet: the latest earlier year's amounts apply.
    assert _bedrag(html, "kern-vrij-2026") == "€\u00a02.000,00"
    assert _bedrag(html, "kern-open-2026") == "1"
    assert _bedrag(html, "kern-vrij-2027") == "€\u00a02.000,00"
    assert _bedrag(html, "kern-open-2027") == "0"
