# Sourced (not run) by scripts/dev.sh and .ci/run: puts the pnpm of package.json's `packageManager`
# on PATH. One already on PATH is used when it is that version; otherwise it is installed into
# .cache/pnpm inside the checkout (no global install: that needs root on most machines, and would
# replace the user's own pnpm) and that one goes first on PATH.
pnpm_wanted=$(node -p "require('./package.json').packageManager.replace(/^pnpm@/, '')")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_wanted" ]; then
  pnpm_bin="$PWD/.cache/pnpm/node_modules/.bin"
  if [ "$("$pnpm_bin/pnpm" --version 2>/dev/null || true)" != "$pnpm_wanted" ]; then
    echo "› installing pnpm@$pnpm_wanted into .cache/pnpm"
    mkdir -p .cache/pnpm
    if ! npm install --prefix .cache/pnpm --no-fund --no-audit --no-update-notifier --loglevel=error "pnpm@$pnpm_wanted" >/dev/null; then
      echo "✗ could not install pnpm@$pnpm_wanted with npm (is the npm registry reachable?)" >&2
      exit 1
    fi
  fi
  export PATH="$pnpm_bin:$PATH"
  if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_wanted" ]; then
    echo "✗ pnpm on PATH is $(pnpm --version 2>/dev/null || echo missing), not $pnpm_wanted" >&2
    exit 1
  fi
fi
unset pnpm_wanted pnpm_bin
