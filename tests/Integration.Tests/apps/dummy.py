"""A purpose-built stand-in server for engine tests: python3 dummy.py <command> [args].

  serve              print 'ready', then sleep until SIGTERM and exit 0
  ignore-sigterm     print 'ready', ignore SIGTERM, sleep
  exit N             write a line to stderr and exit with code N
  lines N            print N numbered lines to stdout, then exit 0
  env NAME...        print NAME=value for each variable (or NAME unset), then exit 0
"""
import signal
import sys
import time

command = sys.argv[1]
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
    sys.exit(int(sys.argv[2]))
elif command == "lines":
    for i in range(int(sys.argv[2])):
        print(f"line {i}")
    sys.exit(0)
elif command == "env":
    import os
    for name in sys.argv[2:]:
        print(f"{name}={os.environ[name]}" if name in os.environ else f"{name} unset")
else:
    sys.exit(f"unknown command {command}")
