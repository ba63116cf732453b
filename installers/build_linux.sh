#!/usr/bin/env bash
# Build the Linux packages: dist/workbench-<version>-linux-x86_64.tar.gz and dist/datahall-workbench_<version>_amd64.deb.
# Usage: installers/build_linux.sh [--no-build]   (--no-build: package the existing dist/workbench bundle)
# Needs: the project venv, dpkg-deb (Debian/Ubuntu package "dpkg"), fakeroot is NOT needed (--root-owner-group).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${WORKBENCH_VENV:-$ROOT/.venv}/bin/python
VERSION=$("$PY" -c "import sys; sys.path.insert(0, '$ROOT'); import workbench; print(workbench.__version__)")
ARCH=$(uname -m)
[ "$ARCH" = x86_64 ] || echo "build_linux: warning: building on $ARCH; names say what the machine is" >&2
DEB_ARCH=$([ "$ARCH" = x86_64 ] && echo amd64 || echo "$ARCH")
PKG=datahall-workbench
BUNDLE=$ROOT/dist/workbench

if [ "${1:-}" != "--no-build" ]; then
    "$PY" -m pip install -q "pyinstaller>=6.10"
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installers/workbench.spec
fi
[ -x "$BUNDLE/workbench" ] || { echo "build_linux: no bundle at $BUNDLE (run without --no-build)" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$BUNDLE/workbench" --self-test > /dev/null \
    || { echo "build_linux: the bundle fails its self-test; not packaging it" >&2; exit 1; }

# --- .tar.gz: one folder, unpack anywhere and run ./workbench ------------------------------------
STAGE=$ROOT/build/linux
rm -rf "$STAGE" && mkdir -p "$STAGE"
TARDIR=workbench-$VERSION
cp -a "$BUNDLE" "$STAGE/$TARDIR"
cp installers/linux/datahall-workbench.desktop resources/icons/workbench.png "$STAGE/$TARDIR/"
TARBALL=$ROOT/dist/workbench-$VERSION-linux-$ARCH.tar.gz
tar -C "$STAGE" --owner=0 --group=0 -czf "$TARBALL" "$TARDIR"

# --- .deb: /opt/datahall-workbench, /usr/bin/workbench, desktop entry, icons, MIME type -----------
DEB=$STAGE/deb
mkdir -p "$DEB/DEBIAN" "$DEB/opt" "$DEB/usr/bin" "$DEB/usr/share/applications" "$DEB/usr/share/mime/packages" \
    "$DEB/usr/share/icons/hicolor/256x256/apps" "$DEB/usr/share/icons/hicolor/48x48/apps" \
    "$DEB/usr/share/icons/hicolor/scalable/apps" "$DEB/usr/share/doc/$PKG"
cp -a "$BUNDLE" "$DEB/opt/$PKG"
ln -s "/opt/$PKG/workbench" "$DEB/usr/bin/workbench"
cp installers/linux/datahall-workbench.desktop "$DEB/usr/share/applications/$PKG.desktop"
cp installers/linux/datahall-workbench-mime.xml "$DEB/usr/share/mime/packages/$PKG.xml"
cp resources/icons/workbench.png "$DEB/usr/share/icons/hicolor/256x256/apps/$PKG.png"
cp resources/icons/workbench-48.png "$DEB/usr/share/icons/hicolor/48x48/apps/$PKG.png"
cp resources/icons/workbench.svg "$DEB/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
cat > "$DEB/usr/share/doc/$PKG/copyright" <<COPY
Data Hall Workbench $VERSION - Apache-2.0.
Bundles Python, Qt 6 / PySide6 (LGPL-3.0), numpy, shapely/GEOS, reportlab, xlsxwriter, pyqtgraph,
DejaVu fonts (Bitstream Vera licence) and Droid Sans Fallback (Apache-2.0); see /opt/$PKG/_internal.
COPY
SIZE_KB=$(du -sk "$DEB" | cut -f1)
# Qt's xcb platform plugin loads these from the system; everything else is inside the bundle.
cat > "$DEB/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $VERSION
Section: science
Priority: optional
Architecture: $DEB_ARCH
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.34), libgl1, libegl1, libfontconfig1, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Maintainer: Data Hall Workbench team <workbench@example.invalid>
Homepage: https://github.com/datahall-workbench/workbench
Description: Desktop workbench for AI data-hall design
 Lay out data halls with racks, power and cooling blocks; see space, power,
 cooling and redundancy capacity and PUE update as you edit; export bilingual
 (English / Chinese) design reports and bills of materials.
CONTROL
DEBFILE=$ROOT/dist/${PKG}_${VERSION}_${DEB_ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$DEB" "$DEBFILE" > /dev/null

echo "build_linux: $(du -h "$TARBALL" | cut -f1)  $TARBALL"
echo "build_linux: $(du -h "$DEBFILE" | cut -f1)  $DEBFILE"
