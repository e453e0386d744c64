#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ and SharpFuzz: publishes the fuzz project, instruments the CiteLsp
# assemblies, seeds from ../shared/corpus (small files only) and runs afl-fuzz.
# usage: fuzz/afl.sh <harness> [seconds]     (needs: apt-get install afl++; dotnet tool install -g SharpFuzz.CommandLine)
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?harness name, see: dotnet run --project fuzz/CiteLsp.Fuzz -- list}
seconds=${2:-600}
work=${AFL_WORK:-/tmp/citelsp-afl/$harness}
sharpfuzz=${SHARPFUZZ:-$HOME/.dotnet/tools/sharpfuzz}
mkdir -p "$work/in"
dotnet publish fuzz/CiteLsp.Fuzz -c Release -o "$work/bin" -v q -nologo
for dll in CiteLsp.Core.dll citelsp.dll; do "$sharpfuzz" "$work/bin/$dll"; done
# Seeds: corpus files of the harness's kinds, at most 8 KB each (AFL is slow on big inputs).
case $harness in
  bibtex) exts="bib" ;; csl) exts="json yaml yml" ;; seeds) exts="txt" ;; latex) exts="tex" ;; markdown) exts="md" ;; *) exts="bib json yaml txt tex md" ;;
esac
for ext in $exts; do
  find ../shared/corpus seeds -name "*.$ext" -size -8k -exec cp {} "$work/in/" \; 2>/dev/null || true
done
[ -n "$(ls -A "$work/in")" ] || printf '@misc{a, title={T}}' > "$work/in/min"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --preserve-status "$seconds" afl-fuzz -i "$work/in" -o "$work/out" -t 10000 -m none -- dotnet "$work/bin/CiteLsp.Fuzz.dll" "$harness" --afl || true
grep -E "execs_done|execs_per_sec|saved_crashes|saved_hangs|corpus_count" "$work/out/default/fuzzer_stats"
