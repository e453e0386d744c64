#!/usr/bin/env bash
# Prints "<path>\t<entries>" for every .bib under the shared corpus: the number of entries with a non-empty key that
# classic bibtex (0.99d, TeX Live 2022, Debian package texlive-binaries) accepts, obtained with \nocite{*}
# and a one-function style that writes each accepted entry's key. Used once to produce the
# expected counts in BibCorpusTests; not run by the tests (bibtex is not a test dependency).
set -euo pipefail
corpus="$(cd "$(dirname "$0")/../../../.." && pwd)/shared/corpus/bib"
[ -d "$corpus" ] || corpus="$(cd "$(dirname "$0")/../../../../.." && pwd)/shared/corpus/bib"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/count.bst" <<'BST'
ENTRY {} {} {}
FUNCTION {default.type} { "KEY " cite$ * write$ newline$ }
READ
ITERATE {call.type$}
BST
cd "$corpus"
find . -name '*.bib' | sort | while read -r f; do
  cp "$f" "$work/in.bib"
  printf '\\relax\n\\citation{*}\n\\bibdata{in}\n\\bibstyle{count}\n' > "$work/doc.aux"
  ( cd "$work" && rm -f doc.bbl && bibtex -terse doc >/dev/null 2>&1 || true )
  n=$(grep -c '^KEY ' "$work/doc.bbl" 2>/dev/null || true)
  printf '%s\t%s\n' "${f#./}" "${n:-0}"
done
