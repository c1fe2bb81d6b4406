"""Read-only staff lists come from Redis for a minute, per user and session; the permission
check, the headers and the CSRF token stay live, and every write makes the pages again."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import INFO
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.views import View

from core import medewerker_cache
from initiatieven.models import Initiatief
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def klok():
    # A still clock: the key's time bucket must not turn over between two requests.
    with time_machine.travel(timezone.now(), tick=False) as reiziger:
        yield reiziger


def _queries(client, url) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in vastgelegd.captured_queries], response.content.decode()


def test_the_second_request_of_the_dashboard_skips_its_queries(
    klok, kern, kernambtenaar, signed_in
):
    InitiatiefFactory(kern=kern, titel="Bankje bij de kerk")
    client = signed_in(kernambtenaar)
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    client.get(url)  # takes what the sign-in left (its activity stamp, any message)
    medewerker_cache.vernieuwen()
    vers, eerste = _queries(client, url)
    bewaard, tweede = _queries(client, url)
    assert "Bankje bij de kerk" in eerste and "Bankje bij de kerk" in tweede
    assert not any("initiatieven_initiatief" in q for q in bewaard)
    assert len(bewaard) < len(vers)
    # the page is the same but for the CSRF token, which is masked anew per response
    assert TOKEN.sub("", tweede) == TOKEN.sub("", eerste)
    assert TOKEN.findall(tweede) and set(TOKEN.findall(tweede)).isdisjoint(TOKEN.findall(eerste))


def test_the_token_in_a_page_from_the_cache_is_accepted(klok, kern, kernambtenaar, signed_in):
    client = signed_in(kernambtenaar)
    client.handler.enforce_csrf_checks = True
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    client.get(url)
    client.get(url)
    _, html = _queries(client, url)
    token = TOKEN.findall(html)[0]
    assert medewerker_cache.PLAATSHOUDER not in html
    uit = client.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": token})
    assert uit.status_code == 302  # 403 if the token were stale or a placeholder


def test_a_save_shows_on_the_next_request(klok, kern, kernambtenaar, signed_in):
    initiatief = InitiatiefFactory(kern=kern, titel="Bankje bij de kerk")
    client = signed_in(kernambtenaar)
    url = reverse("initiatieven:lijst")
    client.get(url)
    assert "Bankje bij de kerk" in client.get(url).content.decode()
    initiatief.titel = "Picknicktafel aan de Linge"
    initiatief.save()
    html = client.get(url).content.decode()
    assert "Picknicktafel aan de Linge" in html and "Bankje bij de kerk" not in html


def test_any_post_ends_the_cached_pages_even_after_an_update_without_signals(
    klok, kern, kernambtenaar, signed_in
):
    initiatief = InitiatiefFactory(kern=kern, titel="Bankje bij de kerk")
    client = signed_in(kernambtenaar)
    url = reverse("initiatieven:lijst")
    client.get(url)
    client.get(url)
    Initiatief.objects.filter(pk=initiatief.pk).update(titel="Picknicktafel aan de Linge")
    assert "Bankje bij de kerk" in client.get(url).content.decode()  # no signal: still cached
    client.post(reverse("vragen:vraag_stellen"), {})  # any write request, even a refused one
    assert "Picknicktafel aan de Linge" in client.get(url).content.decode()


def test_after_the_lifetime_the_page_is_made_again(klok, kern, kernambtenaar, signed_in):
    client = signed_in(kernambtenaar)
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    client.get(url)
    client.get(url)
    bewaard, _ = _queries(client, url)
    klok.shift(timedelta(seconds=medewerker_cache.levensduur() + 1))
    client.get(url)  # a minute on: the activity stamp is written, so this one is not stored
    opnieuw, _ = _queries(client, url)
    assert len(opnieuw) > len(bewaard)


def test_another_user_gets_the_permission_check_not_the_cached_page(
    klok, kern, kernambtenaar, signed_in
):
    eigen = signed_in(kernambtenaar)
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    eigen.get(url)
    assert eigen.get(url).status_code == 200
    buiten = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    andere = signed_in(buiten, Client())
    assert andere.get(url).status_code == 403


def test_each_user_sees_their_own_list_under_the_same_url(klok, kern, kernambtenaar, signed_in):
    andere_kern = KernFactory()
    InitiatiefFactory(kern=kern, titel="Bankje bij de kerk")
    InitiatiefFactory(kern=andere_kern, titel="Jeu-de-boulesbaan")
    url = reverse("initiatieven:lijst")
    eigen = signed_in(kernambtenaar)
    eigen.get(url)
    assert "Bankje bij de kerk" in eigen.get(url).content.decode()
    buren = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[andere_kern])
    andere = signed_in(buren, Client())
    andere.get(url)
    html = andere.get(url).content.decode()
    assert "Jeu-de-boulesbaan" in html and "Bankje bij de kerk" not in html


def test_the_headers_stay_live_on_a_page_from_the_cache(klok, kern, kernambtenaar, signed_in):
    client = signed_in(kernambtenaar)
    url = reverse("vragen:vragen_inbox")
    client.get(url)
    client.get(url)
    bewaard = client.get(url)
    assert bewaard["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in bewaard


# --- the mixin on its own ----------------------------------------------------------------


class _Teller(View):
    keer = 0

    def get(self, request):
        _Teller.keer += 1
        return HttpResponse(
            f'<form><input name="csrfmiddlewaretoken" value="{request.META["TOKEN"]}"></form>'
            f"<p>{_Teller.keer}</p>"
        )


class _BewaardeTeller(medewerker_cache.MedewerkerCacheMixin, _Teller):
    pass


def _verzoek(user, sessie, berichten: list[str] = ()):
    request = RequestFactory().get("/medewerker/test/")
    request.user = user
    request.session = sessie
    request._messages = SessionStorage(request)
    for tekst in berichten:
        request._messages.add(INFO, tekst)
    request.META["TOKEN"] = "a" * 64
    return request


def _nieuwe_sessie() -> SessionStore:
    s = SessionStore()
    s.create()
    s.modified = False  # as a request finds a stored session
    return s


@pytest.fixture
def sessie():
    return _nieuwe_sessie()


def test_the_mixin_serves_the_second_request_from_the_cache(klok, sessie):
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    view = _BewaardeTeller.as_view()
    _Teller.keer = 0
    eerste = view(_verzoek(user, sessie)).content.decode()
    tweede = view(_verzoek(user, sessie)).content.decode()
    assert _Teller.keer == 1
    assert "<p>1</p>" in tweede
    assert "a" * 64 in eerste and "a" * 64 not in tweede  # a fresh token instead


def test_a_page_with_messages_waiting_is_neither_served_nor_stored(klok, sessie):
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    view = _BewaardeTeller.as_view()
    _Teller.keer = 0
    view(_verzoek(user, sessie, ["De vraag is teruggegeven."]))
    view(_verzoek(user, sessie))  # the first one was not stored: rendered again
    assert _Teller.keer == 2
    view(_verzoek(user, sessie, ["Het antwoord is verstuurd."]))
    assert _Teller.keer == 3


def test_off_when_the_lifetime_is_zero(klok, sessie, settings):
    settings.MEDEWERKER_CACHE_SECONDEN = 0
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    view = _BewaardeTeller.as_view()
    _Teller.keer = 0
    view(_verzoek(user, sessie))
    view(_verzoek(user, sessie))
    assert _Teller.keer == 2


def test_a_new_session_of_the_same_user_does_not_see_the_old_page(klok, sessie):
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    view = _BewaardeTeller.as_view()
    _Teller.keer = 0
    view(_verzoek(user, sessie))
    view(_verzoek(user, sessie))
    assert _Teller.keer == 1
    view(_verzoek(user, _nieuwe_sessie()))
    assert _Teller.keer == 2
