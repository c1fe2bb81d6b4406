from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import KernFactory, MedewerkerFactory


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_mijn_kernen_query_count_does_not_grow_with_kernen(client, signed_in, db):
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    signed_in(user)
    few = _queries(client, "/medewerker/kernen/")
    for _ in range(8):
        KernFactory().kernambtenaren.add(user)
    many = _queries(client, "/medewerker/kernen/")
    assert many == few


def test_home_query_count_does_not_grow_with_kernen(client, db):
    KernFactory()
    few = _queries(client, "/")
    for _ in range(10):
        KernFactory()
    assert _queries(client, "/") == few


def test_kern_dashboard_query_count_does_not_grow_with_the_users_kernen(client, signed_in, db):
    kern = KernFactory()
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    signed_in(user)
    url = f"/medewerker/kernen/{kern.slug}/dashboard/"
    few = _queries(client, url)
    for _ in range(8):
        KernFactory().kernambtenaren.add(user)
    assert _queries(client, url) == few
