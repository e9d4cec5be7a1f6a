#!/usr/bin/env bash
# Runs every test of every layer: formatting, lints, Rust, C, Ruby, CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec rake test
