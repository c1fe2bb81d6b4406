"""A newcomer opens the API documentation, tries a collection and gets data, with the
strict CSP in force: no console error (a blocked script or style would log one), and no
axe-core violation on the page, folded or with an answer open."""

import pytest
from playwright.sync_api import expect

from tests.opendata.data import bouw

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_documentation_page_works_under_the_csp(page, axe_check):
    bouw(1)
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: meldingen.append(f"pageerror: {e}"))

    page.goto("/api/")
    expect(page.get_by_role("heading", level=1).first).to_have_text(
        "Open data van kerngericht werken in Buren"
    )
    blokken = page.locator(".opblock-summary")
    expect(blokken.first).to_be_visible()
    assert blokken.count() == 19
    axe_check(page)

    page.locator("#operations-kernen-kernen_list .opblock-summary-control").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    antwoord = page.locator("#operations-kernen-kernen_list .live-responses-table")
    expect(antwoord.locator("tbody .response-col_status").first).to_have_text("200")
    expect(antwoord).to_contain_text('"totaal": 1')
    axe_check(page)

    assert meldingen == []
