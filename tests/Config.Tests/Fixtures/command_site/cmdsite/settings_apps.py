"""The command-check site with django_q and django_rq in INSTALLED_APPS, configured enough for their commands to load."""
from .settings import *  # noqa: F401,F403

INSTALLED_APPS = INSTALLED_APPS + ["django_q", "django_rq"]
Q_CLUSTER = {"name": "cmdsite", "orm": "default", "timeout": 60, "retry": 120}
RQ_QUEUES = {"default": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0}}
