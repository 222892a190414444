"""APP on web backends, which django-prodserver ignores: it serves WSGI_APPLICATION / ASGI_APPLICATION."""
SECRET_KEY = "fixture"
WSGI_APPLICATION = "prodsite.wsgi.application"
PRODUCTION_PROCESSES = {
    "web": {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "APP": "prodsite.wsgi.application", "ARGS": {"bind": "127.0.0.1:8120"}},
    "other": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "APP": "elsewhere.wsgi:app", "ARGS": {"port": "8121"}},
    "asgi": {"BACKEND": "django_prodserver.backends.uvicorn.UvicornServer", "APP": "prodsite.asgi.application", "ARGS": {"port": "8122", "interface": "asgi3"}},
    "worker": {"BACKEND": "django_prodserver.backends.celery.CeleryWorker", "APP": "prodsite.celery.app", "ARGS": {"events": True}},
}
# Two spellings of one flag: refused, so neither may be written.
PRODUCTION_PROCESSES["twice"] = {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "ARGS": {"bind": "127.0.0.1:8123", "loglevel": "debug", "log-level": "warning"}}
