"""Cost lines as needed and the running total of the street-event form (issue 15, part 4).

Without JavaScript "Nog een kostenregel" posts the form: it comes back with one empty line
more and everything typed, nothing checked and nothing saved. The browser side (a line added
from the template, the total following the typing) is in tests/e2e/test_kostenregels_journey.py.
"""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.timezone import localdate

from budgetten import regels as r
from budgetten.models import Aanvraag
from tests.budgetten.factories import seed_regelingen
from tests.budgetten.test_views import straat_post
from tests.factories import KernFactory

D = Decimal
URL = "/budgetten/aanvragen/straatbijeenkomst/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year, localdate().year + 1)


def _regels(*regels: tuple[str, str, str], totaal: int | None = None) -> dict:
    """Cost-line fields of a post: the given lines, then empty ones up to `totaal`."""
    data = {"kosten-TOTAL_FORMS": str(totaal or len(regels)), "kosten-INITIAL_FORMS": "0"}
    for i, (categorie, omschrijving, bedrag) in enumerate(regels):
        data.update(
            {
                f"kosten-{i}-categorie": categorie,
                f"kosten-{i}-omschrijving": omschrijving,
                f"kosten-{i}-bedrag": bedrag,
            }
        )
    return data


def _post(kern, *regels, totaal=None, **kw) -> dict:
    data = {k: v for k, v in straat_post(kern, **kw).items() if not k.startswith("kosten-")}
    data.update(_regels(*regels, totaal=totaal))
    return data


def _waarde(html: str, naam: str) -> str | None:
    veld = re.search(rf'<input[^>]*name="{re.escape(naam)}"[^>]*>', html)
    if veld is None:
        return None
    waarde = re.search(r'value="([^"]*)"', veld[0])
    return waarde[1] if waarde else ""


class TestStarten:
    def test_the_form_opens_with_two_empty_lines_and_a_total_of_nothing(self, client):
        response = client.get(URL)
        html = response.content.decode()
        assert len(response.context["kosten"].forms) == 2
        assert _waarde(html, "kosten-TOTAL_FORMS") == "2"
        assert 'id="id_kosten-2-categorie"' not in html
        assert "Nog een kostenregel" in html
        assert response.context["kostentotaal"].totaal == D("0")
        assert "Nog €\u00a0100,00 over tot het maximum van €\u00a0100,00." in html
        # The template row for JavaScript is inert (<template>) and numbered by the script.
        assert 'id="id_kosten-__prefix__-bedrag"' in html
        assert html.count("<script") == 2  # portal.js and kostenregels.js, both files
        assert '<script src="/static/js/kostenregels.js" defer></script>' in html

    def test_the_other_regelingen_have_no_cost_lines_and_no_script(self, client):
        html = client.get("/budgetten/aanvragen/leefbaarheid/").content.decode()
        assert "kostenregels.js" not in html
        assert "Nog een kostenregel" not in html


class TestNogEenKostenregelZonderJavaScript:
    def test_adds_one_line_keeps_everything_typed_and_saves_nothing(
        self, client, django_capture_on_commit_callbacks
    ):
        kern = KernFactory()
        data = _post(
            kern,
            ("geluid", "Geluidsinstallatie", "70,00"),
            ("eten", "Hapjes", "12,50"),
            actie="kostenregel",
            titel="Burendag Molenstraat",
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert len(response.context["kosten"].forms) == 3
        assert _waarde(html, "kosten-TOTAL_FORMS") == "3"
        assert _waarde(html, "titel") == "Burendag Molenstraat"
        assert _waarde(html, "kosten-0-omschrijving") == "Geluidsinstallatie"
        assert _waarde(html, "kosten-1-bedrag") == "12,50"
        assert _waarde(html, "kosten-2-bedrag") == ""
        assert 'value="eten" selected' in html
        vinkje = re.search(r'<input[^>]*id="id_criterium_open_voor_iedereen"[^>]*>', html)[0]
        assert "checked" in vinkje
        # The new line is where the resident goes on, also without JavaScript.
        nieuw = re.search(r'<select[^>]*id="id_kosten-2-categorie"[^>]*>', html)[0]
        assert "autofocus" in nieuw
        assert Aanvraag.objects.count() == 0
        assert mail.outbox == []

    def test_fields_not_filled_in_yet_show_no_errors(self, client):
        kern = KernFactory()
        data = _post(kern, ("geluid", "", ""), actie="kostenregel", email="", titel="")
        response = client.post(URL, data)
        html = response.content.decode()
        assert len(response.context["kosten"].forms) == 2
        assert "data-error-summary" not in html
        assert "_error" not in html
        assert Aanvraag.objects.count() == 0

    def test_added_lines_are_checked_and_saved_when_sent(self, client):
        kern = KernFactory()
        regels = [("geluid", "Geluid", "40"), ("spel", "Springkussen", "35,50")]
        data = _post(kern, *regels, actie="kostenregel")
        html = client.post(URL, data).content.decode()
        assert _waarde(html, "kosten-TOTAL_FORMS") == "3"
        data = _post(kern, *regels, ("prijzen", "Medailles", "9,95"), actie="indienen")
        assert client.post(URL, data).status_code == 302
        aanvraag = Aanvraag.objects.get()
        assert [k.bedrag for k in aanvraag.kostenposten.all()] == [D("40"), D("35.50"), D("9.95")]
        assert aanvraag.gevraagd_bedrag == D("85.45")

    def test_empty_extra_lines_are_ignored_on_submit(self, client):
        kern = KernFactory()
        data = _post(kern, ("geluid", "Geluid", "70,00"), ("eten", "Hapjes", "20"), totaal=7)
        response = client.post(URL, data)
        assert response.status_code == 302
        aanvraag = Aanvraag.objects.get()
        assert [(k.categorie, k.bedrag) for k in aanvraag.kostenposten.all()] == [
            ("geluid", D("70.00")),
            ("eten", D("20")),
        ]

    def test_a_half_filled_line_is_still_refused_next_to_its_field(self, client):
        kern = KernFactory()
        data = _post(kern, ("geluid", "Geluid", "70"), ("spel", "", ""), totaal=4)
        response = client.post(URL, data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kostenpost 2, Omschrijving: Beschrijf de kosten." in html
        assert "Kostenpost 2, Bedrag in euro: Vul het bedrag in." in html
        assert 'id="id_kosten-1-bedrag_error"' in html
        assert Aanvraag.objects.count() == 0

    @pytest.mark.parametrize("aantal", [14, 15])
    def test_at_most_fifteen_lines_with_a_clear_message(self, client, aantal):
        kern = KernFactory()
        data = _post(kern, ("geluid", "Geluid", "1"), totaal=aantal, actie="kostenregel")
        response = client.post(URL, data)
        html = response.content.decode()
        assert len(response.context["kosten"].forms) == r.MAX_KOSTENREGELS
        assert _waarde(html, "kosten-TOTAL_FORMS") == "15"
        melding = re.search(r"<p[^>]*data-kostenregels-vol[^>]*>([^<]*)</p>", html)
        assert "hidden" not in melding[0]
        assert "ten hoogste 15 kostenregels" in melding[1]
        knop = re.search(r"<button[^>]*data-kostenregel-erbij[^>]*>", html)[0]
        assert "hidden" in knop
        assert Aanvraag.objects.count() == 0

    def test_below_the_maximum_the_message_is_hidden(self, client):
        html = client.get(URL).content.decode()
        melding = re.search(r"<p[^>]*data-kostenregels-vol[^>]*>", html)[0]
        assert "hidden" in melding
        knop = re.search(r"<button[^>]*data-kostenregel-erbij[^>]*>", html)[0]
        assert "hidden" not in knop

    def test_a_forged_total_still_gives_at_most_fifteen_lines(self, client):
        kern = KernFactory()
        data = _post(kern, totaal=1000, actie="kostenregel")
        response = client.post(URL, data)
        assert len(response.context["kosten"].forms) == r.MAX_KOSTENREGELS

    def test_enter_in_a_field_sends_rather_than_adds_a_line(self, client):
        # Enter presses the first submit button of the form (HTML's implicit submission):
        # that must send, not "Nog een kostenregel"; the copy is silent and out of tab order.
        html = client.get(URL).content.decode()
        formulier = html[html.index('<form method="post"') :]
        eerste = re.search(r'<button[^>]*type="submit"[^>]*>[^<]*</button>', formulier)[0]
        assert 'value="indienen"' in eerste
        assert 'aria-hidden="true"' in eerste and 'tabindex="-1"' in eerste
        assert 'class="portal-visually-hidden"' in eerste  # not display:none or hidden
        assert formulier.index(eerste) < formulier.index('value="kostenregel"')


class TestLopendTotaal:
    def test_rule_counts_in_decimals_and_splits_like_the_contribution(self):
        t = r.kostentotaal(
            [("geluid", D("0.10")), ("prijzen", D("0.20")), ("eten", D("40.00"))],
            maximum=D("100.00"),
        )
        assert t.totaal == D("40.30")  # 0.1 + 0.2 as floats would be 0.30000000000000004
        assert t.telt_mee == D("0.30")
        assert t.bijdrage == D("0.30")
        assert t.over == D("99.70")
        assert t.boven is None
        boven = r.kostentotaal([("geluid", D("70")), ("spel", D("30.01"))], maximum=D("100"))
        assert (boven.bijdrage, boven.boven, boven.over, boven.afgetopt) == (
            D("100"),
            D("0.01"),
            None,
            True,
        )
        precies = r.kostentotaal([("geluid", D("100"))], maximum=D("100"))
        assert (precies.over, precies.boven, precies.afgetopt) == (D("0"), None, False)
        geen_max = r.kostentotaal([("geluid", D("900"))], maximum=None)
        assert (geen_max.bijdrage, geen_max.over, geen_max.boven) == (D("900"), None, None)

    def test_the_page_shows_the_total_of_the_valid_amounts_after_any_reload(self, client):
        kern = KernFactory()
        data = _post(
            kern,
            ("geluid", "Geluid", "0,10"),
            ("prijzen", "Prijzen", "0,20"),
            ("eten", "Hapjes", "40"),
            ("spel", "Fout getypt", "12,345"),  # refused: not counted
            ("", "", "5"),  # no kind yet: counted in the total only
            actie="kostenregel",
        )
        response = client.post(URL, data)
        totaal = response.context["kostentotaal"]
        assert (totaal.totaal, totaal.telt_mee) == (D("45.30"), D("0.30"))
        html = response.content.decode()
        assert re.search(r'data-testid="kosten-totaal"[^>]*>€\u00a045,30<', html)
        assert re.search(r'data-testid="kosten-telt-mee"[^>]*>€\u00a00,30<', html)
        assert "Nog €\u00a099,70 over tot het maximum van €\u00a0100,00." in html

    def test_above_the_maximum_says_how_much_and_caps_the_contribution(self, client):
        kern = KernFactory()
        data = _post(
            kern,
            ("geluid", "Geluid", "70,00"),
            ("prijzen", "Prijzen", "30,01"),
            actie="controleren",
        )
        html = client.post(URL, data).content.decode()
        assert "€\u00a00,01 boven het maximum van €\u00a0100,00" in html
        assert "€\u00a0100,00 (ten hoogste €\u00a0100,00)" in html

    def test_after_a_good_check_the_result_and_send_button_are_together(self, client):
        kern = KernFactory()
        data = _post(kern, ("geluid", "Geluid", "60"), actie="controleren")
        html = client.post(URL, data).content.decode()
        resultaat = re.search(r'<section[^>]*id="resultaat"[^>]*>', html)[0]
        assert "autofocus" in resultaat  # lands on the result, also without JavaScript
        na_resultaat = html[html.index('id="resultaat"') :]
        assert "Alles is goed ingevuld." in na_resultaat
        # Nothing but the result between the last cost line and the send button.
        # The visible send button is the last one (the first is the hidden default for Enter).
        tussen = html[html.index('id="id_kosten-0-bedrag"') : html.rindex('value="indienen"')]
        tussen = re.sub(r"<template.*?</template>", "", tussen, flags=re.S)  # inert
        assert "<input" not in tussen.split(">", 1)[1]
        assert "<select" not in tussen and "<textarea" not in tussen
        assert Aanvraag.objects.count() == 0
