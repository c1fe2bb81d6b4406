"""Say plainly, before the suite runs, which real services the tests will use or skip."""

import os
import socket
from pathlib import Path
from urllib.parse import urlparse


def answers(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 2
        ):
            return True
    except OSError:
        return False


db = os.environ.get("DATABASE_URL", "")
redis = os.environ.get("REDIS_URL", "")
print("Testomgeving:")
if db.startswith("postgres") and answers(db, 5432):
    print("  database : PostgreSQL (DATABASE_URL) - alle tests, ook gelijktijdigheid")
else:
    print(
        "  database : SQLite - tests met marker 'postgres' (gelijktijdigheid) worden OVERGESLAGEN"
    )
    print("             zet DATABASE_URL=postgres://... om ze te draaien")
if redis and answers(redis, 6379):
    print("  redis    : Redis (REDIS_URL) - ook de test met een echte Celery-worker")
else:
    print("  redis    : geen - tests met marker 'redis' (echte worker) worden OVERGESLAGEN")
chromium = Path("/usr/bin/chromium").exists()
browser = "Chromium /usr/bin/chromium" if chromium else "geen Chromium - browsertests OVERGESLAGEN"
print(f"  browser  : {browser}")
