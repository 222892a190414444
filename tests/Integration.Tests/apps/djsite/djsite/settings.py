"""A minimal Django project for the manage.py backends: runserver serves a page, qcluster runs tasks from the ORM broker."""
import os
import tempfile

SECRET_KEY = "prodserver-config-integration-tests-only"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "djsite.urls"
# staticfiles gives runserver its --nostatic and --insecure options.
INSTALLED_APPS = ["django.contrib.staticfiles", "django_q"]
STATIC_URL = "/static/"
USE_TZ = True

# Each test points PSC_DB at a database in its own temporary directory.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("PSC_DB", os.path.join(tempfile.gettempdir(), "psc-djsite.sqlite3")),
    }
}

# django-q's ORM broker keeps the queue in the database above: no Redis needed.
Q_CLUSTER = {"name": "psc", "orm": "default", "workers": 1, "timeout": 30, "retry": 60, "poll": 0.2}
