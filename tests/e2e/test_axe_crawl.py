"""Every page a demo account can reach from its start page, and every public page reachable
from the home page, checked with axe-core in Chromium (WCAG 2.1 A and AA)."""

from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from tests.conftest import current_code

pytestmark = pytest.mark.django_db(transaction=True)

SKIP = ("/static/", "/media/", "/beheer/", "/medewerker/uitloggen/", "mailto:", "tel:")
MAX_PAGES = 40


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # demo_data refuses to run otherwise
    call_command("seed")
    call_command("demo_data")
    settings.DEBUG = False


def _same_site_links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    links = set()
    for href in hrefs:
        parsed = urlparse(href)
        if href.startswith(base) and not parsed.path.startswith(SKIP):
            path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            # Downloads are not pages: judged by the path, as their links carry a query.
            bestand = parsed.path.endswith((".csv", ".xlsx", ".ics", ".pdf"))
            if not bestand and "/bon/" not in path:
                links.add(path)
    return links


def _crawl(page, axe_check, base: str, start: str, depth: int) -> list[str]:
    seen: list[str] = []
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for path in frontier:
            if path in seen or len(seen) >= MAX_PAGES:
                continue
            response = page.goto(path)
            seen.append(path)
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            assert response.status < 500, f"{path}: {response.status}"
            axe_check(page)
            nxt.extend(_same_site_links(page, base) - set(seen))
        frontier = sorted(set(nxt))
    return seen


def test_public_pages_reachable_from_home_are_accessible(page, axe_check, live_server, demo):
    seen = _crawl(page, axe_check, live_server.url, "/", depth=3)
    assert len(seen) > 10


@pytest.mark.parametrize(
    "username", ["kernambtenaar", "beleid", "teammanager", "wethouder", "college", "coordinator"]
)
def test_staff_pages_of_each_role_are_accessible(page, axe_check, live_server, demo, username):
    _sign_in_and_crawl(page, axe_check, live_server, username)


@pytest.mark.parametrize("username", ["kernambtenaar", "beleid"])
def test_staff_pages_are_accessible_and_fit_on_a_phone(
    phone_page, axe_check, live_server, demo, username
):
    for path in _sign_in_and_crawl(phone_page, axe_check, live_server, username):
        phone_page.goto(path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{path} is {overflow}px wider than the phone screen"


def _sign_in_and_crawl(page, axe_check, live_server, username) -> list[str]:
    page.goto("/medewerker/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_label("Code uit uw authenticator-app").fill(current_code())
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/medewerker/")
    seen = _crawl(page, axe_check, live_server.url, "/medewerker/", depth=3)
    assert len(seen) > 3
    return seen
