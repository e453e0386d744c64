#!/usr/bin/env python3
"""The server's own diagnostics (over LSP, the real built server) against the compilers: for every document in
Data/Oracle/unresolved-expected.tsv (pdflatex + bibtex/biber and pandoc --citeproc, see make-expected.sh), the
keys the server flags as unresolved equal what the tool reported, minus the disagreements listed with their
reasons in known-disagreements.tsv. A LaTeX root document counts its included files too (as the compiler
does): the files it \\input-s or \\include-s are opened as well.
One server per project folder, with the extra bibliography the project's build passes on pandoc's command line
(the column "mode and backend") given as the citelsp.bibliography setting.
Prints one line per document and ends with 'N passed, N failed'.
env: CITELSP_SERVER=path/to/citelsp.dll (default: the Release build of server/CiteLsp.Server)."""
import json, os, re, shutil, subprocess, sys, tempfile, threading, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ORACLE = os.environ.get("CITELSP_ORACLE_DIR") or os.path.join(ROOT, "tests", "CiteLsp.Tests", "Data", "Oracle")
PAPERS = os.path.abspath(os.path.join(ROOT, "..", "shared", "corpus", "papers"))
DLL = os.environ.get("CITELSP_SERVER") or os.path.join(ROOT, "server", "CiteLsp.Server", "bin", "Release", "net10.0", "citelsp.dll")


def rows(name):
    with open(os.path.join(ORACLE, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


def uri(path):
    return "file://" + urllib.request.pathname2url(path)


class Server:
    """A minimal LSP client over stdio: enough to open documents and collect publishDiagnostics."""

    def __init__(self, folder, bibliography):
        self.settings = {"bibliography": bibliography, "seeds": {"enabled": True}}
        self.proc = subprocess.Popen(["dotnet", DLL], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.diags, self.versions, self.lock, self.next_id, self.replies = {}, {}, threading.Condition(), 1, {}
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": uri(folder),
                                    "workspaceFolders": [{"uri": uri(folder), "name": os.path.basename(folder)}],
                                    "capabilities": {"workspace": {"configuration": True},
                                                     "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
                                    "initializationOptions": self.settings})
        self.notify("initialized", {})

    def _send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line: return
                if line in (b"\r\n", b"\n"): break
                if line.lower().startswith(b"content-length:"): length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            if msg.get("method") == "workspace/configuration":
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": [self.settings for _ in msg["params"]["items"]]})
            elif "method" in msg and "id" in msg:
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            elif msg.get("method") == "textDocument/publishDiagnostics":
                with self.lock:
                    self.diags[msg["params"]["uri"]] = (time.monotonic(), msg["params"]["diagnostics"])
                    self.lock.notify_all()
            elif "id" in msg:
                with self.lock:
                    self.replies[msg["id"]] = msg; self.lock.notify_all()

    def request(self, method, params, timeout=30):
        with self.lock:
            i = self.next_id; self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": i, "method": method, **({} if params is None else {"params": params})})
        with self.lock:
            self.lock.wait_for(lambda: i in self.replies, timeout)
            return self.replies.get(i)

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, **({} if params is None else {"params": params})})

    def open(self, path, language):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": language, "version": 1, "text": text}})
        return text

    def diagnostics(self, paths, settle=1.0, timeout=20):
        """Waits until every path has a publish and none came for `settle` seconds; returns {path: diagnostics}."""
        end = time.monotonic() + timeout
        with self.lock:
            while time.monotonic() < end:
                have = [self.diags.get(uri(p)) for p in paths]
                if all(have) and time.monotonic() - max(h[0] for h in have) >= settle: break
                self.lock.wait(0.2)
            return {p: (self.diags.get(uri(p)) or (0, None))[1] for p in paths}

    def close(self):
        try:
            self.request("shutdown", None, timeout=5); self.notify("exit", None); self.proc.wait(5)
        except Exception:
            print(f"     server did not exit after shutdown/exit: killed"); self.proc.kill()


def unresolved_keys(diags, backend):
    keys = set()
    for d in diags:
        key = (d.get("data") or {}).get("key")
        if key is None: continue
        # A case mismatch is accepted by bibtex (with a warning); biber and pandoc report it as missing.
        if d.get("code") == "unresolved-citation" or (d.get("code") == "citation-case-mismatch" and backend != "bibtex"):
            keys.add(key)
    return keys


INCLUDE = re.compile(r"^[^%\n]*?\\(?:input|include|subfile)\s*\{([^}]+)\}", re.M)


def project_files(root):
    """The root and the files it \\input/\\include/\\subfile-s, transitively (what the compiler reads)."""
    folder, files, todo = os.path.dirname(root), [], [root]
    while todo:
        f = todo.pop(0)
        if f in files or not os.path.isfile(f): continue
        files.append(f)
        with open(f, encoding="utf-8", errors="replace") as h:
            for name in INCLUDE.findall(h.read()):
                p = os.path.normpath(os.path.join(folder, name.strip()))
                todo.append(p if os.path.isfile(p) else p + ".tex")
    return files


def extract_pandoc_input(test_file, work):
    """pandoc's citeproc test files hold a command line, the Markdown input up to ^D, then the expected output:
    the input (minus the csl: line) goes to work/input.md beside a copy of the test's command/ folder
    (as make-expected.sh and the fixes branch's CheckRunner do)."""
    lines = open(test_file, encoding="utf-8").read().split("\n")[2:]
    lines = [l for l in lines[:next((i for i, l in enumerate(lines) if l.startswith("^D")), len(lines))] if not l.startswith("csl:")]
    shutil.copytree(os.path.join(os.path.dirname(test_file), "command"), os.path.join(work, "command"), dirs_exist_ok=True)
    path = os.path.join(work, "input.md")
    open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    return path


def main():
    if not os.path.exists(DLL):
        print(f"server not built: {DLL}"); print("0 passed, 1 failed"); return 1
    oracle, known = rows("unresolved-expected.tsv"), rows("known-disagreements.tsv")
    docs = {}
    for doc, tool, mode, key in oracle:
        d = docs.setdefault(doc, {"tool": tool, "mode": mode, "keys": set()})
        if key: d["keys"].add(key)
    passed = failed = 0
    agree = []
    scratch = tempfile.mkdtemp(prefix="citelsp-oracles-")
    by_folder = {}
    for doc, d in docs.items():
        path = os.path.join(ORACLE, doc) if doc.startswith("fixtures/") else os.path.join(PAPERS, doc)
        if doc.endswith("#input") and os.path.exists(path[:-6]):
            path = extract_pandoc_input(path[:-6], tempfile.mkdtemp(prefix="citelsp-oracle-", dir=scratch))
        if not os.path.exists(path):
            print(f"FAIL {doc}: not found at {path}"); failed += 1; continue
        extra = re.search(r"--bibliography (\S+)", d["mode"])
        bib = [os.path.join(os.path.dirname(path), extra.group(1))] if extra else []
        by_folder.setdefault((os.path.dirname(path), tuple(bib)), []).append((doc, path, d))
    t0 = time.monotonic()
    for (folder, bib), items in sorted(by_folder.items()):
        server = Server(folder, list(bib))
        try:
            opened = {}
            for doc, path, d in items:
                files = project_files(path) if d["tool"] == "latex" else [path]
                for f in files:
                    if f not in opened:
                        lang = "markdown" if f.endswith((".md", ".Rmd")) else "latex"
                        server.open(f, lang); opened[f] = lang
            t1 = time.monotonic()
            got = server.diagnostics(list(opened))
            if os.environ.get("VERBOSE"): print(f"     {folder}: {len(opened)} files, diagnostics after {time.monotonic() - t1:.1f} s; none for {[f for f in opened if got[f] is None]}")
            for doc, path, d in items:
                backend = d["mode"].split("backend=")[-1] if d["tool"] == "latex" else "pandoc"
                files = project_files(path) if d["tool"] == "latex" else [path]
                missing = [f for f in files if got[f] is None]
                ours = set().union(*(unresolved_keys(got[f] or [], backend) for f in files))
                expected, notes = set(d["keys"]), []
                for k in known:
                    if k[0] != doc: continue
                    if k[2] == "oracle-only":
                        if k[1] == "*": expected = set(); notes.append(f"oracle gave no result: {k[3][:90]}")
                        else: expected.discard(k[1]); notes.append(f"{k[1]} (oracle only)")
                    else:
                        expected.add(k[1]); notes.append(f"{k[1]} (ours only)")
                ok = not missing and ours == expected
                detail = f"server {sorted(ours)} vs expected {sorted(expected)}" + (f"; no publish for {missing}" if missing else "")
                print(f"{'ok  ' if ok else 'FAIL'} {doc}: {len(d['keys'])} unresolved per {d['tool']}"
                      + (f"; known disagreements: {', '.join(notes)}" if notes else "") + ("" if ok else f" -- {detail}"))
                passed += ok; failed += not ok
                agree.append(ok and not notes)
        finally:
            server.close()
    print(f"     documents agreeing exactly with the compiler: {sum(agree)}/{len(agree)}; "
          f"agreeing after the listed disagreements: {passed}/{passed + failed} ({time.monotonic() - t0:.1f} s)")
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
