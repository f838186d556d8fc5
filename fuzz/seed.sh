#!/usr/bin/env bash
# Seeds a fuzz corpus with the Go files of the installed Go's source tree (the standard
# library, the toolchain and their testdata, whose odd and broken files make good seeds).
#
#   fuzz/seed.sh          fills fuzz/corpus/parse/
#   fuzz/seed.sh lex      fills fuzz/corpus/lex/
#   fuzz/seed.sh check    fills fuzz/corpus/check/ (the type checker's target; the files
#                         include go/types' own error tests, internal/types/testdata)
#
# Files over 32 KiB are left out: big inputs slow every execution and add little coverage.
# fuzz/corpus/ is gitignored.
set -euo pipefail

target="${1:-parse}"
if ! command -v go >/dev/null 2>&1; then
    echo "seed.sh: the go command is not on PATH (Go 1.26 is needed to find GOROOT)" >&2
    exit 2
fi
src="$(go env GOROOT)/src"
dest="$(cd "$(dirname "$0")" && pwd)/corpus/$target"
mkdir -p "$dest"

count=0
while IFS= read -r -d '' file; do
    # The path below GOROOT/src, slashes turned into "__", keeps names unique and readable.
    relative="${file#"$src"/}"
    cp "$file" "$dest/${relative//\//__}"
    count=$((count + 1))
done < <(find "$src" -type f -name '*.go' -size -32k -print0)

echo "seed.sh: copied $count files from $src into $dest"
