"""Settings whose PRODUCTION_PROCESSES holds what no import may pass through: bad names, bad keys, bad values."""
from prodsite.settings import *  # noqa: F401,F403

_loop = ["A=1"]
_loop.append(_loop)

PRODUCTION_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "APP": "prodsite.wsgi:application",
        "ARGS": {
            "workers": "2",
            "no-such-flag": "1",
            "bind": None,
            "timeout": "soon",
            "keepalive": "rlo\u202eevil",
            "name": "x\"); System.Environment.Exit(3); //\n\u001b[31m",
            "a:b": "1",
            "env": {"nested": "dict"},
            "backlog": 10 ** 5000,
            "raw-env": _loop,
        },
    },
    "bad name\n": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer"},
    "export": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer"},
    "daphne": {"BACKEND": "django_prodserver.backends.servers.daphne.DaphneServer"},
    "oneline": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": "--threads=4 --channel-timeout=60", "WORKERS": 3},
    "oneflag": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": "--threads=4"},
    "oneident": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": "--ident=rlo\u202eevil"},
}
