"""A Celery app that loads, but whose task module does not import: a worker would die at start."""
from celery import Celery

app = Celery("psc_celery_broken_tasks")
app.conf.imports = ["psc_celery_tasks_not_there"]
