"""Settings where one long string is referenced many times: 100 MB as JSON, a megabyte in memory."""
from prodsite.settings import *  # noqa: F401,F403

_long = "y" * 1_000_000

PRODUCTION_PROCESSES = {
    "web": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "APP": "mysite.wsgi:application"},
    "worker": {"BACKEND": "django_prodserver.backends.celery.CeleryWorker", "APP": "mysite.celery:app", "ARGS": {"queues": [_long] * 100}},
}
