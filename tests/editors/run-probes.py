#!/usr/bin/env python3
"""Drives the real server from real editor clients (shared/tools probes: VS Code's client library,
Neovim 0.7's built-in client, Emacs 28 + Eglot) on the workspaces beside this file and checks
completion, hover and diagnostics. Prints one line per check and ends with 'N passed, N failed'.
A probe whose editor is not installed is reported as skipped, never as passed."""
import json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
TOOLS = os.path.abspath(os.path.join(ROOT, "..", "shared", "tools"))
SERVER = [shutil.which("dotnet") or "dotnet", os.path.join(ROOT, "server", "CiteLsp.Server", "bin", "Release", "net10.0", "citelsp.dll")]

PROBES = {
    # name: (command, needs, {suffix: extra args})
    "vscode-client": ([os.path.join(TOOLS, "lsp-probe", "lsp-probe")], "node", {}),
    "neovim": ([os.path.join(TOOLS, "nvim-lsp-probe", "nvim-lsp-probe")], "nvim", {}),
    "emacs-eglot": ([os.path.join(TOOLS, "emacs-eglot-probe", "emacs-eglot-probe")], "emacs",
                    {".md": ["--mode", "text-mode", "--language-id", "markdown"]}),
}

# (document, typed text replacing TYPEHERE, completion find, expected first label, hover find, hover must contain, unresolved keys)
CASES = [
    ("latex/seeds.tex", r"\cite{dobule desc", r"\cite{dobule desc", "nakkiran2019deep", "nakkiran2019deep", "Deep Double Descent", {"nosuchkey2020"}),
    ("latex/paper.tex", r"\cite{knu", r"\cite{knu", "knuth1984", "knuth1984", "TeXbook", {"ghost2021", "Knuth1984"}),
    ("markdown/seeds.md", "[@dobule", "[@dobule", "nakkiran2019deep", "kaplun2022knowledge", "Knowledge Distillation", {"nosuchkey2020"}),
    ("markdown/paper.md", "[@lamp", "[@lamp", "lamport1994", "knuth1984", "TeXbook", {"ghost2021"}),
]

passed = failed = skipped = 0

def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1; print(f"ok   {name}")
    else:
        failed += 1; print(f"FAIL {name} {detail}")

def flagged_keys(diagnostics, text):
    lines = text.splitlines()
    keys = set()
    for d in diagnostics:
        r = d["range"]; line = lines[r["start"]["line"]]
        keys.add(line[r["start"]["character"]:r["end"]["character"]])
    return keys

def hover_text(result):
    if not result: return ""
    c = result.get("contents", "")
    if isinstance(c, dict): return c.get("value", "")
    if isinstance(c, list): return " ".join(x if isinstance(x, str) else x.get("value", "") for x in c)
    return str(c)

def run(probe, doc, typed, find, first, hover_find, hover_has, unresolved):
    cmd, needs, extra = PROBES[probe]
    work = tempfile.mkdtemp(prefix="citelsp-probe-")
    try:
        ws = os.path.join(work, "ws")
        shutil.copytree(os.path.join(HERE, "workspace", os.path.dirname(doc)), ws)
        path = os.path.join(ws, os.path.basename(doc))
        text = open(path, encoding="utf-8").read().replace("TYPEHERE\n", "")
        open(path, "w", encoding="utf-8").write(text)
        steps = [
            {"type": "diagnostics", "timeout": 15000, "minCount": len(unresolved), "settleMs": 500},
            {"type": "hover", "find": hover_find, "atStart": True},
            {"type": "change", "replace": r"\end{document}" if doc.endswith(".tex") else text.splitlines()[-1],
             "with": (typed + "\n" + r"\end{document}") if doc.endswith(".tex") else text.splitlines()[-1] + "\n" + typed},
            {"type": "completion", "find": find},
        ]
        args = cmd + ["--file", path, "--root", ws, "--requests", json.dumps(steps), "--init-timeout", "30000"]
        args += extra.get(os.path.splitext(doc)[1], [])
        proc = subprocess.run(args + ["--"] + SERVER, capture_output=True, text=True, timeout=120)
        label = f"{probe} {doc}"
        try:
            out = json.loads(proc.stdout)
        except ValueError:
            check(f"{label}: probe output", False, proc.stderr[-500:]); return
        steps = out.get("steps") or []
        if len(steps) < 4:
            check(f"{label}: probe ran every step", False, (out.get("error") or proc.stderr)[-500:]); return
        check(f"{label}: initialize", bool(((out.get("initialize") or {}).get("capabilities") or {}).get("completionProvider")))
        got = flagged_keys(steps[0].get("result") or out.get("diagnostics") or [], text)
        check(f"{label}: diagnostics flag exactly {sorted(unresolved)}", got == unresolved, f"got {sorted(got)}")
        h = hover_text(steps[1].get("result"))
        check(f"{label}: hover shows '{hover_has}'", hover_has in h, h[:200])
        result = steps[3].get("result")
        items = result.get("items", []) if isinstance(result, dict) else result if isinstance(result, list) else []
        labels = steps[3].get("labels") or [i.get("label") for i in items]  # lsp-probe gives items, the nvim probe labels
        check(f"{label}: completion '{find}' puts {first} first", labels[:1] == [first], str(labels[:5]))
    finally:
        shutil.rmtree(work, ignore_errors=True)

def main():
    global skipped
    if not os.path.exists(SERVER[1]):
        print(f"server not built: {SERVER[1]} (dotnet build -c Release)"); print("0 passed, 1 failed"); return 1
    for probe, (cmd, needs, _) in PROBES.items():
        if not shutil.which(needs):
            skipped += len(CASES); print(f"skip {probe}: {needs} not installed"); continue
        for case in CASES:
            run(probe, *case)
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
