"""
A Django project for --check's look for the management command a backend runs: by default none of the task apps is in
INSTALLED_APPS (the mistake --check must find); settings_apps adds django_q and django_rq, as Debian ships both.
"""
SECRET_KEY = "prodserver-command-check-test-key"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
