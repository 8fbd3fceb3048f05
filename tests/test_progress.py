"""The spinner: only on a terminal, only for long work, always cleared."""

from __future__ import annotations

import io
import time

from conftest import run

from argmap.io import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _until(condition, guard: float = 60.0) -> None:
    """Wait until ``condition()`` holds (a hang guard of ``guard`` seconds, not a speed
    claim: a busy machine may run the spinner's thread late)."""
    end = time.monotonic() + guard
    while not condition():
        assert time.monotonic() < end, "the condition never came true"
        time.sleep(0.02)


def test_long_work_on_a_terminal_shows_a_spinner_then_clears_it(monkeypatch):
    monkeypatch.delenv("ARGMAP_NO_PROGRESS", raising=False)
    term = Terminal()
    progress.start("argmap eval big.json", delay=0.05, stream=term)
    _until(lambda: "0:00:00" in term.getvalue())
    shown = term.getvalue()
    progress.stop()
    assert "argmap eval big.json" in shown
    assert "0:00:00" in shown  # the elapsed time
    assert "\x1b[2K" in term.getvalue()[len(shown) :]  # the line is erased


def test_quick_work_shows_nothing():
    term = Terminal()
    progress.start("argmap show", delay=5, stream=term)
    timer = progress._timer
    progress.stop()
    timer.join()  # the cancelled timer has ended: it can draw nothing now
    assert not timer.is_alive() and term.getvalue() == ""


def test_nothing_when_not_a_terminal_or_switched_off(monkeypatch):
    plain = io.StringIO()
    progress.start("argmap show", delay=0.0, stream=plain)
    time.sleep(0.2)
    assert plain.getvalue() == ""
    monkeypatch.setenv("ARGMAP_NO_PROGRESS", "1")
    term = Terminal()
    progress.start("argmap show", delay=0.0, stream=term)
    time.sleep(0.2)
    progress.stop()
    assert term.getvalue() == ""


def test_output_clears_the_spinner_first(monkeypatch, capsys):
    from argmap.cli.output import emit_lines

    term = Terminal()
    progress.start("argmap claims", delay=0.0, stream=term)
    _until(lambda: "argmap claims" in term.getvalue())
    emit_lines(["c1"])  # stops the spinner before writing
    after = term.getvalue()
    time.sleep(0.2)
    assert term.getvalue() == after  # nothing drawn after the output began
    assert capsys.readouterr().out == "c1\n"


def test_commands_piped_print_no_spinner(tmp_path):
    # Under the test runner standard error is not a terminal: output stays exact.
    result = run(*["schema"])
    assert result.exit_code == 0
    assert result.stderr == ""
