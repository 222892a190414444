"""Parses a celery command line with the installed celery's own click parsers, without starting anything.

celery_parse.py ARGS...  (the arguments after `python -m celery`). The group's callback runs (it loads the app and sets
ctx.obj, which some option types need); the subcommand's options are then parsed and converted, but never invoked.
Exit 0 and the parsed values when celery accepts every option; a click usage error (exit 2) otherwise.
"""
import sys

import click
from celery.bin.celery import celery


def main(args):
    with celery.make_context("celery", list(args)) as group:
        group.invoked_subcommand = group.protected_args[0]
        group.invoke(celery.callback, **group.params)
        name, *rest = group.protected_args + group.args
        command = celery.get_command(group, name)
        with command.make_context(name, rest, parent=group) as sub:
            for key, value in sorted(sub.params.items()):
                print(f"{name}.{key}={value!r}")


try:
    main(sys.argv[1:])
except click.ClickException as e:
    e.show()
    sys.exit(e.exit_code)
