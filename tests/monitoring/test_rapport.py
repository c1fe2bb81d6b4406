"""The half-yearly report: figures per kern and in total, who may see it, the half-year
choice, and the PDF and XLSX downloads (opened and read back)."""

import io
import re
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from budgetten.constants import AanvraagStatus, DeclaratieStatus, RegelingCode
from budgetten.models import Vrijwilligersvergoeding
from initiatieven.constants import Actor, InitiatiefStatus
from initiatieven.models import Initiatief, StatusWijziging
from monitoring.periodes import Halfjaar
from monitoring.rapport import NIET_PER_KERN, TOTAAL, halfjaarrapport
from participatie.constants import Ladder, Stap, TrajectSoort, TrajectStatus
from participatie.models import Traject, TrajectStap
from tests.budgetten.factories import AanvraagFactory, DeclaratieFactory, regeling
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.klok import AMSTERDAM
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory, TrajectFactory
from tests.vragen.factories import VraagFactory

# 18 March 2026: the last complete half year is the second half of 2025.
NU = datetime(2026, 3, 18, 10, 0, tzinfo=AMSTERDAM)
H2 = Halfjaar(2025, 2)
IN_H2 = datetime(2025, 10, 6, 10, 0, tzinfo=UTC)
VOOR_H2 = datetime(2025, 5, 1, 10, 0, tzinfo=UTC)
URL = "monitoring:rapport"

pytestmark = pytest.mark.usefixtures("_klok")


@pytest.fixture
def _klok():
    with time_machine.travel(NU, tick=False):
        yield


def _traject(kernen, *, ladder="", status=TrajectStatus.LOPEND, minder=False, **kw):
    t = TrajectFactory(kernen=kernen, ladder=ladder, status=status, minder_betrokken=minder, **kw)
    Traject.objects.filter(pk=t.pk).update(aangemaakt_op=VOOR_H2)
    return t


@pytest.fixture
def gegevens(db):
    """Known figures for the second half of 2025 in Asch and Buren; Zoelmond stays quiet."""
    regeling(RegelingCode.LEEFBAARHEID)  # seeds the regelingen
    asch, buren = KernFactory(naam="Asch"), KernFactory(naam="Buren")
    KernFactory(naam="Zoelmond")
    # an initiative submitted and promised in Asch
    i = InitiatiefFactory(kern=asch)
    Initiatief.objects.filter(pk=i.pk).update(aangemaakt_op=IN_H2)
    StatusWijziging.objects.create(
        initiatief=i,
        van_status=InitiatiefStatus.IN_BEHANDELING,
        naar_status=InitiatiefStatus.TOEGEZEGD,
        op=IN_H2,
        actor=Actor.MEDEWERKER,
    )
    # ratings: 8 in Asch; 6 and 7 in Buren (6.5: target missed there, 7.0 overall: met)
    for kern, cijfer in ((asch, 8), (buren, 6), (buren, 7)):
        v = VraagFactory(kern=kern, ontvangen_op=IN_H2)
        v.eerste_antwoord_op = IN_H2 + timedelta(days=1)
        v.waardering, v.gewaardeerd_op = cijfer, IN_H2 + timedelta(days=3)
        v.save()
    # money
    AanvraagFactory(
        kern=asch,
        regeling=regeling(RegelingCode.LEEFBAARHEID),
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("750.00"),
        betaald_bedrag=Decimal("250.00"),
        besluit_op=IN_H2,
    )
    AanvraagFactory(
        kern=buren,
        regeling=regeling(RegelingCode.STRAATBIJEENKOMST),
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("100.00"),
        betaald_bedrag=Decimal("100.00"),
        besluit_op=IN_H2,
    )
    AanvraagFactory(  # decided in the first half: not in this report
        kern=buren,
        regeling=regeling(RegelingCode.LEEFBAARHEID),
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("300.00"),
        besluit_op=VOOR_H2,
    )
    DeclaratieFactory(
        status=DeclaratieStatus.GOEDGEKEURD, bedrag=Decimal("120.00"), beoordeeld_op=IN_H2
    )
    DeclaratieFactory(status=DeclaratieStatus.BETAALD, bedrag=Decimal("80.00"), beoordeeld_op=IN_H2)
    coordinator = MedewerkerFactory(rollen=["coordinator-signalering"])
    Vrijwilligersvergoeding.objects.create(
        jaar=2025,
        coordinator=coordinator,
        bedrag=Decimal("750.00"),
        toegekend_door=coordinator,
        toegekend_op=IN_H2,
    )
    # meetings: one held in Asch (3 registrations, one cancelled registration), one called
    # off, one for the whole municipality
    held = BijeenkomstFactory(kern=asch, begint_op=IN_H2)
    AanmeldingFactory.create_batch(3, bijeenkomst=held)
    AanmeldingFactory(bijeenkomst=held, status="afgemeld")
    BijeenkomstFactory(
        kern=asch, begint_op=IN_H2, status="geannuleerd", annulering_reden="Zaal niet vrij."
    )
    AanmeldingFactory(bijeenkomst=BijeenkomstFactory(kern=None, begint_op=IN_H2))
    # trajectories
    _traject([asch, buren], ladder=Ladder.RAADPLEGEN)
    _traject([asch], ladder=Ladder.MEEBESLISSEN, minder=True)
    _traject([buren], soort=TrajectSoort.OVERHEIDSPARTICIPATIE)
    _traject([asch], ladder=Ladder.INFORMEREN, status=TrajectStatus.CONCEPT)  # not public
    klaar = _traject([asch], ladder=Ladder.ADVISEREN, status=TrajectStatus.AFGEROND)
    TrajectStap.objects.create(traject=klaar, stap=Stap.EVALUATIE, voltooid_op=VOOR_H2)
    return {"asch": asch, "buren": buren}


def _waarden(rij):
    return [c.waarde for c in rij]


def test_report_figures_per_kern_and_in_total(gegevens):
    r = halfjaarrapport(halfjaar=H2, vandaag=timezone.localdate())
    geld = r.sectie("geld").tabellen[0]
    koppen = [k.kop for k in geld.kolommen]
    leef = koppen.index("Leefbaarheidsbudget: toegekend")
    assert geld.rij("Asch")[leef].waarde == Decimal("750.00")
    assert geld.rij("Asch")[leef + 1].waarde == Decimal("250.00")
    assert geld.rij("Buren")[leef].waarde == Decimal("0")  # decided in the first half
    sig = koppen.index("Signaleringsgroepen: toegekend")
    assert geld.rij(NIET_PER_KERN)[sig].waarde == Decimal("950.00")  # 120 + 80 + fee 750
    assert geld.rij(NIET_PER_KERN)[sig + 1].waarde == Decimal("80.00")
    assert _waarden(geld.rij(TOTAAL))[-2:] == [Decimal("1800.00"), Decimal("430.00")]

    bijeen = r.sectie("bijeenkomsten").tabellen[0]
    assert _waarden(bijeen.rij("Asch")) == ["Asch", 1, 3, 1]
    assert _waarden(bijeen.rij("Hele gemeente (geen kern)")) == [
        "Hele gemeente (geen kern)",
        1,
        1,
        0,
    ]
    assert _waarden(bijeen.rij(TOTAAL)) == [TOTAAL, 2, 4, 1]

    traj = r.sectie("trajecten").tabellen[0]
    koppen = [k.kop for k in traj.kolommen]
    assert traj.rij("Asch")[koppen.index("Raadplegen")].waarde == 1
    assert traj.rij("Asch")[koppen.index("Meebeslissen")].waarde == 1
    assert traj.rij("Asch")[-1].waarde == 2  # the concept and the long finished one do not count
    assert traj.rij("Buren")[koppen.index("Geen niveau gekozen")].waarde == 1
    assert traj.rij(TOTAAL)[-1].waarde == 3  # the shared trajectory counts once
    assert traj.rij(TOTAAL)[koppen.index("Raadplegen")].waarde == 1
    assert (
        "Bij 1 traject worden inwoners niet of minder betrokken" in r.sectie("trajecten").inleiding
    )

    waard = r.sectie("waardering").tabellen[0]
    assert _waarden(waard.rij("Asch")) == ["Asch", 1, 1, Decimal("8.0"), "gehaald"]
    assert _waarden(waard.rij("Buren")) == ["Buren", 2, 1, Decimal("6.5"), "niet gehaald"]
    assert _waarden(waard.rij("Zoelmond")) == ["Zoelmond", 0, 0, None, "geen cijfers"]
    assert _waarden(waard.rij(TOTAAL)) == [TOTAAL, 3, 2, Decimal("7.0"), "gehaald"]

    kernen = r.sectie("kernen").tabellen[0]
    assert _waarden(kernen.rij("Asch"))[:3] == ["Asch", 1, 1]
    assert kernen.rij("Zoelmond")[-1].waarde == "ja"
    stil = [r[0].waarde for r in kernen.rijen if r[-1].waarde == "ja"]
    assert "Zoelmond" in stil and "Asch" not in stil
    assert kernen.rij(TOTAAL)[-1].waarde == str(len(stil))


def test_charts_are_accessible_svg_with_a_table(gegevens, client, signed_in):
    signed_in(MedewerkerFactory(rollen=["college"]))
    html = client.get(reverse(URL)).content.decode()
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, flags=re.S)
    assert len(svgs) == 4
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        ids = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        assert all(f'id="{i}"' in svg for i in ids)
        assert "," not in re.sub(r">[^<]*<", "><", svg.split(">", 1)[1])  # no "12,5" in attributes
    # the money chart: Asch's bar is the longest (380 px); its table gives the amount
    geld = next(s for s in svgs if "grafiek-geld" in s)
    assert 'width="380.0"' in geld
    assert 'id="grafiek-geld-tabel"' in html
    # the rating chart has the 7.0 target line
    assert "doel 7,0" in next(s for s in svgs if "grafiek-waardering" in s)


@pytest.mark.parametrize("rol", ["college", "kernwethouder", "functioneel-beheer", "kernambtenaar"])
def test_report_page_renders_for_each_allowed_role(gegevens, client, signed_in, rol):
    signed_in(MedewerkerFactory(rollen=[rol]))
    response = client.get(reverse(URL))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tweede helft 2025" in html  # the default: the last complete half year
    assert 'value="2025"' in html
    assert "€\u00a01.800,00" in html  # the money total
    assert "?jaar=2025&amp;helft=2" in html  # the downloads follow the choice


@pytest.mark.parametrize("rol", ["beleidsmedewerker", "teammanager", "coordinator-signalering"])
@pytest.mark.parametrize("naam", [URL, "monitoring:rapport_pdf", "monitoring:rapport_xlsx"])
def test_report_and_downloads_are_refused_to_other_roles(db, client, signed_in, rol, naam):
    signed_in(MedewerkerFactory(rollen=[rol]))
    assert client.get(reverse(naam)).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(db, client):
    response = client.get(reverse("monitoring:rapport_xlsx"))
    assert response.status_code == 302 and "/medewerker/inloggen/" in response["Location"]


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ({"jaar": "twintig", "helft": "1"}, "Vul een jaar in cijfers in, bijvoorbeeld 2025."),
        ({"jaar": "", "helft": "1"}, "Vul een jaar in, bijvoorbeeld 2025."),
        ({"jaar": "2012", "helft": "1"}, "Kies een jaar van 2019 tot en met 2026."),
        ({"jaar": "2025", "helft": "3"}, "Kies de eerste of de tweede helft van het jaar."),
        ({"jaar": "2026", "helft": "2"}, "Dat half jaar is nog niet begonnen."),
    ],
)
@pytest.mark.parametrize("naam", [URL, "monitoring:rapport_pdf", "monitoring:rapport_xlsx"])
def test_bad_half_year_gives_a_dutch_message_and_keeps_the_input(
    db, client, signed_in, query, melding, naam
):
    signed_in(MedewerkerFactory(rollen=["college"]))
    response = client.get(reverse(naam), query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert melding in html
    assert "Fout: " in html and "data-error-summary" in html
    if query["jaar"]:
        assert f'value="{query["jaar"]}"' in html
    assert "Download het rapport" not in html


def test_the_current_half_year_may_be_chosen_and_says_it_is_not_over(db, client, signed_in):
    signed_in(MedewerkerFactory(rollen=["college"]))
    html = client.get(reverse(URL), {"jaar": "2026", "helft": "1"}).content.decode()
    assert "Eerste helft 2026" in html and "Dit half jaar loopt nog" in html


def _pagina_tekst(html: str) -> str:
    return unescape(re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_xlsx_has_a_sheet_per_section_and_the_page_figures(gegevens, client, signed_in):
    signed_in(MedewerkerFactory(rollen=["college"]))
    pagina = client.get(reverse(URL), {"jaar": "2025", "helft": "2"}).content.decode()
    response = client.get(reverse("monitoring:rapport_xlsx"), {"jaar": "2025", "helft": "2"})
    assert response.status_code == 200
    assert 'filename="halfjaarrapport-2025-2.xlsx"' in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == [
        "Overzicht",
        "Initiatieven en vragen",
        "Geld per regeling",
        "Bijeenkomsten en opkomst",
        "Participatietrajecten",
        "Cijfer van inwoners",
    ]
    rapport = halfjaarrapport(halfjaar=H2, vandaag=timezone.localdate())
    tekst = _pagina_tekst(pagina)
    for sectie in rapport.secties:
        ws = wb[sectie.titel]
        tabel = sectie.tabellen[0]
        assert [c.value for c in ws[6]][: len(tabel.kolommen)] == [k.kop for k in tabel.kolommen]
        rijen = [*tabel.rijen, *([tabel.totaal] if tabel.totaal else [])]
        for i, rij in enumerate(rijen, start=7):
            for k, cel in enumerate(rij, start=1):
                blad = ws.cell(row=i, column=k).value
                if isinstance(cel.waarde, Decimal):
                    assert Decimal(str(blad)) == cel.waarde, (sectie.titel, i, k)
                else:
                    assert blad == cel.waarde, (sectie.titel, i, k)
                assert cel.tekst in tekst  # the same figure is on the page
    # money is a number with a euro format, counts are numbers
    geld = wb["Geld per regeling"]
    totaal = list(geld[7 + len(rapport.sectie("geld").tabellen[0].rijen)])
    assert totaal[0].value == TOTAAL
    assert totaal[-2].value == 1800 and "€" in totaal[-2].number_format
    assert totaal[-1].value == 430
    assert isinstance(wb["Bijeenkomsten en opkomst"]["C7"].value, int)
    # the charts come along as spreadsheet bar charts
    for sectie in rapport.secties:
        assert len(wb[sectie.titel]._charts) == len(sectie.grafieken), sectie.titel


def test_pdf_is_a4_with_page_numbers_kern_names_and_totals(gegevens, client, signed_in):
    signed_in(MedewerkerFactory(rollen=["kernwethouder"]))
    response = client.get(reverse("monitoring:rapport_pdf"))  # the default half year
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="halfjaarrapport-2025-2.pdf"' in response["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(response.content))
    aantal = len(pdf.pages)
    assert aantal >= 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    tekst = re.sub(r"\s+", " ", tekst)
    for naam in ("Asch", "Buren", "Zoelmond", "Tweede helft 2025", "Gemeente Buren"):
        assert naam in tekst
    assert "1.800,00" in tekst and "430,00" in tekst  # money granted and paid, in total
    assert f"Pagina 1 van {aantal}" in tekst
    assert pdf.metadata.title.startswith("Halfjaarrapport kerngericht werken")


def test_without_weasyprint_the_pdf_link_shows_a_dutch_message(
    gegevens, client, signed_in, monkeypatch
):
    # A machine without the Pango libraries: importing WeasyPrint fails.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    signed_in(MedewerkerFactory(rollen=["college"]))
    response = client.get(reverse("monitoring:rapport_pdf"))
    assert response.status_code == 503
    html = response.content.decode()
    assert "De PDF kan op deze server nu niet worden gemaakt" in html
    assert "Download het rapport als spreadsheet (XLSX)" in html


def test_report_query_count_does_not_grow_with_the_data(
    gegevens, client, signed_in, django_assert_num_queries
):
    signed_in(MedewerkerFactory(rollen=["college"]))
    url = reverse(URL)
    client.get(url)
    with CaptureQueriesContext(connection) as klein:
        client.get(url)
    for _ in range(4):
        kern = KernFactory()
        _traject([kern, gegevens["asch"]], ladder=Ladder.ADVISEREN)
        AanmeldingFactory(bijeenkomst=BijeenkomstFactory(kern=kern, begint_op=IN_H2))
    with django_assert_num_queries(len(klein.captured_queries)):
        assert client.get(url).status_code == 200
