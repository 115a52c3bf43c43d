#!/usr/bin/env bash
# One entry point that does all the set-up on a fresh machine with only Node 20+ and npm:
#   bash scripts/dev.sh demo   -> install, build, run the demo against the local platform mock
#   bash scripts/dev.sh test   -> install, then run every test and check (the CI command)
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=12.4.2

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

pnpm install --frozen-lockfile --reporter=append-only >/dev/null
case "${1:-test}" in
  demo) pnpm build >/dev/null && pnpm demo ;;
  test) pnpm test ;;
  *) echo "usage: bash scripts/dev.sh [demo|test]" >&2; exit 2 ;;
esac
