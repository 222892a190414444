"""Settings of the Quickstart site: the smallest Django project that serves a real page in production mode."""
import os

DEBUG = False
# A sample key; a real site reads its own from the environment.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "quickstart-sample-key-not-for-real-sites")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "mysite.urls"
DATABASES = {}
USE_TZ = True
