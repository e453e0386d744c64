#!/usr/bin/env python3
"""Drives the real server from real editor clients (shared/tools probes: VS Code's client library,
Neovim 0.7's built-in client, Emacs 28 + Eglot) on the workspaces beside this file and checks
initialize, the language id each editor sends, completion (the server's ranking AND what the editor's
own completion UI keeps after its client-side filtering), hover and diagnostics.
Prints one line per check and ends with 'N passed, N failed[, N skipped]'.
A probe whose editor is not installed is reported as skipped, never as passed.
env: CITELSP_SERVER=path/to/citelsp.dll (default: the Release build of server/CiteLsp.Server)."""
import json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
TOOLS = os.path.abspath(os.path.join(ROOT, "..", "shared", "tools"))
DLL = os.environ.get("CITELSP_SERVER") or os.path.join(ROOT, "server", "CiteLsp.Server", "bin", "Release", "net10.0", "citelsp.dll")
SERVER = [shutil.which("dotnet") or "dotnet", DLL]

# name: (command, program it needs, {document kind: extra args}, {document kind: languageId the editor sends})
PROBES = {
    "vscode-client": ([os.path.join(TOOLS, "lsp-probe", "lsp-probe")], "node", {},
                      {"tex": "latex", "plaintex": "latex", "bib": "bibtex", "md": "markdown"}),
    "neovim": ([os.path.join(TOOLS, "nvim-lsp-probe", "nvim-lsp-probe")], "nvim", {},
               {"tex": "tex", "plaintex": "plaintex", "bib": "bib", "md": "markdown"}),
    # Emacs has no markdown-mode here: a Markdown user would run text-mode (or markdown-mode) with this id.
    "emacs-eglot": ([os.path.join(TOOLS, "emacs-eglot-probe", "emacs-eglot-probe")], "emacs",
                    {"md": ["--mode", "text-mode", "--language-id", "markdown"]},
                    {"tex": "latex", "plaintex": "plain-tex", "bib": "bibtex", "md": "markdown"}),
}

# A case: document, its kind, lines typed in place of TYPEHERE, completions
# (find, expectation, key): "first" = the server ranks key first, "shown" = the editor's completion UI offers key,
# hover (find, text it must contain), unresolved keys flagged by diagnostics outside the typed lines (None: not checked).
CASES = [
    dict(doc="latex/seeds.tex", kind="tex", typed=[r"\cite{dobule desc}", r"\cite{nakk}"],
         completions=[(r"\cite{dobule desc", "first", "nakkiran2019deep"), (r"\cite{nakk", "shown", "nakkiran2019deep")],
         hover=("nakkiran2019deep", "Deep Double Descent"), unresolved={"nosuchkey2020"}),
    dict(doc="latex/paper.tex", kind="tex", typed=[r"\cite{texbook}", r"\cite{lamp}"],
         completions=[(r"\cite{texbook", "first", "knuth1984"), (r"\cite{lamp", "shown", "lamport1994")],
         hover=("knuth1984", "TeXbook"), unresolved={"ghost2021", "Knuth1984"}),
    dict(doc="latex/chapter.tex", kind="plaintex", typed=[r"\cite{document preparation}", r"\cite{knu}"],
         completions=[(r"\cite{document preparation", "first", "lamport1994"), (r"\cite{knu", "shown", "knuth1984")],
         hover=("knuth1984", "TeXbook"), unresolved={"ghost2021"}),
    dict(doc="latex/refs.bib", kind="bib", typed=[], completions=[],
         hover=("lamport1994", "Document Preparation System"), unresolved=None),
    dict(doc="markdown/seeds.md", kind="md", typed=["[@dobule desc]", "[@kapl]"],
         completions=[("[@dobule desc", "first", "nakkiran2019deep"), ("[@kapl", "shown", "kaplun2022knowledge")],
         hover=("kaplun2022knowledge", "Knowledge Distillation"), unresolved={"nosuchkey2020"}),
    dict(doc="markdown/paper.md", kind="md", typed=["[@texbook]", "[@lamp]"],
         completions=[("[@texbook", "first", "knuth1984"), ("[@lamp", "shown", "lamport1994")],
         hover=("knuth1984", "TeXbook"), unresolved={"ghost2021"}),
]

passed = failed = skipped = 0

def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1; print(f"ok   {name}")
    else:
        failed += 1; print(f"FAIL {name} {detail}")

def flagged_keys(diagnostics, lines, skip_lines):
    keys = set()
    for d in diagnostics or []:
        r = d["range"]
        if r["start"]["line"] in skip_lines: continue
        keys.add(lines[r["start"]["line"]][r["start"]["character"]:r["end"]["character"]])
    return keys

def hover_text(result):
    if not result: return ""
    c = result.get("contents", "")
    if isinstance(c, dict): return c.get("value", "")
    if isinstance(c, list): return " ".join(x if isinstance(x, str) else x.get("value", "") for x in c)
    return str(c)

def server_labels(step):
    """The server's items in the order the client ranks them (sortText, then label, as LSP says)."""
    if step.get("labels") is not None and not isinstance(step.get("result"), (dict, list)):
        return list(step["labels"])
    r = step.get("result") or []
    items = r.get("items", []) if isinstance(r, dict) else r
    return [i["label"] for i in sorted(items, key=lambda i: (i.get("sortText") or i["label"]))]

def shown_labels(probe, step):
    """What the editor's completion UI keeps after its own filtering of the server's items."""
    if probe == "neovim": return (step.get("omnifunc") or {}).get("words") or []
    if probe == "emacs-eglot": return (step.get("capf") or {}).get("candidates") or []
    return server_labels(step)  # VS Code filters with filterText; the UI spec checks the real widget

def run(probe, case):
    cmd, _, extra, ids = PROBES[probe]
    doc, kind = case["doc"], case["kind"]
    label = f"{probe} {doc} ({kind})"
    work = tempfile.mkdtemp(prefix="citelsp-probe-")
    try:
        ws = os.path.join(work, "ws")
        shutil.copytree(os.path.join(HERE, "workspace"), ws)
        path = os.path.join(ws, doc)
        lines = open(path, encoding="utf-8").read().split("\n")
        typed_lines = set()
        if "TYPEHERE" in lines:
            at = lines.index("TYPEHERE")
            lines[at:at + 1] = case["typed"]
            typed_lines = set(range(at, at + len(case["typed"])))
        open(path, "w", encoding="utf-8").write("\n".join(lines))
        steps = []
        if case["unresolved"] is not None:
            steps.append({"type": "diagnostics", "timeout": 15000, "minCount": len(case["unresolved"]), "settleMs": 800})
        steps.append({"type": "hover", "find": case["hover"][0], "atStart": True})
        steps += [{"type": "completion", "find": find} for find, _, _ in case["completions"]]
        args = cmd + ["--file", path, "--root", os.path.dirname(path), "--requests", json.dumps(steps), "--init-timeout", "30000"]
        args += extra.get(kind, [])
        t0 = time.monotonic()
        proc = subprocess.run(args + ["--"] + SERVER, capture_output=True, text=True, timeout=120)
        wall = time.monotonic() - t0
        try:
            out = json.loads(proc.stdout)
        except ValueError:
            check(f"{label}: probe output", False, (proc.stderr or proc.stdout)[-500:]); return
        got = out.get("steps") or []
        if len(got) < len(steps):
            check(f"{label}: probe ran every step", False, str(out.get("error") or proc.stderr)[-500:]); return
        init = out.get("initialize") or {}
        caps = init.get("capabilities") or {}
        check(f"{label}: initialize ({init.get('ms', '?')} ms; run {wall:.1f} s)", bool(caps.get("completionProvider")) and bool(caps.get("hoverProvider")))
        sent = out.get("languageId") or out.get("filetype")
        check(f"{label}: editor sent languageId '{ids[kind]}'", sent == ids[kind], f"sent {sent!r}")
        i = 0
        if case["unresolved"] is not None:
            diags = out.get("diagnostics") or got[0].get("result") or []
            flagged = flagged_keys(diags, lines, typed_lines)
            check(f"{label}: diagnostics flag exactly {sorted(case['unresolved'])}", flagged == case["unresolved"],
                  f"got {sorted(flagged)} {got[0].get('error', '')}")
            i = 1
        h = got[i]
        text = hover_text(h.get("result"))
        check(f"{label}: hover on {case['hover'][0]} shows '{case['hover'][1]}'", case["hover"][1] in text, (h.get("error") or text)[:200])
        for (find, how, key), step in zip(case["completions"], got[i + 1:]):
            if how == "first":
                labels = server_labels(step)
                check(f"{label}: completion '{find}' ranks {key} first", labels[:1] == [key], f"{labels[:5]} {step.get('error', '')}")
            else:
                shown = shown_labels(probe, step)
                check(f"{label}: the editor's completion UI at '{find}' offers {key}", key in shown, f"{shown[:5]} {step.get('error', '')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

def readme_block(title, lang):
    """The code block under the README's **title** paragraph (the snippet users copy)."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    at = text.index(f"**{title}**")
    start = text.index(f"```{lang}\n", at) + len(lang) + 4
    return text[start:text.index("```", start)]

NVIM_CHECK = r"""
local ok = vim.wait(30000, function() return next(vim.lsp.buf_get_clients(0)) ~= nil end, 100)
local out = { attached = ok, clients = {} }
for _, c in pairs(vim.lsp.buf_get_clients(0)) do table.insert(out.clients, c.name) end
if ok then
  vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
  local pos = vim.fn.searchpos(HOVER, "nw")
  local res = vim.lsp.buf_request_sync(0, "textDocument/hover", { textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = pos[1] - 1, character = pos[2] - 1 } }, 10000) or {}
  for _, r in pairs(res) do if r.result then out.hover = r.result.contents.value end end
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out.diagnostics, d.message) end
end
vim.fn.writefile({ vim.fn.json_encode(out) }, OUT)
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
vim.cmd("qa!")
"""

EMACS_CHECK = r"""
(find-file FILE)
(run-hooks 'post-command-hook)  ; eglot-ensure connects after the next command; batch Emacs has no command loop
(let ((end (+ (float-time) 30)))
  (while (and (not (eglot-current-server)) (< (float-time) end)) (accept-process-output nil 0.1)))
(let* ((server (eglot-current-server)) (mode (symbol-name major-mode)) (hover nil) (diags nil))
  (when server
    (let ((end (+ (float-time) 30)))
      (while (and (null (flymake-diagnostics)) (< (float-time) end)) (accept-process-output nil 0.1)))
    (goto-char (point-min)) (search-forward HOVER) (goto-char (match-beginning 0))
    (let ((r (ignore-errors (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))))
      (setq hover (plist-get (plist-get r :contents) :value)))
    (setq diags (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  (with-temp-file OUT
    (insert (json-encode (list :attached (if server t :json-false) :mode mode
                               :hover hover :diagnostics (vconcat diags)))))
  (when server (ignore-errors (eglot-shutdown server))))
(kill-emacs 0)
"""

def readme_snippets():
    """The README's Neovim and Emacs configuration, verbatim except for the server path, in the installed editors:
    a LaTeX buffer attaches, gets a hover and the unresolved-key diagnostic."""
    work = tempfile.mkdtemp(prefix="citelsp-readme-")
    try:
        ws = os.path.join(work, "ws")
        shutil.copytree(os.path.join(HERE, "workspace", "latex"), ws)
        file = os.path.join(ws, "paper.tex")
        out = os.path.join(work, "out.json")
        if shutil.which("nvim"):
            snippet = readme_block("Neovim", "lua").replace('vim.fn.expand("~/.local/share/citelsp/citelsp.dll")', json.dumps(DLL))
            init, check_lua = os.path.join(work, "init.lua"), os.path.join(work, "check.lua")
            open(init, "w").write(snippet)  # the user's init.lua; the file is opened as a user would, after startup
            open(check_lua, "w").write(f"local OUT, HOVER = {json.dumps(out)}, 'knuth1984'\n" + NVIM_CHECK)
            t0 = time.monotonic()
            p = subprocess.run(["nvim", "--headless", "-u", init, file, "-c", f"luafile {check_lua}"],
                               capture_output=True, text=True, timeout=120, cwd=ws)
            res = json.load(open(out)) if os.path.exists(out) else {}
            check(f"README Neovim snippet in nvim {nvim_version()}: attaches citelsp to a .tex buffer ({time.monotonic() - t0:.1f} s)",
                  res.get("attached") and "citelsp" in res.get("clients", []), (p.stderr or p.stdout)[-400:])
            check("README Neovim snippet: hover and the ghost2021 diagnostic arrive",
                  "TeXbook" in (res.get("hover") or "") and any("ghost2021" in d for d in res.get("diagnostics", [])), str(res)[:300])
            if os.path.exists(out): os.remove(out)
        else:
            global skipped; skipped += 2; print("skip README Neovim snippet: nvim not installed")
        if shutil.which("emacs"):
            snippet = readme_block("Emacs", "elisp").replace('(expand-file-name "~/.local/share/citelsp/citelsp.dll")', json.dumps(DLL))
            el = os.path.join(work, "check.el")
            # package-activate-all: what an interactive Emacs does at startup (batch mode skips it).
            open(el, "w").write(f"(package-activate-all)\n(setq FILE {json.dumps(file)} OUT {json.dumps(out)} HOVER \"knuth1984\")\n" + snippet + EMACS_CHECK)
            t0 = time.monotonic()
            # -q: no init file, but Debian's site-start (the elpa-eglot package) as a user's Emacs has it.
            p = subprocess.run(["emacs", "--batch", "-q", "-l", el], capture_output=True, text=True, timeout=120, cwd=ws)
            res = json.load(open(out)) if os.path.exists(out) else {}
            check(f"README Emacs snippet (Eglot, {res.get('mode')}): eglot-ensure connects citelsp ({time.monotonic() - t0:.1f} s)",
                  res.get("attached") is True, (p.stderr or p.stdout)[-400:])
            check("README Emacs snippet: hover and the ghost2021 diagnostic (Flymake) arrive",
                  "TeXbook" in (res.get("hover") or "") and any("ghost2021" in d for d in res.get("diagnostics", [])), str(res)[:300])
        else:
            skipped += 2; print("skip README Emacs snippet: emacs not installed")
    finally:
        shutil.rmtree(work, ignore_errors=True)

def nvim_version():
    try: return subprocess.run(["nvim", "--version"], capture_output=True, text=True).stdout.split()[1]
    except Exception: return "?"

def main():
    global skipped
    if not os.path.exists(DLL):
        print(f"server not built: {DLL} (dotnet build -c Release)"); print("0 passed, 1 failed"); return 1
    for probe, (cmd, needs, _, _) in PROBES.items():
        if not shutil.which(needs) or not os.path.exists(cmd[0]):
            skipped += len(CASES); print(f"skip {probe}: {needs} or {cmd[0]} not installed"); continue
        t0 = time.monotonic()
        for case in CASES:
            run(probe, case)
        print(f"     {probe}: {len(CASES)} documents in {time.monotonic() - t0:.1f} s")
    readme_snippets()
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
