"""The container probes: /status/live answers from the process, /status/ready checks what
pages need and says which part fails."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import status

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def test_live_answers_without_database_or_template(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/status/live")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response.templates == []


def test_live_refuses_post(client, db):
    assert client.post("/status/live").status_code == 405


def test_ready_when_database_cache_broker_and_migrations_are_fine(client, db):
    response = client.get("/status/ready")
    assert response.status_code == 200, response.content
    assert response.json() == {"status": "klaar"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_says_503_and_names_the_broken_part(client, db, monkeypatch):
    def kapot():
        raise ConnectionError("redis://geheim@host:6379 weigert")

    monkeypatch.setitem(status.CONTROLES, "broker", kapot)
    response = client.get("/status/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "niet klaar", "faalt": ["broker"]}
    assert b"geheim" not in response.content


def test_ready_is_not_ready_while_a_migration_is_missing(client, db, monkeypatch):
    monkeypatch.setattr(status, "_migraties_compleet", False)
    # Pretend the last applied migration of an app is not applied.
    from django.db.migrations.recorder import MigrationRecorder

    laatste = MigrationRecorder(connection).migration_qs.filter(app="core").latest("id")
    laatste.delete()
    response = client.get("/status/ready")
    assert response.status_code == 503
    assert response.json()["faalt"] == ["migraties"]


def test_ready_checks_the_migrations_only_until_they_are_complete(client, db, monkeypatch):
    monkeypatch.setattr(status, "_migraties_compleet", False)
    client.get("/status/ready")
    with CaptureQueriesContext(connection) as eerst_niet:
        client.get("/status/ready")
    # database SELECT 1 only: the migration table is not read again
    assert [q["sql"] for q in eerst_niet.captured_queries] == ["SELECT 1"]
