"""Production-mode settings: no database, one view."""
DEBUG = False
SECRET_KEY = "prodserver-integration-tests-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "djsite.urls"
DATABASES = {}
USE_TZ = True
