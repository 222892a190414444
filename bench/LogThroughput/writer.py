"""Writes N MB of access-log-like lines (100 bytes each) to stdout as fast as Python can: python3 writer.py N"""
import sys

line = ("127.0.0.1 - - [24/Nov/2026:19:00:00 +0000] \"GET /static/app.css HTTP/1.1\" 200 5120 \"-\" \"bench\"").ljust(99) + "\n"
out = sys.stdout
for _ in range(int(sys.argv[1]) * 1024 * 1024 // len(line)):
    out.write(line)
out.flush()
