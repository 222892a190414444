"""One page that says which interface served it (ASGI requests carry a scope, WSGI ones an environ), and a slow one."""
import sys
import time

import django
from django.http import HttpResponse
from django.urls import path


def page(request):
    interface = "asgi" if hasattr(request, "scope") else "wsgi"
    return HttpResponse("django {} over {}\n".format(django.get_version(), interface), content_type="text/plain")


def slow(request):
    # A request still in flight when the server is told to stop: a graceful stop answers it. At most 10 s.
    seconds = min(float(request.GET.get("s", "1")), 10.0)
    print("slow request started", file=sys.stderr, flush=True)  # what a test waits for before it stops the server
    time.sleep(seconds)
    return HttpResponse("slept {}\n".format(seconds), content_type="text/plain")


urlpatterns = [path("page", page), path("slow", slow)]
