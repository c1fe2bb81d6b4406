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


def test_kern_dashboard_query_count_does_not_grow_with_the_users_kernen(
    zonder_medewerker_cache, client, signed_in, db
):
    kern = KernFactory()
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    signed_in(user)
    url = f"/medewerker/kernen/{kern.slug}/dashboard/"
    few = _queries(client, url)
    for _ in range(8):
        KernFactory().kernambtenaren.add(user)
    assert _queries(client, url) == few


def test_kern_dashboard_query_count_is_the_same_with_and_without_meetings(
    zonder_medewerker_cache, client, signed_in, db
):
    from datetime import timedelta

    from django.utils import timezone

    from tests.participatie.factories import BijeenkomstFactory

    kern = KernFactory()
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    signed_in(user)
    url = f"/medewerker/kernen/{kern.slug}/dashboard/"
    zonder = _queries(client, url)
    for dagen in (3, 10):
        BijeenkomstFactory(kern=kern, begint_op=timezone.now() + timedelta(days=dagen))
    # Whether the user may open each meeting's staff page is asked in the dashboard's own
    # query, not in a second one that only runs when there are meetings.
    assert _queries(client, url) == zonder
