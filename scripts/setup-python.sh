#!/usr/bin/env bash
# Installs the Python servers the sample and the tests run for real, from Debian's packages (they belong to
# /usr/bin/python3; a pyenv python3 first on PATH lacks them), or with pip where there is no apt-get.
# Idempotent: does nothing when everything is there already.
set -euo pipefail

debian_packages=(
  python3-waitress python3-django          # the sample and the Waitress backend
  gunicorn python3-uvicorn                 # Gunicorn, Uvicorn ASGI/WSGI
  python3-celery python3-redis redis-server  # Celery worker and beat, against a loopback Redis
  python3-django-q                         # Django-Q's qcluster (Debian ships the original django-q)
  python3-django-rq                        # django-rq's rqworker (RQ), against the loopback Redis
  python3-daphne                           # Daphne, Django Channels' ASGI server
  python3-hypercorn                        # Hypercorn, ASGI (and WSGI from 0.14)
  uwsgi uwsgi-plugin-python3               # uWSGI with its python3 plugin
  supervisor systemd                       # export: a real supervisord runs the exported file; systemd-analyze verify
  docker-compose                           # export: `docker-compose config` checks the Compose file (no engine needed)
)
pip_packages=(waitress django gunicorn uvicorn celery redis django-q2 daphne hypercorn uwsgi django-rq)

modules='import waitress, django, gunicorn, uvicorn, celery, redis, django_q, django_rq, daphne, hypercorn'
if command -v apt-get >/dev/null; then
  # Debian's packages: the servers and the real consumers the export tests run.
  /usr/bin/python3 -c "$modules" 2>/dev/null && command -v waitress-serve >/dev/null && command -v uwsgi >/dev/null \
    && command -v redis-server >/dev/null && command -v supervisord >/dev/null && command -v systemd-analyze >/dev/null \
    && command -v docker-compose >/dev/null && exit 0
else
  # pip installs the servers for the python3 on PATH, and none of the system tools: only what it installs is looked for,
  # so that a second run does nothing.
  python3 -c "$modules" 2>/dev/null && command -v waitress-serve >/dev/null && command -v uwsgi >/dev/null && exit 0
fi

if command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${debian_packages[*]} with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${debian_packages[@]}" >/dev/null
  # Debian starts a system-wide redis-server on 6379; the tests start their own on free ports and need no service.
else
  echo "Installing ${pip_packages[*]} with pip…" >&2
  python3 -m pip install --user --quiet "${pip_packages[@]}"
fi
