"""A resident follows a kern (subscribe, confirm, the weekly mail, unsubscribe), and a group
takes up a Right to Challenge (a missing answer first, then sent). Axe on every page."""

import re
from datetime import datetime, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import expect

from initiatieven.constants import InitiatiefSoort, InitiatiefStatus
from initiatieven.models import Initiatief
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from volgen import services
from volgen.models import Abonnement

pytestmark = pytest.mark.django_db(transaction=True)
AMS = ZoneInfo("Europe/Amsterdam")


def _pad(body: str, deel: str) -> str:
    return urlparse(re.search(rf"https?://\S+{deel}\S+/", body).group(0)).path


def test_a_resident_follows_a_kern_gets_the_weekly_mail_and_unsubscribes(page, axe_check):
    zoelen = KernFactory(naam="Zoelen", slug="zoelen")
    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Volg uw kern: elke week het nieuws per e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Volg uw kern")
    axe_check(page)

    # Bad input first: messages at the fields, the choice kept.
    page.get_by_label("Welke kern wilt u volgen?").select_option(label="Zoelen")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Aanmelden").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
    expect(summary).to_contain_text("Ga akkoord met de privacyverklaring")
    axe_check(page)
    assert Abonnement.objects.count() == 0

    page.get_by_label("Uw e-mailadres").fill("anna@voorbeeld.nl")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijna klaar: bevestig uw aanmelding")
    axe_check(page)

    (bevestig,) = [m for m in mail.outbox if m.to == ["anna@voorbeeld.nl"]]
    page.goto(_pad(bevestig.body, "/volgen/bevestigen/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig dat u Zoelen wilt volgen")
    axe_check(page)
    page.get_by_role("button", name="Ja, ik wil Zoelen volgen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U volgt Zoelen")
    axe_check(page)
    assert Abonnement.objects.get().is_bevestigd

    # A week with news: the mail comes, with the unsubscribe link and header.
    InitiatiefFactory(
        kern=zoelen,
        titel="Jeu de boules-baan bij de kerk",
        status=InitiatiefStatus.TOEGEZEGD,
        status_sinds=datetime(2026, 3, 25, 12, 0, tzinfo=AMS),
    )
    mail.outbox.clear()
    assert services.weekmails_versturen(nu=datetime(2026, 3, 30, 8, 0, tzinfo=AMS)).mails == 1
    (weekmail,) = mail.outbox
    assert "Jeu de boules-baan bij de kerk" in weekmail.body
    afmelden = _pad(weekmail.body, "/volgen/afmelden/")
    assert afmelden in weekmail.extra_headers["List-Unsubscribe"]

    page.goto(afmelden)
    expect(page.get_by_role("heading", level=1)).to_have_text("Afmelden voor de wekelijkse e-mail")
    axe_check(page)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent afgemeld")
    axe_check(page)
    assert Abonnement.objects.get().is_opgezegd
    mail.outbox.clear()
    later = datetime(2026, 3, 30, 8, 0, tzinfo=AMS) + timedelta(days=7)
    InitiatiefFactory(
        kern=zoelen, status=InitiatiefStatus.TOEGEZEGD, status_sinds=later - timedelta(days=3)
    )
    assert services.weekmails_versturen(nu=later).mails == 0


def test_a_group_takes_up_a_right_to_challenge(page, axe_check):
    ingen = KernFactory(naam="Ingen", slug="ingen")
    MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen])
    page.goto("/")
    page.get_by_role("link", name="Right to Challenge: een taak van de gemeente overnemen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Right to Challenge: een taak van de gemeente overnemen"
    )
    axe_check(page)
    page.get_by_role("link", name="Right to Challenge indienen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw idee voor de kern")
    expect(
        page.get_by_label("Right to Challenge: een taak van de gemeente overnemen")
    ).to_be_checked()
    axe_check(page)

    page.get_by_label("In welke kern?").select_option(label="Ingen")
    page.get_by_label("Geef uw idee een korte naam").fill("Wij maaien het dorpsveld")
    page.get_by_label("Wat wilt u doen, en waarom?").fill("De speelvereniging maait het veld.")
    page.get_by_label("Voor wie is het?").fill("Alle inwoners van Ingen")
    page.get_by_label("Welke taak van de gemeente wilt u overnemen?").fill(
        "Het maaien van het grasveld achter het dorpshuis."
    )
    page.get_by_label("Wie gaan de taak uitvoeren?").fill(
        "Zes vrijwilligers van de speelvereniging."
    )
    page.get_by_label("Uw naam").fill("Sam Visser")
    page.get_by_label("Uw e-mailadres").fill("sam@voorbeeld.nl")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Idee versturen").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Leg uit waarom u het beter of goedkoper kunt doen.")
    expect(page.locator("#id_rtc_waarom_beter_error")).to_contain_text("beter of goedkoper")
    expect(page.get_by_label("Welke taak van de gemeente wilt u overnemen?")).to_have_value(
        "Het maaien van het grasveld achter het dorpshuis."
    )
    axe_check(page)
    assert Initiatief.objects.count() == 0

    page.get_by_label("Waarom kunt u dit beter of goedkoper doen dan de gemeente?").fill(
        "Wij wonen ernaast, maaien vaker en gebruiken onze eigen machine."
    )
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Idee versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bijna klaar: bevestig uw e-mailadres"
    )
    axe_check(page)
    initiatief = Initiatief.objects.get()
    assert initiatief.soort == InitiatiefSoort.RIGHT_TO_CHALLENGE
    assert initiatief.rtc_waarom_beter.startswith("Wij wonen ernaast")


def test_the_volunteer_pages_and_the_nomination_form_are_accessible(page, axe_check):
    KernFactory(naam="Maurik", slug="maurik")
    page.goto("/vrijwilligers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijwilligers en actieve inwoners")
    axe_check(page)
    page.get_by_role("link", name="De vrijwilligersprijzen").first.click()
    axe_check(page)
    page.get_by_role("link", name="Iemand voordragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een vrijwilliger voordragen")
    page.get_by_role("button", name="Voordracht versturen").click()
    expect(page.locator("[data-error-summary]")).to_contain_text(
        "Vul de naam in van wie u voordraagt."
    )
    axe_check(page)
