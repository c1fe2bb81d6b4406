from django.core import mail

from core.hooks import Link


def test_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post("/mijn-links/", {"email": "onbekend@example.nl"}, follow=True)
    assert "Als wij iets van u hebben" in response.content.decode()
    assert len(mail.outbox) == 0


def test_known_address_gets_one_mail_with_all_links(
    client, db, monkeypatch, django_capture_on_commit_callbacks
):
    def links_for(*, email):
        assert email == "inwoner@example.nl"
        return [Link(label="Uw initiatief", url="http://testserver/i/abc/")]

    # The apps provide the links through their portaal hooks; here one stands in for them.
    monkeypatch.setattr("core.views.persoonlijke_links", links_for)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mijn-links/", {"email": "inwoner@example.nl"})
    assert len(mail.outbox) == 1
    assert "http://testserver/i/abc/" in mail.outbox[0].body


def test_invalid_address_shows_message_next_to_field_and_keeps_input(client, db):
    response = client.post("/mijn-links/", {"email": "geen-adres"})
    content = response.content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in content
    assert 'value="geen-adres"' in content
    assert "data-error-summary" in content


def test_asking_for_links_revokes_nothing_until_the_new_link_is_opened(
    client, db, django_capture_on_commit_callbacks
):
    """Anyone can type a resident's address: that alone must not break their links."""
    import re

    from initiatieven import services
    from tests.initiatieven.factories import InitiatiefFactory

    initiatief = InitiatiefFactory(email="inwoner@example.nl")
    oud = services.PERSOONLIJKE_LINK.pad(initiatief)
    for _ in range(2):  # two requests (say, by someone else) and two mails
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/mijn-links/", {"email": "inwoner@example.nl"})
    assert len(mail.outbox) == 2
    assert client.get(oud).status_code == 200
    patroon = r"https?://\S+/initiatieven/(mijn/\S+/)"
    pad = [re.search(patroon, m.body).group(1) for m in mail.outbox]
    assert client.get("/initiatieven/" + pad[0]).status_code == 200
    # The new link is used: the old one stops, every link of the new mails keeps working.
    assert client.get(oud).status_code == 404
    assert client.get("/initiatieven/" + pad[1]).status_code == 200
    assert client.get("/initiatieven/" + pad[0]).status_code == 200
