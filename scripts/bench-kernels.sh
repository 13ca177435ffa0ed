#!/usr/bin/env bash
# Compares the model kernels of several builds in one run: runs each build's bench_core_kernels
# (tests/bench/bench_core_kernels.cpp) in turn, ROUNDS times alternately (so machine noise hits
# all alike), and prints per measure the median of each build and its ratio to the first.
#   scripts/bench-kernels.sh LABEL=BINARY [LABEL=BINARY ...]
# Environment: ROUNDS (default 7).
# scripts/dev.sh bench calls it with the portable build and a -march=native build of the same
# source; add e.g. old=/path/to/old/build/tests/bench/bench_core_kernels to compare a revision.
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,8p' "$0"
    exit 2
fi
rounds=${ROUNDS:-7}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

for ((round = 1; round <= rounds; round++)); do
    for pair in "$@"; do
        label=${pair%%=*}
        binary=${pair#*=}
        "$binary" | awk -F'\t' -v label="$label" '!/^#/ && NF == 2 { print label "\t" $1 "\t" $2 }' \
            >>"$results"
    done
    echo "bench-kernels: round $round of $rounds done" >&2
done

labels=()
for pair in "$@"; do labels+=("${pair%%=*}"); done
# Median per (label, measure), then one row per measure: each build's median and its ratio to
# the first build's.
sort -t$'\t' -k1,1 -k2,2 -k3,3g "$results" | awk -F'\t' -v order="${labels[*]}" '
    { key = $1 "\t" $2; values[key, ++count[key]] = $3; if (!($2 in seen)) { seen[$2] = 1; names[++n] = $2 } }
    END {
        k = split(order, label, " ")
        printf "%-38s", "median microseconds (ratio to " label[1] ")"
        for (i = 1; i <= k; i++) printf " %20s", label[i]
        printf "\n"
        for (m = 1; m <= n; m++) {
            printf "%-38s", names[m]
            for (i = 1; i <= k; i++) {
                key = label[i] "\t" names[m]
                c = count[key]
                med[i] = c % 2 ? values[key, (c + 1) / 2] : (values[key, c / 2] + values[key, c / 2 + 1]) / 2
                printf " %11.1f (%5.3f)", med[i], med[i] / med[1]
            }
            printf "\n"
        }
    }'
