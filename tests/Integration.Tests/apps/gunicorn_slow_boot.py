# A gunicorn configuration file that holds each worker in the window where it still runs with its master's signal
# handlers: post_fork runs in the new worker before init_process installs the worker's own, so a SIGTERM that arrives
# during this sleep is taken by the master's handler (copied at fork) and lost (see gunicorn_worker_report.py).
import time


def post_fork(server, worker):
    print(f"worker {worker.pid} forked", flush=True)
    time.sleep(1.5)


def post_worker_init(worker):
    print(f"worker {worker.pid} initialized", flush=True)
