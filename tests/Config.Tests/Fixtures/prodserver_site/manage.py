#!/usr/bin/env python3
"""The test site's manage.py, as django-admin startproject writes it (import django-prodserver reads its default settings)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prodsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
