"""The URLs of the fixture site: none (manage.py check needs the module)."""
urlpatterns = []
