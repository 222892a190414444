"""A purpose-built stand-in server for engine tests: python3 dummy.py [--count FILE] <command> [args].

  --count FILE       append one line to FILE per start (so a test can count restarts)
  serve              print 'ready', then sleep until SIGTERM and exit 0
  ignore-sigterm     print 'ready', ignore SIGTERM, sleep
  exit N             write a line to stderr and exit with code N
  lines N            print N numbered lines to stdout, then exit 0
  env NAME...        print NAME=value for each variable (or NAME unset), then exit 0
  fork N             start N child processes that ignore SIGTERM, print 'child <pid>' for each, then serve
  fork-note N FILE   start N children that, on SIGTERM, append 'term <pid>' to FILE and exit; then serve
  kill-self N        send itself signal N (default action), as a server killed by a signal
  crash-after S N    print 'ready', sleep S seconds, write an error and exit with code N
  http PORT S        serve HTTP on 127.0.0.1:PORT, answering /health with 503 for S seconds, then 200
  http-log PORT      print 'ready', serve HTTP on 127.0.0.1:PORT (200), printing 'request N' to stdout for each request
  blob MB            write MB mebibytes of 'x' to stdout without a newline, then exit 0
  controls           print a line holding ESC sequences, NUL, BEL, CR and DEL between words, then exit 0
  warn               write Celery's warning at a worker's start as root (a message of several lines, then its
                     source line), a line of its own, a warning whose source Python cannot read, another line
  setsid-child       start 'setsid sleep 300' (a grandchild that leaves the session), print 'grandchild <pid>', then serve
"""
import os
import signal
import sys
import time

args = sys.argv[1:]
if args[:1] == ["--count"]:
    with open(args[1], "a") as counter:
        counter.write(f"{os.getpid()}\n")
    args = args[2:]

command = args[0]
if command == "serve":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("ready", flush=True)
    time.sleep(120)
elif command == "ignore-sigterm":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print("ready", flush=True)
    time.sleep(120)
elif command == "exit":
    print("ERROR:dummy:giving up on purpose", file=sys.stderr, flush=True)
    sys.exit(int(args[1]))
elif command == "lines":
    for i in range(int(args[1])):
        print(f"line {i}")
    sys.exit(0)
elif command == "env":
    for name in args[1:]:
        print(f"{name}={os.environ[name]}" if name in os.environ else f"{name} unset")
elif command == "fork":
    for _ in range(int(args[1])):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            time.sleep(120)
            os._exit(0)
        print(f"child {pid}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("ready", flush=True)
    time.sleep(120)
elif command == "fork-note":
    for _ in range(int(args[1])):
        # 'ready' only once each child has its handler: a SIGTERM before that would end it without a note.
        handler_set, child_says = os.pipe()
        pid = os.fork()
        if pid == 0:
            def note(*_):
                with open(args[2], "a") as notes:
                    notes.write(f"term {os.getpid()}\n")
                os._exit(0)

            signal.signal(signal.SIGTERM, note)
            os.close(handler_set)
            os.write(child_says, b".")
            os.close(child_says)
            while True:
                time.sleep(1)
        os.close(child_says)
        os.read(handler_set, 1)
        os.close(handler_set)
        print(f"child {pid}", flush=True)

    def leave(*_):
        time.sleep(0.5)  # as a master that gives its children time; they are not told by it, though
        sys.exit(0)

    signal.signal(signal.SIGTERM, leave)
    print("ready", flush=True)
    time.sleep(120)
elif command == "kill-self":
    if len(args) > 2:  # what it wrote last, which is not why it died
        print(args[2], file=sys.stderr, flush=True)
    os.kill(os.getpid(), int(args[1]))
    time.sleep(10)
elif command == "crash-after":
    print("ready", flush=True)
    time.sleep(float(args[1]))
    print("RuntimeError: crashed on purpose", file=sys.stderr, flush=True)
    sys.exit(int(args[2]))
elif command == "http":
    from http.server import BaseHTTPRequestHandler, HTTPServer

    healthy_at = time.monotonic() + float(args[2])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status = 200 if time.monotonic() >= healthy_at else 503
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    HTTPServer(("127.0.0.1", int(args[1])), Handler).serve_forever()
elif command == "http-log":
    from http.server import BaseHTTPRequestHandler, HTTPServer

    served = [0]

    class LoggingHandler(BaseHTTPRequestHandler):
        def do_GET(self):
            served[0] += 1
            print(f"request {served[0]}", flush=True)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = HTTPServer(("127.0.0.1", int(args[1])), LoggingHandler)
    print("ready", flush=True)
    server.serve_forever()
elif command == "blob":
    chunk = b"x" * (1024 * 1024)
    for _ in range(int(args[1])):
        sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()
elif command == "controls":
    sys.stdout.buffer.write(b"red \x1b[31mtext\x1b[0m bell \x07 nul \x00 cr \r del \x7f c1 \xc2\x9b tab \t end\n")
    sys.stdout.buffer.flush()
elif command == "setsid-child":
    import subprocess

    grandchild = subprocess.Popen(["setsid", "sleep", "300"], stdin=subprocess.DEVNULL)
    print(f"grandchild {grandchild.pid}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))  # leaves the grandchild behind, as a careless server would
    print("ready", flush=True)
    time.sleep(120)
elif command == "warn":
    import warnings

    class SecurityWarning(UserWarning):
        pass

    # celery/platforms.py's ROOT_DISCOURAGED, as a worker started as root warns it.
    warnings.warn(SecurityWarning("""\
You're running the worker with superuser privileges: this is
absolutely not recommended!

Please specify a different user using the --uid option.

User information: uid=0 euid=0 gid=0 egid=0
"""))
    print("a line of its own", file=sys.stderr, flush=True)
    warnings.warn_explicit("from a file Python cannot read", UserWarning, "/nonexistent/app.py", 7)
    print("another line of its own", file=sys.stderr, flush=True)
else:
    sys.exit(f"unknown command {command}")
