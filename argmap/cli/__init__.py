"""The argmap command line: a thin layer that parses options, calls the library and
prints. Errors become exit statuses here, in :class:`ArgmapGroup`, and nowhere else.

Exit statuses: 0 success, 1 invalid map (or validate found errors), 2 bad
usage, 3 an outside tool failed, 70 an internal error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import Annotated, Any

import typer
from typer._click import exceptions as _click  # Typer's own click (pinned: pyproject.toml)
from typer.core import TyperGroup

from argmap.errors import EXIT_INTERNAL, EXIT_USAGE, ArgmapError, internal_error

__all__ = ["app", "main"]


#: Every command: its name, then the module and function that implement it. Modules are
#: imported only when their command runs (or when help lists them all): start-up time is a
#: feature of a shell tool, and each command module costs a few milliseconds to define.
COMMANDS: dict[str, tuple[str, str]] = {
    "show": ("show", "show"),
    "validate": ("validate", "validate"),
    "export": ("export", "export"),
    "watch": ("watch", "watch"),
    "serve": ("serve", "serve"),
    "import": ("import_", "import_"),
    "claims": ("query", "claims"),
    "why": ("query", "why"),
    "impact": ("query", "impact"),
    "path": ("query", "path"),
    "stats": ("query", "stats"),
    "eval": ("eval", "eval_"),
    "coverage": ("coverage", "coverage"),
    "questions": ("schemes", "questions"),
    "schemes": ("schemes", "schemes"),
    "diff": ("diff", "diff"),
    "compare": ("compare", "compare"),
    "draft": ("draft", "draft"),
    "review": ("review", "review"),
    "merge": ("merge", "merge"),
    "new": ("edit", "new"),
    "add": ("edit", "add"),
    "link": ("edit", "link"),
    "unlink": ("edit", "unlink"),
    "rm": ("edit", "rm"),
    "set": ("edit", "set_field"),
    "fmt": ("edit", "fmt"),
    "rename": ("edit", "rename"),
    "tag": ("edit", "tag"),
    "answer": ("edit", "answer"),
    "source": ("source", "app"),
    "library": ("library", "app"),
    "schema": ("schema", "schema"),
    "lsp": ("lsp", "lsp"),
}


def command_function(name: str) -> Any:
    """The function behind command ``name``."""
    import importlib

    module, function = COMMANDS[name]
    return getattr(importlib.import_module(f"argmap.cli.{module}"), function)


class ArgmapGroup(TyperGroup):
    """Typer's group, with argmap's error reporting (one line per problem, no traceback)
    and commands built on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from typer.main import get_command_from_info
            from typer.models import CommandInfo

            found = command_function(cmd_name)
            if isinstance(found, typer.Typer):  # a group of subcommands (argmap source ...)
                from typer.main import get_group

                command: Any = get_group(found)  # Typer's group or command (click's types)
                command.name = cmd_name
                subcommands = list(command.commands.values())
            else:
                command = get_command_from_info(
                    CommandInfo(
                        name=cmd_name,
                        callback=found,
                        context_settings=getattr(found, "context_settings", None),
                    ),
                    pretty_exceptions_short=True,
                    rich_markup_mode=self.rich_markup_mode,
                )
                subcommands = []
            for each in [command, *subcommands]:
                _plain_help(each)
            self.commands[cmd_name] = command
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]  # click's main, with its arguments as argmap passes them
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from argmap.io import progress

        words = ["argmap", *(sys.argv[1:] if args is None else args)]
        if len(words) == 1:  # a bare argmap: its help, as asked for (exit 0)
            args = ["--help"]
        progress.start(" ".join(words)[:70])
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or "argmap",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except ArgmapError as exc:
            lines = exc.lines()
            option = getattr(exc, "option", None)  # which option gave the faulty input
            if option:
                flag = option if option.startswith("-") else "--" + option.replace("_", "-")
                lines = [line.replace("error: ", f"error: {flag}: ", 1) for line in lines]
            _print_error(lines, exc)
            code = exc.exit_code
        except _click.ClickException as exc:
            # Click leaves out the context of some mistakes (an option missing its value):
            # the command is then the first word of the call that names one.
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx else _command_path(words)
            _print_error([f"{where}: error: {_usage_message(exc)} (see {where} --help)"])
            code = exc.exit_code if exc.exit_code else EXIT_USAGE
        except typer.Abort:
            code = 130
        except BrokenPipeError:
            _silence_stdout()
            code = 0
        except Exception as exc:  # a bug: say so in one line unless asked for more
            if os.environ.get("ARGMAP_DEBUG"):
                progress.stop()
                raise
            _print_error([internal_error(exc)])
            code = EXIT_INTERNAL
        progress.stop()
        if not isinstance(code, int):
            code = 0
        if standalone_mode:
            sys.exit(code)
        return code


def _command_path(words: list[str]) -> str:
    """``argmap COMMAND`` for a call's words (``argmap`` when none names a command).

    Examples:
        >>> _command_path(["argmap", "eval", "m.yaml", "--explain"])
        'argmap eval'
        >>> _command_path(["argmap", "--bogus"])
        'argmap'
    """
    named = next((w for w in words[1:] if not w.startswith("-")), None)
    return f"argmap {named}" if named in COMMANDS else "argmap"


def _usage_message(exc: Any) -> str:
    """What was wrong with the call, in argmap's words: a value that is not one of the
    choices is named by its option (or argument) with the nearest choice, as argmap says
    it everywhere else (``--format: 'jsn' is not one of text, json, ids (did you mean
    'json'?)``), not in Python's words."""
    import re

    from argmap.errors import did_you_mean

    message = exc.format_message()
    param = getattr(exc, "param", None)
    found = re.search(r"'(?P<value>[^']*)' is not one of (?P<choices>.*?)\.?$", message)
    if param is None or found is None:
        return message
    choices = re.findall(r"'([^']*)'", found.group("choices"))
    opts = getattr(param, "opts", None) or []
    named = max(opts, key=len) if param.param_type_name == "option" and opts else (
        (param.metavar or param.name or "value").upper()
    )  # fmt: skip
    value = found.group("value")
    text = f"{named}: {value!r} is not one of {', '.join(choices)}"
    hint = did_you_mean(value, choices)
    return text + (f" ({hint})" if hint else "")


def _plain_help(command: Any) -> None:
    """Help as a person reads it: the example line never rewrapped (click keeps a
    paragraph after a lone backspace line as written), and arguments shown by their
    names alone, without Typer's type labels (``MAP <str>``) and braces (``{MAP}``)."""
    if command.help:
        command.help = "\n\n".join(
            f"\b\n{part}" if part.lstrip().startswith("Example:") else part
            for part in command.help.split("\n\n")
        )
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":
            # A value's name, not its Python type: --text TEXT, not --text <str>.
            if param.metavar is None and not param.is_flag and not _is_choice(param):
                longest = max(param.opts, key=len)
                param.metavar = longest.lstrip("-").upper().replace("-", "_")
            continue
        if getattr(param, "param_type_name", "") != "argument":
            continue
        if hasattr(param, "display_type_rich"):
            param.display_type_rich = lambda ctx: None
        if hasattr(param, "_usage_display_name"):
            name = param.metavar or param.name.upper()
            shown = name if param.required else f"[{name}]"
            if param.nargs != 1 and not name.endswith("..."):
                shown += "..."
            param._usage_display_name = lambda shown=shown: shown


def _is_choice(param: Any) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    return bool(getattr(descriptor, "is_choice", False))


def _print_error(lines: list[str], exc: ArgmapError | None = None) -> None:
    from argmap.cli.output import print_error
    from argmap.errors import MapError

    if exc is not None and not isinstance(exc, MapError):
        lines = [f"argmap: {line}" for line in lines]
    with contextlib.suppress(BrokenPipeError):
        print_error(lines)


def _silence_stdout() -> None:
    # Output went to a pipe that closed (argmap ... | head -1): stop quietly.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=ArgmapGroup,
    name="argmap",
    help="Map policy arguments: show, validate and export argument maps kept as YAML or JSON.",
    epilog="Example: argmap show maps/us-japan-trump2.yaml",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from argmap import __version__

        sys.stdout.write(f"argmap {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print argmap's version and exit."
        ),
    ] = False,
) -> None:
    # A callback makes the app a group even though its commands are added lazily.
    pass


def main() -> None:
    """The console script."""
    # pydantic looks for third-party plugins (observability hooks) by scanning every
    # installed package's metadata, which costs a shell tool ~25 ms per run; argmap
    # uses none. Typer turns the scan off for its own models the same way. A user
    # who wants plugins sets PYDANTIC_DISABLE_PLUGINS to an empty string.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    # A command lives for one map and ends: memory is freed by reference counting as
    # usual, and the cyclic collector would only walk the millions of objects of a large
    # map again and again (a second or more on 100,000 claims). See argmap.io.bulk.
    gc.disable()
    from argmap.io.bulk import keep_until_exit

    keep_until_exit()
    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    # Leave without the interpreter's teardown, which frees every object one by one:
    # a second for a 100,000-claim map, for memory the system takes back at once anyway.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            _silence_stdout()
    os._exit(code)
