#!/usr/bin/env bash
# Regenerates what tests/bad_input.rs compares with, from go/types (of the Go on PATH), as
# printed by tools/goerrors:
#
# - expected.txt: go/types' errors for each hostile source in this directory and in deep/
#   (the deep-nesting shapes of the test at a depth go/types checks quickly; the test
#   writes them with GOESCAPE_WRITE_DEEP=1 and checks that they still match its shapes);
# - prefixes.txt: the lengths of the prefixes of realistic.go.txt that go/parser and
#   go/types both accept, as ranges "FIRST-LAST", one a line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root/tools/goerrors" && GOTOOLCHAIN=local GOWORK=off go build -o "$tmp/goerrors" .)
cd "$here"
# Units are named relative to this directory, so the output does not depend on the checkout.
find . -name '*.go' | LC_ALL=C sort | sed 's|^\./||' | GOTOOLCHAIN=local "$tmp/goerrors" -list - >expected.txt

# Every prefix of realistic.go.txt as a file of its own, checked in one run.
len=$(wc -c <realistic.go.txt)
mkdir "$tmp/prefixes"
for ((n = 0; n <= len; n++)); do
    head -c "$n" realistic.go.txt >"$tmp/prefixes/$n.go"
done
seq 0 "$len" | sed "s|.*|$tmp/prefixes/&.go|" | GOTOOLCHAIN=local "$tmp/goerrors" -list - |
    awk -v dir="$tmp/prefixes/" '
        function flush() { if (name != "") { accepted[name + 0] = ok } }
        /^=== / { flush(); name = substr($0, 5 + length(dir)); sub(/\.go$/, "", name); ok = 1; next }
        /^(SYNTAX|ERROR|PANIC|SKIP) / { ok = 0 }
        END {
            flush()
            for (n = 0; n in accepted; n++) {
                if (accepted[n] && !open) { first = n; open = 1 }
                if (!accepted[n] && open) { print first "-" n - 1; open = 0 }
            }
            if (open) print first "-" n - 1
        }' >prefixes.txt
echo "regen.sh: wrote $here/expected.txt and $here/prefixes.txt"
