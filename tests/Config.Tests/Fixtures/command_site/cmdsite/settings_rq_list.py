"""The command-check site with django_rq, whose RQ_QUEUES lists the queue names instead of mapping each to its connection."""
from .settings_apps import *  # noqa: F401,F403

RQ_QUEUES = ["default"]
