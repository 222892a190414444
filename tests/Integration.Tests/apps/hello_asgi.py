"""A plain ASGI 3 app for the integration tests: answers every HTTP path with a fixed body and the request's details.

Lifespan events are acknowledged so that servers which insist on lifespan support start quietly.
"""


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    body = "hello from psc asgi {method} {path}\n".format(method=scope["method"], path=scope["path"]).encode()
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
