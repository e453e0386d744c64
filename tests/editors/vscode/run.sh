#!/usr/bin/env bash
# CiteLsp in a real VS Code UI: builds the real .vsix (client-vscode: npm ci && npm run package, which
# bundles the published server) and runs citelsp.spec.js with shared/tools/vscode-e2e on
# tests/editors/workspace. Screenshots of every step go to $E2E_ARTIFACTS (printed).
# Ends with "N passed, N failed" (or "0 passed, 0 failed, N skipped" when the kit is not set up).
# env: CITELSP_REQUIRE_VSCODE=1 (a missing kit fails instead of skipping; .ci/run sets it),
#      CITELSP_VSIX=path (reuse a .vsix built by `npm test` instead of packaging again),
#      CITELSP_ARTIFACTS=dir (default /tmp/citelsp-artifacts), E2E_KEEP/E2E_VERBOSE (see the kit's README)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
KIT="$(cd "$ROOT/.." && pwd)/shared/tools/vscode-e2e"
TESTS=$(grep -cE "^  '[^']+': async" "$HERE/citelsp.spec.js")

ready=0
if [ -f "$KIT/env.sh" ]; then
  # shellcheck source=/dev/null
  ( source "$KIT/env.sh" && [ -x "$E2E_CODE_SERVER" ] && [ -d "$E2E_TOOLS/playwright-core" ] ) && ready=1
fi
if [ $ready -eq 0 ] && [ -n "${CITELSP_REQUIRE_VSCODE:-}" ]; then
  echo "FAIL vscode-ui: the vscode-e2e kit is not set up (bash $KIT/setup.sh)"; echo "0 passed, $TESTS failed"; exit 1
fi
if [ $ready -eq 0 ]; then
  echo "skip vscode-ui: the vscode-e2e kit is not set up (bash $KIT/setup.sh; .ci/run does it)"
  echo "0 passed, 0 failed, $TESTS skipped"
  exit 0
fi

VSIX="${CITELSP_VSIX:-}"
if [ -z "$VSIX" ] || [ ! -f "$VSIX" ]; then
  echo "== building the .vsix (npm ci && npm run package)"
  t0=$SECONDS
  if ! (cd "$ROOT/client-vscode" && npm ci --no-audit --no-fund >/dev/null && npm run -s package >/dev/null); then
    echo "FAIL vscode-ui: npm run package failed"; echo "0 passed, $TESTS failed"; exit 1
  fi
  VSIX="$ROOT/client-vscode/$(cd "$ROOT/client-vscode" && node -p 'const p=require("./package.json"); `${p.name}-${p.version}.vsix`')"
  echo "   built $VSIX in $((SECONDS - t0)) s"
fi

# What the status bar must show for a document without a bibliography: the embedded seed catalog's size.
seeds=$(dotnet "$(dirname "$VSIX")/server/citelsp.dll" list 2>/dev/null | tail -1 | sed -nE 's/^([0-9]+) entries$/\1/p')
[ -n "$seeds" ] && export CITELSP_SEED_ENTRIES="$seeds"
export E2E_ARTIFACTS="${CITELSP_ARTIFACTS:-/tmp/citelsp-artifacts}/vscode-ui"
rm -rf "$E2E_ARTIFACTS"; mkdir -p "$E2E_ARTIFACTS"
echo "== VS Code UI (code-server) with $(basename "$VSIX"); screenshots: $E2E_ARTIFACTS"
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
bash "$KIT/run-e2e.sh" "$VSIX" "$ROOT/tests/editors/workspace" "$HERE/citelsp.spec.js" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
echo "screenshots: $E2E_ARTIFACTS"
summary=$(grep -E '^ *[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | sed -E 's/^ *//')
if [ -z "$summary" ]; then
  echo "FAIL vscode-ui: the runner gave no result (exit $rc)"; echo "0 passed, $TESTS failed"; exit 1
fi
echo "$summary"
[ "$rc" -eq 0 ]
