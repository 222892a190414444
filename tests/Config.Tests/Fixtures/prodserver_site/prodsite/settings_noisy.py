"""Settings that print a lot while importing: stdout and stderr noise must neither corrupt the answer nor fill memory."""
import sys

from prodsite.settings import *  # noqa: F401,F403

print("noise on stdout " * 1000)
sys.stderr.write("noise on stderr\n" * 1_000_000)
