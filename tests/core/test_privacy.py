"""Retention (AVG): the daily clean-up keeps to the terms, twice is harmless, the privacy
statement shows the terms in force."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from core.models import Mailbericht, MailStatus
from core.privacy import MAIL_TEKST, alles_opruimen
from core.tasks import persoonsgegevens_opruimen


def _mail(**velden):
    return Mailbericht.objects.create(
        aan="inwoner@example.nl",
        onderwerp="Uw link",
        tekst="https://portaal/mijn/geheim/",
        **velden,
    )


def test_mail_texts_with_links_are_emptied_four_weeks_after_sending(db):
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        oud = _mail(status=MailStatus.VERZONDEN)
        wacht = _mail()  # never sent yet: its text is still needed
    with time_machine.travel(begin + timedelta(days=27), tick=False):
        assert alles_opruimen()["mail_tekst_geleegd"] == 0
        vers = _mail(status=MailStatus.VERZONDEN)
    with time_machine.travel(begin + timedelta(days=29), tick=False):
        assert alles_opruimen()["mail_tekst_geleegd"] == 1
        assert alles_opruimen()["mail_tekst_geleegd"] == 0  # twice is harmless
    oud.refresh_from_db()
    vers.refresh_from_db()
    wacht.refresh_from_db()
    assert oud.tekst == "" and oud.aan == "inwoner@example.nl"
    assert "geheim" in vers.tekst
    assert "geheim" in wacht.tekst


def test_mail_records_are_deleted_after_a_year_and_the_task_reports_it(db):
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        _mail(status=MailStatus.VERZONDEN)
    with time_machine.travel(begin + timedelta(days=366), tick=False):
        resultaat = persoonsgegevens_opruimen.delay().get()
    assert resultaat["mail_verwijderd"] == 1
    assert not Mailbericht.objects.exists()


def test_terms_can_be_set_in_settings(settings):
    assert MAIL_TEKST.dagen == 28
    settings.BEWAARTERMIJNEN = {"mail_tekst": 14}
    assert MAIL_TEKST.dagen == 14
    assert MAIL_TEKST.termijn_tekst == "2 weken"


def test_the_privacy_statement_shows_the_terms_in_force(client, db, settings):
    settings.BEWAARTERMIJNEN = {"mail_tekst": 14}
    tekst = client.get("/privacy/").content.decode()
    assert "2 weken na het versturen" in tekst
    assert "Autoriteit Persoonsgegevens" in tekst
    assert "functionaris gegevensbescherming" in tekst
    assert "gemeente Buren" in tekst
