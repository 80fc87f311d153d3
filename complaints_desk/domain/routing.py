"""Routing rules: category and keywords → department, in the administrator's order, and a suggestion
API that ranks departments for a new case so an agent can hand it on in one click."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoutingRule:
    id: str
    position: int  # lower first; the administrator orders the rules
    department_code: str
    category_code: str | None = None
    keywords: tuple[str, ...] = ()
    active: bool = True

    def matches(self, text: str, category_code: str | None) -> tuple[bool, int]:
        """(matches, keyword hits). A rule with a category matches only that category; with keywords,
        at least one must be in the text; a rule with neither matches nothing."""
        if not self.active or (self.category_code is None and not self.keywords):
            return False, 0
        if self.category_code is not None and self.category_code != category_code:
            return False, 0
        hits = sum(1 for keyword in self.keywords if _normal(keyword) in text)
        if self.keywords and hits == 0:
            return False, 0
        return True, hits


@dataclass(frozen=True)
class Suggestion:
    department_code: str
    score: float
    rule_ids: tuple[str, ...] = field(default=())
    matched_keywords: tuple[str, ...] = field(default=())


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace(" ", "")


def suggest_departments(
    rules: Iterable[RoutingRule],
    title: str,
    body: str = "",
    category_code: str | None = None,
    limit: int = 5,
    category_department: str | None = None,
) -> list[Suggestion]:
    """Rank departments for a case, best first. The first matching rule in the administrator's order ranks
    first (that is what 'ordered rules' promises); the others follow by how strongly they matched. The
    category's own department (`category_department`, the category table's default) is suggested when no
    rule matches, and otherwise follows the rules' departments unless a rule named it too. Ties keep the
    administrator's order."""
    text = _normal(f"{title} {body}")
    ordered: Sequence[RoutingRule] = sorted(rules, key=lambda rule: (rule.position, rule.id))
    scores: dict[str, float] = {}
    rule_ids: dict[str, list[str]] = {}
    keywords: dict[str, list[str]] = {}
    first_match: str | None = None
    for rank, rule in enumerate(ordered):
        matched, hits = rule.matches(text, category_code)
        if not matched:
            continue
        if first_match is None:
            first_match = rule.department_code
        strength = (2.0 if rule.category_code is not None else 0.0) + hits + 1.0 / (rank + 2)
        scores[rule.department_code] = scores.get(rule.department_code, 0.0) + strength
        rule_ids.setdefault(rule.department_code, []).append(rule.id)
        keywords.setdefault(rule.department_code, []).extend(k for k in rule.keywords if _normal(k) in text)
    if first_match is not None:
        scores[first_match] = max(scores.values()) + 1.0
    if category_department and category_department not in scores:
        scores[category_department] = 0.5  # below any rule's match (each scores more than 1/(rank+2) + 0)
        rule_ids[category_department], keywords[category_department] = [], []
    order = {code: position for position, code in enumerate(scores)}  # first matched, in rule order
    ranked = sorted(scores.items(), key=lambda item: (-item[1], order[item[0]]))[:limit]
    return [
        Suggestion(code, round(score, 3), tuple(rule_ids[code]), tuple(dict.fromkeys(keywords[code])))
        for code, score in ranked
    ]


# A filing that arrives online is routed at once only when the rules leave no doubt: a rule for its category,
# or two of one rule's keywords, and no other department close behind. Otherwise it waits in "to register"
# for an agent (영 §6⑧: registered within 8 working hours).
CONFIDENT_SCORE = 3.0
CONFIDENT_MARGIN = 1.5


def confident_department(suggestions: Sequence[Suggestion]) -> str | None:
    """The department to hand an online filing to without a person, or None."""
    if not suggestions or not suggestions[0].rule_ids:
        return None
    best = suggestions[0]
    runner_up = suggestions[1].score if len(suggestions) > 1 else 0.0
    if best.score >= CONFIDENT_SCORE and best.score - runner_up >= CONFIDENT_MARGIN:
        return best.department_code
    return None
