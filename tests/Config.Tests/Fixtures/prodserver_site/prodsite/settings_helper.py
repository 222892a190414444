"""Settings that start helpers and leave them running: one that holds the reader's output pipes (subprocess.Popen), one
detached from them in the background of a shell. Both are stopped once the settings are read, and the import does not wait
for the pipes they hold. Writes their pids to PRODSERVER_TEST_PIDFILE."""
import os
import subprocess

from prodsite.settings import *  # noqa: F401,F403

_attached = subprocess.Popen(["sleep", "300"])
_detached = subprocess.run(
    ["sh", "-c", "sleep 301 </dev/null >/dev/null 2>&1 & echo $!"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, check=True, text=True
).stdout.strip()

with open(os.environ["PRODSERVER_TEST_PIDFILE"], "w") as pidfile:
    pidfile.write("%d %s" % (_attached.pid, _detached))
