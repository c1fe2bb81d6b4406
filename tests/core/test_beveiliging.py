"""Headers, no-store, the upload limit, the idle timeout and tokens kept out of the logs."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core.links import maak_token
from core.logfilter import TokensUitLogs, zonder_tokens


def test_every_page_says_which_browser_features_it_never_uses(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_public_page_may_be_cached_but_a_personal_link_page_may_not(client, db):
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    token = maak_token(soort="vraag", pk=999999, versie=1)
    response = client.get(f"/vragen/mijn/{token}/")
    assert response.status_code == 404  # unknown, and still not stored by a cache
    assert response["Cache-Control"] == "no-store"


def test_staff_pages_and_downloads_are_never_stored(client, signed_in, kernambtenaar):
    signed_in(kernambtenaar)
    for url in ["/medewerker/", "/medewerker/budgetten/export.csv"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, db, settings):
    settings.MAX_VERZOEK_BYTES = 1000
    response = client.post(
        "/vragen/stellen/", data="x" * 2000, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert "Er is niets opgeslagen" in response.content.decode()


def test_a_staff_session_ends_after_half_an_hour_without_a_request(
    client, signed_in, kernambtenaar
):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        signed_in(kernambtenaar)
        assert client.get("/medewerker/").status_code == 200
        reis.shift(timedelta(minutes=29))
        assert client.get("/medewerker/").status_code == 200  # activity keeps it alive
        reis.shift(timedelta(minutes=31))
        response = client.get("/medewerker/")
    assert response.status_code == 302
    assert response["Location"].startswith("/medewerker/inloggen/")
    follow = client.get(response["Location"])
    assert "niet actief" in follow.content.decode()


def test_the_absolute_session_limit_is_twelve_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert settings.SESSION_IDLE_SECONDEN == 30 * 60


def test_personal_link_tokens_never_reach_a_log_line(db):
    token = maak_token(soort="vraag", pk=12, versie=3)
    pad = f"/vragen/mijn/{token}/"
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (pad,), None
    )
    TokensUitLogs().filter(record)
    assert token not in record.getMessage()
    assert record.getMessage() == "Not Found: /vragen/mijn/[link]/"
    assert zonder_tokens("/medewerker/vragen/12/") == "/medewerker/vragen/12/"


def test_database_connections_are_checked_before_reuse(settings):
    assert settings.DATABASES["default"].get("CONN_HEALTH_CHECKS") is True


@pytest.fixture
def limieten_aan(settings):
    settings.RATELIMIT_ENABLE = True


def test_mijn_links_accepts_three_requests_per_address_per_hour(client, db, limieten_aan):
    for _ in range(3):
        response = client.post("/mijn-links/", {"email": "slachtoffer@example.nl"})
        assert response.status_code == 302
    response = client.post("/mijn-links/", {"email": "Slachtoffer@example.nl "})
    assert response.status_code == 429
    assert "Er is niets opgeslagen" in response.content.decode()
    assert response["Retry-After"] == "3600"
    # another address from the same client is still served
    assert client.post("/mijn-links/", {"email": "ander@example.nl"}).status_code == 302
    # and reading the page is never limited
    assert client.get("/mijn-links/").status_code == 200


def test_behind_the_proxy_the_client_address_is_read_from_the_right(rf, settings):
    from core.beveiliging import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "192.0.2.7"  # the spoofed 6.6.6.6 is ignored
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "6.6.6.6"


def test_gunicorn_access_log_lines_carry_no_token(db):
    from types import SimpleNamespace

    from gunicorn.config import Config

    from core.logfilter import GunicornLogger

    token = maak_token(soort="initiatief", pk=4, versie=1)
    logger = GunicornLogger(Config())
    request = SimpleNamespace(
        method="GET", uri=f"/initiatieven/mijn/{token}/", path=f"/initiatieven/mijn/{token}/",
        query="", version=(1, 1), headers=[],
    )  # fmt: skip
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    environ = {
        "REMOTE_ADDR": "192.0.2.1", "RAW_URI": request.uri, "REQUEST_METHOD": "GET",
        "SERVER_PROTOCOL": "HTTP/1.1", "PATH_INFO": request.path, "QUERY_STRING": "",
    }  # fmt: skip
    from datetime import timedelta as td

    atoms = logger.atoms(response, request, environ, td(seconds=0.1))
    assert token not in atoms["r"] and "[link]" in atoms["r"]
    assert token not in atoms["U"]


@pytest.mark.parametrize(
    ("url", "groep"),
    [("/vragen/stellen/", "vraag"), ("/budgetten/aanvragen/straatbijeenkomst/", "aanvraag")],
)
def test_public_forms_take_five_submissions_per_address_per_hour(
    client, db, limieten_aan, url, groep
):
    """Whatever the form says about the input, the sixth POST with the same address within
    the hour is refused before the view runs, so nothing is saved and no mail goes out."""
    from django.core import mail

    for _ in range(5):
        assert client.post(url, {"email": "doelwit@example.nl"}).status_code != 429
    response = client.post(url, {"email": "doelwit@example.nl"})
    assert response.status_code == 429
    verstuurd = len(mail.outbox)
    assert client.post(url, {"email": "doelwit@example.nl"}).status_code == 429
    assert len(mail.outbox) == verstuurd


def test_one_client_address_gets_thirty_public_submissions_per_hour(client, db, limieten_aan):
    for n in range(30):
        assert client.post("/vragen/stellen/", {"email": f"a{n}@example.nl"}).status_code != 429
    assert client.post("/vragen/stellen/", {"email": "nieuw@example.nl"}).status_code == 429


def test_adding_cost_lines_does_not_use_up_the_per_address_limit(client, db, limieten_aan):
    """Without JavaScript every "Nog een kostenregel" is a POST; it sends no mail, so it
    counts per client address only, and the application can still be sent afterwards."""
    from tests.budgetten.factories import seed_regelingen

    seed_regelingen()
    url = "/budgetten/aanvragen/straatbijeenkomst/"
    for _ in range(8):
        response = client.post(url, {"email": "anna@example.nl", "actie": "kostenregel"})
        assert response.status_code == 200
    for _ in range(5):
        assert client.post(url, {"email": "anna@example.nl"}).status_code != 429
    assert client.post(url, {"email": "anna@example.nl"}).status_code == 429
