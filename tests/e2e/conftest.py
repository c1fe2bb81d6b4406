"""Browser journeys: Playwright for Python driving Debian's Chromium against a live server.

Every page a journey visits goes through `axe_check`, which fails on any WCAG 2.1 A/AA
violation reported by axe-core.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in the test body are
# still synchronous, so Django's async-safety guard has to be told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# The browser crawl also applies axe's best practices (heading-order, landmark-unique, ...).
AXE_OPTIONS_STRENG = {
    "runOnly": {"type": "tag", "values": [*AXE_OPTIONS["runOnly"]["values"], "best-practice"]},
    "resultTypes": ["violations"],
}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    journeys = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    if journeys and not Path(CHROMIUM).exists() and os.environ.get("REQUIRE_SERVICES") == "1":
        raise pytest.UsageError(
            f"REQUIRE_SERVICES=1, maar {CHROMIUM} ontbreekt: installeer het Debian-pakket chromium"
        )
    for item in journeys:
        item.add_marker(pytest.mark.browser)
        if not Path(CHROMIUM).exists():
            item.add_marker(
                pytest.mark.skip(reason=f"{CHROMIUM} ontbreekt (apt-get install chromium)")
            )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe_check(axe):
    """Call after each page load: fails with axe's report when a violation is found."""

    def _check(page):
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, (
            f"axe-core op {page.url}:\n{results.generate_report()}"
        )

    return _check


@pytest.fixture
def axe_check_streng(axe):
    """axe_check with the best-practice rules as well (used by the crawl)."""

    def _check(page):
        results = axe.run(page, options=AXE_OPTIONS_STRENG)
        assert results.violations_count == 0, (
            f"axe-core (met best practices) op {page.url} bij {page.viewport_size}:\n"
            f"{results.generate_report()}"
        )

    return _check


@pytest.fixture
def sign_in_browser(axe_check):
    """Sign a member of staff in through the real form, in the browser."""
    from tests.conftest import current_code
    from tests.factories import TEST_PASSWORD

    def _sign_in(page, user):
        page.goto("/medewerker/inloggen/")
        axe_check(page)
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
        page.get_by_label("Code uit uw authenticator-app").fill(current_code())
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return _sign_in
