#!/usr/bin/env bash
# Regenerates what this crate's tests compare against, from the installed Go:
#   random_cases.txt   pseudo-random programs (fixed seed) probing rounding and printing
#   golden.txt      go/constant's (and go/types') answers for cases.txt and random_cases.txt
#   ../src/isprint.rs  the ranges of runes Go's strconv.IsPrint accepts (used for quoting)
# tests/golden.rs checks, when go is on PATH, that both are current.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export GOTOOLCHAIN=local
go run random/main.go >random_cases.txt.new
mv random_cases.txt.new random_cases.txt
go run gen/main.go cases.txt random_cases.txt >golden.txt.new
mv golden.txt.new golden.txt
go run isprint/main.go >../src/isprint.rs.new
mv ../src/isprint.rs.new ../src/isprint.rs
