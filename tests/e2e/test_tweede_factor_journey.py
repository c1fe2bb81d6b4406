"""A new medewerker sets up an authenticator app from the invitation mail, in the browser."""

import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.services import tweede_factor_uitnodigen
from tests.factories import TEST_PASSWORD, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _geen_zijwaartse_scroll(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_medewerker_sets_up_the_app_from_the_invitation_and_is_signed_in(page, axe_check_streng):
    medewerker = MedewerkerFactory(rollen=["kernambtenaar"], email="nieuw@buren.example")
    tweede_factor_uitnodigen(medewerker=medewerker)  # commits: the mail goes out (eager)
    assert [m.to for m in mail.outbox] == [["nieuw@buren.example"]]
    pad = re.search(r"https?://\S+?(/medewerker/tweede-factor/\S+/)", mail.outbox[0].body)[1]

    def _streng_op_beide_breedtes():
        axe_check_streng(page)
        page.set_viewport_size({"width": 320, "height": 640})
        assert _geen_zijwaartse_scroll(page) <= 0
        axe_check_streng(page)
        page.set_viewport_size({"width": 1280, "height": 800})

    # Step 1: only the password; no QR code and no key before it is right.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(pad)
    expect(page.get_by_role("heading", level=1)).to_have_text("Authenticator-app instellen")
    expect(page.get_by_role("heading", name="Stap 1 van 2: uw wachtwoord")).to_be_visible()
    expect(page.get_by_text(medewerker.username, exact=True)).to_be_visible()
    expect(
        page.get_by_role("img", name="QR-code om uw authenticator-app in te stellen")
    ).to_have_count(0)
    expect(page.locator("#sleutel")).to_have_count(0)
    expect(page.get_by_label("Code uit uw authenticator-app")).to_have_count(0)
    _streng_op_beide_breedtes()

    # A typo in the password: the error summary gets the focus, still step 1.
    page.get_by_label("Uw wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Verder").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("Het wachtwoord klopt niet")
    expect(summary).to_be_focused()
    expect(page.locator("#sleutel")).to_have_count(0)
    _streng_op_beide_breedtes()

    page.get_by_label("Uw wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Verder").click()

    # Step 2: the QR code, the key and the first code.
    expect(page.get_by_role("heading", name="Stap 2 van 2: app koppelen")).to_be_visible()
    expect(
        page.get_by_role("img", name="QR-code om uw authenticator-app in te stellen")
    ).to_be_visible()
    expect(page.get_by_label("Uw wachtwoord")).to_have_count(0)
    _streng_op_beide_breedtes()

    # A typo in the code: the error at the field, still step 2 with the same key.
    sleutel = page.locator("#sleutel").inner_text().replace(" ", "")
    fout = f"{(totp(b32decode(sleutel)) + 1) % 1_000_000:06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(fout)
    page.get_by_role("button", name="App instellen en inloggen").click()
    expect(summary).to_contain_text("De code klopt niet")
    expect(summary).to_be_focused()
    expect(page.locator("#sleutel")).to_have_text(re.compile(r"[A-Z2-7 ]+"))
    assert page.locator("#sleutel").inner_text().replace(" ", "") == sleutel
    _streng_op_beide_breedtes()

    # What the person would type into the app by hand, read from the page itself. django-otp
    # waits a second after a wrong code before it checks again.
    page.wait_for_timeout(1100)
    code = f"{totp(b32decode(sleutel)):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="App instellen en inloggen").click()

    expect(page).to_have_url(re.compile(r"/medewerker/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.get_by_text("Uw authenticator-app is ingesteld")).to_be_visible()
    axe_check_streng(page)
