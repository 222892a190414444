"""django-prodserver 0.0.1's setting: PROD_SERVERS, with ARGS as command-line strings."""
SECRET_KEY = "fixture"
PROD_SERVERS = {"web": {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "ARGS": ["--bind=0.0.0.0:8111"]}}
