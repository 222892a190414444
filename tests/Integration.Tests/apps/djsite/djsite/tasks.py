def multiply(x, y):
    return x * y


def slow_multiply(x, y, seconds=2.0):
    """A job still running when the worker is told to stop: a warm shutdown lets it finish."""
    import time

    # Said once it runs, so that a test stops the worker while the job runs rather than between its dequeue and its start.
    print(f"slow_multiply({x}, {y}) running", flush=True)
    time.sleep(seconds)
    return x * y
