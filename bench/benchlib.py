"""What the benchmark scripts share: a free loopback port, and the gunicorn process the launcher runs from configuration."""
import socket


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_process_env(app_dir, port, access_log=False):
    """The sample declares only its waitress process; a gunicorn one comes from configuration, as a user could add it."""
    env = {
        "ProdServer__Processes__gunicorn__Backend": "Gunicorn",
        "ProdServer__Processes__gunicorn__App": "mysite.wsgi:application",
        "ProdServer__Processes__gunicorn__WorkingDirectory": app_dir,
        "ProdServer__Processes__gunicorn__Args__Bind__0": f"127.0.0.1:{port}",
        "ProdServer__Processes__gunicorn__Args__Workers": "2",
    }
    if access_log:
        env["ProdServer__Processes__gunicorn__Args__AccessLogfile"] = "-"
    return env
