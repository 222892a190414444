"""A WSGI app whose module sets up logging as Django projects do in production, and logs once at import:
the logging cookbook's format on stderr, and one JSON object per line on stdout (as python-json-logger writes it)."""
import json
import logging
import sys


class JsonLines(logging.Formatter):
    def format(self, record):
        return json.dumps({"asctime": self.formatTime(record), "levelname": record.levelname,
                           "name": record.name, "message": record.getMessage()})


cookbook = logging.StreamHandler(sys.stderr)
cookbook.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s"))
text = logging.getLogger("shop.payments")
text.addHandler(cookbook)
text.setLevel(logging.INFO)
text.propagate = False

structured = logging.StreamHandler(sys.stdout)
structured.setFormatter(JsonLines())
records = logging.getLogger("shop.orders")
records.addHandler(structured)
records.setLevel(logging.INFO)
records.propagate = False

text.info("cookbook info on stderr")
text.error("cookbook error on stderr")
records.error("json error on stdout")
records.info("json info on stdout")
sys.stdout.flush()


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
