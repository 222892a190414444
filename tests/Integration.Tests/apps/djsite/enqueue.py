"""Queues djsite.tasks.multiply(X, Y) with django-q's async_task and prints its result: enqueue.py X Y."""
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djsite.settings")
django.setup()

from django_q.tasks import async_task, result  # noqa: E402  (needs django.setup() first)

task_id = async_task("djsite.tasks.multiply", int(sys.argv[1]), int(sys.argv[2]))
# wait is in milliseconds: bounded, so a cluster that never runs the task fails the test instead of hanging it.
print("result", result(task_id, wait=45000))
