"""The Quickstart site's pages."""
import platform

import django
from django.http import HttpResponse, JsonResponse
from django.urls import path

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ProdServer.Config Quickstart</title></head>
<body>
<h1>Hello from Django, served by Waitress through ProdServer.Config</h1>
<p>Django {django} on Python {python}.</p>
</body>
</html>
"""


def home(request):
    return HttpResponse(PAGE.format(django=django.get_version(), python=platform.python_version()))


def health(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("", home),
    path("health", health),
]
