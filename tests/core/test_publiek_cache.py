"""Anonymous public pages come from Redis until what they show changes; pages of a signed-in
user, with a CSRF token or a personal link are never stored; HTML goes out compressed."""

import gzip

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from core import publiek_cache
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]


def test_second_anonymous_request_of_a_public_page_costs_no_query(
    client, django_assert_num_queries
):
    kern = KernFactory(naam="Zoelen")
    url = reverse("kernen:detail", kwargs={"kern": kern.slug})
    eerst = client.get(url)
    assert eerst.status_code == 200 and "Zoelen" in eerst.content.decode()
    with django_assert_num_queries(0):
        tweede = client.get(url)
    assert tweede.content == eerst.content
    # the headers of the page still come from the middleware around the cache
    assert "camera=()" in tweede["Permissions-Policy"]
    assert "Content-Security-Policy" in tweede


def test_a_change_to_what_the_page_shows_makes_it_again(client):
    kern = KernFactory(naam="Ingen")
    url = reverse("kernen:detail", kwargs={"kern": kern.slug})
    assert "Ingen" in client.get(url).content.decode()
    kern.kernprofiel = "Een dorp met een nieuwe speeltuin aan de Linge."
    kern.save()
    assert "nieuwe speeltuin aan de Linge" in client.get(url).content.decode()


def test_a_page_seen_by_a_signed_in_user_is_not_stored(client, signed_in):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"]))
    url = reverse("core:home")
    assert "Uitloggen" in client.get(url).content.decode()
    anoniem = Client()
    with CaptureQueriesContext(connection) as vers:
        antwoord = anoniem.get(url)
    assert len(vers.captured_queries) > 0  # rendered afresh: nothing was stored for staff
    assert "Uitloggen" not in antwoord.content.decode()


def test_a_signed_in_user_is_never_served_the_anonymous_copy(client, signed_in):
    url = reverse("core:home")
    Client().get(url)  # the anonymous copy is now in the cache
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"]))
    assert "Uitloggen" in client.get(url).content.decode()


def test_responses_with_a_csrf_token_or_a_cookie_are_not_stored():
    factory = RequestFactory()
    met_token = factory.get("/")
    met_token.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not publiek_cache._mag_bewaren(met_token, HttpResponse(b"<form></form>"))
    formulier = HttpResponse(b'<input name="csrfmiddlewaretoken" value="x">')
    assert not publiek_cache._mag_bewaren(factory.get("/"), formulier)
    koekje = HttpResponse(b"ok")
    koekje.set_cookie("iets", "1")
    assert not publiek_cache._mag_bewaren(factory.get("/"), koekje)
    assert not publiek_cache._mag_bewaren(factory.get("/"), HttpResponse(b"nee", status=404))
    assert publiek_cache._mag_bewaren(factory.get("/"), HttpResponse(b"<p>gewoon</p>"))


def test_the_cached_pages_are_public_pages_without_personal_links():
    from tests.test_access_matrix import MATRIX, url_patterns

    routes = url_patterns()
    for naam in publiek_cache.PUBLIEKE_PAGINAS:
        assert naam in routes, naam
        assert MATRIX[naam].soort == "publiek", naam
        assert "token" not in routes[naam] and not routes[naam].startswith("medewerker/"), naam


def test_a_request_with_a_session_cookie_or_a_post_skips_the_cache():
    factory = RequestFactory()
    assert publiek_cache._mag_uit_cache(factory.get("/"))
    met_sessie = factory.get("/")
    met_sessie.COOKIES = {"sessionid": "abc"}
    assert not publiek_cache._mag_uit_cache(met_sessie)
    alleen_csrf = factory.get("/")
    alleen_csrf.COOKIES = {"csrftoken": "abc"}
    assert publiek_cache._mag_uit_cache(alleen_csrf)
    assert not publiek_cache._mag_uit_cache(factory.post("/"))
    assert resolve("/medewerker/").view_name not in publiek_cache.PUBLIEKE_PAGINAS
    assert not publiek_cache._mag_uit_cache(factory.get("/medewerker/"))


def test_html_is_sent_compressed_to_a_browser_that_accepts_gzip(client):
    antwoord = client.get(reverse("core:home"), HTTP_ACCEPT_ENCODING="gzip")
    assert antwoord["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(antwoord.content)


def test_a_page_from_the_cache_comes_compressed_as_stored_and_plain_to_others(client):
    kern = KernFactory(naam="Erichem")
    url = reverse("kernen:detail", kwargs={"kern": kern.slug})
    vers = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    sleutel = publiek_cache.sleutel(RequestFactory().get(url))
    inhoud, _soort, ingepakt = publiek_cache.cache.get(sleutel)
    bewaard = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert bewaard["Content-Encoding"] == "gzip" and "Accept-Encoding" in bewaard["Vary"]
    assert bewaard.content == ingepakt  # the stored bytes, not compressed again
    assert gzip.decompress(bewaard.content) == gzip.decompress(vers.content) == inhoud
    assert "Erichem" in inhoud.decode()
    gewoon = client.get(url)  # a client that does not accept gzip
    assert not gewoon.has_header("Content-Encoding") and gewoon.content == inhoud
