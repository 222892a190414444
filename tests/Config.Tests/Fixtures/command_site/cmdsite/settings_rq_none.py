"""The command-check site with django_rq in INSTALLED_APPS but no RQ_QUEUES, which rqworker reads at start."""
from .settings_apps import *  # noqa: F401,F403

del RQ_QUEUES
