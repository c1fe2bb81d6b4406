import csv
import io
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.timezone import localdate
from openpyxl import load_workbook

from budgetten import services
from budgetten.constants import AanvraagStatus, DeclaratieStatus, RegelingCode
from budgetten.models import Aanvraag, Budgetpost, Declaratie
from tests.budgetten.factories import (
    PDF,
    AanvraagFactory,
    DeclaratieFactory,
    SignaleringsgroepFactory,
    regeling,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year, localdate().year + 1)


def _datum(dagen=30):
    import datetime

    return (localdate() + datetime.timedelta(days=dagen)).isoformat()


def straat_post(kern, **kw):
    data = {
        "kern": kern.pk,
        "titel": "Straatfeest",
        "omschrijving": "Spelletjes voor de hele straat",
        "activiteit_datum": _datum(),
        "naam": "Anna",
        "email": "anna@example.org",
        "straat": "Dorpsstraat",
        "activiteit_soort": "straatfeest",
        "doelgroep": "iedereen",
        "criterium_open_voor_iedereen": "on",
        "criterium_maakt_straat_beter": "on",
        "criterium_contact_buren": "on",
        "kosten-TOTAL_FORMS": "5",
        "kosten-INITIAL_FORMS": "0",
        "kosten-0-categorie": "geluid",
        "kosten-0-omschrijving": "Geluid",
        "kosten-0-bedrag": "70,00",
        "kosten-1-categorie": "prijzen",
        "kosten-1-omschrijving": "Prijzen",
        "kosten-1-bedrag": "30,01",
        "kosten-2-categorie": "eten",
        "kosten-2-omschrijving": "Hapjes",
        "kosten-2-bedrag": "50",
        "actie": "indienen",
    }
    data.update(kw)
    return data


class TestAanvragenDoorInwoner:
    url = "/budgetten/aanvragen/straatbijeenkomst/"

    def test_check_shows_computed_contribution_without_saving(self, client):
        kern = KernFactory()
        response = client.post(self.url, straat_post(kern, actie="controleren"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "€\u00a0100,01" in html  # eligible sum
        assert "€\u00a0100,00 (ten hoogste €\u00a0100,00)" in html
        assert Aanvraag.objects.count() == 0

    def test_submit_confirm_and_follow_with_personal_link(
        self, client, django_capture_on_commit_callbacks
    ):
        kern = KernFactory()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(self.url, straat_post(kern))
        assert response.status_code == 302
        aanvraag = Aanvraag.objects.get()
        assert aanvraag.gevraagd_bedrag == D("100.00")
        link = re.search(r"http://\S+/budgetten/aanvraag/bevestigen/\S+/", mail.outbox[0].body)[0]
        pad = link.split("://", 1)[1].split("/", 1)[1]
        assert client.get("/" + pad).status_code == 200
        aanvraag.refresh_from_db()
        assert aanvraag.status == AanvraagStatus.ONBEVESTIGD  # GET only shows a button
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/" + pad)
        assert response.status_code == 302
        page = client.get(response["Location"])
        assert "Straatfeest" in page.content.decode()
        aanvraag.refresh_from_db()
        assert aanvraag.status == AanvraagStatus.INGEDIEND

    def test_each_failing_rule_is_shown_next_to_its_field(self, client):
        kern = KernFactory()
        data = straat_post(
            kern,
            activiteit_datum="2000-01-01",
            **{"kosten-0-bedrag": "12,345", "criterium_open_voor_iedereen": ""},
        )
        response = client.post(self.url, data)
        html = response.content.decode()
        assert "twee cijfers achter de komma" in html
        assert Aanvraag.objects.count() == 0
        data = straat_post(kern, activiteit_datum="2000-01-01")
        del data["criterium_open_voor_iedereen"]
        html = client.post(self.url, data).content.decode()
        assert "verleden" in html
        assert 'id="id_criterium_open_voor_iedereen_error"' in html

    @pytest.mark.parametrize(
        ("bedrag", "melding"),
        [
            ("-5", "negatief"),
            ("0", "meer dan €"),
            ("veel", "in cijfers"),
            ("10,555", "twee cijfers"),
            ("99999999", "te hoog"),
            ("2000,01", "€ 2.000,00"),
        ],
    )
    def test_bad_amounts_are_refused_with_a_clear_message(self, client, bedrag, melding):
        kern = KernFactory()
        data = {
            "kern": kern.pk,
            "titel": "Bankjes",
            "omschrijving": "x",
            "activiteit_datum": _datum(),
            "naam": "B",
            "email": "b@example.org",
            "gevraagd_bedrag": bedrag,
            "draagvlak": "De buren",
            "criterium_effect_leefomgeving": "on",
            "criterium_brengt_samen": "on",
            "criterium_meerdere_inwoners": "on",
            "criterium_open_voor_iedereen": "on",
            "actie": "indienen",
        }
        response = client.post("/budgetten/aanvragen/leefbaarheid/", data)
        assert response.status_code == 200
        assert melding in response.content.decode()
        assert Aanvraag.objects.count() == 0

    def test_application_can_belong_to_an_initiatief(self, client):
        from initiatieven.constants import InitiatiefStatus
        from tests.initiatieven.factories import InitiatiefFactory

        ini = InitiatiefFactory(titel="Speeltuin", status=InitiatiefStatus.TOEGEZEGD)
        response = client.get(f"/budgetten/aanvragen/bijzonder/?initiatief={ini.pk}")
        assert "Speeltuin" in response.content.decode()

    @pytest.mark.parametrize("status", ["afgewezen", "ingetrokken", "ingediend"])
    def test_the_form_never_shows_the_title_of_a_non_public_initiatief(self, client, status):
        from tests.initiatieven.factories import InitiatiefFactory

        ini = InitiatiefFactory(titel="Geheim plan van de buren", status=status)
        response = client.get(f"/budgetten/aanvragen/bijzonder/?initiatief={ini.pk}")
        assert response.status_code == 200
        assert "Geheim plan van de buren" not in response.content.decode()

    def test_an_application_is_linked_only_to_the_applicants_own_initiatief(self, client):
        from tests.initiatieven.factories import InitiatiefFactory

        kern = KernFactory()
        van_anna = InitiatiefFactory(kern=kern, email="Anna@example.org")
        van_een_ander = InitiatiefFactory(kern=kern, email="iemand@example.org")
        url = f"{self.url}?initiatief={van_een_ander.pk}"
        assert client.post(url, straat_post(kern)).status_code == 302
        assert Aanvraag.objects.get().initiatief is None
        Aanvraag.objects.all().delete()
        url = f"{self.url}?initiatief={van_anna.pk}"
        assert client.post(url, straat_post(kern)).status_code == 302
        assert Aanvraag.objects.get().initiatief == van_anna

    def test_forged_personal_link_reveals_nothing(self, client):
        assert client.get("/budgetten/mijn-aanvraag/nep/").status_code == 404


class TestBesluitenDoorMedewerker:
    def test_kernambtenaar_grants_part_and_applicant_gets_mail(
        self, client, signed_in, django_capture_on_commit_callbacks
    ):
        kern = KernFactory()
        ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
        a = AanvraagFactory(kern=kern, gevraagd_bedrag=D("800"))
        signed_in(ambtenaar)
        url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": a.pk})
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url, {"besluit": "ja", "bedrag": "600,00", "motivering": "Zonder catering"}
            )
        assert response.status_code == 302
        a.refresh_from_db()
        assert (a.status, a.toegekend_bedrag, a.besluit_door) == (
            AanvraagStatus.TOEGEKEND,
            D("600"),
            ambtenaar,
        )
        assert mail.outbox[-1].to == [a.email]
        response = client.post(url, {"besluit": "nee", "motivering": "toch niet"})
        assert response.status_code == 400
        assert "al besloten" in response.content.decode()
        a.refresh_from_db()
        assert a.status == AanvraagStatus.TOEGEKEND

    def test_kernambtenaar_of_another_kern_cannot_decide(self, client, signed_in):
        a = AanvraagFactory()
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
        url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": a.pk})
        assert client.post(url, {"besluit": "ja", "bedrag": "10"}).status_code == 403
        a.refresh_from_db()
        assert a.status == AanvraagStatus.INGEDIEND

    def test_college_cannot_decide_leefbaarheid_and_kernambtenaar_not_bijzonder(
        self, client, signed_in
    ):
        kern = KernFactory()
        leef = AanvraagFactory(kern=kern)
        bijz = AanvraagFactory(
            kern=kern, regeling=regeling(RegelingCode.BIJZONDER), status=AanvraagStatus.BIJ_COLLEGE
        )
        signed_in(MedewerkerFactory(rollen=["college"]))
        url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": leef.pk})
        assert client.post(url, {"besluit": "ja", "bedrag": "10"}).status_code == 403
        client.logout()
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
        url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": bijz.pk})
        assert client.post(url, {"besluit": "ja", "bedrag": "10"}).status_code == 403

    def test_refused_decision_shows_message_and_saves_nothing(self, client, signed_in):
        kern = KernFactory()
        a = AanvraagFactory(kern=kern, gevraagd_bedrag=D("500"))
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
        url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": a.pk})
        response = client.post(url, {"besluit": "ja", "bedrag": "500,01"})
        assert response.status_code == 400
        assert "niet meer toekennen dan is gevraagd" in response.content.decode()
        assert not Budgetpost.objects.exists()


class TestExportsEnCijfers:
    def _besluit(self):
        kern = KernFactory(naam="Ingen-test")
        a = AanvraagFactory(kern=kern, naam="Geheime Naam", titel="=HYPERLINK(1)")
        services.aanvraag_besluiten(
            aanvraag_id=a.pk,
            door=MedewerkerFactory(rollen=["beleidsmedewerker"]),
            toekennen=True,
            bedrag=D("450.50"),
            motivering="Deels toegekend",
        )
        return a

    def test_csv_and_xlsx_for_staff(self, client, signed_in):
        a = self._besluit()
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[a.kern]))
        response = client.get(reverse("budgetten:export_csv") + f"?jaar={a.jaar}")
        assert response["Content-Type"].startswith("text/csv")
        rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rijen[1][8] == "450,50"
        assert rijen[1][3] == "'=HYPERLINK(1)"  # no formula injection
        response = client.get(reverse("budgetten:export_xlsx") + f"?jaar={a.jaar}")
        ws = load_workbook(io.BytesIO(response.content)).active
        assert ws.cell(row=2, column=9).value == 450.5

    def test_export_follows_the_scope_of_the_pages(self, client, signed_in):
        """A kernambtenaar exports their own kernen only (issue: every kern with names)."""
        eigen = self._besluit()
        ander = AanvraagFactory(kern=KernFactory(naam="Andere-kern"), naam="Ander Persoon")
        services.aanvraag_besluiten(
            aanvraag_id=ander.pk,
            door=MedewerkerFactory(rollen=["beleidsmedewerker"]),
            toekennen=False,
            bedrag=None,
            motivering="Past niet",
        )
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[eigen.kern]))
        for naam in ("export_csv", "export_xlsx"):
            response = client.get(reverse(f"budgetten:{naam}") + f"?jaar={eigen.jaar}")
            assert response.status_code == 200
            inhoud = (
                response.content.decode("utf-8-sig")
                if naam == "export_csv"
                else " ".join(
                    str(c.value)
                    for rij in load_workbook(io.BytesIO(response.content)).active.iter_rows()
                    for c in rij
                )
            )
            assert "Ingen-test" in inhoud
            assert "Andere-kern" not in inhoud
            assert "Ander Persoon" not in inhoud

    def test_export_is_staff_only(self, client):
        response = client.get(reverse("budgetten:export_csv"))
        assert response.status_code == 302

    def test_public_page_shows_amounts_per_kern_without_personal_data(self, client):
        a = self._besluit()
        html = client.get(f"/budgetten/cijfers/{a.jaar}/").content.decode()
        assert "Ingen-test" in html
        assert "€\u00a0450,50" in html
        assert "Geheime Naam" not in html
        assert a.email not in html


class TestDeclaraties:
    def test_coordinator_files_with_receipt_and_type_is_checked(self, client, signed_in):
        groep = SignaleringsgroepFactory()
        signed_in(MedewerkerFactory(rollen=["coordinator-signalering"]))
        url = reverse("budgetten:declaratie_nieuw")
        data = {
            "groep": groep.pk,
            "datum": localdate().isoformat(),
            "omschrijving": "Hesjes",
            "bedrag": "45,00",
        }
        nep = SimpleUploadedFile("bon.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
        response = client.post(url, {**data, "bon": nep})
        assert "geen PDF, JPG of PNG" in response.content.decode()
        response = client.post(url, data)
        assert "Voeg de bon" in response.content.decode()
        response = client.post(url, {**data, "bon": SimpleUploadedFile("x.pdf", PDF)})
        assert response.status_code == 302
        d = Declaratie.objects.get()
        assert d.bon.name.endswith(".pdf") and "x.pdf" not in d.bon.name

    def test_too_large_receipt_is_refused(self, client, signed_in):
        groep = SignaleringsgroepFactory()
        signed_in(MedewerkerFactory(rollen=["coordinator-signalering"]))
        groot = SimpleUploadedFile("b.pdf", PDF + b"0" * (5 * 1024 * 1024))
        response = client.post(
            reverse("budgetten:declaratie_nieuw"),
            {
                "groep": groep.pk,
                "datum": localdate().isoformat(),
                "omschrijving": "x",
                "bedrag": "5",
                "bon": groot,
            },
        )
        assert "groter dan 5 MB" in response.content.decode()

    def test_beleidsmedewerker_of_team_veiligheid_approves(self, client, signed_in):
        d = DeclaratieFactory(groep=SignaleringsgroepFactory(kernen=[KernFactory(), KernFactory()]))
        veiligheid = TeamFactory(naam="Veiligheid", slug="veiligheid")
        signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"], team=veiligheid))
        url = reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": d.pk})
        assert client.post(url, {"besluit": "ja"}).status_code == 302
        d.refresh_from_db()
        assert d.status == DeclaratieStatus.GOEDGEKEURD
        assert (
            client.get(
                reverse("budgetten:declaratie_bon", kwargs={"declaratie_pk": d.pk})
            ).status_code
            == 200
        )

    def test_kernambtenaar_of_the_groups_kern_does_not_decide(self, client, signed_in):
        # DOMAIN.md: team Veiligheid decides and pays; a kernambtenaar has no say here.
        kern = KernFactory()
        d = DeclaratieFactory(groep=SignaleringsgroepFactory(kernen=[kern]))
        signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
        url = reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": d.pk})
        assert client.get(url).status_code == 403
        assert client.post(url, {"besluit": "ja"}).status_code == 403
        assert client.get(reverse("budgetten:vergoeding")).status_code == 403
        d.refresh_from_db()
        assert d.status == DeclaratieStatus.INGEDIEND

    def test_beleidsmedewerker_of_another_team_does_not_decide(self, client, signed_in):
        d = DeclaratieFactory()
        signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"], team=TeamFactory()))
        url = reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": d.pk})
        assert client.post(url, {"besluit": "ja"}).status_code == 403

    def test_coordinator_cannot_approve_own_declaration(self, client, signed_in):
        d = DeclaratieFactory()
        signed_in(d.ingediend_door)
        url = reverse("budgetten:declaratie_detail", kwargs={"declaratie_pk": d.pk})
        assert client.get(url).status_code == 200
        assert client.post(url, {"besluit": "ja"}).status_code == 403


class TestDashboardEnStartpagina:
    def test_kern_dashboard_shows_money_left(self, client, signed_in):
        kern = KernFactory()
        ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
        a = AanvraagFactory(kern=kern, activiteit_datum=localdate())
        services.aanvraag_besluiten(
            aanvraag_id=a.pk, door=ambtenaar, toekennen=True, bedrag=D("500"), motivering=""
        )
        signed_in(ambtenaar)
        html = client.get(f"/medewerker/kernen/{kern.slug}/dashboard/").content.decode()
        assert "Budget van de kern" in html
        assert "€\u00a01.500,00" in html

    def test_college_sees_its_queue_on_the_start_page(self, client, signed_in):
        signed_in(MedewerkerFactory(rollen=["college"]))
        html = client.get("/medewerker/").content.decode()
        assert reverse("budgetten:college") in html

    def test_mijn_links_sends_fresh_links_that_revoke_old_ones_once_opened(
        self, client, django_capture_on_commit_callbacks
    ):
        a = AanvraagFactory(email="c@example.org")
        oud = services.AANVRAAG_LINK.pad(a)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/mijn-links/", {"email": "c@example.org"})
        (nieuw,) = re.findall(r"/budgetten/mijn-aanvraag/[^/\s]+/", mail.outbox[-1].body)
        assert client.get(oud).status_code == 200
        assert client.get(nieuw).status_code == 200
        assert client.get(oud).status_code == 404
