"""Probes for a container platform: is the process alive, and can it serve requests?

`/status/live` answers from the process alone (no database, no template, no session): a
platform restarts the container when it stops answering. It is also the reference of the
benchmark (`make bench`), the fastest page this server can give.

`/status/ready` checks what a page needs: the database, the cache, the Celery broker, and
that every migration on disk is applied. While one fails the platform sends no traffic, so
it answers 503 with a short JSON reason (names of the failing parts only, never a
connection string or an error text that may carry one).

django-health-check does this too, but its checks and URLs moved between releases and it
renders an HTML page by default; these four checks are a few lines each.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Migrations are not un-applied under a running process: once complete, stay complete.
_migraties_compleet = False


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    sleutel = f"status-ready-{uuid.uuid4().hex}"
    cache.set(sleutel, "1", timeout=5)
    if cache.get(sleutel) != "1":
        raise RuntimeError("cache gaf de waarde niet terug")
    cache.delete(sleutel)


def _broker() -> None:
    from kerngericht.celery import app

    with app.connection_for_write() as verbinding:
        verbinding.ensure_connection(max_retries=1, timeout=2)


def _migraties() -> None:
    global _migraties_compleet
    if _migraties_compleet:
        return
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("niet alle migraties zijn uitgevoerd")
    _migraties_compleet = True


CONTROLES: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "broker": _broker,
    "migraties": _migraties,
}


@require_safe
def live(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


@never_cache
@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    fouten: list[str] = []
    for naam, controle in CONTROLES.items():
        try:
            controle()
        except Exception:
            # The reason stays in the log: the answer may be public.
            logger.exception("status/ready: %s faalt", naam)
            fouten.append(naam)
    if fouten:
        return JsonResponse({"status": "niet klaar", "faalt": fouten}, status=503)
    return JsonResponse({"status": "klaar"})
