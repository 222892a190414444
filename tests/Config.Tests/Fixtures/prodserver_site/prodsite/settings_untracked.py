"""Settings that leave a helper running which cleared its environment (so carries no tag) and holds the reader's stderr:
the import does not wait for it once Python has exited, and says so. Writes its pid to PRODSERVER_TEST_PIDFILE."""
import os
import subprocess

from prodsite.settings import *  # noqa: F401,F403

_untracked = subprocess.Popen(["env", "-i", "sleep", "302"])

with open(os.environ["PRODSERVER_TEST_PIDFILE"], "w") as pidfile:
    pidfile.write(str(_untracked.pid))
