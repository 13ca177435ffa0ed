#!/usr/bin/env bash
# Compares the benchmarks' figures of an older revision with HEAD's in one run:
#   scripts/bench-compare.sh BASE_REV [BENCH...]
# Builds the library at BASE_REV in a git worktree (BASE_DIR/src, its build tree BASE_DIR/build)
# with this checkout's tests/bench and tests/common (the benchmarks' helpers) copied over it, so
# the same benchmark sources measure both; builds the
# benchmarks of this checkout (BUILD_DIR); then runs old and new alternately, ROUNDS times each,
# and prints figure | old | new | new/old | goal (medians; new/old < 1 is faster for times).
# BENCH: bench_x or x (default: every tests/bench/bench_*.cpp). A benchmark that does not build
# or run against the old library reads n/a for old; the others go on.
# Environment: BUILD_DIR (default build), BASE_DIR (default BUILD_DIR-base), ROUNDS (default 3),
# JOBS (default: number of cores). Uses ccache when it is installed.
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,12p' "$0"
    exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_name=$1
base_rev=$(git -C "$here" rev-parse --verify "$1^{commit}") || {
    echo "bench-compare: '$1' is not a revision of $here" >&2
    exit 2
}
shift
build_dir=${BUILD_DIR:-$here/build}
base_dir=${BASE_DIR:-$build_dir-base}
rounds=${ROUNDS:-3}
jobs=${JOBS:-$(nproc)}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

benches=()
for name in "$@"; do
    name=bench_${name#bench_}
    if [ ! -f "$here/tests/bench/$name.cpp" ]; then
        echo "bench-compare: no benchmark $name (tests/bench/$name.cpp)" >&2
        exit 2
    fi
    benches+=("$name")
done
if [ ${#benches[@]} -eq 0 ]; then
    for source in "$here"/tests/bench/bench_*.cpp; do benches+=("$(basename "$source" .cpp)"); done
fi

# The old source: a detached worktree at BASE_REV with HEAD's benchmarks.
src="$base_dir/src"
mkdir -p "$base_dir"
if [ -e "$src/.git" ]; then
    git -C "$src" checkout -q --force --detach "$base_rev"
    git -C "$src" clean -q -fd -- tests/bench tests/common
else
    git -C "$here" worktree prune
    git -C "$here" worktree add -q --force --detach "$src" "$base_rev"
fi
for dir in tests/bench tests/common; do
    rm -rf "${src:?}/$dir"
    cp -R "$here/$dir" "$src/$dir"
done
echo "bench-compare: old = $(git -C "$src" log -1 --format='%h %s' HEAD) + tests/bench, tests/common of $here" >&2

configure() { # configure SOURCE BUILD
    cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
        ${LRLAB_CMAKE_ARGS:-} >/dev/null
}
configure "$src" "$base_dir/build"
configure "$here" "$build_dir"

# Builds each benchmark on its own, so one that does not compile loses only itself.
declare -A built_old built_new
no_old=()
for name in "${benches[@]}"; do
    if cmake --build "$base_dir/build" --target "$name" -j "$jobs" >"$base_dir/build-$name.log" 2>&1
    then
        built_old[$name]=1
    else
        echo "bench-compare: $name does not build against $base_name (n/a; $base_dir/build-$name.log)" >&2
        no_old+=("$name")
    fi
    cmake --build "$build_dir" --target "$name" -j "$jobs"
    built_new[$name]=1
done

out="$base_dir/compare"
mkdir -p "$out"
: >"$out/old.jsonl"
: >"$out/new.jsonl"
run() { # run SIDE NAME BINARY: its figure lines, tagged with the benchmark, to SIDE.jsonl
    local log="$out/$1-$2.log"
    if (cd "$here" && QT_QPA_PLATFORM=offscreen "$3") >"$log" 2>&1; then
        sed -n "s/^{\"figure\"/{\"bench\":\"$2\",\"figure\"/p" "$log" >>"$out/$1.jsonl"
    else
        echo "bench-compare: $1 $2 failed (see $log)" >&2
        [ "$1" = old ] && no_old+=("$2")
    fi
}
for ((round = 1; round <= rounds; round++)); do
    for name in "${benches[@]}"; do
        # Alternate who goes first, so a drift in the machine's load hits both alike.
        sides=(old new)
        [ $((round % 2)) -eq 0 ] && sides=(new old)
        for side in "${sides[@]}"; do
            if [ "$side" = old ] && [ -n "${built_old[$name]:-}" ]; then
                run old "$name" "$base_dir/build/tests/bench/$name"
            elif [ "$side" = new ] && [ -n "${built_new[$name]:-}" ]; then
                run new "$name" "$build_dir/tests/bench/$name"
            fi
        done
    done
    echo "bench-compare: round $round of $rounds done" >&2
done

echo "old: $(git -C "$src" log -1 --format='%h' HEAD), new: $(git -C "$here" log -1 --format='%h' HEAD)$(git -C "$here" diff --quiet HEAD || echo ' + local changes'), $rounds rounds, medians"
python3 "$here/scripts/bench-figures.py" compare "$out/old.jsonl" "$out/new.jsonl" \
    --no-old "${no_old[@]}"
