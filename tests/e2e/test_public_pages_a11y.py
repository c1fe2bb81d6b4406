import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    ("/", "Kerngericht werken in Buren"),
    ("/kernen/", "Kernen van de gemeente Buren"),
    ("/kernen/ingen/", "Ingen"),
    ("/privacy/", "Privacyverklaring"),
    ("/toegankelijkheid/", "Toegankelijkheidsverklaring"),
    ("/contact/", "Contact"),
    ("/mijn-links/", "Uw persoonlijke links opnieuw ontvangen"),
    ("/privacy/mijn-gegevens/", "Uw gegevens inzien of laten verwijderen"),
    ("/kernen/bestaat-niet/", "Deze pagina bestaat niet"),
]


@pytest.mark.parametrize("url,heading", PUBLIC_PAGES)
def test_public_page_is_accessible_on_a_phone(phone_page, axe_check, url, heading):
    call_command("seed")
    phone_page.goto(url)
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(phone_page.get_by_role("banner")).to_be_visible()
    expect(phone_page.get_by_role("main")).to_be_visible()
    expect(phone_page.get_by_role("contentinfo")).to_be_visible()
    axe_check(phone_page)


def test_mijn_links_error_is_announced_and_accessible(page, axe_check):
    page.goto("/mijn-links/")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Stuur mij nieuwe links").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.get_by_label("Uw e-mailadres")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Uw e-mailadres")).to_have_value("geen-adres")
    axe_check(page)


def test_resident_sees_downloads_and_asks_deletion_of_their_data(page, axe_check, live_server):
    import re as _re

    from django.core import mail

    from tests.initiatieven.factories import InitiatiefFactory

    InitiatiefFactory(email="lid@example.nl", titel="Bankje bij de kerk")
    page.goto("/privacy/mijn-gegevens/")
    page.get_by_label("Uw e-mailadres").fill("lid@example.nl")
    page.get_by_role("button", name="Stuur mij de link").click()
    axe_check(page)
    (pad,) = _re.findall(r"/privacy/mijn-gegevens/[^/\s]+/", mail.outbox[-1].body)
    page.goto(live_server.url + pad)
    expect(page.get_by_text("initiatieven: 1")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Verwijder mijn gegevens").click()
    expect(page.get_by_text("Uw verzoek om verwijdering is ontvangen")).to_be_visible()
    axe_check(page)
