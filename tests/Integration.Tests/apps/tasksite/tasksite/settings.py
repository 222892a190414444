"""A Django project for db_worker (django-tasks-db, which needs Django 4.2 or later; Debian's 3.2 cannot run it)."""
import os
import tempfile

SECRET_KEY = "prodserver-config-integration-tests-only"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = ["django_tasks_db"]
try:
    import django.tasks  # noqa: F401  Django 6.0 and later ship the tasks framework
except ImportError:
    INSTALLED_APPS.insert(0, "django_tasks")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("PSC_DB", os.path.join(tempfile.gettempdir(), "psc-tasksite.sqlite3")),
    }
}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
