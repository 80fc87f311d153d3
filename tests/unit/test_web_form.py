"""The citizens' web form names every problem at once, by field, in Korean, with the desk's limits."""

from __future__ import annotations

from dataclasses import replace

from complaints_desk.domain.kinds import Kind
from complaints_desk.domain.web_form import WebForm, form_problems

GOOD = WebForm(
    proposal=False,
    kind="grievance",
    title="가로등 고장",
    body="한빛로 12 앞 가로등이 꺼져 있습니다.",
    place="한빛로 12",
    name="홍길동",
    phone="010-1234-5678",
    email="",
    reply="web",
    consent=True,
)


def _fields(form: WebForm) -> list[str]:
    return [problem.field for problem in form_problems(form)]


def test_a_complete_form_has_no_problems() -> None:
    assert form_problems(GOOD) == []
    assert GOOD.chosen_kind is Kind.GRIEVANCE
    assert replace(GOOD, proposal=True, kind="", public="no").chosen_kind is Kind.PROPOSAL


def test_every_problem_is_named_at_once_in_the_forms_order() -> None:
    empty = replace(GOOD, kind="statutory", title=" ", body="", name="", phone="", reply="fax", consent=False)
    assert _fields(empty) == ["kind", "title", "body", "name", "phone", "reply", "consent"]
    messages = {p.field: p.ko for p in form_problems(empty)}
    assert "끝 네 자리가 필요합니다" in messages["phone"]
    assert "동의하셔야" in messages["consent"]


def test_contact_rules_follow_how_the_answer_goes() -> None:
    assert _fields(replace(GOOD, reply="email")) == ["email"]
    assert _fields(replace(GOOD, reply="email", email="hong@example.kr")) == []
    assert _fields(replace(GOOD, email="not an address")) == ["email"]
    assert _fields(replace(GOOD, reply="sms", phone="02-123-4567")) == ["phone"]  # a text needs a mobile
    assert _fields(replace(GOOD, phone="123")) == ["phone"]


def test_the_lifecycles_refusals_are_the_forms() -> None:
    assert _fields(replace(GOOD, body="주민등록번호 900101-1234567 입니다")) == ["body"]
    assert _fields(replace(GOOD, title="가" * 201)) == ["title"]
    assert _fields(replace(GOOD, title="NUL\x00")) == ["title"]


def test_a_proposal_asks_whether_it_may_be_published() -> None:
    proposal = replace(GOOD, proposal=True, kind="")
    assert _fields(proposal) == ["public"]
    assert _fields(replace(proposal, public="yes")) == []
