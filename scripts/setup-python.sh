#!/usr/bin/env bash
# Makes sure the Python side the sample and the tests use is there: Waitress and Django for Debian's /usr/bin/python3
# (Debian packages belong to it; a pyenv python3 first on PATH lacks them), or, without apt, pip's.
set -euo pipefail

python=/usr/bin/python3
if [ -x "$python" ] && "$python" -c 'import waitress, django' 2>/dev/null && command -v waitress-serve >/dev/null; then
  exit 0
fi

if command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing python3-waitress and python3-django with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-waitress python3-django >/dev/null
else
  echo "Installing waitress and django with pip…" >&2
  python3 -m pip install --user --quiet waitress django
fi
