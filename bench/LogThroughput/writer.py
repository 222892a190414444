"""Writes access-log-like lines (100 bytes each) to stdout.
  python3 writer.py MB          N MB as fast as Python can (the throughput ceiling)
  python3 writer.py MB RATE     N MB at RATE lines/s, one write per line, as a server's access log under load writes them
"""
import sys
import time

line = ("127.0.0.1 - - [24/Nov/2026:19:00:00 +0000] \"GET /static/app.css HTTP/1.1\" 200 5120 \"-\" \"bench\"").ljust(99) + "\n"
out = sys.stdout
count = int(float(sys.argv[1]) * 1024 * 1024) // len(line)
if len(sys.argv) < 3:
    for _ in range(count):
        out.write(line)
else:
    rate = float(sys.argv[2])
    start = time.monotonic()
    for i in range(count):
        ahead = start + i / rate - time.monotonic()
        if ahead > 0:
            time.sleep(ahead)
        out.write(line)
out.flush()
