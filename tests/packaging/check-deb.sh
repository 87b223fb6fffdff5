#!/bin/sh
# Builds the .deb, unpacks it into a temporary root and runs the installed binaries.
set -eu
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb="$work/out/gtm-research_${version}_amd64.deb"
[ -f "$deb" ] || { echo "expected $deb, got:"; ls "$work/out"; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 qt6-qpa-plugins libqt6sql6-sqlite; do
    echo "$depends" | grep -q "$lib" || { echo "Depends lacks $lib: $depends"; exit 1; }
done

dpkg -x "$deb" "$work/root"
for f in usr/bin/gtm-research usr/bin/gtm-research-cli \
         usr/share/applications/io.github.gtmresearch.GtmResearch.desktop \
         usr/share/metainfo/io.github.gtmresearch.GtmResearch.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.gtmresearch.GtmResearch.svg \
         usr/share/icons/hicolor/48x48/apps/io.github.gtmresearch.GtmResearch.png \
         usr/share/icons/hicolor/256x256/apps/io.github.gtmresearch.GtmResearch.png; do
    [ -e "$work/root/$f" ] || { echo "missing in package: $f"; exit 1; }
done

out=$("$work/root/usr/bin/gtm-research-cli" --version)
[ "$out" = "gtm-research-cli $version" ] || { echo "installed CLI --version said: $out"; exit 1; }
"$work/root/usr/bin/gtm-research-cli" --help | grep -q -- "--version" || { echo "installed CLI --help lacks options"; exit 1; }
"$work/root/usr/bin/gtm-research" --version | grep -q "$version" || { echo "installed GUI --version wrong"; exit 1; }
echo "package ok: $(basename "$deb")"
