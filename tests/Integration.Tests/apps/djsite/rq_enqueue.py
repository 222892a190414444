"""Queues djsite.tasks.TASK(X, Y) on an RQ queue with django_rq and prints its result: rq_enqueue.py QUEUE X Y [TASK] (TASK: multiply)."""
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djsite.rq_settings")
django.setup()

import django_rq  # noqa: E402  (needs django.setup() first)

job = django_rq.get_queue(sys.argv[1]).enqueue(
    "djsite.tasks." + (sys.argv[4] if len(sys.argv) > 4 else "multiply"), int(sys.argv[2]), int(sys.argv[3])
)
# Bounded: a worker that never runs the job fails the test instead of hanging it.
deadline = time.monotonic() + 45
while job.get_status(refresh=True) not in ("finished", "failed") and time.monotonic() < deadline:
    time.sleep(0.1)
print("status", job.get_status(), "result", job.result)
