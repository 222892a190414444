"""Settings that never finish importing: the import must stop waiting, kill Python, and say so. Writes its pid first."""
import os
import time

with open(os.environ["PRODSERVER_TEST_PIDFILE"], "w") as pidfile:
    pidfile.write(str(os.getpid()))

time.sleep(600)
