"""
The command-check site with django_rq, whose queues rqworker cannot listen on together: "other" is another Redis
database than "default", and "priority" another queue class.
"""
from .settings_apps import *  # noqa: F401,F403

RQ_QUEUES = {
    "default": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
    "same": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
    "other": {"HOST": "127.0.0.1", "PORT": 1, "DB": 1},
    "priority": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0, "QUEUE_CLASS": "cmdsite.jobs.PriorityQueue"},
}
