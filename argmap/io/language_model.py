"""Asking a language model, through the ``llm`` library (an optional extra:
``pip install 'argmap[llm]'``), which reaches local models through its plugins and remote
ones through their keys (``llm keys set ...``). Nothing is sent anywhere unless a command
is given ``--model``."""

from __future__ import annotations

from typing import Any

__all__ = ["ask"]


def ask(model_name: str, prompt: str, *, system: str, schema: dict[str, Any] | None = None) -> str:
    """The model's answer to ``prompt`` (with ``system`` as its system prompt; ``schema``,
    a JSON schema, sent along to a model that takes one).

    Raises:
        UsageError: ``llm`` is not installed, or it knows no model of that name.
        ToolError: the model failed to answer (a network error, a missing key...).
    """
    from argmap.errors import ToolError, UsageError

    try:
        import llm
    except ImportError:
        raise UsageError("--model needs the llm library, which is not installed",
                         hint="pip install 'argmap[llm]', then a plugin for your model "
                         "(llm install llm-ollama, llm-gpt4all...)") from None  # fmt: skip
    try:
        model = llm.get_model(model_name)
    except llm.UnknownModelError:
        raise UsageError(f"--model {model_name}: llm knows no model of that name",
                         hint="llm models lists the models its plugins provide",
                         ) from None  # fmt: skip
    try:
        options: dict[str, Any] = {"system": system}
        if schema is not None and getattr(model, "supports_schema", False):
            options["schema"] = schema
        return str(model.prompt(prompt, **options).text())
    except Exception as exc:  # a plugin's own errors: any of them means no answer
        raise ToolError(f"--model {model_name}: the model gave no answer "
                        f"({type(exc).__name__}: {str(exc)[:200]})") from None  # fmt: skip
