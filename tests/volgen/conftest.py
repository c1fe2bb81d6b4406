import pytest


@pytest.fixture(autouse=True)
def _on_commit_direct(request, monkeypatch):
    """Inside one rolled-back transaction nothing commits, so mails queued with on_commit
    would never go out: run those callbacks at once (transaction=True tests keep the real
    commit order)."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
