// Scores the fzf algorithm alone on the ranking quality set.
// Usage: dotnet bench/CiteLsp.Bench/bin/Release/net10.0/CiteLsp.Bench.dll quality --dump /tmp/quality.json
//        (cd bench/fzf-compare && npm ci && node compare.mjs /tmp/quality.json)
import { readFileSync } from "node:fs";
import { Fzf, extendedMatch } from "fzf";

const data = JSON.parse(readFileSync(process.argv[2] ?? "/tmp/quality.json", "utf8"));

function evaluate(name, options) {
  const finders = Object.fromEntries(Object.entries(data.catalogs).map(([set, entries]) =>
    [set, new Fzf(entries, { selector: (e) => e.text, casing: "case-insensitive", normalize: true, limit: 50, ...options })]));
  const ranks = data.pairs.map((p) => finders[p.set].find(p.query).findIndex((r) => r.item.key === p.expected) + 1);
  const n = ranks.length;
  const pct = (k) => ((100 * k) / n).toFixed(1) + " %";
  const mrr = ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n;
  console.log(`${name.padEnd(30)} pairs ${n}  top-1 ${pct(ranks.filter((r) => r === 1).length)}  ` +
    `top-5 ${pct(ranks.filter((r) => r >= 1 && r <= 5).length)}  MRR ${mrr.toFixed(3)}  no match ${ranks.filter((r) => r === 0).length}`);
}

evaluate("fzf v2, whole query", {});
evaluate("fzf v2, extended (AND terms)", { match: extendedMatch });
