"""tasks_client.py enqueue X Y  -> prints the task result id; tasks_client.py result ID -> prints its status and return value."""
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tasksite.settings")
django.setup()

from tasksite.tasks import multiply  # noqa: E402  (needs django.setup() first)

if sys.argv[1] == "enqueue":
    print(multiply.enqueue(int(sys.argv[2]), int(sys.argv[3])).id)
else:
    result = multiply.get_result(sys.argv[2])
    print("status", result.status, "value", result.return_value)
