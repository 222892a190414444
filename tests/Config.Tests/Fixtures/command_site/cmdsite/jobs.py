"""Classes a worker may be told to use by import path (rqworker --worker-class, --job-class, --queue-class, RQ settings)."""
from django_rq.queues import DjangoRQ
from rq import Worker
from rq.job import Job


class QuietWorker(Worker):
    """An RQ worker class of the project's own."""


class AuditedJob(Job):
    """An RQ job class of the project's own."""


class PriorityQueue(DjangoRQ):
    """An RQ queue class of the project's own, named by one queue of RQ_QUEUES."""


class Workers:
    """Worker classes kept in a namespace class: rq's import_attribute resolves cmdsite.jobs.Workers.Quiet."""

    class Quiet(Worker):
        """An RQ worker class reached through its owner."""
