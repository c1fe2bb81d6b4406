"""The same public POST twice makes one question or application (core.eenmalig)."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localdate

from budgetten.models import Aanvraag
from tests.budgetten.factories import seed_regelingen
from tests.budgetten.test_views import straat_post
from tests.factories import KernFactory
from vragen.models import Vraag

VRAAG_URL = reverse("vragen:vraag_stellen")
AANVRAAG_URL = "/budgetten/aanvragen/straatbijeenkomst/"


def _vraag(kern, **kw):
    return {
        "kern": kern.pk,
        "soort": "vraag",
        "onderwerp": "Bankje kapot",
        "tekst": "Het bankje bij de vijver is kapot.",
        "naam": "Piet",
        "email": "piet@example.org",
        **kw,
    }


def _token(html: str) -> str:
    return re.search(r'name="eenmalig_token" value="([0-9a-f]{32})"', html).group(1)


@pytest.mark.django_db
def test_a_question_sent_twice_is_one_question_and_the_second_shows_the_first(
    client, kern, django_capture_on_commit_callbacks
):
    token = _token(client.get(VRAAG_URL).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        eerste = client.post(VRAAG_URL, _vraag(kern, eenmalig_token=token))
        tweede = client.post(VRAAG_URL, _vraag(kern, eenmalig_token=token))
    assert eerste.status_code == tweede.status_code == 302
    assert tweede["Location"] == eerste["Location"]
    assert Vraag.objects.count() == 1
    assert len(mail.outbox) == 1
    # A new form (new token) is a new question.
    nieuw = _token(client.get(VRAAG_URL).content.decode())
    assert nieuw != token
    client.post(VRAAG_URL, _vraag(kern, eenmalig_token=nieuw, onderwerp="Nog iets"))
    assert Vraag.objects.count() == 2


@pytest.mark.django_db
def test_an_application_sent_twice_is_one_application(client):
    seed_regelingen(localdate().year, localdate().year + 1)
    kern = KernFactory()
    token = _token(client.get(AANVRAAG_URL).content.decode())
    for _ in range(2):
        response = client.post(AANVRAAG_URL, straat_post(kern, eenmalig_token=token))
        assert response["Location"] == reverse("budgetten:aanvraag_verstuurd")
    assert Aanvraag.objects.count() == 1


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token_and_can_then_be_sent(client, kern):
    token = _token(client.get(VRAAG_URL).content.decode())
    fout = client.post(VRAAG_URL, _vraag(kern, email="geen-adres", eenmalig_token=token))
    assert _token(fout.content.decode()) == token  # shown again with the same token
    assert client.post(VRAAG_URL, _vraag(kern, eenmalig_token=token)).status_code == 302
    assert Vraag.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_double_click_at_the_same_moment_makes_one_question():
    kern = KernFactory()
    token = Client().get(VRAAG_URL).content.decode()
    token = _token(token)
    barrier = threading.Barrier(4)
    antwoorden: list[int] = []

    def versturen():
        try:
            barrier.wait()
            response = Client().post(VRAAG_URL, _vraag(kern, eenmalig_token=token))
            antwoorden.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=versturen) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert antwoorden == [302] * 4
    assert Vraag.objects.count() == 1
