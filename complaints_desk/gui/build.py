"""Compile the desktop's Designer forms and translations (run after editing a form or a translation):

    .venv/bin/python -m complaints_desk.gui.build            # ui/*.ui -> complaints_desk/gui/ui_*.py, .ts -> .qm
    .venv/bin/python -m complaints_desk.gui.build --update   # first refresh the .ts from the code and forms (lupdate)

Forms: `pyside6-uic` output, headed "generated, do not edit", committed beside the code. Translations:
`pyside6-lupdate` gathers every tr()/translate() string of complaints_desk/gui and ui/ into the Qt Linguist
source resources/translations/complaints_desk_ko.ts (translate new strings there with Qt Linguist,
`pyside6-linguist`), and `pyside6-lrelease` compiles it to the .qm the client loads, inside the package
(complaints_desk/resources/translations/, shipped in the wheel; gui/packaged.py finds it). tests/gui/test_build.py
fails when a committed module or .qm is not what these commands make, or a string has no Korean.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .packaged import KOREAN_QM as KOREAN_QM_NAME

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "ui"
GUI = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "resources" / "translations"  # the Qt Linguist sources (not shipped)
KOREAN_TS = TRANSLATIONS / "complaints_desk_ko.ts"
KOREAN_QM = GUI.parent / "resources" / KOREAN_QM_NAME  # what the client loads: package data (gui/packaged.py)
HEADER = "# generated from ui/{form} by pyside6-uic (python -m complaints_desk.gui.build), do not edit\n"
# The compiler names its version in a comment; two machines with different PySide6 builds still agree.
_VERSION_LINE = re.compile(r"^## Created by: .*$", re.MULTILINE)


def tool(name: str) -> str:
    """A PySide6 tool from the interpreter's environment, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def module_for(form: Path) -> str:
    return f"ui_{form.stem}.py"


def compile_form(form: Path) -> str:
    made = subprocess.run([tool("pyside6-uic"), str(form)], check=True, capture_output=True, text=True).stdout
    return HEADER.format(form=form.name) + _VERSION_LINE.sub("## Created by: pyside6-uic", made)


def compile_forms(into: Path = GUI) -> list[Path]:
    written = []
    for form in sorted(FORMS.glob("*.ui")):
        target = into / module_for(form)
        target.write_text(compile_form(form), encoding="utf-8")
        written.append(target)
    return written


def sources() -> list[Path]:
    return sorted(p for p in GUI.glob("*.py") if not p.name.startswith("ui_")) + sorted(FORMS.glob("*.ui"))


def update_ts(target: Path = KOREAN_TS) -> None:
    """Gather the strings into `target`, keeping the translations it has (lupdate merges)."""
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-locations", "none", "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def release(ts: Path = KOREAN_TS, qm: Path = KOREAN_QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="refresh the .ts from the code and forms first")
    args = parser.parse_args()
    for written in compile_forms():
        print(f"wrote {written.relative_to(ROOT)}")
    if args.update:
        update_ts()
        print(f"updated {KOREAN_TS.relative_to(ROOT)}")
    release()
    print(f"wrote {KOREAN_QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
