"""Sends a psc_celery task and prints the result the worker stores: celery_send.py BROKER RESULT_BACKEND X Y [TASK].

TASK is add (the default) or slow_add, a task that runs for two seconds.
"""
import sys

import psc_celery
from psc_celery import app

broker, backend, x, y = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
task = getattr(psc_celery, sys.argv[5] if len(sys.argv) > 5 else "add")
app.conf.broker_url = broker
app.conf.result_backend = backend
# Bounded: a worker that never answers fails the test with celery's TimeoutError rather than hanging it.
print("result", task.delay(x, y).get(timeout=45))
