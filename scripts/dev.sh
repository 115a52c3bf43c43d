#!/usr/bin/env bash
# One entry point that does all the set-up on a fresh machine with only Node 20+ and npm:
#   bash scripts/dev.sh demo   -> install, build, run the demo against the local platform mock
#   bash scripts/dev.sh test   -> install, then run every test and check (the CI command)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-test}" in
  demo | test) ;;
  *) echo "usage: bash scripts/dev.sh [demo|test]" >&2; exit 2 ;;
esac

# Puts the pinned pnpm on PATH for this script and what it runs.
source scripts/ensure-pnpm.sh

# Quiet steps that say what they do, and show their output only when they fail.
step() {
  local what=$1 log
  shift
  echo "› $what"
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "✗ $what failed (its output is above)" >&2
    exit 1
  fi
  rm -f "$log"
}

step "installing the workspace from the lockfile (pnpm install)" pnpm install --frozen-lockfile --reporter=append-only
case "${1:-test}" in
  demo) step "building the packages (pnpm build)" pnpm build && pnpm demo ;;
  test) pnpm test ;;
esac
