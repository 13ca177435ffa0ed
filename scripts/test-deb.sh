#!/usr/bin/env bash
# Builds the Debian package with CPack, installs it with apt-get (pulling its dependencies) and
# checks that the installed lrlab runs: version, a toy run, a model run on the installed datasets,
# the desktop and AppStream files. Needs root or sudo. Usage: scripts/test-deb.sh [build-dir]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-${BUILD_DIR:-$here/build}}
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)

(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build_dir"/lrlab_*.deb | head -n 1)
echo "test-deb: built $deb"
dpkg-deb --info "$deb" | sed -n '/Depends/p'
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$deb" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
/usr/bin/lrlab --version
printf '{"problem": {"type": "quadratic"}, "steps": 50}\n' > toy.json
test "$(/usr/bin/lrlab run --config toy.json | wc -l)" -eq 52
printf '{"problem": {"type": "mlp", "dataset": "digits"}, "steps": 20}\n' > mlp.json
/usr/bin/lrlab run --config mlp.json --trace-dir out | grep -q "status: finished"
test -f /usr/share/applications/io.github.lrlab.Lrlab.desktop
test -f /usr/share/metainfo/io.github.lrlab.Lrlab.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/lrlab.svg
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/io.github.lrlab.Lrlab.desktop
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/io.github.lrlab.Lrlab.metainfo.xml || true
fi
echo "test-deb: the installed package works"
