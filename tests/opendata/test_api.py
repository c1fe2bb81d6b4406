"""The API's conventions, as a caller meets them: version header, problem+json, paging
links and total, CSV, filters, CORS for GET only, read-only, the per-address limit, and the
documentation page (static files only, nothing inline for the CSP)."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache

from tests.opendata.data import bouw

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    bouw(3)


def test_every_response_names_the_api_version(client, data):
    for url in ("/api/v1/", "/api/v1/kernen", "/api/v1/openapi.json", "/api/v1/bestaat-niet"):
        assert client.get(url)["API-Version"] == "1.0.0", url
    # ...and the rest of the site does not.
    assert "API-Version" not in client.get("/")


def test_a_list_has_links_and_a_total(client, data):
    r = client.get("/api/v1/kernen", {"paginagrootte": 2, "pagina": 2})
    body = r.json()
    assert body["totaal"] == 3 and r["X-Total-Count"] == "3"
    assert body["pagina"] == 2 and body["aantal_paginas"] == 2
    assert len(body["results"]) == 1
    links = body["_links"]
    assert links["prev"]["href"].endswith("pagina=1&paginagrootte=2")
    assert links["first"]["href"].endswith("pagina=1&paginagrootte=2")
    assert links["last"]["href"].endswith("pagina=2&paginagrootte=2")
    assert "next" not in links
    assert 'rel="prev"' in r["Link"] and 'rel="next"' not in r["Link"]


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/kernen?pagina=nul", "pagina"),
        ("/api/v1/kernen?paginagrootte=501", "paginagrootte"),
        ("/api/v1/besluiten?jaar=twintig", "jaar"),
        ("/api/v1/initiatieven?jaar=0", "jaar"),
        ("/api/v1/initiatieven?status=", "status"),
        ("/api/v1/kernen?format=xml", "format"),
        ("/api/v1/monitoringcijfers?halfjaar=2026-3", "halfjaar"),
    ],
)
def test_a_wrong_parameter_is_a_problem_that_names_it(client, data, url, parameter):
    r = client.get(url)
    assert r.status_code == 400
    assert r["Content-Type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 400 and body["title"] == "Bad Request"
    assert [p["name"] for p in body["invalidParams"]] == [parameter]


def test_unknown_objects_and_urls_are_problems_too(client, data):
    for url in ("/api/v1/kernen/bestaat-niet", "/api/v1/bestaat-niet", "/api/v1/kernen?pagina=9"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r["Content-Type"] == "application/problem+json", url
        assert r.json()["status"] == 404


def test_the_api_is_read_only(client, data):
    for methode in ("post", "put", "patch", "delete"):
        r = getattr(client, methode)("/api/v1/kernen")
        assert r.status_code == 405, methode
        assert r["Content-Type"] == "application/problem+json"


def test_every_collection_comes_as_csv_with_all_rows(client, data):
    lijsten = [p for p in client.get("/api/v1/openapi.json").json()["paths"] if "{" not in p]
    for pad in lijsten:
        r = client.get(pad, {"format": "csv"})
        assert r.status_code == 200, pad
        assert r["Content-Type"].startswith("text/csv"), pad
        rijen = list(csv.DictReader(io.StringIO(r.content.decode())))
        totaal = client.get(pad, {"paginagrootte": 1}).json()["totaal"]
        assert len(rijen) == totaal, pad
    # By Accept header as well, with nested fields as dotted columns.
    r = client.get("/api/v1/kernen", HTTP_ACCEPT="text/csv")
    kop = next(csv.reader(io.StringIO(r.content.decode())))
    assert {"slug", "naam", "gebied.slug", "fase", "kernprofiel"} <= set(kop)


def test_an_empty_collection_as_csv_still_has_its_header(client):
    r = client.get("/api/v1/besluiten", {"format": "csv"})
    assert r["Content-Type"].startswith("text/csv")
    assert r.content.decode().splitlines()[0].startswith("soort,id,regeling,kern,groep,jaar")


def test_filters_on_kern_year_regeling_and_status(client, data):
    kern = client.get("/api/v1/kernen").json()["results"][0]["slug"]
    rijen = client.get("/api/v1/besluiten", {"kern": kern}).json()["results"]
    assert rijen and {r["kern"] for r in rijen} == {kern}
    bijzonder = client.get("/api/v1/besluiten", {"regeling": "bijzonder"}).json()["results"]
    assert len(bijzonder) == 3
    assert all(r["motivering"].startswith("Het college steunt") for r in bijzonder)
    # The motivation is published only for bijzondere initiatieven.
    anders = client.get("/api/v1/besluiten", {"regeling": "leefbaarheid"}).json()["results"]
    assert anders and {r["motivering"] for r in anders} == {""}
    groepen = client.get("/api/v1/besluiten", {"regeling": "signalering"}).json()["results"]
    assert len(groepen) == 3 and all(r["groep"] and r["kern"] is None for r in groepen)
    afgewezen = client.get("/api/v1/besluiten", {"status": "afgewezen"}).json()
    assert afgewezen["totaal"] == 3
    assert client.get("/api/v1/besluiten", {"jaar": 2001}).json()["totaal"] == 0
    assert client.get("/api/v1/initiatieven", {"kern": kern}).json()["totaal"] == 2
    assert client.get("/api/v1/trajecten", {"kern": kern}).json()["totaal"] == 1
    potten = client.get("/api/v1/potten", {"kern": kern, "regeling": "leefbaarheid"}).json()
    [pot] = potten["results"]
    assert pot["kern"] == kern and pot["pot"].startswith("kern-")
    vrij = Decimal(pot["budget"]) - Decimal(pot["vastgelegd"]) - Decimal(pot["betaald"])
    assert Decimal(pot["vrij"]) == vrij


def test_the_ledger_and_the_voting_results(client, data):
    kern = client.get("/api/v1/kernen").json()["results"][0]["slug"]
    [ronde] = client.get("/api/v1/stemrondes", {"kern": kern}).json()["results"]
    assert ronde["fase"] == "verdeeld" and ronde["aantal_stembiljetten"] == 1
    assert ronde["kandidaten"][0]["stemmen"] == 2
    [traject] = client.get("/api/v1/trajecten", {"kern": kern}).json()["results"]
    assert traject["ladder"] == "informeren" and traject["minder_betrokken"] is True
    assert traject["minder_betrokken_reden"] == "De wet laat geen ruimte voor keuzes."
    cijfers = client.get("/api/v1/monitoringcijfers", {"kern": kern}).json()["results"]
    assert cijfers[0]["vragen_ontvangen"] == 1
    assert cijfers[0]["toegekend"]["bijzonder"] == "400.00"


def test_cors_is_open_for_reading_only(client, data):
    r = client.get("/api/v1/kernen", HTTP_ORIGIN="https://data.example")
    assert r["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in r["Access-Control-Expose-Headers"]
    voor = client.options(
        "/api/v1/kernen",
        HTTP_ORIGIN="https://data.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert voor.status_code == 200
    assert set(voor["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "OPTIONS",
    }
    # The rest of the site shares nothing with other origins.
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://x.example")


def test_anonymous_callers_are_limited_per_address(client, settings):
    settings.API_ANONIEM_LIMIET = "3/minute"
    cache.clear()
    adres = {"REMOTE_ADDR": "192.0.2.77"}
    assert [client.get("/api/v1/regelingen", **adres).status_code for _ in range(3)] == [200] * 3
    r = client.get("/api/v1/regelingen", **adres)
    assert r.status_code == 429
    assert r["Content-Type"] == "application/problem+json" and int(r["Retry-After"]) > 0
    # Another address is not held back.
    assert client.get("/api/v1/regelingen", REMOTE_ADDR="192.0.2.78").status_code == 200


def test_the_documentation_page_uses_only_static_files(client):
    r = client.get("/api/v1/documentatie")
    assert r.status_code == 200
    html = r.content.decode()
    assert '<html lang="nl">' in html
    assert "<style" not in html and "style=" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all("src=" in attrs and not inhoud.strip() for attrs, inhoud in scripts)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    # The start script is a separate same-origin request that points at the document.
    start = client.get("/api/v1/documentatie?script=")
    assert start["Content-Type"].startswith("application/javascript")
    assert "/api/v1/openapi.json" in start.content.decode()
    csp = r["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_api_root_and_redirect(client):
    assert set(client.get("/api/v1/").json()) >= {"kernen", "besluiten", "monitoringcijfers"}
    r = client.get("/api/")
    assert r.status_code == 302 and r["Location"] == "/api/v1/documentatie"
