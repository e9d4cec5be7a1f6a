#!/usr/bin/env bash
# The project's main job end to end: generate, store, authenticate, decode,
# identify and route tokens, then scan and redact a log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec rake demo
