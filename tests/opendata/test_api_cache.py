"""A JSON page of the open-data API comes from Redis until what it shows changes; the headers
stay live and CSV is made afresh each time. (That the limit per address still holds for
answers from the cache: test_api.py, test_anonymous_callers_are_limited_per_address.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatieven.models import Initiatief
from tests.opendata.data import bouw

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

URL = "/api/v1/initiatieven"


def test_the_second_json_request_costs_no_query_and_keeps_its_headers(
    client, django_assert_num_queries
):
    bouw(3)
    eerste = client.get(URL, {"paginagrootte": 2})
    assert eerste.status_code == 200 and eerste.json()["totaal"] >= 3
    with django_assert_num_queries(0):
        tweede = client.get(URL, {"paginagrootte": 2})
    assert tweede.json() == eerste.json()
    for kop in ("Link", "X-Total-Count", "API-Version", "Content-Type"):
        assert tweede[kop] == eerste[kop], kop
    assert "Accept" in tweede["Vary"]


def test_a_save_shows_in_the_next_answer(client):
    bouw(2)
    eerste = client.get(URL).json()["results"][0]
    initiatief = Initiatief.objects.get(pk=eerste["id"])
    initiatief.titel = "Picknicktafel aan de Linge"
    initiatief.save()
    titels = [r["titel"] for r in client.get(URL).json()["results"]]
    assert "Picknicktafel aan de Linge" in titels and eerste["titel"] not in titels


def test_csv_is_made_afresh(client):
    bouw(2)
    client.get(URL, {"format": "csv"})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"format": "csv"}).status_code == 200
    assert len(queries.captured_queries) > 0
