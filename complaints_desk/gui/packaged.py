"""The files the running client needs besides its code: the style sheet and the compiled translations. They
live inside the package (complaints_desk/resources/, declared as package data in pyproject.toml) and are
found through importlib.resources, so an installed wheel has them exactly as a checkout does. Their sources
stay beside the code that makes them (ui/*.ui, resources/translations/*.ts; gui/build.py)."""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "complaints_desk"
STYLE_SHEET = "style.qss"
KOREAN_QM = "translations/complaints_desk_ko.qm"

_extracted = ExitStack()  # a file of a zipped install, unpacked once and kept until the program ends
atexit.register(_extracted.close)


def resource(name: str) -> Traversable:
    """`name` (a path under complaints_desk/resources/, with '/') inside the installed package."""
    found = files(PACKAGE) / "resources"
    for part in name.split("/"):
        found = found / part
    return found


def resource_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def resource_file(name: str) -> Path:
    """A path on disk for what needs a file name (QTranslator.load): the file itself in an unpacked install."""
    return _extracted.enter_context(as_file(resource(name)))
