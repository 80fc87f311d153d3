"""Instagram through the Instagram API with Instagram Login (an account without a Facebook page): events with
object "instagram" signed with the Instagram app's secret, the conversation's replies, the receipt number and
the officer's answer sent to graph.instagram.com's fake with the Instagram user's token as a Bearer, never
to the page's Send API. A real server process on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.integration.channel_fakes_km import MetaWebhookClient, wait_for
from tests.integration.channel_stack_km import (
    META_APP_SECRET,
    Stack,
    answer_case,
    case_now,
    cases_received,
    running_stack,
)
from tests.integration.test_channel_meta import Citizen, file_by_messenger


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(request, tmp_path_factory.mktemp("instagram"), instagram_login=True) as running:
        yield running


def test_an_instagram_login_conversation_files_a_case_and_is_answered_through_graph_instagram(
    stack: Stack,
) -> None:
    assert stack.instagram is not None
    citizen = Citizen(stack.instagram_login(), "17841400000000077")
    receipt_no = file_by_messenger(citizen, phone=None)
    assert all(len(reply["text"].encode()) <= 1000 for reply in citizen.replies())  # Instagram's limit
    [received] = cases_received(stack.team, receipt_no)
    case = case_now(stack.team, received["case_id"])
    assert (case["channel"], case["reply_channel"]) == ("sns", "sns")

    answer = ("놀이터 그네의 쇠사슬을 새것으로 바꿨습니다. " * 40).strip()  # ~1,000 characters: several messages
    before = len(citizen.replies())
    answer_case(stack.team, received["case_id"], answer)

    def whole_answer() -> list[dict[str, object]]:
        since = citizen.replies()[before:]
        words = "".join("".join(str(m["text"]) for m in since).split())  # pieces are cut at character edges
        return since if "".join(answer.split()) in words else []

    pieces = wait_for("the whole answer on Instagram", whole_answer)
    assert len(pieces) >= 3 and receipt_no in str(pieces[0]["text"])
    assert all(len(str(piece["text"]).encode()) <= 1000 for piece in pieces)
    assert pieces[0]["messaging_type"] == "UPDATE"
    assert not stack.instagram.refused
    assert stack.graph.sent == [] and stack.graph.requests == []  # nothing went to the page's Send API


def test_instagram_login_deliveries_signed_with_another_secret_are_refused(stack: Stack) -> None:
    assert stack.instagram is not None
    forged = MetaWebhookClient(
        stack.server.base_url + "/webhooks/meta", "not-the-instagram-secret", stack.instagram, instagram=True
    )
    body = json.dumps(forged.event("17841400000000078", "민원")).encode()
    assert forged.post(body).status_code == 403
    page_signed = MetaWebhookClient(
        stack.server.base_url + "/webhooks/meta", META_APP_SECRET, stack.instagram, instagram=True
    )
    assert page_signed.post(body).status_code == 200  # the page app's secret still signs (both apps may send)
