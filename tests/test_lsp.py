"""argmap lsp, driven over stdio by pytest-lsp's client with the recorded capabilities of
real editors (VS Code, Neovim, Emacs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import DATA, HARBOUR, HARBOUR_REPLY, run
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

EDITORS = ["visual-studio-code", "neovim", "emacs"]


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]),
    params=EDITORS,
)
async def client(lsp_client: LanguageClient, request):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            workspace_folders=[types.WorkspaceFolder(uri=Path.cwd().as_uri(), name="here")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="yaml",
                version=1,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_diagnostics_are_those_of_validate(client: LanguageClient):
    path = DATA / "bad-dangling-ref.yaml"
    uri = _open(client, path)
    got = await _diagnostics(client, uri)
    from argmap.analysis.validate import validate
    from argmap.operations.loading import read_map

    expected = validate(read_map(path))
    assert [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in got] == [
        (d.code, d.location.line, d.location.col) for d in expected
    ]
    assert got[0].source == "argmap"


def _where(text: str, needle: str, offset: int = 0) -> types.Position:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


@pytest.mark.asyncio
async def test_completion_after_supports_offers_claim_ids_while_the_text_is_broken(
    client: LanguageClient,
):
    text = HARBOUR.read_text(encoding="utf-8")
    uri = _open(client, HARBOUR, text)
    await _diagnostics(client, uri)
    # Half typed: the flow list is not closed, so the YAML cannot be read at all.
    broken = text.replace("\nlinks:", "\n  - id: fresh\n    text: New.\n    supports: [\nlinks:", 1)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=broken)],
        )
    )
    at = _where(broken, "supports: [\nlinks:", len("supports: ["))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    labels = [item.label for item in result.items]
    from argmap.operations.loading import read_map

    assert labels == [c.id for c in read_map(HARBOUR).model.claims]
    first = next(item for item in result.items if item.label == "open-at-night")
    assert first.detail == "conclusion"


@pytest.mark.asyncio
async def test_completion_in_a_map_of_many_claims_is_narrowed_by_what_is_typed(
    client: LanguageClient, tmp_path
):
    """Five hundred claims: the answer carries at most a hundred ids, says it is
    incomplete, and narrows to the ids holding the word typed (those starting with it
    first), so the editor asks again as the user types."""
    lines = ["title: Many", "claims:", "  - {id: top, text: Top, kind: conclusion}"]
    lines += [f"  - {{id: c{i:03d}, text: Claim {i}, supports: [top]}}" for i in range(500)]
    path = tmp_path / "many.yaml"
    uri = _open(client, path, "\n".join(lines) + "\n")
    await _diagnostics(client, uri)
    lines += ["  - id: fresh", "    text: New.", "    supports: [c04"]  # being typed
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
        )
    )
    end = types.Position(line=len(lines) - 1, character=len(lines[-1]))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=end)
    )
    assert result.is_incomplete is False
    assert [item.label for item in result.items] == [f"c{i:03d}" for i in range(40, 50)]
    bare = types.Position(line=len(lines) - 1, character=len("    supports: ["))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=bare)
    )
    assert result.is_incomplete is True and len(result.items) == 100
    assert result.items[0].label == "top"


@pytest.mark.asyncio
async def test_hover_on_a_claim_id_shows_its_text_and_label(client: LanguageClient):
    text = HARBOUR.read_text(encoding="utf-8")
    uri = _open(client, HARBOUR, text)
    await _diagnostics(client, uri)
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=_where(text, "id: open-at-night", len("id: op")),
        )
    )
    assert result.contents.kind == types.MarkupKind.Markdown
    value = result.contents.value
    assert value.startswith("**CONCLUSION `open-at-night`** · grounded: **in** · strength ")
    assert "Calder should open its harbour to freight at night." in value
    assert "#policy #harbour" in value
    assert "— op-ed, ¶4" in value


@pytest.mark.asyncio
async def test_rename_changes_every_reference_and_nothing_else(client: LanguageClient):
    text = HARBOUR.read_text(encoding="utf-8")
    uri = _open(client, HARBOUR, text)
    await _diagnostics(client, uri)
    where = types.TextDocumentIdentifier(uri=uri)
    at = _where(text, "target: open-at-night", len("target: "))
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=where, position=at)
    )
    assert prepared.start == at
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=where, position=at, new_name="open-after-dark")
    )
    renamed = _apply(text, edit.changes[uri])
    before, after = text.splitlines(), renamed.splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 7  # the id, two shorthand references, four links
    assert all(b == a.replace("open-at-night", "open-after-dark") for a, b in changed)
    # A clash is refused with a message.
    with pytest.raises(Exception, match="'fund-cranes' is taken"):
        await client.text_document_rename_async(
            types.RenameParams(text_document=where, position=at, new_name="fund-cranes")
        )
    # So is an id longer than a map can hold, without echoing it.
    with pytest.raises(Exception, match="at most 200 characters") as refused:
        await client.text_document_rename_async(
            types.RenameParams(text_document=where, position=at, new_name="x" * 100_000)
        )
    assert len(str(refused.value)) < 500


@pytest.mark.asyncio
async def test_formatting_gives_the_layout_of_argmap_fmt(client: LanguageClient, tmp_path):
    # The editor's format command (and format-on-save) lays a map out as `argmap fmt`
    # does, comments kept; a map laid out already, a broken one and a YAML file that is
    # no map are left as they are.
    path = tmp_path / "m.yaml"
    text = (
        "# top\nclaims:\n  - text: Ça va — 日本  # the claim\n    kind: conclusion\n"
        "    id: c\ntitle: T\n"
    )
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path)
    await _diagnostics(client, uri)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)

    async def format_(uri: str) -> list[types.TextEdit]:
        return await client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=types.TextDocumentIdentifier(uri=uri), options=options
            )
        )

    formatted = _apply(text, await format_(uri))
    assert formatted == run("fmt", "-", input=text).stdout
    assert formatted.startswith("# top\ntitle: T\nclaims:\n  - id: c\n")
    done = tmp_path / "done.yaml"
    done.write_text(formatted, encoding="utf-8")
    assert not await format_(_open(client, done))
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    assert not await format_(_open(client, broken))
    other = tmp_path / "compose.yaml"
    other.write_text("services:\n  web: {image: x, ports: [80]}\n", encoding="utf-8")
    assert not await format_(_open(client, other))


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def at(p: types.Position) -> int:  # the map is ASCII up to the ids renamed
        return offsets[p.line] + p.character

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: at(e.range.start)] + e.new_text + text[at(e.range.end) :]
    return text


@pytest.mark.asyncio
async def test_definition_references_and_outline(client: LanguageClient):
    text = HARBOUR.read_text(encoding="utf-8")
    uri = _open(client, HARBOUR, text)
    await _diagnostics(client, uri)
    where = types.TextDocumentIdentifier(uri=uri)
    at = _where(text, "supports: [open-at-night]", len("supports: [o"))
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=where, position=at)
    )
    assert found.range.start == _where(text, "id: open-at-night", len("id: "))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=where,
            position=at,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert len(refs) == 6
    outline = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=where)
    )
    assert [s.name for s in outline] == [
        "open-at-night",
        "fund-cranes",
        "publish-noise",
        "who-pays",
    ]
    kids = [s.name for s in outline[0].children]
    assert "+ union-asks" in kids and "together (need-and-remedy)" in kids


@pytest.mark.asyncio
async def test_quick_fixes_apply_a_did_you_mean_and_add_a_missing_claim(
    client: LanguageClient, tmp_path
):
    path = tmp_path / "m.yaml"
    text = (
        "title: t\nclaims:\n  - id: goal\n    txet: The goal.\n    kind: conclusion\n"
        "  - id: reason\n    text: A reason.\n    supports: [gaol, elsewhere]\n"
    )
    path.write_text(text)
    uri = _open(client, path)
    diagnostics = await _diagnostics(client, uri)
    # Schema and reference problems, in one run.
    assert [d.code for d in diagnostics] == [
        "missing_key",
        "unknown_key",
        "dangling_ref",
        "dangling_ref",
    ]
    unknown = diagnostics[1]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=unknown.range,
            context=types.CodeActionContext(diagnostics=[unknown]),
        )
    )
    assert [a.title for a in actions] == ["Change to 'text'"]
    fixed = _apply(text, actions[0].edit.changes[uri])
    assert "    text: The goal.\n" in fixed
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    diagnostics = await _diagnostics(client, uri)
    dangling = [d for d in diagnostics if d.code == "dangling_ref"]
    assert len(dangling) == 2
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=dangling[1].range,
            context=types.CodeActionContext(diagnostics=dangling),
        )
    )
    titles = [a.title for a in actions]
    assert titles == ["Add a claim 'elsewhere'"], titles
    added = _apply(fixed, actions[0].edit.changes[uri])
    assert added.endswith("  - id: elsewhere\n    text: 'TODO: what elsewhere says'\n")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text",
    [
        "title: t\nclaims: [\x00\x01\x02]\n",  # binary
        "title: t\nclaims:\n  - id: a\n   text: bad indent\n",  # broken YAML
        "- just\n- a list\n",  # not a map
        "a: &x [*x]\n",  # a recursive alias
        "title: t\nclaims:\n" + "  - {id: c%d, text: C}\n" * 3 + "[" * 5000,  # deep
    ],
)
async def test_bad_input_gets_a_diagnostic_and_the_server_keeps_serving(
    client: LanguageClient, tmp_path, text
):
    # Named as a map (*.argmap.yaml), so the server speaks of it however broken it is.
    uri = _open(client, tmp_path / "bad.argmap.yaml", text)
    diagnostics = await _diagnostics(client, uri)
    assert diagnostics and diagnostics[0].severity == types.DiagnosticSeverity.Error
    # Still serving: a good map gets its (empty) diagnostics.
    good = _open(client, HARBOUR)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[good]) == []


def test_argmap_new_writes_the_map_alone_starting_with_its_version(tmp_path):
    # No copy of the schema beside each map (it would go stale): argmap: 1 says what
    # the file is, to argmap's language server and to an editor's schema settings.
    result = run(*["new", str(tmp_path / "m.yaml"), "--title", "T"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.yaml").read_text().splitlines()[0] == "argmap: 1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


@pytest.mark.asyncio
async def test_definition_of_a_claim_of_a_used_map_opens_that_map(client: LanguageClient):
    text = HARBOUR_REPLY.read_text(encoding="utf-8")
    uri = _open(client, HARBOUR_REPLY, text)
    await _diagnostics(client, uri)
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=_where(text, "attacks: [port:night-clears-peak]", len("attacks: [port:n")),
        )
    )
    assert found.uri == HARBOUR.as_uri()
    used = HARBOUR.read_text(encoding="utf-8").splitlines()
    assert used[found.range.start.line][found.range.start.character :].startswith(
        "night-clears-peak"
    )
    assert used[found.range.start.line].lstrip().startswith("- id: night-clears-peak")


async def _raw_request(client: LanguageClient, method: str, params: dict):
    """Send a request exactly as given (pygls' client would first fit it to the protocol's
    types, which these parameters do not fit), and wait for its answer."""
    import asyncio
    import uuid
    from concurrent.futures import Future

    msg_id = str(uuid.uuid4())
    answer: Future = Future()
    client.protocol._request_futures[msg_id] = answer
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method,
                                "params": params})  # fmt: skip
    return await asyncio.wait_for(asyncio.wrap_future(answer), 120)  # a hang guard


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("textDocument/hover", {}),  # no document, no position
        ("textDocument/hover", {"position": {"line": 0, "character": 0}}),
        ("textDocument/completion", {"textDocument": {}, "position": {"line": -1, "character": 0}}),
        ("textDocument/definition", {"textDocument": {"uri": "x"}, "position": {"line": "a"}}),
        ("textDocument/codeAction", {"textDocument": {"uri": "x"}, "range": {}}),
    ],
    ids=["nothing", "no document", "negative line", "a word for a number", "empty range"],
)
async def test_a_request_whose_params_do_not_fit_gets_an_error_answer(
    client: LanguageClient, method, params
):
    from pygls.exceptions import JsonRpcInvalidParams

    with pytest.raises(JsonRpcInvalidParams, match="the parameters do not fit the protocol"):
        await _raw_request(client, method, params)
    # and the server goes on serving
    uri = _open(client, HARBOUR)
    assert list(await _diagnostics(client, uri)) == []


@pytest.mark.asyncio
async def test_a_request_on_a_document_never_opened_is_a_plain_error(client: LanguageClient):
    from pygls.exceptions import JsonRpcInvalidParams

    never = HARBOUR.as_uri()  # the file is there, but the client never opened it
    with pytest.raises(JsonRpcInvalidParams) as caught:
        await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=never),
                position=types.Position(line=0, character=0),
            )
        )
    assert str(caught.value.message) == f"the document is not open: {never}"
    assert "Traceback" not in str(caught.value.data)


@pytest.mark.asyncio
async def test_a_range_that_runs_backwards_is_refused(client: LanguageClient):
    from pygls.exceptions import JsonRpcInvalidParams

    uri = _open(client, HARBOUR)
    await _diagnostics(client, uri)
    backwards = types.Range(start=types.Position(5, 0), end=types.Position(1, 0))
    with pytest.raises(JsonRpcInvalidParams, match="the range ends before it starts"):
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=backwards,
                context=types.CodeActionContext(diagnostics=[]),
            )
        )


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("docker-compose.yml", "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n"),
        ("package.json", '{"name": "x", "version": "1.0.0", "scripts": {"test": "jest"}}\n'),
        ("config.yaml", "- just\n- a list\n"),
    ],
)
async def test_files_that_are_not_maps_get_nothing(client: LanguageClient, tmp_path, name, text):
    uri = _open(client, tmp_path / name, text)
    assert list(await _diagnostics(client, uri)) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri),
                          position=types.Position(line=0, character=1))
    )  # fmt: skip
    assert hover is None
    # while a map beside them gets its diagnostics, as always
    map_uri = _open(client, DATA / "bad-dangling-ref.yaml")
    assert "dangling_ref" in [d.code for d in await _diagnostics(client, map_uri)]


def test_a_message_that_does_not_fit_is_one_line_in_the_log_not_a_traceback():
    import json
    import subprocess

    def framed(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    sent = framed({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
    sent += framed({"jsonrpc": "2.0", "method": "exit"})
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"], input=sent, capture_output=True, timeout=120
    )
    assert b'"code": -32602' in done.stdout
    log = done.stderr.decode()
    assert "Traceback" not in log
    assert log.strip().startswith("Unable to deserialize message: ")
    assert len(log.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "start",
    [
        ["-m", "argmap", "lsp"],
        ["-c", "from argmap.__main__ import main; main()", "lsp"],
    ],
    ids=["python -m argmap", "console script"],
)
def test_the_server_starts_without_the_command_line_machinery(start):
    # An editor waits on its language server: `argmap lsp` goes straight to it, without
    # importing Typer and rich (about a tenth of a second of its start, bench/lsp.py).
    import subprocess

    done = subprocess.run(
        [sys.executable, "-X", "importtime", *start],
        input=b"",
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip() for line in done.stderr.decode().splitlines()}
    assert "argmap.lsp.server" in imported
    assert not {"typer", "rich", "argmap.cli"} & imported


def test_a_bug_at_the_servers_start_is_one_line_not_a_traceback():
    import subprocess

    broken = (
        "import argmap.lsp.server as s\n"
        "def serve(): raise ZeroDivisionError('boom')\n"
        "s.serve = serve\n"
        "from argmap.__main__ import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", broken, "lsp"], input=b"", capture_output=True, timeout=120
    )
    assert done.returncode == 70
    assert done.stderr.decode().splitlines() == [
        "argmap: internal error: ZeroDivisionError: boom "
        "(please report it; rerun with ARGMAP_DEBUG=1 for details)"
    ]


@pytest.mark.asyncio
async def test_a_drafted_claim_is_accepted_from_the_editor(client: LanguageClient, tmp_path):
    path = tmp_path / "d.yaml"
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  - id: goal\n    text: The goal.\n"
        "    kind: conclusion\n    drafted: 0.7\n  - id: reason\n    text: A reason.\n"
        "    drafted: 0.5\n    supports: [goal]\n"
    )
    path.write_text(text)
    uri = _open(client, path)
    assert "drafted" in [d.code for d in await _diagnostics(client, uri)]
    on_reason = types.Range(start=types.Position(8, 6), end=types.Position(8, 6))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri),
                               range=on_reason, context=types.CodeActionContext(diagnostics=[]))
    )  # fmt: skip
    titles = [a.title for a in actions]
    assert titles == ["Accept drafted claim 'reason'",
                      "Reject drafted claim 'reason' and its links",
                      "Accept every drafted claim and link"]  # fmt: skip
    accepted = _apply(text, actions[0].edit.changes[uri])
    assert accepted == text.replace("    drafted: 0.5\n", "")


@pytest.mark.timeout(120)  # a hang guard
@pytest.mark.parametrize(
    "bad",
    [b"Content-Length: 1000000000000\r\n\r\n{}", b"Content-Length: 1e12\r\n\r\n{}",
     b"X-Long: " + b"y" * 100_000 + b"\r\n\r\n"],
    ids=["huge-length", "not-a-number", "long-header"],
)  # fmt: skip
def test_a_message_that_declares_a_huge_body_is_refused_and_the_server_goes_on(bad):
    import json
    import subprocess

    def framed(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    initialize = framed({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                         "params": {"capabilities": {}, "processId": None}})  # fmt: skip
    shutdown = framed({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    leave = framed({"jsonrpc": "2.0", "method": "exit"})
    done = subprocess.run([sys.executable, "-m", "argmap", "lsp"],
                          input=bad + b"\r\n" + initialize + shutdown + leave,
                          capture_output=True, timeout=100)  # fmt: skip
    assert b'"id": 1' in done.stdout or b'"id":1' in done.stdout, done.stderr[-500:]
    assert b"Traceback" not in done.stderr
