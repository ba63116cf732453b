#!/usr/bin/env bash
# Build "Data Hall Workbench.app" and a .dmg on macOS (cannot run on Linux: PyInstaller builds only for the
# system it runs on, and hdiutil exists only on macOS).
# Usage (on a Mac, from anywhere):  installers/macos/build_macos.sh
# Output: dist/Data Hall Workbench.app and dist/datahall-workbench-<version>-macos-<arch>.dmg
# Signing/notarising (optional): export CODESIGN_IDENTITY="Developer ID Application: ..." before running,
# then notarise the .dmg with `xcrun notarytool submit ... --wait` and `xcrun stapler staple`.
set -euo pipefail
[ "$(uname -s)" = Darwin ] || { echo "build_macos: run this on macOS (see installers/README.md)" >&2; exit 1; }
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${WORKBENCH_VENV:-$ROOT/.venv}/bin/python
[ -x "$PY" ] || python3 dev.py setup
VERSION=$("$PY" -c "import workbench; print(workbench.__version__)")
ARCH=$(uname -m)
APP="$ROOT/dist/Data Hall Workbench.app"

"$PY" -m pip install -q "pyinstaller>=6.10"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installers/workbench.spec
[ -d "$APP" ] || { echo "build_macos: PyInstaller made no $APP" >&2; exit 1; }

# The bundle must test itself before it is shipped.
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/workbench" --self-test

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi

STAGE=$ROOT/build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG=$ROOT/dist/datahall-workbench-$VERSION-macos-$ARCH.dmg
rm -f "$DMG"
hdiutil create -volname "Data Hall Workbench $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
[ -z "${CODESIGN_IDENTITY:-}" ] || codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
echo "build_macos: $(du -h "$DMG" | cut -f1)  $DMG"
