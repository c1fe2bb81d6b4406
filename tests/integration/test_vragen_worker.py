"""A real Celery worker on Redis runs the reminder sweep and the email comes out, once.

The worker is a subprocess (`celery -A kerngericht worker`) with eager mode off. It works on
this test's database: the test is transaction=True, so what it writes is committed and the
worker sees it; the database name is passed in KG_TEST_DB_NAME.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from kerngericht.celery import app
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory
from vragen import services
from vragen.models import Herinnering, Vraag
from vragen.tasks import SWEEP_TASK

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
QUEUE = f"kg-vragen-test-{os.getpid()}"


def _wacht_op(voorwaarde, seconden=60.0):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def worker(tmp_path):
    maildir = tmp_path / "mail"
    maildir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "KG_TEST_DB_NAME": connection.settings_dict["NAME"],
        "KG_MAIL_DIR": str(maildir),
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "KG_QUEUE": QUEUE,
    }
    celery = str(Path(sys.executable).with_name("celery"))
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [celery, "-A", "kerngericht", "worker", "-P", "solo", "-Q", QUEUE, "--without-gossip",
         "--without-mingle", "--without-heartbeat", "-l", "info"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        yield maildir, tmp_path / "worker.log"
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_real_worker_sends_the_reminder_email_once(worker, settings):
    maildir, logfile = worker
    # Everything this process queues goes to the worker's queue, really (no eager mode).
    app.conf.task_always_eager = False
    app.conf.task_default_queue = QUEUE
    try:
        kern = KernFactory()
        ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
        bm = MedewerkerFactory(rollen=["beleidsmedewerker"], team=TeamFactory())
        vraag = services.vraag_registreren(
            door=ka,
            kern=kern,
            kanaal="telefoon",
            onderwerp="Boom omgewaaid",
            tekst="Op het fietspad ligt een boom.",
            naam="B. Bakker",
            ontvangen_op=timezone.now() - timedelta(days=8),
        )
        services.vraag_routeren(vraag_id=vraag.pk, door=ka, behandelaar=bm)
        assert Vraag.objects.get().deadline < timezone.now()

        def mails():
            return [p.read_text() for p in maildir.glob("*.log")]

        # the routing email (queued on commit) reaches the worker and is written out
        assert _wacht_op(lambda: len(mails()) == 1), logfile.read_text()[-3000:]

        app.send_task(SWEEP_TASK, queue=QUEUE)
        assert _wacht_op(lambda: len(mails()) == 3), logfile.read_text()[-3000:]
        teksten = "\n".join(mails())
        assert "Herinnering: antwoordtermijn verstreken (1 vragen)" in teksten
        assert f"To: {bm.email}" in teksten and f"To: {ka.email}" in teksten

        # a second sweep (and a duplicate delivery) send nothing more
        app.send_task(SWEEP_TASK, queue=QUEUE)
        app.send_task(SWEEP_TASK, queue=QUEUE)
        assert _wacht_op(lambda: logfile.read_text().count("herinneringen_versturen") >= 6)
        time.sleep(1)
        assert len(mails()) == 3
        assert Herinnering.objects.count() == 2
    finally:
        app.conf.task_always_eager = True
        app.conf.task_default_queue = "celery"
        app._pool = None
        app.amqp._producer_pool = None
