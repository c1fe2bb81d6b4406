"""Every page a demo account can reach from its start page, and every public page reachable
from the home page, for every role, at 1280 and at 320 CSS px (WCAG 1.4.10 reflow), checked
with axe-core in Chromium (WCAG 2.1 A and AA and axe's best practices): no violation, no
horizontal scroll, and no own link that answers 4xx or 5xx.

To keep the run short, pages of one shape (/medewerker/vragen/12/ and /13/) are visited once:
they share their template, and the shape is what can break.
"""

import re
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from tests.conftest import current_code

pytestmark = pytest.mark.django_db(transaction=True)

# The API's documentation page is Swagger UI (third-party markup with its own <main> and
# headings): its WCAG check is tests/e2e/test_opendata_documentatie.py; best practices not.
SKIP = (
    "/static/",
    "/media/",
    "/beheer/",
    "/medewerker/uitloggen/",
    "mailto:",
    "tel:",
    "/api/v1/documentatie",
)
MAX_PAGES = 40
DESKTOP = {"width": 1280, "height": 900}
SMAL = {"width": 320, "height": 640}
ROLLEN = ["kernambtenaar", "beleid", "teammanager", "wethouder", "college", "coordinator", "beheer"]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # demo_data refuses to run otherwise
    call_command("seed")
    call_command("demo_data")
    settings.DEBUG = False


def _vorm(path: str) -> str:
    """/medewerker/vragen/12/?pagina=2 -> /medewerker/vragen/#/?pagina=#"""
    return re.sub(r"\d+", "#", path)


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


def _overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def _verzamel(fouten: list[str], axe_check, page) -> None:
    """Run axe and keep its report, so one run lists every page that fails."""
    try:
        axe_check(page)
    except AssertionError as fout:
        fouten.append(str(fout))


def _crawl(page, axe_check, base: str, start: str, depth: int = 3) -> list[str]:
    """Breadth-first from `start`; each page at 1280 px, then at 320 px."""
    seen: list[str] = []
    vormen: set[str] = set()
    frontier = [start]
    fouten: list[str] = []
    for _ in range(depth):
        nxt = []
        for path in frontier:
            if path in seen or _vorm(path) in vormen or len(seen) >= MAX_PAGES:
                continue
            page.set_viewport_size(DESKTOP)
            response = page.goto(path)
            seen.append(path)
            vormen.add(_vorm(path))
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            if response.status >= 400:
                fouten.append(f"{path}: {response.status}")
                continue
            _verzamel(fouten, axe_check, page)
            nxt.extend(_same_site_links(page, base) - set(seen))
            page.set_viewport_size(SMAL)
            _verzamel(fouten, axe_check, page)
            if (breder := _overflow(page)) > 1:
                fouten.append(f"{path} is {breder}px breder dan 320 px")
        frontier = sorted(set(nxt))
    assert not fouten, "\n".join(fouten)
    return seen


def test_public_pages_reachable_from_home_are_accessible(page, axe_check_streng, live_server, demo):
    seen = _crawl(page, axe_check_streng, live_server.url, "/")
    assert len(seen) > 10
    # The legal pages (made from core/data/, core.juridisch) are among them.
    assert {"/toegankelijkheid/", "/contact/", "/privacy/"} <= set(seen), seen


@pytest.mark.parametrize("username", ROLLEN)
def test_staff_pages_of_each_role_are_accessible_at_1280_and_320(
    page, axe_check_streng, live_server, demo, username
):
    page.goto("/medewerker/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_label("Code uit uw authenticator-app").fill(current_code())
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/medewerker/")
    seen = _crawl(page, axe_check_streng, live_server.url, "/medewerker/")
    assert len(seen) > 3
