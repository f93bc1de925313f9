#!/usr/bin/env bash
# Import throughput of saved web pages (issue 12): 1,000 pages, copies of the 22 real pages of
# tests/data/web-real (written out by `cargo run --example web_extraction -- --write DIR`; each copy
# under its own name), imported into a new project by the real
# `gloss import`, timed with peak memory by /usr/bin/time -v. Run twice: with the default
# --duplicates skip (the copies of one article are near-duplicates: 22 imported, 978 reported) and
# with --duplicates keep (all 1,000 imported; every near-duplicate still looked for and reported).
#
#     cargo build --release --bin gloss --example web_extraction
#     bash examples/web_import_throughput.sh [N]
set -euo pipefail
n=${1:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
gloss=${GLOSS:-${CARGO_TARGET_DIR:-$repo/target}/release/gloss}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages" "$work/real"
"${EXAMPLE:-${CARGO_TARGET_DIR:-$repo/target}/release/examples/web_extraction}" --write "$work/real"
pages=("$work"/real/*.html)
for ((i = 0; i < n; i++)); do
    cp "${pages[i % ${#pages[@]}]}" "$work/pages/page-$(printf %04d "$i").html"
done
echo "$n pages, $(du -sm "$work/pages" | cut -f1) MB, on $(nproc) cores (load: $(cut -d' ' -f1-3 /proc/loadavg))"
for policy in skip keep; do
    "$gloss" new "$work/p-$policy" --preset news >/dev/null
    /usr/bin/time -v "$gloss" import "$work/p-$policy" "$work/pages" --duplicates "$policy" \
        >"$work/out" 2>"$work/err"
    wall=$(grep 'Elapsed (wall clock)' "$work/err" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$work/err" | awk '{print $NF}')
    cpu=$(grep -E 'User time|System time' "$work/err" | awk '{s += $NF} END {print s}')
    echo "--duplicates $policy: $(grep "^imported" "$work/out" | sed "s/ into .*(now/ (now/"), $(grep -c "^removed" "$work/err" || true) noise lines removed"
    echo "  wall $wall, cpu ${cpu} s, peak RSS $((rss / 1024)) MiB, $(grep -c '^warning: .*\(same text as\|same URL as\|near-duplicate\)' "$work/err" || true) duplicates reported"
done
