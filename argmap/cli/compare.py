"""argmap compare: how far two maps of the same text agree."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import RowFormat, RowFormatOpt


def compare(
    a: Annotated[str, typer.Argument(metavar="A", help="A map (any format argmap reads), or -.")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other map.")],
    key: Annotated[
        bool,
        typer.Option("--key", help="A is the key: grade B against it (found, missed, extra)."),
    ] = False,
    align: Annotated[
        str | None,
        typer.Option(
            "--align",
            metavar="FILE",
            help="The pairing of claims as TSV (A-ID, B-ID): read if FILE exists, so a "
            "person's corrections are kept; written if not.",
        ),
    ] = None,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="The least similarity (0-1) at which two claims are paired.",
        ),
    ] = 0.6,  # fmt: skip
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """Compare two maps of the same text: claims paired (by what they quote, then by
    wording), then agreement on kinds and links (Cohen's kappa, F1, accuracy), on
    segmentation (Fournier's S), CASS, conclusions and labels; then what only one map
    has and the links drawn differently. --format tsv lists the pairs, ids one per line
    the claims left unpaired.

    Example: argmap compare maps/us-japan-trump2.yaml student.yaml --key
    """
    from argmap.cli.output import emit
    from argmap.operations.compare import compare_files

    emit(compare_files(a, b, key=key, align_file=align, threshold=threshold), fmt)
