"""A WSGI app that is not ready until a file exists: every path answers 503 until the file READY_FLAG names exists,
then 200 (the test decides when, rather than a clock)."""
import os


def app(environ, start_response):
    ready = os.path.exists(os.environ["READY_FLAG"])
    start_response("200 OK" if ready else "503 Service Unavailable", [("Content-Length", "0")])
    return [b""]
