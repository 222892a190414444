"""Sends psc_celery.add(x, y) and prints the result the worker stores: celery_send.py BROKER RESULT_BACKEND X Y."""
import sys

from psc_celery import add, app

broker, backend, x, y = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
app.conf.broker_url = broker
app.conf.result_backend = backend
# Bounded: a worker that never answers fails the test with celery's TimeoutError rather than hanging it.
print("result", add.delay(x, y).get(timeout=45))
