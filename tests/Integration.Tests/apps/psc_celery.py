"""The Celery app of the integration tests.

The broker and the result backend are not configured here: the SDK passes them as the global --broker and
--result-backend options (written before the subcommand), and celery_send.py sets them itself.
"""
from celery import Celery

app = Celery("psc_celery")
# Beat sends tick every second, so a test sees a scheduled task within moments of starting beat.
app.conf.beat_schedule = {"tick-every-second": {"task": "psc_celery.tick", "schedule": 1.0}}


@app.task
def add(x, y):
    return x + y


@app.task
def tick():
    return "tick"
