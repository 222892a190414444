"""A WSGI module whose import fails: gunicorn logs the error and its traceback."""
raise RuntimeError("boom at import")
