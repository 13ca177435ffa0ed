#!/usr/bin/env bash
# lrlab developer entry point: install what is missing, build, then open the window or test.
#   scripts/dev.sh open    build (Release) and open the Learning Rate Lab window
#   scripts/dev.sh test    build and run every test (CTest)
#   scripts/dev.sh bench   build and run the benchmarks (tests/bench), then the model kernels
#                          against a -march=native build (scripts/bench-kernels.sh)
#   scripts/dev.sh deps    only install the Debian packages
# Environment: BUILD_DIR (default build), LRLAB_NATIVE=ON for a -march=native binary,
# JOBS (default: number of cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
jobs=${JOBS:-$(nproc)}

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools libqcustomplot-dev libeigen3-dev zlib1g-dev libgl-dev libgif-dev
          fonts-noto-cjk dataset-fashion-mnist clang-format file qemu-user)

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "lrlab: installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

build() {
    install_deps
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DLRLAB_NATIVE="${LRLAB_NATIVE:-OFF}" ${LRLAB_CMAKE_ARGS:-}
    cmake --build "$build_dir" -j "$jobs"
}

case "${1:-open}" in
    deps)
        install_deps ;;
    open)
        build
        shift || true
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            echo "lrlab: no display found (DISPLAY is empty); try: xvfb-run $0 open" >&2
        fi
        exec "$build_dir/bin/lrlab" "$@" ;;
    test)
        build
        QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" ;;
    bench)
        build
        cmake --build "$build_dir" --target bench
        # The model kernels of this portable build against a -march=native build of the same
        # source (a second build tree), measured alternately in the same run.
        native_dir=${NATIVE_BUILD_DIR:-$build_dir-native}
        cmake -S "$here" -B "$native_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLRLAB_NATIVE=ON \
            ${LRLAB_CMAKE_ARGS:-}
        cmake --build "$native_dir" --target bench_core_kernels -j "$jobs"
        "$here/scripts/bench-kernels.sh" portable="$build_dir/tests/bench/bench_core_kernels" \
            native="$native_dir/tests/bench/bench_core_kernels" ;;
    *)
        sed -n '2,10p' "$0"; exit 2 ;;
esac
