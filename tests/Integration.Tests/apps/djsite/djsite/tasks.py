def multiply(x, y):
    return x * y


def slow_multiply(x, y, seconds=2.0):
    """A job still running when the worker is told to stop: a warm shutdown lets it finish."""
    import time

    time.sleep(seconds)
    return x * y
