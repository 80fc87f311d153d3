"""A wheel carries what the running client loads besides its code: the style sheet and the compiled Korean
translations (package data, found through importlib.resources: gui/packaged.py), so an installed client is
the one a checkout runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from complaints_desk.gui import build
from complaints_desk.gui.packaged import KOREAN_QM, STYLE_SHEET, resource, resource_text
from tests.integration.conftest import REPO

SHIPPED = (f"complaints_desk/resources/{STYLE_SHEET}", f"complaints_desk/resources/{KOREAN_QM}")


def _wheel(tmp_path: Path) -> Path:
    """`pip wheel . --no-deps` over a copy of the package's sources (a build in the checkout would leave its
    build/ folder behind, and an old one could hand back files since deleted)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "complaints_desk", source / "complaints_desk", ignore=shutil.ignore_patterns("__pycache__")
    )
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = out.glob("complaints_desk-*.whl")
    return wheel


def test_the_client_finds_its_style_and_translations_inside_the_package() -> None:
    assert resource_text(STYLE_SHEET).strip()
    assert resource(KOREAN_QM).read_bytes() == build.KOREAN_QM.read_bytes()  # what build.py releases


def test_a_built_wheel_ships_the_style_sheet_and_the_compiled_translations(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in SHIPPED:
            assert name in names, f"{name} is not in {wheel.name}"
            assert archive.read(name) == (REPO / name).read_bytes()
        assert "complaints_desk/gui/ui_intake.py" in names  # the compiled forms are code: they ship too
        installed = tmp_path / "installed"
        archive.extractall(installed)
    # the installed package (not this checkout) finds them
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from complaints_desk.gui.packaged import KOREAN_QM, STYLE_SHEET, resource_file, resource_text;"
            "print(resource_file(KOREAN_QM)); print(len(resource_text(STYLE_SHEET)))",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert Path(found[0]).is_relative_to(installed) and int(found[1]) > 0
