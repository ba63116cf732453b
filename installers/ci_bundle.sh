#!/usr/bin/env bash
# CI: build the Linux one-folder bundle with PyInstaller and prove it runs (--version, --self-test), offscreen.
# Called by .ci/run after the tests. Exits non-zero when the build or either check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${WORKBENCH_VENV:-$ROOT/.venv}
PY=$VENV/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x "$PY" ] || python3 dev.py setup
"$PY" -m pip install -q -e "$ROOT[dist]"

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installers/workbench.spec
built=$(date +%s)
BUNDLE=$ROOT/dist/workbench
echo "ci_bundle: built $BUNDLE in $((built - start)) s, $(du -sh "$BUNDLE" | cut -f1)"

# Run from another folder so nothing is found in the checkout by accident.
cd /tmp
unset WORKBENCH_ROOT  # the bundle must find its own resources
version_out=$("$BUNDLE/workbench" --version)
echo "ci_bundle: --version: $version_out"
expected=$("$PY" -c "import sys; sys.path.insert(0, '$ROOT'); import workbench; print(workbench.__version__)")
case "$version_out" in
    *"$expected"*) ;;
    *) echo "ci_bundle: --version printed '$version_out', expected $expected" >&2; exit 1 ;;
esac
QT_QPA_PLATFORM=offscreen "$BUNDLE/workbench" --self-test
echo "ci_bundle: bundle self-test passed ($(($(date +%s) - start)) s in all)"
