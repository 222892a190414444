"""
The command-check site with django_rq, whose RQ_QUEUES has no "default" queue (rqworker's when given none), and a key
holding control characters, which --check must not write to the terminal as they are.
"""
from .settings_apps import *  # noqa: F401,F403

RQ_QUEUES = {
    "high": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
    "low": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
    "evil\x1b[2J\nProcess 'rq': forged": {"HOST": "127.0.0.1", "PORT": 1, "DB": 0},
}
