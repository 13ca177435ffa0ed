#!/usr/bin/env bash
# Fails when a C++ source or header is not formatted by the repository's .clang-format.
#   scripts/check-format.sh          check every .h/.cpp of app/ core/ ui/ tests/ (CI)
#   scripts/check-format.sh --fix    reformat them in place
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# find, not git: a CI machine may hold the sources without git.
mapfile -t files < <(find app core ui tests -name '*.h' -o -name '*.cpp' | sort)
if [ ${#files[@]} -eq 0 ]; then
    echo "lrlab: no C++ files found below $(pwd)" >&2
    exit 1
fi
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
bad=()
for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
if [ ${#bad[@]} -ne 0 ]; then
    echo "lrlab: not formatted with .clang-format (run scripts/check-format.sh --fix):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "lrlab: ${#files[@]} C++ files formatted"
