# A gunicorn configuration file for tests that stop gunicorn right after it starts.
#
# A worker inherits the master's signal handlers when it is forked, and installs its own only in init_process:
# a SIGTERM in between is taken by the master's handler and lost, so the worker then runs until the master's
# graceful timeout (30 s) ends with SIGKILL. A test that means to stop a serving gunicorn waits for this line,
# which each worker prints once its handlers are in place and the app is loaded.


def post_worker_init(worker):
    print(f"worker {worker.pid} initialized", flush=True)
