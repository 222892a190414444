"""Settings that shell out while importing (a build stamp): what the command prints at the OS level goes to stderr, as a
print() does, and the answer stays whole."""
import os

from prodsite.settings import *  # noqa: F401,F403

os.system("echo build-1234")
