"""Settings whose PRODUCTION_PROCESSES is small in memory but huge as JSON: a list nested 20 deep with 8 shared references
per level (8**20 copies of "x" once written out). The reader must stop while building its answer, naming the key."""
from prodsite.settings import *  # noqa: F401,F403

_nested = ["x"]
for _ in range(20):
    _nested = [_nested] * 8

PRODUCTION_PROCESSES = {
    "web": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "APP": "mysite.wsgi:application", "ARGS": {"port": "8000", "x": _nested}},
}
