"""djsite with django-rq: the queues live in the Redis server a test starts (its URL in PSC_REDIS_URL)."""
import os

from .settings import *  # noqa: F401,F403  (the project's settings, plus django_rq below)
from .settings import INSTALLED_APPS

INSTALLED_APPS = INSTALLED_APPS + ["django_rq"]

_redis = {"URL": os.environ.get("PSC_REDIS_URL", "redis://127.0.0.1:6379/0")}
RQ_QUEUES = {"default": _redis, "emails": _redis}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"  # django_rq 2.7 declares a model without one
