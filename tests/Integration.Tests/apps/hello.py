"""A plain WSGI app for the integration tests: answers every path with a fixed body and the request's details."""


def app(environ, start_response):
    body = "hello from psc {method} {path}\n".format(
        method=environ["REQUEST_METHOD"], path=environ.get("PATH_INFO", "")
    ).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
