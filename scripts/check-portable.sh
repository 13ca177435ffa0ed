#!/usr/bin/env bash
# Checks that an lrlab binary runs on any x86-64 and says the same there:
#  1. a digits MLP run under `qemu-x86_64 -cpu Nehalem` (no AVX) writes byte for byte the files
#     of the same run on this machine;
#  2. outside the dispatched kernels (lrlab::kernels::x86_64_v3/v4 and the x86-64-v3/v4 clones of
#     target_clones functions) the binary holds no AVX instruction (objdump).
#   scripts/check-portable.sh [BINARY]     (default: build/bin/lrlab)
# Needs qemu-user and binutils. tests/app/cli/tst_cli_portable.cpp checks the same in CTest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${1:-$here/build/bin/lrlab}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/digits.json" <<'EOF'
{"problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh",
 "batch_size": 32}, "optimizer": {"type": "adam"}, "schedule": {"lr": 0.003},
 "steps": 150, "eval_every": 50}
EOF
export LRLAB_CACHE_DIR="$work/cache"
"$binary" run --config "$work/digits.json" --trace-dir "$work/native" >"$work/native.out"
qemu-x86_64 -cpu Nehalem "$binary" run --config "$work/digits.json" --trace-dir "$work/nehalem" \
    >"$work/nehalem.out"
diff -r "$work/native" "$work/nehalem"
# The printed summaries differ only in the folder they name.
diff <(sed "s|$work/native|DIR|g" "$work/native.out") <(sed "s|$work/nehalem|DIR|g" "$work/nehalem.out")
echo "check-portable: the run under qemu -cpu Nehalem wrote the same files"

# A stripped binary (the package's) has no function names to tell the kernels apart: the unstripped
# build of the same source is checked by tst_cli_portable, the qemu run above checks this one.
if ! nm "$binary" >/dev/null 2>&1 || [ -z "$(nm "$binary" 2>/dev/null | head -n 1)" ]; then
    echo "check-portable: $binary is stripped; the instruction check runs on the unstripped build"
    exit 0
fi
offenders=$(objdump -d -C --no-show-raw-insn "$binary" | awk '
    /^[0-9a-f]+ <.*>:$/ { name = $0; next }
    /^ *[0-9a-f]+:\t+v[a-z0-9]+[ \t]/ || /%[yz]mm/ {
        if (name ~ /kernels::x86_64_v[34]::/ || name ~ /\[clone \.arch_x86_64_v[34]/) next
        if (!(name in seen)) { seen[name] = 1; print name }
    }')
if [ -n "$offenders" ]; then
    echo "check-portable: AVX instructions outside the dispatched kernels in:" >&2
    echo "$offenders" >&2
    exit 1
fi
echo "check-portable: no AVX instruction outside the dispatched kernels"
