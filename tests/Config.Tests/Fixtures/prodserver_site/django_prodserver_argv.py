"""
The command line each PRODUCTION_PROCESSES entry makes django-prodserver start, as JSON {name: [argv...]} after the
program: django-prodserver 2.4.0's own rules (backends/base.py _format_server_args_from_dict: "--{key}={value}" for
every ARGS item; utils.py wsgi_app_name/asgi_app_name: the last '.' of the setting becomes ':'; each backend's
prep_server_args for where the app goes), written out here because django-prodserver is not installed on the test
machine. Granian is driven through its Python API there; its keywords are written as the granian CLI flags they are.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prodsite.settings")
sys.stdout, out = sys.stderr, sys.stdout
from django.conf import settings  # noqa: E402


def app_name(setting):
    return ":".join(getattr(settings, setting).rsplit(".", 1))


def formatted(args):
    return ["--%s=%s" % (key, value) for key, value in args.items()]


# granian's CLI (granian/cli.py) for the keywords django-prodserver's GranianServerBase passes to Granian(...).
GRANIAN_FLAGS = {"address": "host", "port": "port", "workers": "workers", "blocking_threads": "blocking-threads", "threads": "blocking-threads"}

result = {}
for name, process in settings.PRODUCTION_PROCESSES.items():
    backend = process["BACKEND"].rsplit(".", 1)[1]
    args = process.get("ARGS", {})
    if backend in ("GunicornServer", "WaitressServer"):
        argv = formatted(args) + [app_name("WSGI_APPLICATION")]
    elif backend == "UvicornServer":
        argv = [app_name("ASGI_APPLICATION")] + formatted(args)
    elif backend == "UvicornWSGIServer":
        argv = [app_name("WSGI_APPLICATION"), "--interface=wsgi"] + formatted(args)
    elif backend in ("GranianASGIServer", "GranianWSGIServer"):
        interface = "asgi" if backend == "GranianASGIServer" else "wsgi"
        target = app_name("ASGI_APPLICATION" if interface == "asgi" else "WSGI_APPLICATION")
        argv = ["--interface=" + interface] + ["--%s=%s" % (GRANIAN_FLAGS[k], v) for k, v in args.items()] + [target]
    elif backend in ("CeleryWorker", "CeleryBeat", "CeleryFlower"):
        command = {"CeleryWorker": "worker", "CeleryBeat": "beat", "CeleryFlower": "flower"}[backend]
        argv = ["--app=" + process["APP"], command] + formatted(args)
    else:
        command = {"DjangoTasksWorker": "db_worker", "DjangoQ2Worker": "qcluster", "DjangoRunserver": "runserver"}[backend]
        # The newer dev.django_runserver.DjangoRunserver (_runserver_base.py) reads ARGS "addrport" as the address
        # runserver's positional argument gives; the other keys are its flags.
        address = [str(args["addrport"])] if backend == "DjangoRunserver" and "addrport" in args else []
        argv = [command] + formatted({k: v for k, v in args.items() if not address or k != "addrport"}) + address
    result[name] = argv

out.write(json.dumps(result))
