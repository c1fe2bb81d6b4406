import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from budgetten.constants import AanvraagStatus, RegelingCode
from initiatieven.constants import Actor, InitiatiefStatus
from initiatieven.models import Initiatief, StatusWijziging
from monitoring.models import Actiepunt
from monitoring.periodes import Halfjaar
from monitoring.selectors import monitoring
from tests.budgetten.factories import AanvraagFactory, regeling
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory
from tests.vragen.factories import VraagFactory

H1 = Halfjaar(2025, 1)
# 1 July 2025 00:00 in Amsterdam (summer time) is 30 June 22:00 UTC.
GRENS_JULI = datetime(2025, 6, 30, 22, 0, tzinfo=UTC)
IN_H1 = datetime(2025, 3, 10, 10, 0, tzinfo=UTC)
VANDAAG = date(2025, 9, 1)


def _initiatief(kern, *, op, toegezegd_op=None):
    i = InitiatiefFactory(kern=kern)
    Initiatief.objects.filter(pk=i.pk).update(aangemaakt_op=op)
    if toegezegd_op:
        StatusWijziging.objects.create(
            initiatief=i,
            van_status=InitiatiefStatus.IN_BEHANDELING,
            naar_status=InitiatiefStatus.TOEGEZEGD,
            op=toegezegd_op,
            actor=Actor.MEDEWERKER,
        )
    return i


def _vraag(kern, *, op, antwoord_na=None, cijfer=None, gewaardeerd_op=None):
    v = VraagFactory(kern=kern, ontvangen_op=op)
    if antwoord_na is not None:
        v.eerste_antwoord_op = op + antwoord_na
    if cijfer is not None:
        v.waardering = cijfer
        v.gewaardeerd_op = gewaardeerd_op or op + timedelta(days=10)
    v.save()
    return v


def _rij(m, kern):
    return next(r for r in m.rijen if r.kern_id == kern.pk)


def test_half_year_starts_at_midnight_in_amsterdam():
    assert Halfjaar.van_datum(date(2025, 6, 30)) == H1
    assert Halfjaar.van_datum(date(2025, 7, 1)) == Halfjaar(2025, 2)
    assert H1.einde == GRENS_JULI
    assert H1.begin == datetime(2024, 12, 31, 23, 0, tzinfo=UTC)  # winter time
    assert H1.vorige() == Halfjaar(2024, 2) and Halfjaar(2024, 2).vorige() == Halfjaar(2024, 1)
    assert Halfjaar.uit_code("2025-2") == Halfjaar(2025, 2)
    assert Halfjaar.uit_code("2025-3") is None and Halfjaar.uit_code("x") is None


@pytest.mark.django_db
def test_questions_on_either_side_of_1_july_count_in_their_own_half_year():
    kern = KernFactory()
    _vraag(kern, op=GRENS_JULI - timedelta(seconds=1))
    _vraag(kern, op=GRENS_JULI)
    _vraag(kern, op=GRENS_JULI + timedelta(seconds=1))
    # 1 January: 31 December 23:00 UTC belongs to the new year in Amsterdam.
    _vraag(kern, op=datetime(2024, 12, 31, 23, 0, tzinfo=UTC))
    _vraag(kern, op=datetime(2024, 12, 31, 22, 59, 59, tzinfo=UTC))
    assert _rij(monitoring(halfjaar=H1, vandaag=VANDAAG), kern).vragen_ontvangen == 2
    h2 = monitoring(halfjaar=Halfjaar(2025, 2), vandaag=VANDAAG)
    assert _rij(h2, kern).vragen_ontvangen == 2
    h2024 = monitoring(halfjaar=Halfjaar(2024, 2), vandaag=VANDAAG)
    assert _rij(h2024, kern).vragen_ontvangen == 1


@pytest.mark.django_db
def test_figures_per_kern_for_a_half_year_with_known_data():
    regeling(RegelingCode.LEEFBAARHEID)  # seeds the regelingen
    asch, buren, stil = (
        KernFactory(naam="Asch"),
        KernFactory(naam="Buren"),
        KernFactory(naam="Zoelmond"),
    )
    # initiatives: two in Asch in H1 (one promised in H1), one before H1, one unconfirmed
    _initiatief(asch, op=IN_H1, toegezegd_op=IN_H1 + timedelta(days=20))
    _initiatief(asch, op=IN_H1)
    _initiatief(asch, op=datetime(2024, 11, 1, tzinfo=UTC), toegezegd_op=IN_H1)
    onbevestigd = _initiatief(asch, op=IN_H1)
    Initiatief.objects.filter(pk=onbevestigd.pk).update(email_bevestigd_op=None)
    # questions in Buren: 2 answered in time, 1 late; ratings 8 and 6
    _vraag(buren, op=IN_H1, antwoord_na=timedelta(days=2), cijfer=8)
    _vraag(buren, op=IN_H1, antwoord_na=timedelta(days=3), cijfer=6)
    _vraag(buren, op=IN_H1, antwoord_na=timedelta(days=12))
    # a meeting held in Asch with 2 registrations (+1 cancelled); one in H2 does not count
    held = BijeenkomstFactory(kern=asch, begint_op=IN_H1)
    AanmeldingFactory.create_batch(2, bijeenkomst=held)
    AanmeldingFactory(bijeenkomst=held, status="afgemeld")
    BijeenkomstFactory(kern=asch, begint_op=GRENS_JULI + timedelta(days=1))
    # money: one granted in H1, one still open, one refused
    leef = regeling(RegelingCode.LEEFBAARHEID)
    AanvraagFactory(
        kern=buren,
        regeling=leef,
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("750.00"),
        besluit_op=IN_H1,
    )
    AanvraagFactory(kern=buren, regeling=leef)
    AanvraagFactory(kern=buren, regeling=leef, status=AanvraagStatus.AFGEWEZEN, besluit_op=IN_H1)

    m = monitoring(halfjaar=H1, vandaag=VANDAAG)
    a, b = _rij(m, asch), _rij(m, buren)
    assert (a.initiatieven_ingediend, a.initiatieven_toegezegd) == (2, 2)
    assert (a.bijeenkomsten, a.aanmeldingen) == (1, 2)
    assert (b.vragen_ontvangen, b.vragen_op_tijd, b.vragen_beoordeelbaar) == (3, 2, 3)
    assert b.percentage_op_tijd == 67
    assert (b.gemiddelde_waardering, b.aantal_waarderingen) == (Decimal("7.0"), 2)
    kolom = [r.pk for r in m.regelingen].index(leef.pk)
    assert b.toegekend[kolom] == Decimal("750.00") and b.totaal_toegekend == Decimal("750.00")
    assert [r.naam for r in m.kernen_zonder_activiteit] == ["Zoelmond"]
    assert _rij(m, stil).zonder_activiteit
    assert not a.zonder_activiteit and not b.zonder_activiteit
    # exactly 7.0 on average counts as the target met
    assert (m.waardering.aantal, m.waardering.gemiddelde, m.waardering.doel_gehaald) == (
        2,
        Decimal("7.0"),
        True,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cijfers", "gehaald", "getoond"),
    [
        ([7], True, "7.0"),
        ([8, 6], True, "7.0"),
        ([7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6], False, "6.9"),  # 6.95
        ([6, 7], False, "6.5"),
        ([], None, "None"),
    ],
)
def test_the_7_target_is_met_from_exactly_seven(cijfers, gehaald, getoond):
    kern = KernFactory()
    for c in cijfers:
        _vraag(kern, op=IN_H1, cijfer=c)
    m = monitoring(halfjaar=H1, vandaag=VANDAAG)
    assert m.waardering.doel_gehaald is gehaald
    assert str(m.waardering.gemiddelde) == getoond
    assert m.waardering.aantal == len(cijfers)


@pytest.mark.django_db
def test_rating_given_in_a_later_half_year_counts_there():
    kern = KernFactory()
    _vraag(kern, op=IN_H1, cijfer=9, gewaardeerd_op=GRENS_JULI + timedelta(hours=1))
    assert monitoring(halfjaar=H1, vandaag=VANDAAG).waardering.aantal == 0
    assert monitoring(halfjaar=Halfjaar(2025, 2), vandaag=VANDAAG).waardering.aantal == 1


@pytest.mark.django_db
def test_overdue_action_points_are_judged_at_the_end_of_the_half_year():
    def punt(sleutel, planning, uiterlijk, status="loopt"):
        return Actiepunt.objects.create(
            sleutel=sleutel,
            onderdeel="samenleving",
            omschrijving=sleutel,
            planning=planning,
            uiterlijk_op=uiterlijk,
            status=status,
        )

    punt("q1", "Q1 2025", date(2025, 3, 31))
    punt("q1-klaar", "Q1 2025", date(2025, 3, 31), status="gereed")
    punt("q3", "Q3 2025", date(2025, 9, 30))
    punt("doorlopend", "Doorlopend", None)
    h1 = monitoring(halfjaar=H1, vandaag=date(2026, 1, 5))
    assert [a.sleutel for a in h1.actiepunten_te_laat] == ["q1"]
    h2 = monitoring(halfjaar=Halfjaar(2025, 2), vandaag=date(2026, 1, 5))
    assert [a.sleutel for a in h2.actiepunten_te_laat] == ["q1", "q3"]


@pytest.fixture
def college(db):
    return MedewerkerFactory(rollen=["college"])


@time_machine.travel(datetime(2025, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_page_shows_the_chosen_half_year_and_the_kern_without_activity(client, signed_in, college):
    actief, stil = KernFactory(naam="Asch"), KernFactory(naam="Zoelmond")
    _vraag(actief, op=IN_H1, antwoord_na=timedelta(days=1), cijfer=7)
    signed_in(college)
    standaard = client.get(reverse("monitoring:monitoring")).content.decode()
    assert "Tweede helft 2025" in standaard
    html = client.get(reverse("monitoring:monitoring") + "?halfjaar=2025-1").content.decode()
    assert "Cijfers per kern, eerste helft 2025" in html
    assert "doel gehaald" in html and "doel niet gehaald" not in html
    zonder = html[html.index('id="zonder-activiteit"') :]
    assert stil.naam in zonder[: zonder.index("</ul>")]
    assert actief.naam not in zonder[: zonder.index("</ul>")]
    assert "geen activiteit" in html
    # a half year in the future falls back to the current one
    toekomst = client.get(reverse("monitoring:monitoring") + "?halfjaar=2030-1")
    assert "Tweede helft 2025" in toekomst.content.decode()


@time_machine.travel(datetime(2025, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_csv_has_one_row_per_kern_with_the_figures(client, signed_in, college):
    regeling(RegelingCode.LEEFBAARHEID)
    asch, _stil = KernFactory(naam="Asch"), KernFactory(naam="Zoelmond")
    _vraag(asch, op=IN_H1, antwoord_na=timedelta(days=1), cijfer=8)
    AanvraagFactory(
        kern=asch,
        regeling=regeling(RegelingCode.LEEFBAARHEID),
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("1250.50"),
        besluit_op=IN_H1,
    )
    signed_in(college)
    response = client.get(reverse("monitoring:monitoring_csv") + "?halfjaar=2025-1")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="monitoring-2025-1.csv"' in response["Content-Disposition"]
    rijen = list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))
    per_kern = {r["Kern"]: r for r in rijen}
    assert set(per_kern) == {"Asch", "Zoelmond"}
    assert per_kern["Asch"]["Vragen ontvangen"] == "1"
    assert per_kern["Asch"]["Binnen een week (%)"] == "100"
    assert per_kern["Asch"]["Gemiddeld cijfer"] == "8,0"
    assert per_kern["Asch"]["Toegekend Leefbaarheidsbudget"] == "1250,50"
    assert per_kern["Asch"]["Zonder activiteit"] == "nee"
    assert per_kern["Zoelmond"]["Zonder activiteit"] == "ja"
    assert per_kern["Zoelmond"]["Gemiddeld cijfer"] == ""


def _vul(aantal_kernen: int):
    leef = regeling(RegelingCode.LEEFBAARHEID)
    for _ in range(aantal_kernen):
        kern = KernFactory()
        _initiatief(kern, op=IN_H1, toegezegd_op=IN_H1)
        _vraag(kern, op=IN_H1, antwoord_na=timedelta(days=1), cijfer=8)
        AanmeldingFactory(bijeenkomst=BijeenkomstFactory(kern=kern, begint_op=IN_H1))
        AanvraagFactory(
            kern=kern,
            regeling=leef,
            status=AanvraagStatus.TOEGEKEND,
            toegekend_bedrag=Decimal("100"),
            besluit_op=IN_H1,
        )
        Actiepunt.objects.create(
            sleutel=f"p-{kern.pk}",
            onderdeel="samenleving",
            omschrijving="x",
            planning="Q1 2021",
            uiterlijk_op=date(2021, 3, 31),
        )


@time_machine.travel(datetime(2025, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_monitoring_page_query_count_does_not_grow_with_the_data(
    zonder_medewerker_cache, client, signed_in, college, django_assert_num_queries
):
    signed_in(college)
    url = reverse("monitoring:monitoring") + "?halfjaar=2025-1"
    _vul(2)
    client.get(url)  # warm up caches (content types, session)
    # 13: questions received and ratings given are two queries, each from its own index
    with django_assert_num_queries(12) as klein:
        assert client.get(url).status_code == 200
    _vul(8)
    with django_assert_num_queries(len(klein.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('scope="row"') == 10
