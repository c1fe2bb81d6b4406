"""Load the demo data as `make run` does and walk the portal as every demo account.

Follows every link on each role's start page, and from there every same-site link one
level deeper, and asserts none of them fails. Catches pages that break on real demo data.
"""

import re

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import Medewerker
from tests.conftest import current_code

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/media/", "/beheer/", "/medewerker/uitloggen/")


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # demo_data refuses to run otherwise
    call_command("seed")
    call_command("demo_data")
    settings.DEBUG = False


def _links(response) -> set[str]:
    return {h for h in HREF.findall(response.content.decode()) if not h.startswith(SKIP)}


def _crawl(client, start: str, depth: int = 2) -> dict[str, int]:
    seen: dict[str, int] = {}
    frontier = [start]
    for _ in range(depth):
        next_frontier = []
        for url in frontier:
            if url in seen:
                continue
            response = client.get(url)
            seen[url] = response.status_code
            if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                next_frontier.extend(_links(response) - seen.keys())
        frontier = next_frontier
    return seen


@pytest.mark.parametrize("username", [account[0] for account in DEMO_ACCOUNTS])
def test_every_demo_account_can_sign_in_and_walk_its_pages(client, demo, username):
    user = Medewerker.objects.get(username=username)
    response = client.post(
        "/medewerker/inloggen/",
        {"username": user.username, "password": DEMO_PASSWORD, "code": current_code()},
    )
    assert response.status_code == 302, username
    seen = _crawl(client, "/medewerker/")
    broken = {url: code for url, code in seen.items() if code >= 500 or code == 404}
    assert not broken, broken
    assert len(seen) > 3


def test_public_site_has_no_broken_links_with_demo_data(client, demo):
    seen = _crawl(client, "/", depth=3)
    broken = {url: code for url, code in seen.items() if code >= 400}
    assert not broken, broken
    assert any(url.startswith("/kernen/") for url in seen)
