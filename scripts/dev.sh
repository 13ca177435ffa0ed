#!/usr/bin/env bash
# lrlab developer entry point: install what is missing, build, then open the window or test.
#   scripts/dev.sh open    build (Release) and open the Learning Rate Lab window
#   scripts/dev.sh test    build and run every test (CTest)
#   scripts/dev.sh bench [BENCH...]  build and run the benchmarks (tests/bench/bench_*, or the
#                          named ones), collect their figure lines in BUILD_DIR/bench-figures.jsonl
#                          and print the table what | value | unit | goal | met?; with no names,
#                          then the model kernels against a -march=native build
#                          (scripts/bench-kernels.sh). To compare with an older revision in one
#                          run: scripts/bench-compare.sh BASE_REV [BENCH...]
#   scripts/dev.sh fuzz [SECONDS [HARNESS...]]  build the libFuzzer harnesses (clang, build-fuzz)
#                          and run each (or the named: config session lesson csv idx) for SECONDS
#                          (default 30); fails naming the reproducer of any finding
#   scripts/dev.sh deps    only install the Debian packages
# Environment: BUILD_DIR (default build), FUZZ_BUILD_DIR (default build-fuzz), LRLAB_NATIVE=ON
# for a -march=native binary, JOBS (default: number of cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
jobs=${JOBS:-$(nproc)}

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev libeigen3-dev zlib1g-dev libgl-dev libgif-dev
          fonts-noto-cjk dataset-fashion-mnist clang-format file help2man man-db groff-base
          desktop-file-utils appstream lintian git locales clang libclang-rt-14-dev qemu-user
          python3 python3-torch libprotobuf-dev protobuf-compiler qt6-datavisualization-dev
          libqt6opengl6-dev qt6-declarative-dev xvfb xauth libgl1-mesa-dri)

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

# The readers of untrusted files and their extra seeds beyond tests/fuzz/corpus/<name>/ (README:
# Fuzzing). Only small files: libFuzzer reads at most -max_len bytes of each anyway.
fuzz_harnesses=(config session lesson csv idx)
declare -A fuzz_seeds=([lesson]="resources/lessons/*.json"
                       [csv]="resources/datasets/iris.csv resources/datasets/wine.csv")
declare -A fuzz_dicts=([config]=json [session]=json [lesson]=json [csv]=csv [idx]=idx)

fuzz() {
    local seconds=${1:-30}
    shift || true
    local harnesses=("$@") name
    if [ ${#harnesses[@]} -eq 0 ]; then
        harnesses=("${fuzz_harnesses[@]}")
    fi
    for name in "${harnesses[@]}"; do
        if [ ! -d "$here/tests/fuzz/corpus/$name" ]; then
            echo "lrlab: no fuzz harness '$name' (harnesses: ${fuzz_harnesses[*]})" >&2
            return 2
        fi
    done
    local dir=${FUZZ_BUILD_DIR:-$here/build-fuzz}
    install_deps
    cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++ -DLRLAB_FUZZ=ON ${LRLAB_CMAKE_ARGS:-}
    cmake --build "$dir" -j "$jobs"
    local failed=()
    for name in "${harnesses[@]}"; do
        # The working corpus grows from run to run; findings go to findings/<name>/.
        local corpus="$dir/corpus/$name" findings="$dir/findings/$name" log="$dir/fuzz_$name.log"
        mkdir -p "$corpus" "$findings"
        local seeds=("$here/tests/fuzz/corpus/$name"/*) pattern
        for pattern in ${fuzz_seeds[$name]:-}; do seeds+=("$here"/$pattern); done
        cp -n "${seeds[@]}" "$corpus/"
        echo "lrlab: fuzzing $name for ${seconds}s (corpus $corpus)"
        if ! "$dir/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -malloc_limit_mb=512 -max_len=8192 -dict="$here/tests/fuzz/${fuzz_dicts[$name]}.dict" \
            -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
            tail -n 40 "$log" >&2
            echo "lrlab: fuzz_$name found a problem; reproducer: $(ls -t "$findings"/* | head -n 1)" >&2
            echo "  replay: $dir/fuzz/fuzz_$name <reproducer>   (log: $log)" >&2
            failed+=("$name")
        else
            echo "  $(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' ')"
        fi
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "lrlab: fuzzing found problems in: ${failed[*]}" >&2
        return 1
    fi
    echo "lrlab: fuzzing found nothing (${#harnesses[@]} harnesses, ${seconds}s each)"
}

# Runs the benchmarks (all, or those named: bench_x or x) from the source directory, offscreen;
# their figure lines go to $build_dir/bench-figures.jsonl, the rest to the terminal; then prints
# the goals table. Fails naming any benchmark that failed (after the table).
run_benchmarks() {
    local figures="$build_dir/bench-figures.jsonl" log="$build_dir/bench-output.log" failed=()
    local names=("$@") name binary
    if [ ${#names[@]} -eq 0 ]; then
        for binary in "$build_dir"/tests/bench/bench_*; do
            [ -x "$binary" ] && names+=("$(basename "$binary")")
        done
    fi
    : >"$figures"
    for name in "${names[@]}"; do
        binary="$build_dir/tests/bench/bench_${name#bench_}"
        echo "lrlab: running $(basename "$binary")"
        if (cd "$here" && QT_QPA_PLATFORM=offscreen "$binary") >"$log" 2>&1; then
            grep '^{"figure"' "$log" >>"$figures" || true
        else
            failed+=("$(basename "$binary")")
        fi
        grep -v '^{"figure"' "$log" || true
    done
    echo
    python3 "$here/scripts/bench-figures.py" table "$figures"
    echo "(figures: $figures)"
    if [ ${#failed[@]} -gt 0 ]; then
        echo "lrlab: benchmarks failed: ${failed[*]} (output above)" >&2
        return 1
    fi
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
    fuzz)
        shift
        fuzz "$@" ;;
    bench)
        shift
        build
        run_benchmarks "$@"
        [ $# -gt 0 ] && exit 0
        # The model kernels of this portable build against a -march=native build of the same
        # source (a second build tree), measured alternately in the same run.
        native_dir=${NATIVE_BUILD_DIR:-$build_dir-native}
        cmake -S "$here" -B "$native_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLRLAB_NATIVE=ON \
            ${LRLAB_CMAKE_ARGS:-}
        cmake --build "$native_dir" --target bench_core_kernels -j "$jobs"
        "$here/scripts/bench-kernels.sh" portable="$build_dir/tests/bench/bench_core_kernels" \
            native="$native_dir/tests/bench/bench_core_kernels" ;;
    *)
        sed -n '2,16p' "$0"; exit 2 ;;
esac
