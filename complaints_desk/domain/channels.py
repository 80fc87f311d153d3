"""Channels by which a complaint arrives."""

from __future__ import annotations

from enum import StrEnum

from .errors import DomainError


class Channel(StrEnum):
    PHONE = "phone"
    COUNTER = "counter"
    WEB = "web"
    OPEN311 = "open311"
    TELEGRAM = "telegram"
    LINE = "line"
    KAKAO = "kakao"
    SNS = "sns"
    MAIL = "mail"

    @property
    def korean(self) -> str:
        return _KOREAN[self]

    @property
    def is_online(self) -> bool:
        """Filed online: must be registered within 8 working hours of arrival (영 §6⑧)."""
        return self in _ONLINE

    @property
    def is_visit(self) -> bool:
        """Filed in person: the only channel where a receipt is mandatory."""
        return self is Channel.COUNTER

    @property
    def station_code(self) -> str | None:
        """Online channels number their own receipts; phone and counter use the workstation's code."""
        return _CHANNEL_STATIONS.get(self)


_KOREAN = {
    Channel.PHONE: "전화",
    Channel.COUNTER: "방문",
    Channel.WEB: "인터넷",
    Channel.OPEN311: "Open311",
    Channel.TELEGRAM: "텔레그램",
    Channel.LINE: "라인",
    Channel.KAKAO: "카카오톡",
    Channel.SNS: "SNS",
    Channel.MAIL: "우편",
}
_ONLINE = frozenset({Channel.WEB, Channel.OPEN311, Channel.TELEGRAM, Channel.LINE, Channel.KAKAO, Channel.SNS})
_CHANNEL_STATIONS = {
    Channel.WEB: "W01",
    Channel.OPEN311: "O01",
    Channel.TELEGRAM: "T01",
    Channel.LINE: "L01",
    Channel.KAKAO: "K01",
    Channel.SNS: "S01",
}


def parse_channel(value: str) -> Channel:
    try:
        return Channel(value.strip().lower())
    except ValueError:
        codes = ", ".join(c.value for c in Channel)
        raise DomainError(
            "channel",
            f"알 수 없는 접수 경로입니다: '{value}'. 가능한 값: {codes}",
            f"Unknown channel: '{value}'. Expected one of: {codes}",
        ) from None
