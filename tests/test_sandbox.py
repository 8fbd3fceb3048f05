"""A map, and every file it names, is untrusted input: source texts and used maps are read
only inside the map's project (its git work tree, else its folder) or folders its
configuration allows, only as regular files, and nothing of a refused file is printed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import HARBOUR, run

from argmap.operations.loading import read_map


def project(tmp_path, name="proj"):
    root = tmp_path / name
    (root / ".git").mkdir(parents=True)  # a git work tree's top (a repository has a HEAD)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def map_naming(root, path: str, *, uses: bool = False) -> object:
    m = root / "m.yaml"
    if uses:
        m.write_text(f"title: t\nuses:\n  - {{name: u, path: '{path}'}}\nclaims:\n"
                     "  - {id: c, text: C, kind: conclusion, supports: ['u:x']}\n")  # fmt: skip
    else:
        m.write_text(
            "title: t\nsources:\n"
            f"  - {{id: s, title: S, path: '{path}'}}\n"
            "claims:\n  - {id: c, text: C, kind: conclusion}\n"
            "  - {id: e, text: E, source: s, quote: AWS_SECRET_ACCESS_KEY=xyz, supports: [c]}\n"
        )
    return m


@pytest.mark.parametrize("uses", [False, True], ids=["source", "uses"])
def test_a_map_cannot_make_validate_print_the_environment(tmp_path, monkeypatch, uses):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "xyz-very-secret")
    m = map_naming(project(tmp_path), "/proc/self/environ", uses=uses)
    result = run("validate", m)
    assert result.exit_code == 1
    said = result.stdout + result.stderr
    assert "very-secret" not in said and "PATH=" not in said
    assert "error[path_outside]" in said and "/proc/self/environ" in said


def test_a_used_map_cannot_name_a_source_outside_the_project_either(tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "xyz-very-secret")
    root = project(tmp_path)
    (root / "inner.yaml").write_text(
        "title: inner\nsources:\n  - {id: s, title: S, path: /proc/self/environ}\n"
        "claims:\n  - {id: x, text: X, source: s, quote: AWS_SECRET_ACCESS_KEY=xyz}\n"
    )
    result = run("validate", map_naming(root, "inner.yaml", uses=True))
    assert result.exit_code == 1
    assert "very-secret" not in result.stdout + result.stderr
    assert "error[path_outside]" in result.stdout


@pytest.mark.parametrize("named", ["../outside.txt", "{outside}", "link.txt"])
def test_paths_and_links_leading_out_of_the_project_are_refused(tmp_path, named):
    root = project(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("AWS_SECRET_ACCESS_KEY=xyz-very-secret\n")
    (root / "link.txt").symlink_to(outside)
    m = map_naming(root, named.format(outside=outside))
    result = run("validate", m)
    assert result.exit_code == 1
    assert "very-secret" not in result.stdout and "error[path_outside]" in result.stdout


def test_a_configuration_in_the_tree_cannot_widen_what_maps_read_but_the_user_can(
    tmp_path, monkeypatch
):
    root = project(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "t.txt").write_text("The words AWS_SECRET_ACCESS_KEY=xyz stand here.\n")
    (root / "pyproject.toml").write_text('[tool.argmap]\nallow-read = ["../shared"]\n')
    m = map_naming(root, "../shared/t.txt")
    monkeypatch.delenv("ARGMAP_ALLOW_READ", raising=False)
    refused = run("validate", m)
    assert refused.exit_code == 1 and "error[path_outside]" in refused.stdout
    # The message says what the project asks for and who can grant it.
    assert "pyproject.toml asks to read" in refused.stdout
    assert f"ARGMAP_ALLOW_READ={shared}" in refused.stdout
    # The person running argmap grants it in their own configuration.
    user = tmp_path / "home" / "config.toml"
    user.parent.mkdir()
    user.write_text(f'allow-read = ["{shared}"]\n')
    monkeypatch.setenv("ARGMAP_USER_CONFIG", str(user))
    assert run("validate", m).exit_code == 0


@pytest.mark.parametrize("where", ["sub/argmap.toml", "sub/pyproject.toml", "argmap.toml"])
def test_a_file_planted_in_a_pull_request_does_not_lift_the_sandbox(tmp_path, monkeypatch, where):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "xyz-very-secret")
    monkeypatch.delenv("ARGMAP_ALLOW_READ", raising=False)
    root = project(tmp_path)
    (root / "sub").mkdir()
    (tmp_path / "outside.txt").write_text("AWS_SECRET_ACCESS_KEY=xyz-very-secret\n")
    body = 'allow-read = ["/"]\n'
    (root / where).write_text(
        ("[tool.argmap]\n" if where.endswith("pyproject.toml") else "") + body
    )
    for named in ("/proc/self/environ", str(tmp_path / "outside.txt")):
        for uses in (False, True):
            m = map_naming(root / "sub", named, uses=uses)
            result = run("validate", m)
            assert result.exit_code == 1, result.output
            assert "very-secret" not in result.output and "error[path_outside]" in result.stdout


@pytest.mark.parametrize("named", ["/proc/self/environ", "/sys/kernel/hostname", "/dev/zero"])
def test_system_folders_are_never_read_whoever_allows_them(tmp_path, monkeypatch, named):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "xyz-very-secret")
    monkeypatch.setenv("ARGMAP_ALLOW_READ", "/")
    result = run("validate", map_naming(project(tmp_path), named))
    assert result.exit_code == 1
    assert "very-secret" not in result.output and "never read" in result.stdout


def test_an_empty_git_file_or_a_config_in_a_shared_folder_makes_no_project(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGMAP_ALLOW_READ", raising=False)
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    (shared / "secret.txt").write_text("AWS_SECRET_ACCESS_KEY=xyz-very-secret\n")
    mine = shared / "mine"
    mine.mkdir()
    # An empty .git file is no repository: the project stays the map's folder.
    (shared / ".git").write_text("")
    result = run("validate", map_naming(mine, "../secret.txt"))
    assert result.exit_code == 1 and "error[path_outside]" in result.stdout
    # A folder others may write in (as /tmp) is never a project's top, whatever it holds.
    (shared / ".git").unlink()
    (shared / ".git").mkdir()
    (shared / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    shared.chmod(0o777)
    result = run("validate", map_naming(mine, "../secret.txt"))
    assert result.exit_code == 1 and "very-secret" not in result.output
    (shared / ".git" / "HEAD").unlink()
    (shared / ".git").rmdir()
    (shared / "argmap.toml").write_text("")
    result = run("validate", map_naming(mine, "../secret.txt"))
    assert result.exit_code == 1 and "very-secret" not in result.output
    # Once the folder is the user's own again, its repository is the project.
    shared.chmod(0o755)
    (shared / "argmap.toml").unlink()
    subprocess.run(["git", "init", "-q", str(shared)], check=True)
    assert run("validate", map_naming(mine, "../secret.txt")).exit_code == 0


def test_the_environment_can_allow_a_folder_too(tmp_path, monkeypatch):
    root = project(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "t.txt").write_text("AWS_SECRET_ACCESS_KEY=xyz\n")
    monkeypatch.setenv("ARGMAP_ALLOW_READ", str(shared))
    assert run("validate", map_naming(root, str(shared / "t.txt"))).exit_code == 0


def test_without_git_the_project_is_the_maps_folder(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (tmp_path / "t.txt").write_text("AWS_SECRET_ACCESS_KEY=xyz\n")
    result = run("validate", map_naming(folder, "../t.txt"))
    assert result.exit_code == 1 and "error[path_outside]" in result.stdout


@pytest.mark.timeout(120)  # a hang guard: a pipe must never be waited on
@pytest.mark.parametrize("uses", [False, True], ids=["source", "uses"])
def test_a_pipe_named_by_a_map_is_refused_without_waiting(tmp_path, uses):
    root = project(tmp_path)
    os.mkfifo(root / "pipe")
    result = run("validate", map_naming(root, "pipe", uses=uses))
    assert result.exit_code == 1
    assert "not a regular file" in result.stdout


def test_a_moved_map_with_a_wrong_quote_fails_strict_naming_the_text_it_looked_for(tmp_path):
    root = project(tmp_path)
    (root / "sub").mkdir()
    shutil.copy(HARBOUR, root / "sub" / "harbour.yaml")  # its sources/ folder stays behind
    path = root / "sub" / "harbour.yaml"
    wrong = path.read_text().replace("quote: Calder should open", "quote: Calder must open")
    path.write_text(wrong)
    result = run("validate", path, "--strict")
    assert result.exit_code == 1
    assert "warning[source_absent]" in result.stdout
    tried = os.path.normpath(root / "sub" / "sources" / "harbour-op-ed.txt")
    quotes = sum(1 for c in read_map(HARBOUR).model.claims if c.quote)
    assert f"no text at {tried}, so {quotes} quotes went unchecked" in result.stdout
    assert run("validate", path).exit_code == 0  # a warning, not an error


def test_a_source_withheld_on_purpose_is_a_note(tmp_path):
    root = project(tmp_path)
    m = root / "m.yaml"
    m.write_text(
        "title: t\nsources:\n  - {id: s, title: S, path: gone.txt, withheld: under copyright}\n"
        "claims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: e, text: E, source: s, quote: words, supports: [c]}\n"
    )
    result = run("validate", m, "--strict")
    assert result.exit_code == 0, result.output
    assert "note[source_withheld]" in result.stdout and "under copyright" in result.stdout


# --- uses: each file once -----------------------------------------------------------------


def test_a_diamond_of_used_maps_validates(tmp_path):
    root = project(tmp_path)
    (root / "d.yaml").write_text("title: D\nclaims:\n  - {id: x, text: X, kind: conclusion}\n")
    for name in ("b", "c"):
        (root / f"{name}.yaml").write_text(
            f"title: {name}\nuses:\n  - {{name: d, path: d.yaml}}\nclaims:\n"
            f"  - {{id: {name}1, text: {name.upper()}, supports: ['d:x']}}\n"
        )
    (root / "a.yaml").write_text(
        "title: A\nuses:\n  - {name: b, path: b.yaml}\n  - {name: c, path: c.yaml}\nclaims:\n"
        "  - {id: a1, text: A, kind: conclusion, attacks: ['d:x']}\n"
    )
    result = run("validate", root / "a.yaml")
    assert result.exit_code == 0, result.output
    ids = [c.id for c in read_map(root / "a.yaml").model.claims]
    assert ids == ["a1", "b:b1", "d:x", "c:c1"]  # d's claim once


def test_a_chain_of_maps_each_using_the_next_twice_is_read_once_per_file(tmp_path, monkeypatch):
    from argmap.io import files

    read = []
    real = files.read_named_file
    monkeypatch.setattr(
        files, "read_named_file", lambda *a, **k: read.append(a[1]) or real(*a, **k)
    )
    root = project(tmp_path)
    depth = 16
    (root / f"m{depth}.yaml").write_text(
        "title: leaf\nclaims:\n  - {id: leaf, text: L, kind: conclusion}\n"
    )
    for i in range(depth - 1, -1, -1):
        below = "leaf" if i == depth - 1 else f"c{i + 1}"
        (root / f"m{i}.yaml").write_text(
            f"title: m{i}\nuses:\n  - {{name: a{i}, path: m{i + 1}.yaml}}\n"
            f"  - {{name: b{i}, path: m{i + 1}.yaml}}\nclaims:\n"
            f"  - {{id: c{i}, text: C{i}, supports: ['a{i}:{below}']}}\n"
            f"  - {{id: d{i}, text: D{i}, attacks: ['b{i}:{below}']}}\n"
        )
    result = run("validate", root / "m0.yaml")
    assert result.exit_code in (0, 1), result.output
    assert "error" not in result.stdout
    assert sorted(read) == sorted(f"m{i}.yaml" for i in range(1, depth + 1))  # once each
    assert len(read_map(root / "m0.yaml").model.claims) == 2 * depth + 1


def test_nested_uses_that_share_a_name_are_told_apart_by_path(tmp_path):
    root = project(tmp_path)
    (root / "low.yaml").write_text(
        "title: low\nclaims:\n  - {id: c, text: Low, kind: conclusion}\n"
    )
    (root / "mid.yaml").write_text(
        "title: mid\nuses:\n  - {name: a, path: low.yaml}\nclaims:\n"
        "  - {id: c, text: Mid, kind: conclusion, attacks: ['a:c']}\n"
    )
    (root / "top.yaml").write_text(
        "title: top\nuses:\n  - {name: a, path: mid.yaml}\nclaims:\n"
        "  - {id: c, text: Top, kind: conclusion, attacks: ['a:c', 'a:a:c']}\n"
    )
    for name in ("mid.yaml", "top.yaml"):
        result = run("validate", root / name)
        assert result.exit_code == 0, result.output
        assert "duplicate_id" not in result.stdout and "self_link" not in result.stdout
    claims = {c.id: c.text for c in read_map(root / "top.yaml").model.claims}
    assert claims == {"c": "Top", "a:c": "Mid", "a:a:c": "Low"}
    links = {(lk.source, lk.target) for lk in read_map(root / "top.yaml").model.all_links()}
    assert ("a:c", "a:a:c") in links and ("c", "a:a:c") in links


def test_two_used_maps_whose_own_uses_share_a_name_for_different_files(tmp_path):
    root = project(tmp_path)
    for name in ("x", "y"):
        (root / f"{name}-low.yaml").write_text(
            f"title: {name}\nclaims:\n  - {{id: c, text: Low {name}, kind: conclusion}}\n"
        )
        (root / f"{name}.yaml").write_text(
            f"title: {name}\nuses:\n  - {{name: l, path: {name}-low.yaml}}\nclaims:\n"
            f"  - {{id: k, text: {name.upper()}, attacks: ['l:c']}}\n"
        )
    (root / "top.yaml").write_text(
        "title: top\nuses:\n  - {name: x, path: x.yaml}\n  - {name: y, path: y.yaml}\n"
        "claims:\n  - {id: t, text: T, kind: conclusion}\n"
    )
    assert run("validate", root / "top.yaml").exit_code == 0
    claims = {c.id: c.text for c in read_map(root / "top.yaml").model.claims}
    # The first keeps its name; the second, another file under a taken name, is qualified.
    assert claims["l:c"] == "Low x" and claims["y:l:c"] == "Low y"
    links = {(lk.source, lk.target) for lk in read_map(root / "top.yaml").model.all_links()}
    assert ("x:k", "l:c") in links and ("y:k", "y:l:c") in links
