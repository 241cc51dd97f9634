# Sourced by the scripts in this folder: creates or refreshes .venv, then puts it on PATH.
#   WAYCORE_INSTALL=dev (the default) installs `.[dev]`, the tools the tests need;
#   WAYCORE_INSTALL=runtime installs the package alone (what scripts/demo needs).
# Re-installs only when pyproject.toml changed, so repeated runs are fast.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
installed() { [ -f "$VENV/.waycore-installed-$1" ] && [ "$(cat "$VENV/.waycore-installed-$1")" = "$want" ]; }
pip_install() {
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}
case "${WAYCORE_INSTALL:-dev}" in
  dev)
    if ! installed dev; then
      pip_install -e ".[dev]"
      echo "$want" >"$VENV/.waycore-installed-dev"
    fi
    ;;
  runtime)
    # A venv set up for the tests already has everything the demo needs.
    if ! installed dev && ! installed runtime; then
      pip_install -e .
      echo "$want" >"$VENV/.waycore-installed-runtime"
    fi
    ;;
  *) echo "_venv.sh: WAYCORE_INSTALL must be dev or runtime" >&2; exit 2 ;;
esac
export PATH="$VENV/bin:$PATH"
