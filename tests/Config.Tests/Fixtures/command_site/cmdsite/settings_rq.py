"""
The command-check site with django-rq's own settings naming classes rqworker imports at start, some of which do not
import: RQ's WORKER_CLASS, JOB_CLASS and QUEUE_CLASS, a queue's QUEUE_CLASS in RQ_QUEUES, and RQ_EXCEPTION_HANDLERS.
"""
from .settings_apps import *  # noqa: F401,F403

RQ = {
    "WORKER_CLASS": "cmdsite.jobs.LoudWorker",
    "JOB_CLASS": "rq_extras.jobs.AuditJob",
    "QUEUE_CLASS": "cmdsite.jobs.FairQueue",
}
RQ_QUEUES = {
    "default": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0, "QUEUE_CLASS": "cmdsite.jobs.ShortQueue"},
    "low": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
    "high": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0, "QUEUE_CLASS": "cmdsite.jobs.PriorityQueue"},
}
RQ_EXCEPTION_HANDLERS = ["cmdsite.jobs.report_nowhere"]
