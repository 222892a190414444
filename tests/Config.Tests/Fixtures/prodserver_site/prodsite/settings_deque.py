"""Settings with a value JSON cannot hold whose repr() expands shared references: a deque of tuples nested 20 deep, 8
shared references per level. It is shown bounded (a few levels, a few items), not expanded."""
import collections

from prodsite.settings import *  # noqa: F401,F403

_tuples = ("x",)
for _ in range(20):
    _tuples = (_tuples,) * 8

PRODUCTION_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "APP": "prodsite.wsgi:application",
        "ARGS": {"workers": 2, "forwarded-allow-ips": collections.deque([_tuples])},
    },
}
