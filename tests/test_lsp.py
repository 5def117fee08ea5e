"""`factcheck serve` end to end: a Language Server Protocol client talks to the server over stdio.

The client here is a small JSON-RPC one (Content-Length framing, a reader thread): it sends what an
editor sends and checks what comes back, with no editor and no network.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

TIMEOUT = 60
WRONG = "Sales rose from 100 to 120 units, up 25%.\n"
RIGHT = "Sales rose from 100 to 120 units, up 20%.\n"


class Client:
    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                                     env={**os.environ, **(env or {})})
        self.messages: queue.Queue = queue.Queue()
        self.notes: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.lower()] = v.strip()
            self.messages.put(json.loads(out.read(int(headers["content-length"]))))

    def send(self, msg: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _next(self) -> dict:
        msg = self.messages.get(timeout=TIMEOUT)
        assert msg is not None, "server closed its output: " + self.proc.stderr.read().decode()[-2000:]
        if "id" in msg and "method" in msg:  # a request from the server (registerCapability...): accept it
            self.send({"id": msg["id"], "result": None})
        return msg

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        while True:
            msg = self._next()
            if msg.get("id") == rid and "method" not in msg:
                assert "error" not in msg, msg
                return msg.get("result")
            if "method" in msg:
                self.notes.append(msg)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def wait(self, method: str, uri: str | None = None) -> dict:
        for i, msg in enumerate(self.notes):
            if msg["method"] == method and (uri is None or msg["params"].get("uri") == uri):
                return self.notes.pop(i)["params"]
        while True:
            msg = self._next()
            if msg.get("method") == method and (uri is None or msg["params"].get("uri") == uri):
                return msg["params"]
            if "method" in msg:
                self.notes.append(msg)

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            for s in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if s:
                    s.close()


@pytest.fixture
def client(tmp_path: Path):
    c = Client(tmp_path, {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {},
                                    "initializationOptions": {}})
    c.init = init  # type: ignore[attr-defined]
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        assert c.close() == 0


def _open(c: Client, path: Path, text: str, lang: str = "plaintext") -> list[dict]:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}})
    return c.wait("textDocument/publishDiagnostics", uri)["diagnostics"]


def test_initialize_announces_sync_and_quick_fixes(client: Client) -> None:
    caps = client.init["capabilities"]  # type: ignore[attr-defined]
    assert client.init["serverInfo"]["name"] == "factcheck"  # type: ignore[attr-defined]
    assert caps["textDocumentSync"]["openClose"] is True and caps["textDocumentSync"]["change"] == 1
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]


def test_open_change_save_close_publish_diagnostics(client: Client, tmp_path: Path) -> None:
    doc = tmp_path / "release.txt"
    diags = _open(client, doc, WRONG)
    assert len(diags) == 1
    d = diags[0]
    assert d["code"] == "percent-change" and d["source"] == "factcheck" and d["severity"] == 1
    assert d["range"] == {"start": {"line": 0, "character": 37}, "end": {"line": 0, "character": 40}}
    assert "20.0% increase, not 25%" in d["message"]
    uri = doc.as_uri()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": RIGHT}]})
    params = client.wait("textDocument/publishDiagnostics", uri)
    assert params["diagnostics"] == [] and params["version"] == 2
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": "Intro line.\n" + WRONG}]})
    moved = client.wait("textDocument/publishDiagnostics", uri)["diagnostics"]
    assert [x["range"]["start"] for x in moved] == [{"line": 1, "character": 37}]
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert len(client.wait("textDocument/publishDiagnostics", uri)["diagnostics"]) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait("textDocument/publishDiagnostics", uri)["diagnostics"] == []


def test_quick_fix_replaces_the_figure(client: Client, tmp_path: Path) -> None:
    doc = tmp_path / "release.txt"
    diags = _open(client, doc, WRONG)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": doc.as_uri()}, "range": diags[0]["range"],
        "context": {"diagnostics": diags, "only": ["quickfix"]}})
    assert len(actions) == 1
    a = actions[0]
    assert a["kind"] == "quickfix" and a["isPreferred"] is True and "'25%' with '20%'" in a["title"]
    (edit,) = a["edit"]["changes"][doc.as_uri()]
    assert edit == {"range": {"start": {"line": 0, "character": 37}, "end": {"line": 0, "character": 40}},
                    "newText": "20%"}
    fixed = WRONG[:37] + edit["newText"] + WRONG[40:]
    assert fixed == RIGHT


def test_columns_are_utf16_code_units(client: Client, tmp_path: Path) -> None:
    text = "\U0001F680 " + WRONG  # a rocket: one code point, two UTF-16 units
    diags = _open(client, tmp_path / "emoji.txt", text)
    assert diags[0]["range"]["start"] == {"line": 0, "character": 37 + 2 + 1}


def test_markdown_positions_point_into_the_source(client: Client, tmp_path: Path) -> None:
    text = "# Results\n\n**Sales** rose from 100 to 120 units, up *25%*.\n"
    diags = _open(client, tmp_path / "release.md", text, "markdown")
    assert len(diags) == 1
    start, end = diags[0]["range"]["start"], diags[0]["range"]["end"]
    line = text.splitlines()[start["line"]]
    assert line[start["character"]:end["character"]] == "25%"


def test_bad_rules_are_reported_and_the_server_keeps_serving(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [{id: x, kind: no-such-kind}]\n")
    c = Client(tmp_path, {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    try:
        c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {},
                                 "initializationOptions": {"rules": [str(bad)]}})
        c.notify("initialized", {})
        diags = _open(c, tmp_path / "release.txt", WRONG)
        assert len(diags) == 1 and diags[0]["code"] == "config" and "bad.yaml" in diags[0]["message"]
        shown = c.wait("window/showMessage")
        assert shown["type"] == 1 and "bad.yaml" in shown["message"]
    finally:
        assert c.close() == 0


def test_configuration_file_settings_apply(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("ignore: [percent-change]\n")
    c = Client(tmp_path, {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    try:
        c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        assert _open(c, tmp_path / "release.txt", WRONG) == []
    finally:
        assert c.close() == 0
