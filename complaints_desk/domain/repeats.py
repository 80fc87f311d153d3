"""Repeated complaints (법 §23) and group complaints (다수인관련민원, 영 §2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

REPEAT_MIN_FILINGS = 3
REPEAT_MIN_NOTIFIED_RESULTS = 2
GROUP_MIN_HOUSEHOLDS = 5
GROUP_MIN_SIGNERS = 5
GROUP_MIN_MERGEABLE_FILINGS = 5
SAME_CONTENT_SIMILARITY = 0.6  # our reading: bigram overlap above which two filings say the same thing

_NON_WORD = re.compile(r"[^0-9A-Za-z가-힣]+")


def content_bigrams(text: str) -> frozenset[str]:
    compact = _NON_WORD.sub("", text).casefold()
    return frozenset(compact[i : i + 2] for i in range(len(compact) - 1))


def similarity(a: str, b: str) -> float:
    """Dice coefficient over character bigrams: robust to spacing and particles in Korean text."""
    grams_a, grams_b = content_bigrams(a), content_bigrams(b)
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


def is_same_content(a: str, b: str, threshold: float = SAME_CONTENT_SIMILARITY) -> bool:
    return similarity(a, b) >= threshold


@dataclass(frozen=True)
class EarlierFiling:
    """A previous case of the same petitioner, as the repeat rule needs it."""

    text: str
    result_notified: bool


@dataclass(frozen=True)
class RepeatAssessment:
    same_content_filings: int  # counting the new one
    results_notified: int
    may_close: bool
    needs_committee_review: bool
    reason_ko: str
    reason_en: str


def assess_repeat(
    new_text: str,
    earlier: Sequence[EarlierFiling],
    *,
    has_new_reason: bool = False,
    is_group: bool = False,
    committee_reviewed: bool = False,
    threshold: float = SAME_CONTENT_SIMILARITY,
) -> RepeatAssessment:
    """May this filing be closed (종결) without a new answer? Only when the same content has been filed
    3 or more times without a new reason and results were notified at least twice; for a group complaint
    the 민원조정위원회 must have reviewed it first."""
    same = [filing for filing in earlier if is_same_content(new_text, filing.text, threshold)]
    filings = len(same) + 1
    notified = sum(1 for filing in same if filing.result_notified)
    rule_met = not has_new_reason and filings >= REPEAT_MIN_FILINGS and notified >= REPEAT_MIN_NOTIFIED_RESULTS
    needs_review = rule_met and is_group and not committee_reviewed
    may_close = rule_met and not needs_review
    if has_new_reason:
        ko, en = "새로운 사유가 있어 반복민원으로 종결할 수 없습니다.", "There is a new reason: not a repeat."
    elif not rule_met:
        ko = f"같은 내용 {filings}회 접수, 결과 통지 {notified}회: 반복민원 종결 요건(3회 이상, 통지 2회 이상)에 미달합니다."
        en = f"Same content filed {filings} times, results notified {notified} times: below the repeat rule (3+, 2+)."
    elif needs_review:
        ko = "다수인관련민원은 민원조정위원회 심의를 거쳐야 반복민원으로 종결할 수 있습니다."
        en = "A group complaint needs the complaints coordination committee's review before a repeat closure."
    else:
        ko = f"같은 내용 {filings}회 접수, 결과 통지 {notified}회: 반복민원으로 종결할 수 있습니다."
        en = f"Same content filed {filings} times, results notified {notified} times: may be closed as a repeat."
    return RepeatAssessment(filings, notified, may_close, needs_review, ko, en)


def is_group_complaint(households: int, signers: int) -> bool:
    """다수인관련민원: at least 5 households and at least 5 signers."""
    return households >= GROUP_MIN_HOUSEHOLDS and signers >= GROUP_MIN_SIGNERS


def may_merge_filings(same_purpose_filings: int) -> bool:
    """5 or more filings with the same purpose may be merged into one case."""
    return same_purpose_filings >= GROUP_MIN_MERGEABLE_FILINGS
