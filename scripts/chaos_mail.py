"""Chaos test of mail delivery: is every mail delivered, and none twice, whatever breaks?

    make chaos-mail                       # or: .venv/bin/python scripts/chaos_mail.py
    .venv/bin/python scripts/chaos_mail.py --mails 200 --tijdschaal 60

What it does, on its own PostgreSQL database, its own Redis (another port) and its own SMTP
server (aiosmtpd, counting every delivery by the mail's X-Kerngericht-Bericht header):
1. queues the first half of the mails and kills the Celery worker (kill -9) mid-send;
2. starts a new worker, restarts Redis (every queued task and waiting retry is gone);
3. stops SMTP for 30 minutes while the second half is queued;
4. starts SMTP again and waits until every mail is sent, then counts deliveries per mail.

Time is compressed by --tijdschaal (default 60: the 30-minute outage lasts 30 s, the retry
backoff runs from 1 s to 30 s, the outbox task runs every 10 s), through the MAIL_* settings.
Needs PostgreSQL (CHAOS_DATABASE_URL, default the local server) and redis-server on PATH.
"""

import argparse
import asyncio
import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CELERY = str(Path(PY).with_name("celery"))
REDIS_PORT = 6391
SMTP_PORT = 2591


def vrij(poort: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", poort)) != 0


class SmtpServer:
    """aiosmtpd in a thread; counts deliveries per mail id; can be stopped and started."""

    def __init__(self, poort: int):
        self.poort = poort
        self.afgeleverd: collections.Counter = collections.Counter()
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_DATA(self, _server, _session, envelope):
                for regel in envelope.content.decode("utf-8", "replace").splitlines():
                    if regel.lower().startswith("x-kerngericht-bericht:"):
                        server.afgeleverd[int(regel.split(":", 1)[1])] += 1
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.poort)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=200)
    parser.add_argument("--tijdschaal", type=int, default=60)
    parser.add_argument("--smtp-down-minuten", type=int, default=30)
    args = parser.parse_args()
    schaal = args.tijdschaal
    if not shutil.which("redis-server"):
        sys.exit("redis-server ontbreekt")
    if not (vrij(REDIS_PORT) and vrij(SMTP_PORT)):
        sys.exit(f"poort {REDIS_PORT} of {SMTP_PORT} is bezet")

    basis = os.environ.get(
        "CHAOS_DATABASE_URL", "postgres://kerngericht:kerngericht@127.0.0.1:5432/kg_chaos"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kerngericht.settings",
        "DEBUG": "0",
        "SECRET_KEY": "chaos-only-secret-key-0123456789-0123456789-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": basis,
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP_PORT),
        "MAIL_RETRY_BACKOFF": str(max(1, 30 // schaal)),
        "MAIL_RETRY_BACKOFF_MAX": str(max(2, 1800 // schaal)),
        "MAIL_OPNIEUW_NA": str(max(2, 600 // schaal)),
        "LOG_LEVEL": "WARNING",
    }
    werk = Path(tempfile.mkdtemp(prefix="kg-chaos-"))
    subprocess.run(
        ["psql", basis.rsplit("/", 1)[0] + "/postgres", "-qc", "DROP DATABASE IF EXISTS kg_chaos"],
        check=False,
    )
    subprocess.run(
        ["psql", basis.rsplit("/", 1)[0] + "/postgres", "-qc", "CREATE DATABASE kg_chaos"],
        check=True,
    )
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    def redis_start():
        return subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )

    def worker_start(naam: str):
        return subprocess.Popen(
            [CELERY, "-A", "kerngericht", "worker", "-B", "-c", "2", "-l", "warning",
             "-n", f"{naam}@chaos", "-s", str(werk / "beat")],
            cwd=ROOT, env=env, stdout=open(werk / f"{naam}.log", "w"), stderr=subprocess.STDOUT,
        )  # fmt: skip

    def django(code: str) -> str:
        return subprocess.run(
            [PY, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip

    def mails_versturen(van: int, tot: int):
        django(
            "from django.db import transaction\n"
            "from core.mail import mail_versturen\n"
            f"for i in range({van}, {tot}):\n"
            "    with transaction.atomic():\n"
            "        mail_versturen(aan=f'inwoner{i}@example.nl', onderwerp=f'Herinnering {i}',"
            " template='mail/mijn_links.txt', context={'links': []})\n"
        )

    def stand() -> dict:
        regels = django(
            "from core.models import Mailbericht\n"
            "from django.db.models import Count\n"
            "for r in Mailbericht.objects.values('status').annotate(n=Count('pk')):\n"
            "    print('STAND', r['status'], r['n'])"
        )
        return {
            d[1]: int(d[2])
            for d in (r.split() for r in regels.splitlines())
            if len(d) == 3 and d[0] == "STAND"
        }

    smtp = SmtpServer(SMTP_PORT)
    redis = redis_start()
    time.sleep(0.5)
    smtp.start()
    worker = worker_start("w1")
    helft = args.mails // 2
    stappen = []
    try:
        time.sleep(4)
        threading.Thread(target=mails_versturen, args=(0, helft), daemon=True).start()
        while sum(smtp.afgeleverd.values()) < max(1, helft // 4):
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        stappen.append(f"worker gedood na {sum(smtp.afgeleverd.values())} afleveringen")
        time.sleep(1)
        worker = worker_start("w2")
        time.sleep(3)
        redis.send_signal(signal.SIGKILL)
        redis.wait()
        redis = redis_start()
        stappen.append("Redis herstart (wachtrij en wachtende retries weg)")
        smtp.stop()
        down = args.smtp_down_minuten * 60 / schaal
        stappen.append(f"SMTP uit voor {args.smtp_down_minuten} min ({down:.0f} s geschaald)")
        mails_versturen(helft, args.mails)
        time.sleep(down)
        smtp.start()
        hersteld = time.monotonic()
        grens = hersteld + 8 * int(env["MAIL_RETRY_BACKOFF_MAX"]) + 60
        while time.monotonic() < grens:
            if stand().get("verzonden", 0) == args.mails:
                break
            time.sleep(2)
        na_herstel = time.monotonic() - hersteld
    finally:
        worker.terminate()
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            worker.kill()
        smtp.stop()
        redis.terminate()

    keer = collections.Counter(smtp.afgeleverd.get(pk, 0) for pk in range(1, args.mails + 1))
    eind = stand()
    print(f"\nChaos-test e-mail (tijdschaal 1:{schaal})")
    for stap in stappen:
        print(f"  - {stap}")
    print(f"  mails: {args.mails}; status in de database: {eind}")
    print(f"  precies één keer afgeleverd: {keer.get(1, 0)}")
    print(f"  twee keer of vaker:          {sum(n for k, n in keer.items() if k >= 2)}")
    print(f"  niet afgeleverd:             {keer.get(0, 0)}")
    print(f"  alles verzonden {na_herstel:.0f} s na herstel van SMTP (geschaald: "
          f"{na_herstel * schaal / 60:.0f} min)")  # fmt: skip
    return 0 if keer.get(0, 0) == 0 and eind.get("verzonden") == args.mails else 1


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    sys.exit(main())
