"""The set-up a new user relies on: dependencies in step, the front-door commands documented."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml

from analysis.paths import PROJECT_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_name(r): r.replace(" ", "") for r in reqs}


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return {_name(r): r.replace(" ", "") for r in pip if not r.startswith("-e")}


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    py, env = _pyproject_requirements(), _environment_requirements()
    missing = sorted(set(py) - set(env))
    extra = sorted(set(env) - set(py))
    differ = sorted(n for n in set(py) & set(env) if py[n] != env[n])
    assert not missing, f"in pyproject.toml but not environment.yml: {missing}"
    assert not extra, f"in environment.yml but not pyproject.toml: {extra}"
    assert not differ, f"version specifiers differ: {[(py[n], env[n]) for n in differ]}"


def test_design_card_packages_are_dependencies() -> None:
    names = set(_pyproject_requirements())
    assert {"jupyterlab", "pandas", "matplotlib", "ipywidgets"} <= names


def test_readme_gives_the_two_commands_and_makefile_has_them() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "make report" in readme and "make test" in readme
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    for target in ("report:", "test:", "lab:"):
        assert re.search(rf"^{target}", makefile, re.M), target


def test_importing_analysis_does_not_import_pandas() -> None:
    code = "import sys, analysis; print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
