"""The smallest Django project the integration tests serve through Gunicorn (WSGI) and Uvicorn (ASGI)."""
