"""Classes a worker may be told to use by import path (rqworker --worker-class, --job-class)."""
from rq import Worker
from rq.job import Job


class QuietWorker(Worker):
    """An RQ worker class of the project's own."""


class AuditedJob(Job):
    """An RQ job class of the project's own."""
