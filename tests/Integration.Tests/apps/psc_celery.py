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


@app.task
def slow_add(x, y, seconds=2.0):
    """A task still running when the worker is told to stop: celery's warm shutdown lets it finish."""
    import time

    # Said once it runs, so that a test stops the worker while the task runs rather than before a pool process took it.
    print(f"slow_add({x}, {y}) running", flush=True)
    time.sleep(seconds)
    return x + y
