"""The cheapest program on argmap's stack: a Typer command that builds one pydantic model
and one networkx graph, then prints a line. `bench/startup.py` times it beside `argmap show`
to separate what the stack costs from what argmap itself adds."""

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def show(
    map_file: str,
    claim: Annotated[str | None, typer.Argument()] = None,
    depth: Annotated[int | None, typer.Option(min=0)] = None,
    quotes: bool = False,
) -> None:
    import networkx as nx
    from pydantic import BaseModel

    class Claim(BaseModel):
        id: str
        text: str

    G = nx.MultiDiGraph()
    c = Claim(id="a", text=map_file)
    G.add_node(c.id, claim=c)
    print(G.number_of_nodes())


@app.command()
def other() -> None:
    pass


if __name__ == "__main__":
    app()
