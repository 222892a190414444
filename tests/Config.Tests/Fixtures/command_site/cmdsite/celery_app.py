"""Celery apps for --check's import of a beat's scheduler: `app` keeps celery's default, `db_app` names django-celery-beat's."""
from celery import Celery

app = Celery("cmdsite")

db_app = Celery("cmdsite")
db_app.conf.beat_scheduler = "django_celery_beat.schedulers:DatabaseScheduler"
