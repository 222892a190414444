"""One page that says which interface served it (ASGI requests carry a scope, WSGI ones an environ)."""
import django
from django.http import HttpResponse
from django.urls import path


def page(request):
    interface = "asgi" if hasattr(request, "scope") else "wsgi"
    return HttpResponse("django {} over {}\n".format(django.get_version(), interface), content_type="text/plain")


urlpatterns = [path("page", page)]
