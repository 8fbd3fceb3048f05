from __future__ import annotations

import os
import stat

import pytest

from argmap.errors import MapError, ToolError, UsageError
from argmap.io.files import decode, read_input, write_output


def test_read_input_gives_text_name_and_suffix(tmp_path):
    p = tmp_path / "m.YAML"
    p.write_text("title: x\n", encoding="utf-8")
    inp = read_input(p)
    assert (inp.text, inp.name, inp.suffix) == ("title: x\n", str(p), ".yaml")


def test_missing_file_and_folder_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        read_input(tmp_path / "nope.yaml")
    with pytest.raises(UsageError, match="is a folder"):
        read_input(tmp_path)


def test_binary_input_is_located():
    with pytest.raises(MapError) as info:
        decode(b"title: x\nab\x00", "m.yaml")
    (d,) = info.value.diagnostics
    assert (d.code, d.location.line, d.location.col) == ("binary", 2, 3)


def test_non_utf8_input_is_located():
    with pytest.raises(MapError) as info:
        decode("title: é\n".encode("latin-1"), "m.yaml")
    (d,) = info.value.diagnostics
    assert (d.code, d.location.line, d.location.col) == ("encoding", 1, 8)
    assert "0xe9" in d.message


def test_oversized_input_is_refused():
    with pytest.raises(MapError, match="larger than"):
        decode(b"x" * 2_000_000, "m.yaml", max_bytes=1024 * 1024)


def test_byte_order_mark_is_dropped():
    assert decode("\ufefftitle: x".encode(), "m.yaml") == "title: x"


def test_write_output_replaces_atomically_and_keeps_mode(tmp_path):
    target = tmp_path / "out.dot"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_output("new", target)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.dot"]  # no temp file left


def test_write_output_to_missing_folder_is_a_tool_error_and_writes_nothing(tmp_path):
    with pytest.raises(ToolError, match="cannot write"):
        write_output(b"data", tmp_path / "no" / "such" / "out.png")
    assert list(tmp_path.iterdir()) == []


def test_devices_and_pipes_are_written_to_never_replaced(tmp_path):
    # An atomic write renames a new file into place: over /dev/null or a pipe that would
    # replace the device itself. They are written to as they are.
    write_output("x\n", os.devnull)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output("through the pipe\n", fifo)
    reader.join(timeout=10)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
