#!/usr/bin/env bash
# Regenerates gotypes.expected: what go/types (of the Go on PATH) says about the types the
# tests build. Run after changing testdata/gotypes or when moving to a new Go release.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/gotypes"
GOTOOLCHAIN=local go run . >../gotypes.expected
