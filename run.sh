#!/usr/bin/env bash
# The main job: set up .venv, extract the seed articles into the store in data/ (only what
# changed since the last run), then serve the dashboard and print the address to open.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# (this machine's pip prints a warning per missing local mirror folder: hidden, pip's own status kept)
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt 2>&1 | { grep -v "^WARNING: Location" || true; }
.venv/bin/python -m extract seeds --store data  # prints a summary: documents, figures, skipped, failed
PORT="${PORT:-8501}"
echo "Dashboard: open http://localhost:${PORT} in a browser (Ctrl-C stops it)"
exec .venv/bin/python -m dashboard.serve run dashboard/app.py --server.port "$PORT" --server.headless true
