"""A list costs the same number of queries with 2 rows as with 6: nothing is fetched per row
(django_assert_num_queries at two sizes, for every collection, JSON and CSV)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.opendata.data import bouw

LIJSTEN = [
    "kernen",
    "gebieden",
    "regelingen",
    "besluiten",
    "potten",
    "initiatieven",
    "verhalen",
    "bijeenkomsten",
    "trajecten",
    "stemrondes",
    "monitoringcijfers",
]


def _meet(client, url: str) -> dict[str, tuple[int, int]]:
    """Per format: (queries, response size)."""
    uit = {}
    for vorm in ("json", "csv"):
        with CaptureQueriesContext(connection) as ctx:
            r = client.get(url, {"format": vorm})
        assert r.status_code == 200, url
        uit[vorm] = (len(ctx.captured_queries), len(r.content))
    return uit


def test_every_collection_is_listed():
    from opendata.urls import router

    assert sorted(prefix for prefix, _, _ in router.registry) == sorted(LIJSTEN)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", LIJSTEN)
def test_queries_do_not_grow_with_the_data(client, django_assert_num_queries, naam):
    url = f"/api/v1/{naam}"
    bouw(2)
    klein = _meet(client, url)
    bouw(4, start=2)
    for vorm, (queries, grootte) in klein.items():
        with django_assert_num_queries(queries):
            r = client.get(url, {"format": vorm})
        assert len(r.content) > grootte, f"{vorm}: de tweede meting moet meer gegevens hebben"


def test_the_list_urls_are_the_router_names():
    assert reverse("opendata:kern-list") == "/api/v1/kernen"
