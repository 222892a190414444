"""Values computed from the environment, as Heroku-style settings write them: django-prodserver read them at every start."""
import os

SECRET_KEY = "fixture"
WSGI_APPLICATION = "prodsite.wsgi.application"
_everything = dict(os.environ)  # a copy of the whole environment is no read of each variable
PRODUCTION_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "ARGS": {
            "bind": f"127.0.0.1:{os.environ.get('PSC_IMPORT_PORT', '18571')}",
            "workers": os.getenv("PSC_IMPORT_CONCURRENCY", "2"),
            "env": "API_KEY=" + os.environ["PSC_IMPORT_API_KEY"],
        },
    },
}
