#!/usr/bin/env bash
# Serves the portal for `make run`: a Celery worker with beat in the background (Redis when
# REDIS_URL is set, otherwise kombu's filesystem transport) and Django's server in front.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG="${DEBUG:-1}"
mkdir -p var/celery/queue var/celery/processed var/media
.venv/bin/celery -A kerngericht worker -B --loglevel=INFO --concurrency=2 \
  --schedule var/celerybeat-schedule >var/celery-worker.log 2>&1 &
WORKER_PID=$!
trap 'kill $WORKER_PID 2>/dev/null || true' EXIT INT TERM
echo "Celery-worker met beat draait (log: var/celery-worker.log). E-mails verschijnen in dat log."
echo "Portaal: http://127.0.0.1:8000/"
.venv/bin/python manage.py runserver 127.0.0.1:8000
