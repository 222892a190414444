"""A WSGI app answering the status its path names, for the readiness probe's tests.

/status/302 redirects (to an https URL the probe must not follow), /status/N answers N, /hostile... answers 200 only
when the request carried no header the path tried to add.
"""


def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path.startswith("/hostile"):
        injected = any(key.startswith("HTTP_X_") for key in environ)
        status = "400 Bad Request" if injected else "200 OK"
        start_response(status, [("Content-Length", "0")])
        return [b""]
    code = int(path.rsplit("/", 1)[-1]) if path.startswith("/status/") else 404
    headers = [("Content-Length", "0")]
    if 300 <= code < 400:
        headers.append(("Location", "https://redirected.invalid/login"))
    start_response("%d Status" % code, headers)
    return [b""]
