#!/usr/bin/env bash
# Builds the Debian package with CPack, checks it with lintian (no error, no warning, no missing
# hardening flag), installs it with apt-get (pulling its dependencies) and checks that the
# installed lrlab runs: version, a toy run, a model run on the installed datasets, the manual
# page, the desktop and AppStream files (validated: errors and warnings fail). Needs root or sudo
# and the packages of `scripts/dev.sh deps`. Usage: scripts/test-deb.sh [build-dir]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "${1:-${BUILD_DIR:-$here/build}}" && pwd)   # apt-get takes a path, not a name
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)

(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build_dir"/lrlab_*.deb | head -n 1)
echo "test-deb: built $deb"
dpkg-deb --info "$deb" | sed -n '/Depends/p'
# lintian: no error, no warning, every hardening flag (hardening-no-* are only informational).
# It warns when run as root; that line is not about the package.
lintian_out=$(lintian --display-info --fail-on error,warning "$deb" 2>&1) || {
    echo "$lintian_out" >&2; echo "test-deb: lintian found errors or warnings" >&2; exit 1; }
echo "$lintian_out" | grep -v 'running with root privileges' || true
if echo "$lintian_out" | grep -q 'hardening-no-'; then
    echo "test-deb: the binary misses hardening flags" >&2; exit 1
fi
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
test "$(man -w lrlab)" = /usr/share/man/man1/lrlab.1.gz
desktop-file-validate /usr/share/applications/io.github.lrlab.Lrlab.desktop
appstreamcli validate --no-net --strict /usr/share/metainfo/io.github.lrlab.Lrlab.metainfo.xml
# The packaged binary runs on a CPU without AVX (qemu -cpu Nehalem) and writes the same trace.
"$here/scripts/check-portable.sh" /usr/bin/lrlab
echo "test-deb: the installed package works"
