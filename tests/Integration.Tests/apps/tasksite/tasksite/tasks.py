try:
    from django.tasks import task  # Django 6.0 and later
except ImportError:
    from django_tasks import task


@task()
def multiply(x, y):
    return x * y
