#!/usr/bin/env bash
# The tests: set up .venv with the test requirements, install the browser the end-to-end
# test drives (Debian's Chromium and a CJK font) when it is missing and we may, then run pytest.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# (this machine's pip prints a warning per missing local mirror folder: hidden, pip's own status kept)
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt 2>&1 | { grep -v "^WARNING: Location" || true; }
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "note: /usr/bin/chromium or the CJK font is missing and apt-get is not usable: the browser test will skip" >&2
  fi
fi
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
[ "$status" = 5 ] && { echo "no tests ran" >&2; exit 1; }
exit "$status"
