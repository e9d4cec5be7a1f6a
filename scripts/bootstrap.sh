#!/usr/bin/env bash
# Installs what the project needs beyond the Rust toolchain (Debian packages),
# only when something is missing. Safe to re-run.
set -euo pipefail

packages=(
  ruby ruby-dev libclang-dev rake rake-compiler ruby-minitest ruby-rspec
  ruby-benchmark-ips ruby-ffi ruby-activerecord ruby-sqlite3 ruby-rack ruby-rack-test
  valgrind gcc libc6-dev python3
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "bootstrap: the Rust toolchain (cargo) is required" >&2; exit 1; }
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy >/dev/null 2>&1 || true
