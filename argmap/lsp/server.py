"""``argmap lsp``: a language server for map files, over standard input and output.

A thin front end on :mod:`argmap.lsp.language`: each request is one library call, its answer
translated into the Language Server Protocol (positions converted to the client's
encoding, UTF-16 by default). Diagnostics follow every open, change (after a short pause
in typing) and save. Nothing the client sends can stop the server, and every request gets
an answer: a result, or a JSON-RPC error with a one-line message (-32602 for parameters
that do not fit the protocol, a document that is not open or a range that runs
backwards), never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from argmap.errors import ArgmapError
from argmap.io.bulk import paused_gc
from argmap.lsp import language

__all__ = ["server", "serve", "DEBOUNCE_SECONDS"]

#: How long typing must pause before a changed text is checked again.
DEBOUNCE_SECONDS = 0.05

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}
_SYMBOL_KIND = {
    "conclusion": types.SymbolKind.Class,
    "question": types.SymbolKind.Interface,
    "objection": types.SymbolKind.Event,
    "evidence": types.SymbolKind.Constant,
    "group": types.SymbolKind.Namespace,
}
_COMPLETION_KIND = {
    "claim": types.CompletionItemKind.Reference,
    "link": types.CompletionItemKind.Reference,
    "source": types.CompletionItemKind.File,
    "tag": types.CompletionItemKind.Keyword,
    "group": types.CompletionItemKind.Module,
    "kind": types.CompletionItemKind.EnumMember,
    "key": types.CompletionItemKind.Property,
    "scheme": types.CompletionItemKind.Class,
    "role": types.CompletionItemKind.Field,
    "question": types.CompletionItemKind.Text,
    "answer": types.CompletionItemKind.Value,
}

log = logging.getLogger("argmap.lsp.server")


class _Invalid:
    """A request whose parameters do not fit the protocol: it is answered with an error."""

    def __init__(self, msg_id: Any, method: str) -> None:
        self.id, self.method = msg_id, method


class ArgmapProtocol(LanguageServerProtocol):
    """pygls' protocol, answering a request it cannot read (a missing or negative
    position, say) with -32602 instead of leaving the client waiting for ever."""

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException:
            if "id" in data and "method" in data:
                return _Invalid(data["id"], str(data["method"]))
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Invalid):
            error = JsonRpcInvalidParams(
                f"{message.method}: the parameters do not fit the protocol"
            ).to_response_error()
            self._send_response(message.id, error=error)
            return
        super().handle_message(message)


class ArgmapServer(LanguageServer):
    """The server, with the latest analysis of each open document."""

    def __init__(self) -> None:
        from argmap import __version__

        super().__init__("argmap", __version__, protocol_cls=ArgmapProtocol)
        self.analyses: dict[str, language.Analysis] = {}
        self.readable: dict[str, language.Analysis] = {}  # last one that could be read
        self.pending: dict[str, asyncio.Task] = {}
        #: For each open map, the reader of the files it names, which keeps what it read
        #: while they do not change: a used map is read once, not on every keystroke.
        self.files: dict[str, Any] = {}

    def document(self, uri: str) -> Any:
        """An open document (the server reads no file of its own accord for a request).

        Raises:
            JsonRpcInvalidParams: the client has not opened it.
        """
        doc = self.workspace.text_documents.get(unquote(uri))
        if doc is None:
            raise JsonRpcInvalidParams(f"the document is not open: {uri}")
        return doc

    def analysis(self, uri: str) -> language.Analysis:
        """The analysis of the document's current text (made now if it is out of date)."""
        doc = self.document(uri)
        current = self.analyses.get(uri)
        if current is None or current.text != doc.source:
            current = self.check(uri)
        return current

    def check(self, uri: str) -> language.Analysis:
        """Analyse the document's text and publish its diagnostics (none for a file that
        is not a map: :func:`argmap.lsp.language.is_map`)."""
        doc = self.workspace.get_text_document(uri)
        path = _path_of(uri)
        name = str(path) if path is not None else uri
        if not language.is_map(doc.source, path):
            result = language.Analysis(doc.source, name, path)  # nothing to say of it
            self.analyses[uri] = result
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=[])
            )
            return result
        from argmap.operations.loading import remembering_reader

        files = self.files.get(uri)
        if files is None:
            files = self.files[uri] = remembering_reader(path)
        with paused_gc():  # reading a map makes many objects and no cycles
            result = language.analyse(doc.source, name, path, files=files)
        self.analyses[uri] = result
        if result.doc is not None:
            self.readable[uri] = result
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=doc.version,
                diagnostics=_diagnostics(doc, result),
            )
        )
        return result


server = ArgmapServer()


def _diagnostics(doc: Any, result: language.Analysis, only: list | None = None) -> list:
    units = _Units(doc)
    lines = result.text.split("\n")
    return [_diagnostic(units, lines, d) for d in (result.diagnostics if only is None else only)]


def _path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


class _Units:
    """Positions in the client's units (UTF-16 code units unless it asked otherwise) for
    one text: its lines are split once, not once per position as pygls' document does."""

    def __init__(self, doc: Any) -> None:
        self.codec = doc.position_codec
        self.lines = doc.source.splitlines(True)

    def position(self, pos: tuple[int, int]) -> types.Position:
        line, col = pos
        if line >= len(self.lines):
            return types.Position(line=line, character=col)
        text = self.lines[line]
        if col <= len(text) and text[:col].isascii():
            return types.Position(line=line, character=col)
        return self.codec.position_to_client_units(self.lines, types.Position(line, col))

    def range(self, span: language.Span) -> types.Range:
        return types.Range(start=self.position(span[0]), end=self.position(span[1]))


def _server_position(doc: Any, pos: types.Position) -> tuple[int, int]:
    p = doc.position_from_client_units(pos)
    return p.line, p.character


def _diagnostic(units: _Units, lines: list[str], d: Any) -> types.Diagnostic:
    return types.Diagnostic(
        range=units.range(language.diagnostic_range(lines, d)),
        message=d.message + (f" ({d.hint})" if d.hint else ""),
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Information),
        code=d.code,
        source="argmap",
    )


# --- the document's life ------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    previous = ls.pending.pop(uri, None)
    if previous is not None:
        previous.cancel()

    async def later() -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        ls.pending.pop(uri, None)
        ls.check(uri)

    ls.pending[uri] = asyncio.ensure_future(later())


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.analyses.pop(uri, None)
    ls.readable.pop(uri, None)
    ls.files.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


# --- requests -----------------------------------------------------------------------------------


def _answered(handler: Any) -> Any:
    """A request handler whose every failure is a JSON-RPC error with a one-line message:
    argmap's own refusals and bad positions as -32602, anything else as -32603, never
    with a traceback (which would show the client this install's file paths)."""
    import functools

    @functools.wraps(handler)
    def answer(ls: ArgmapServer, params: Any) -> Any:
        try:
            return handler(ls, params)
        except JsonRpcException:
            raise
        except ArgmapError as exc:
            message = exc.message + (f" ({exc.hint})" if exc.hint else "")
            raise JsonRpcInvalidParams(message) from None
        except (IndexError, ValueError) as exc:  # a position past the text's end, say
            raise JsonRpcInvalidParams(f"the position does not fit the document ({exc})") from None
        except Exception as exc:
            log.warning("request failed: %s", exc, exc_info=True)
            raise JsonRpcInternalError(f"{type(exc).__name__}: {exc}".splitlines()[0]) from None

    return answer


def _range_forward(doc: Any, wanted: types.Range) -> tuple[tuple[int, int], tuple[int, int]]:
    """A range's ends in the server's units.

    Raises:
        JsonRpcInvalidParams: it runs backwards."""
    start, end = _server_position(doc, wanted.start), _server_position(doc, wanted.end)
    if end < start:
        raise JsonRpcInvalidParams("the range ends before it starts")
    return start, end


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=["[", ",", " ", ":", "-"]),
)
@_answered
def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    doc = ls.document(uri)
    line, col = _server_position(doc, params.position)
    # A text being typed is often unreadable; its context is read from the text itself,
    # and the ids come from the last version that could be read.
    result = language.analyse(doc.source, uri) if uri not in ls.analyses else ls.analysis(uri)
    items, incomplete = language.complete_narrowed(result, line, col, known=ls.readable.get(uri))
    return types.CompletionList(
        is_incomplete=incomplete,
        items=[
            types.CompletionItem(
                label=c.label,
                kind=_COMPLETION_KIND.get(c.kind),
                detail=c.detail or None,
                documentation=c.documentation or None,
                sort_text=f"{i:05d}",
            )
            for i, c in enumerate(items)
        ],
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
@_answered
def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    doc = ls.document(params.text_document.uri)
    result = ls.analysis(params.text_document.uri)
    text = language.hover(result, *_server_position(doc, params.position))
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@_answered
def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
    uri = params.text_document.uri
    doc = ls.document(uri)
    analysis = ls.analysis(uri)
    at = _server_position(doc, params.position)
    span = language.definition(analysis, *at)
    if span is not None:
        return types.Location(uri=uri, range=_Units(doc).range(span))
    elsewhere = language.definition_elsewhere(analysis, *at)  # a claim of a used map
    if elsewhere is None:
        return None
    path, span = elsewhere
    other = ls.workspace.get_text_document(path.as_uri())
    return types.Location(uri=path.as_uri(), range=_Units(other).range(span))


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
@_answered
def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
    uri = params.text_document.uri
    doc = ls.document(uri)
    spans = language.references(
        ls.analysis(uri),
        *_server_position(doc, params.position),
        declaration=params.context.include_declaration,
    )
    units = _Units(doc)
    return [types.Location(uri=uri, range=units.range(s)) for s in spans]


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
@_answered
def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
    uri = params.text_document.uri
    doc = ls.document(uri)
    result = ls.analysis(uri)
    line, col = _server_position(doc, params.position)
    occ = result.index.at(result.offset(line, col)) if result.index else None
    if occ is None or occ.kind not in ("claim", "link", "source") or occ.end == occ.start:
        return None
    return _Units(doc).range((result.index.position(occ.start), result.index.position(occ.end)))


@server.feature(types.TEXT_DOCUMENT_RENAME)
@_answered
def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    from pygls.exceptions import JsonRpcInvalidParams

    uri = params.text_document.uri
    doc = ls.document(uri)
    try:
        edits = language.rename(
            ls.analysis(uri), *_server_position(doc, params.position), params.new_name
        )
    except ArgmapError as exc:
        message = exc.message + (f" ({exc.hint})" if exc.hint else "")
        raise JsonRpcInvalidParams(message) from None
    units = _Units(doc)
    return types.WorkspaceEdit(
        changes={
            uri: [types.TextEdit(range=units.range(span), new_text=new) for span, new in edits]
        }
    )


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@_answered
def document_symbol(ls: ArgmapServer, params: types.DocumentSymbolParams):
    uri = params.text_document.uri
    units = _Units(ls.document(uri))

    def convert(s: language.Symbol) -> types.DocumentSymbol:
        return types.DocumentSymbol(
            name=s.name,
            detail=s.detail,
            kind=_SYMBOL_KIND.get(s.kind, types.SymbolKind.String),
            range=units.range(s.span),
            selection_range=units.range(s.selection),
            children=[convert(c) for c in s.children],
        )

    return [convert(s) for s in language.symbols(ls.analysis(uri))]


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
@_answered
def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    """``argmap fmt``'s layout, for the editor's format command and format-on-save."""
    uri = params.text_document.uri
    units = _Units(ls.document(uri))
    return [
        types.TextEdit(range=units.range(span), new_text=new)
        for span, new in language.formatting(ls.analysis(uri))
    ]


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
@_answered
def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    doc = ls.document(uri)
    result = ls.analysis(uri)
    start, end = _range_forward(doc, params.range)
    lines = result.text.split("\n")
    chosen = [
        d
        for d in result.diagnostics
        if _overlaps(language.diagnostic_range(lines, d), (start, end))
    ]
    units = _Units(doc)
    actions = []
    for fix in [*language.fixes(result, chosen), *language.review_fixes(result, (start, end))]:
        actions.append(
            types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=_diagnostics(doc, result, [fix.diagnostic])
                if fix.diagnostic is not None
                else None,
                edit=types.WorkspaceEdit(
                    changes={
                        uri: [
                            types.TextEdit(range=units.range(span), new_text=new)
                            for span, new in fix.edits
                        ]
                    }
                ),
            )
        )
    return actions


def _overlaps(a: language.Span, b: language.Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class _OneLine(logging.Filter):
    """The editor's log gets one line per failure, not a traceback: a message the client
    sent that does not fit the protocol is answered (-32602) and noted, and that is all."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            message += f": {type(exc).__name__}: {str(exc).partition(chr(10))[0]}"
        elif "Traceback (most recent call last)" in message:  # one formatted into the text
            lines = [line.strip(" |+-") for line in message.splitlines()]
            last = next((line for line in reversed(lines) if line), "")
            message = f"{lines[0]}: {last}"
        record.msg, record.args = message.partition("\n")[0], ()
        record.exc_info = record.exc_text = None
        return True


class _BoundedInput:
    """Standard input as the server reads it, bounded: a header line is read 8 KiB at a
    time (a longer one is skipped whole), and a message that declares a body over
    :data:`MAX_MESSAGE` (``Content-Length: 1000000000000``) is refused with one line on
    standard error, its header made one the reader ignores, instead of the server trying
    to allocate it and ending. What follows is read as lines until the next message."""

    MAX_HEADER = 8 * 1024
    MAX_MESSAGE = 64 * 1024 * 1024

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def readline(self) -> bytes:
        import re

        line = self.raw.readline(self.MAX_HEADER)
        if len(line) == self.MAX_HEADER and not line.endswith(b"\n"):
            while True:  # the rest of an over-long line, skipped
                more = self.raw.readline(self.MAX_HEADER)
                if not more or more.endswith(b"\n"):
                    break
            logging.getLogger("argmap.lsp").error("a header line over 8 KiB was skipped")
            return b"X-Argmap-Skipped: 1\r\n"
        found = re.fullmatch(rb"Content-Length: (\d+)\r\n", line)
        if found and (len(found.group(1)) > 12 or int(found.group(1)) > self.MAX_MESSAGE):
            logging.getLogger("argmap.lsp").error(
                "a message of %s bytes was refused (at most %d MiB)",
                found.group(1)[:20].decode(), self.MAX_MESSAGE // 2**20,
            )  # fmt: skip
            return b"X-Argmap-Refused: 1\r\n"
        return line

    def read(self, n: int) -> bytes:
        return self.raw.read(min(n, self.MAX_MESSAGE))


def serve() -> None:
    """Serve over standard input and output until the client says exit."""
    import gc

    for name in ("pygls", "pygls.protocol", "pygls.protocol.json_rpc", "pygls.server"):
        logging.getLogger(name).addFilter(_OneLine())

    # What is loaded now lives as long as the server: keep it out of the collector's
    # full runs, which would otherwise walk it after every few analyses.
    gc.freeze()
    # It has the reads the server makes of a binary stream.
    server.start_io(stdin=cast(BinaryIO, _BoundedInput(sys.stdin.buffer)))
