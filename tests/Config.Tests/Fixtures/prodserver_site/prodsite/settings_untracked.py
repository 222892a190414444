"""Settings that leave a helper running which cleared its environment (so carries no tag) and holds the reader's stderr:
the import finds it by that pipe once Python has exited, stops it, and shows what the settings printed. Writes its pid to
PRODSERVER_TEST_PIDFILE."""
import os
import subprocess
import sys

from prodsite.settings import *  # noqa: F401,F403

_untracked = subprocess.Popen(["env", "-i", "sleep", "302"])

with open(os.environ["PRODSERVER_TEST_PIDFILE"], "w") as pidfile:
    pidfile.write(str(_untracked.pid))

print("untracked helper started", file=sys.stderr)
