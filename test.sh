#!/usr/bin/env bash
# Runs every test suite (.NET and node) and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp -d)
passed=0; failed=0; status=0; timings=(); problems=()
# A suite that went wrong without a failed test to show for it (a build, a crash) counts as one failure.
fail() { status=1; failed=$((failed + 1)); problems+=("$1"); }

# Build once: the .NET end-to-end tests and the node protocol tests both spawn the built server.
if dotnet build CiteLsp.sln -c Release >"$log/build.txt" 2>&1; then tail -n 3 "$log/build.txt"
else cat "$log/build.txt"; fail "dotnet build CiteLsp.sln failed: $(grep -m3 -E ': error ' "$log/build.txt" | cut -c1-240)"; fi

# .NET: unit tests and end-to-end tests that spawn the built server.
dotnet test CiteLsp.sln -c Release --no-build 2>&1 | tee "$log/dotnet.txt"
rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "dotnet test exited $rc"
while read -r f p; do failed=$((failed + f)); passed=$((passed + p)); done < <(
  grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log/dotnet.txt" | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+).*/\1 \2/')
grep -qE '(Passed|Failed)!\s+-\s+Failed:' "$log/dotnet.txt" || fail "no .NET test summary found"

# node: the server driven by vscode-languageserver-protocol (an independent implementation of the wire format).
export CITELSP_DLL="$PWD/server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll"
( cd tests/node && npm ci --no-audit --no-fund >/dev/null && node --test ) 2>&1 | tee "$log/node-server.txt"
rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "tests/node exited $rc"
p=$(grep -E '^# pass [0-9]+' "$log/node-server.txt" | awk '{s+=$3} END {print s+0}')
f=$(grep -E '^# (fail|cancelled) [0-9]+' "$log/node-server.txt" | awk '{s+=$3} END {print s+0}')
grep -qE '^# pass [0-9]+' "$log/node-server.txt" || fail "no node test summary found"
passed=$((passed + p)); failed=$((failed + f))

# node: the VS Code client's own tests, when the client is present.
if [ -f client-vscode/package.json ]; then
  ( cd client-vscode && npm ci --no-audit --no-fund >/dev/null && npm test ) 2>&1 | tee "$log/node.txt"
  rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "client-vscode npm test exited $rc"
  p=$(grep -E '^# pass [0-9]+' "$log/node.txt" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# (fail|cancelled) [0-9]+' "$log/node.txt" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
fi

# Real editors (VS Code's client library, Neovim, Emacs) against the built server; each editor that is
# not installed is reported as skipped. .ci/run installs them; on a developer machine they are optional.
count() {  # adds the "N passed, N failed" last line of a suite's log
  local p f
  read -r p f < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/')
  [ -n "${p:-}" ] || { fail "no summary line in $(basename "$1")"; return; }
  passed=$((passed + p)); failed=$((failed + f))
}
if command -v python3 >/dev/null && [ -d ../shared/tools ]; then
  dotnet build server/CiteLsp.Server -c Release -v q -nologo >/dev/null || fail "dotnet build server/CiteLsp.Server failed"
  t0=$SECONDS
  python3 tests/editors/run-probes.py 2>&1 | tee "$log/editors.txt"
  rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "editor probes exited $rc"
  count "$log/editors.txt"; timings+=("editor probes $((SECONDS - t0)) s")

  # The server's diagnostics against pdflatex/bibtex/biber and pandoc (expectations committed in Data/Oracle).
  if [ -f tests/CiteLsp.Tests/Data/Oracle/unresolved-expected.tsv ]; then
    t0=$SECONDS
    python3 tests/oracles/server-agreement.py 2>&1 | tee "$log/oracles.txt"
    rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "compiler agreement exited $rc"
    count "$log/oracles.txt"; timings+=("compiler agreement $((SECONDS - t0)) s")
  else
    echo "skip compiler agreement: tests/CiteLsp.Tests/Data/Oracle/unresolved-expected.tsv not present"
  fi
fi

# Real VS Code UI (code-server + chromium) with the real .vsix; skipped (visibly) when the kit is not set up.
if [ -f client-vscode/package.json ] && [ -d ../shared/tools/vscode-e2e ]; then
  t0=$SECONDS
  vsix="client-vscode/$(cd client-vscode && node -p 'const p=require("./package.json"); `${p.name}-${p.version}.vsix`')"
  [ -f "$vsix" ] && export CITELSP_VSIX="$PWD/$vsix"   # just packaged by the client's npm test
  bash tests/editors/vscode/run.sh 2>&1 | tee "$log/vscode-ui.txt"
  rc=${PIPESTATUS[0]}; [ "$rc" -eq 0 ] || fail "VS Code UI exited $rc"
  count "$log/vscode-ui.txt"; timings+=("VS Code UI $((SECONDS - t0)) s")
fi

[ ${#timings[@]} -eq 0 ] || { printf 'timings:'; printf ' %s;' "${timings[@]}"; echo; }
# Name what failed just above the total, so a log cut to its tail (as CI keeps it) still says which test and why.
if [ "$failed" -ne 0 ]; then
  echo "what failed:"
  for p in "${problems[@]}"; do echo "  $p"; done
  grep -hE -A3 '^\s+Failed CiteLsp' "$log/dotnet.txt" | cut -c1-240
  grep -hE '^\s*not ok |^FAIL ' "$log"/*.txt | cut -c1-240
fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
