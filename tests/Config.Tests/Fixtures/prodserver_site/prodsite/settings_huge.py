"""Settings whose PRODUCTION_PROCESSES is larger than the import reads (4 MiB): refused, not read into memory whole."""
from prodsite.settings import *  # noqa: F401,F403

PRODUCTION_PROCESSES = {"web": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": {"ident": "x" * 6_000_000}}}
