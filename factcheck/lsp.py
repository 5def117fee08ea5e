"""``factcheck serve``: the Language Server Protocol over standard input and output (pygls).

An editor starts it once and keeps it: the rules are loaded, the pipeline warmed up and the patterns
compiled at start-up, so each check afterwards costs only the pipeline itself (a few milliseconds for a
release). On ``textDocument/didOpen``, ``didChange`` and ``didSave`` the document's current text is checked
as the file would be on disk (the reader is chosen by the file's extension: Markdown and HTML positions map
back to the source the editor shows) and the findings are published as diagnostics: the range of the
figure, severity from the rule (error, warning, information), ``code`` the rule id, ``source``
"factcheck", the message and its working. ``didClose`` clears them. Findings that carry a correction
offer it as a quick fix (``textDocument/codeAction``): "Replace '12%' with '14.3%'".

Settings, in order: the configuration file found upward from the document's folder (.factcheck.yaml or
[tool.factcheck] in pyproject.toml: rules, select, ignore, locale, as_of, show_pass), then the client's
``initializationOptions`` (the same keys; ``showPass`` too). A configuration or rule file that cannot be
used is reported once as a window message and as a diagnostic on the first line, never as a crash.

pygls is an optional dependency: ``pip install 'factcheck[lsp]'``.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from . import __version__

SEVERITY = {"error": 1, "warning": 2, "info": 3}  # lsprotocol DiagnosticSeverity values
SETTING_KEYS = ("rules", "select", "ignore", "locale", "as_of", "show_pass")


class MissingDependency(Exception):
    """pygls is not installed."""


@dataclass
class Settings:
    """The editor server's settings, as the client sends them."""

    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    locale: str = "auto"
    as_of: str | None = None
    show_pass: bool = False
    defaults: dict[str, Any] = field(default_factory=dict)  # from initializationOptions


def uri_to_path(uri: str) -> str:
    """A file URI as a path; any other URI (untitled:, vscode-notebook-cell:) as its path part."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if parsed.scheme == "file" and len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/x on Windows
        path = path[1:]
    return path or uri


def _split(items: Any) -> tuple[str, ...]:
    if isinstance(items, str):
        items = [items]
    out: list[str] = []
    for it in items or []:
        out += [x.strip() for x in str(it).split(",") if x.strip()]
    return tuple(out)


def settings_for(path: str, client: dict[str, Any]) -> Settings:
    """The settings for a document: its folder's configuration file, then the client's options."""
    from .config import discover

    folder = Path(path).parent if path else Path.cwd()
    cfg = discover(None, False, start=folder if folder.is_dir() else Path.cwd())
    values = {k: cfg.get(k) for k in SETTING_KEYS if cfg.get(k) not in (None, [], ())}
    for k in SETTING_KEYS:
        camel = "".join(w.capitalize() if i else w for i, w in enumerate(k.split("_")))
        for key in (k, camel):
            if client.get(key) not in (None, [], ""):
                values[k] = client[key]
    return Settings(rules=_split(values.get("rules")), select=_split(values.get("select")),
                    ignore=_split(values.get("ignore")), locale=str(values.get("locale") or "auto"),
                    as_of=str(values["as_of"]) if values.get("as_of") else None,
                    show_pass=bool(values.get("show_pass")))


def check_text(text: str, path: str, settings: Settings) -> Any:
    """The pipeline's FileResult for a document's current text, read as the file at ``path`` would be."""
    from datetime import date

    from .baseline import with_fingerprints
    from .document import read_bytes
    from .pipeline import Options, run
    from .ruleset import load_rules

    rules = load_rules(settings.rules, settings.select, settings.ignore)
    as_of = date.fromisoformat(settings.as_of) if settings.as_of else None
    doc = read_bytes(text.encode("utf-8"), path)
    return with_fingerprints(run(doc, rules, Options(locale=settings.locale, as_of=as_of)))


def _line_starts(source: str) -> list[int]:
    starts = [0]
    i = source.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = source.find("\n", i + 1)
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """0-based line and code-point column of a source offset."""
    line = bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def diagnostics(result: Any, show_pass: bool = False) -> list[dict[str, Any]]:
    """The findings of a FileResult as LSP diagnostics (plain dicts, positions in code points)."""
    doc = result.document
    if doc is None:
        return []
    source = doc.source if doc.source is not None else doc.text
    starts = _line_starts(source)
    out = []
    for f in result.findings:
        if f.suppressed or (f.status == "pass" and not show_pass):
            continue
        a = doc.locate(f.start)
        b = doc.locate_end(f.end) if f.end > f.start else a
        message = f.message + (f"\n{f.explanation}" if f.explanation else "")
        diag: dict[str, Any] = {
            "range": {"start": {"line": a.line - 1, "character": a.column - 1},
                      "end": {"line": b.line - 1, "character": b.column - 1}},
            "severity": SEVERITY.get(f.severity, 3) if f.status != "pass" else 4,
            "code": f.rule, "source": "factcheck", "message": message,
        }
        fx = f.fix
        if fx is not None and f.status == "fail":
            sa = doc.source_offset(fx.start)
            sb = doc.locate_end(fx.end).offset if fx.end > fx.start else sa
            if source[sa:sb] == doc.text[fx.start:fx.end]:  # not across markup: an unambiguous edit
                (la, ca), (lb, cb) = _position(starts, sa), _position(starts, sb)
                diag["data"] = {"fix": {"range": {"start": {"line": la, "character": ca},
                                                  "end": {"line": lb, "character": cb}},
                                        "old": source[sa:sb], "new": fx.replacement}}
        out.append(diag)
    return out


def to_client_units(diags: list[dict[str, Any]], lines: list[str], units: Any) -> list[dict[str, Any]]:
    """Columns from code points to the client's position encoding (UTF-16 unless it chose otherwise)."""
    def conv(pos: dict[str, int]) -> dict[str, int]:
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        return {"line": pos["line"], "character": units(line[:pos["character"]])}

    for d in diags:
        for rng in (d["range"], d.get("data", {}).get("fix", {}).get("range")):
            if rng:
                rng["start"], rng["end"] = conv(rng["start"]), conv(rng["end"])
    return diags


def _units_counter(encoding: str | None) -> Any:
    if encoding == "utf-32":
        return len
    if encoding == "utf-8":
        return lambda s: len(s.encode("utf-8"))
    return lambda s: len(s.encode("utf-16-le")) // 2


def create_server() -> Any:
    """The pygls server with factcheck's features registered."""
    try:
        from lsprotocol import types
        from pygls.lsp.server import LanguageServer
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise MissingDependency("factcheck serve needs pygls: pip install 'factcheck[lsp]'") from e
    from lsprotocol.converters import get_converter

    structure = get_converter().structure

    server = LanguageServer("factcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    state: dict[str, Any] = {"client": {}, "reported": set()}

    def encoding() -> str | None:
        enc = server.workspace.position_encoding
        return getattr(enc, "value", enc)

    def publish(uri: str, diags: list[dict[str, Any]], version: int | None = None) -> None:
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[structure(d, types.Diagnostic) for d in diags]))

    def check(uri: str) -> None:
        doc = server.workspace.get_text_document(uri)
        path = uri_to_path(uri)
        try:
            settings = settings_for(path, state["client"])
            result = check_text(doc.source, path, settings)
        except Exception as e:  # noqa: BLE001 - bad rules or configuration: say so, keep serving
            message = str(e).splitlines()[0] if str(e) else type(e).__name__
            if message not in state["reported"]:
                state["reported"].add(message)
                server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                   message=f"factcheck: {message}"))
            publish(uri, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                           "severity": 1, "source": "factcheck", "code": "config", "message": message}], doc.version)
            return
        if result.error:
            publish(uri, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                           "severity": 1, "source": "factcheck", "code": "input", "message": result.error}], doc.version)
            return
        diags = to_client_units(diagnostics(result, settings.show_pass), list(doc.lines), _units_counter(encoding()))
        publish(uri, diags, doc.version)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        opts = params.initialization_options
        state["client"] = dict(opts) if isinstance(opts, dict) else {}

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        from .runner import warm

        try:  # pay start-up now, not on the first keystroke
            settings = settings_for("", state["client"])
            from .pipeline import Options
            from .ruleset import load_rules

            warm(load_rules(settings.rules, settings.select, settings.ignore), Options())
        except Exception:  # noqa: BLE001 - reported on the first check instead
            pass

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        publish(params.text_document.uri, [])

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        actions = []
        for d in params.context.diagnostics:
            fix = d.data.get("fix") if isinstance(d.data, dict) else None
            if d.source != "factcheck" or not fix:
                continue
            edit = types.TextEdit(range=structure(fix["range"], types.Range), new_text=fix["new"])
            actions.append(types.CodeAction(
                title=f"Replace '{fix['old']}' with '{fix['new']}' ({d.code})", kind=types.CodeActionKind.QuickFix,
                diagnostics=[d], is_preferred=True,
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]})))
        return actions

    return server


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING)  # pygls logs to standard error, never to the protocol stream
    create_server().start_io()
