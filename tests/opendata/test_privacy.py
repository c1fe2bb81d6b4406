"""No response of the open-data API carries a resident's name, e-mail address or phone
number, nor a meeting's video link or dial-in number: every collection (JSON and CSV, every
page) and every object is requested and searched, with data that has all of them."""

import json

import pytest
from django.urls import reverse

from tests.opendata.data import bouw, geheimen


def _paden(client) -> tuple[list[str], list[str]]:
    schema = client.get(reverse("opendata:openapi")).json()
    lijsten = [p for p in schema["paths"] if "{" not in p]
    details = [p for p in schema["paths"] if "{" in p]
    return lijsten, details


def _sleutel(pad: str) -> str:
    return pad.rsplit("{", 1)[1].rstrip("}")


@pytest.mark.django_db
def test_no_response_contains_personal_data(client):
    bouw(3)
    lijsten, details = _paden(client)
    assert len(lijsten) >= 11 and len(details) >= 8
    antwoorden: dict[str, str] = {}
    for pad in lijsten:
        for vorm in ("json", "csv"):
            r = client.get(pad, {"format": vorm, "paginagrootte": 500})
            assert r.status_code == 200, pad
            antwoorden[f"{pad} {vorm}"] = r.content.decode()
    for pad in details:
        lijst = pad.rsplit("/", 1)[0]
        rijen = json.loads(antwoorden[f"{lijst} json"])["results"]
        assert rijen, f"{lijst} is leeg: de test zou niets bewijzen"
        for rij in rijen:
            url = pad.replace("{" + _sleutel(pad) + "}", str(rij[_sleutel(pad)]))
            r = client.get(url)
            assert r.status_code == 200, url
            antwoorden[url] = r.content.decode()
    gevonden = {
        waar: [g for g in [*geheimen(), "Xandrina", "geheim"] if g.lower() in tekst.lower()]
        for waar, tekst in antwoorden.items()
    }
    assert {w: g for w, g in gevonden.items() if g} == {}


@pytest.mark.django_db
def test_the_search_would_find_personal_data_if_a_resource_showed_it(client):
    """The check above is only as good as its data: the names are really in the database,
    in the rows behind the public resources."""
    from budgetten.models import Aanvraag
    from initiatieven.models import Initiatief

    bouw(1)
    assert Initiatief.objects.filter(naam__contains="geheim").count() == 2
    assert Aanvraag.objects.filter(email__contains="geheim").count() == 4
    # ...and the API does show the public fields of those same rows.
    tekst = client.get("/api/v1/initiatieven").content.decode()
    assert "Een bankje bij de speeltuin" in tekst
