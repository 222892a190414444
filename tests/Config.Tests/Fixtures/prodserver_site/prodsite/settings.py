"""
A Django project whose PRODUCTION_PROCESSES uses every django-prodserver backend (2.x and 3.x class paths), written as
django-prodserver's documentation writes them, for the tests of `import django-prodserver`. Web processes have no APP:
django-prodserver serves WSGI_APPLICATION / ASGI_APPLICATION, and so does the import.
"""
DEBUG = False
SECRET_KEY = "prodserver-import-test-key"
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = []
ROOT_URLCONF = "prodsite.urls"
DATABASES = {}
WSGI_APPLICATION = "prodsite.wsgi.application"
ASGI_APPLICATION = "prodsite.asgi.application"

print("settings modules may print; the import must not read this as its answer")

PRODUCTION_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "ARGS": {"bind": "127.0.0.1:8111", "workers": "2", "timeout": "30", "preload": "True"},
    },
    "waitress": {
        "BACKEND": "django_prodserver.backends.waitress.WaitressServer",
        "ARGS": {"listen": "127.0.0.1:8112", "threads": "4", "expose-tracebacks": "False"},
    },
    "asgi": {
        "BACKEND": "django_prodserver.backends.uvicorn.UvicornServer",
        "ARGS": {"host": "127.0.0.1", "port": "8113", "workers": "2", "proxy-headers": "True"},
    },
    "uvicorn-wsgi": {
        "BACKEND": "django_prodserver.backends.uvicorn.UvicornWSGIServer",
        "ARGS": {"host": "127.0.0.1", "port": "8114"},
    },
    "granian": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "127.0.0.1", "port": "8115", "workers": "2", "blocking_threads": "1"},
    },
    "granian-wsgi": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"address": "127.0.0.1", "port": "8116", "workers": "2", "threads": "4"},
    },
    "worker": {
        "BACKEND": "django_prodserver.backends.celery.CeleryWorker",
        "APP": "prodsite.celery.app",
        "ARGS": {"queues": "high,normal,low", "concurrency": "4", "loglevel": "INFO"},
    },
    "beat": {
        "BACKEND": "django_prodserver.backends.celery.CeleryBeat",
        "APP": "prodsite.celery.app",
        "ARGS": {"schedule": "/var/lib/prodsite/celerybeat-schedule", "loglevel": "INFO"},
    },
    "flower": {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryFlower",
        "APP": "prodsite.celery.app",
        "ARGS": {"address": "127.0.0.1", "port": "5555", "basic-auth": "admin:secret"},
    },
    "tasks": {
        "BACKEND": "django_prodserver.backends.django_tasks.DjangoTasksWorker",
        "ARGS": {"queue-name": "default,emails", "interval": "2"},
    },
    "qcluster": {
        "BACKEND": "django_prodserver.backends.django_q2.DjangoQ2Worker",
        "ARGS": {"verbosity": "2"},
    },
    "dev": {
        "BACKEND": "django_prodserver.backends.dev.django_runserver.DjangoRunserver",
        "ARGS": {"addrport": "127.0.0.1:8127", "noreload": "True", "verbosity": "1"},
    },
}
