"""The committed products of the forms and the translations are what their sources make: a form edited in
Designer without recompiling, a string added in code without a Korean translation, or a .ts translated
without releasing its .qm, each fails here."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from complaints_desk.domain.statuses import Status
from complaints_desk.gui import build, labels


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return False
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return all(t and t.strip() for t in texts)


@pytest.mark.parametrize("form", sorted(build.FORMS.glob("*.ui")), ids=lambda p: p.name)
def test_each_form_and_its_module_agree(form: Path, tmp_path: Path) -> None:
    committed = build.GUI / build.module_for(form)
    assert committed.exists(), f"{committed.name} missing: run python -m complaints_desk.gui.build"
    assert committed.read_text(encoding="utf-8") == build.compile_form(form), (
        f"{form.name} changed since {committed.name} was made: run python -m complaints_desk.gui.build"
    )
    assert committed.read_text(encoding="utf-8").startswith("# generated from ui/")


def test_every_string_of_the_code_and_forms_has_a_korean_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_ko.ts"
    build.update_ts(fresh)  # what lupdate finds now, from nothing
    committed = messages(build.KOREAN_TS)
    found = messages(fresh)
    assert len(found) > 100
    missing = sorted(key for key in found if key not in committed or not translated(committed[key]))
    assert missing == [], f"strings without Korean (translate them in {build.KOREAN_TS.name}): {missing[:10]}"


def test_the_compiled_translations_are_released_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_ko.qm"
    build.release(build.KOREAN_TS, fresh)
    assert build.KOREAN_QM.read_bytes() == fresh.read_bytes(), (
        "complaints_desk_ko.qm is older than complaints_desk_ko.ts: run python -m complaints_desk.gui.build"
    )


def test_the_korean_of_statuses_kinds_channels_events_and_roles_is_the_domains() -> None:
    committed = messages(build.KOREAN_TS)
    for context, table in labels.TABLES.items():
        for member, source in table.items():
            message = committed[(context, str(source))]
            assert message.findtext("translation") == member.korean, (context, source)
    assert len(labels.STATUS) == len(Status)
