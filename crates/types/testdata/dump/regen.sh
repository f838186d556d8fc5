#!/usr/bin/env bash
# Regenerates the *.expected files: what tools/gotypes prints from go/types (of the Go on
# PATH) for each *.go.txt file, checked alone as package example.com/p (file p.go).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root/tools/gotypes" && GOTOOLCHAIN=local go build -o "$work/gotypes" .)
for src in "$here"/*.go.txt; do
	name="$(basename "$src" .go.txt)"
	rm -rf "$work/m" && mkdir -p "$work/m/p"
	printf 'module example.com\n\ngo 1.26\n' >"$work/m/go.mod"
	cp "$src" "$work/m/p/p.go"
	(cd "$work/m" && GOTOOLCHAIN=local CGO_ENABLED=0 "$work/gotypes" ./p) | sed 1d >"$here/$name.expected"
done
