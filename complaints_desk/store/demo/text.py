"""Believable Korean titles and bodies for demo cases: templates with slots for places and times, so a
million cases read like a year of a 구청's complaints (and search finds realistic words in them)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ...domain.kinds import Kind

ROADS = (
    "한빛로",
    "새싹로",
    "푸른길",
    "은행나무로",
    "하늘마을길",
    "중앙대로",
    "시장길",
    "별빛로",
    "강변북로",
    "꿈나무길",
)
PLACES = (
    "{road} {n} 앞",
    "{road} {n} 건너편",
    "{road}와 {road2} 교차로",
    "새싹초등학교 정문",
    "한빛중학교 후문",
    "중앙공원 입구",
    "한빛시장 골목",
    "한빛역 2번 출구",
    "푸른마을아파트 103동 앞",
    "한빛구청 사거리",
    "강변 산책로",
    "별빛어린이공원",
    "한빛1동 주민센터 옆",
    "은행나무로 먹자골목",
    "햇살빌라 주차장 입구",
)
TIMES = (
    "매일 밤",
    "새벽마다",
    "주말마다",
    "출근 시간에",
    "어제 저녁",
    "지난주부터",
    "며칠째",
    "오늘 아침",
    "한 달째",
)
AGENCIES = (
    "서울특별시청",
    "한빛경찰서",
    "국민권익위원회",
    "한국전력공사",
    "서울교통공사",
    "국민건강보험공단",
    "교육청",
)


@dataclass(frozen=True)
class Problem:
    category: str
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    requests: tuple[str, ...]


PROBLEMS: tuple[Problem, ...] = (
    Problem(
        "illegal-parking",
        ("{place} 불법주차 단속 요청", "{place} 상습 불법주차", "{place} 인도 위 주차 차량"),
        (
            "{time} {place}에 차량들이 불법주차를 하고 있어 보행자가 차도로 걸어 다닙니다.",
            "소방차 진입로까지 막고 있어 불이 나면 큰일 날 것 같습니다.",
            "아이들이 등하교하는 길인데 주차된 차 사이로 튀어나와 사고가 날 뻔했습니다.",
        ),
        ("주차 단속을 강화해 주세요.", "견인 조치를 부탁드립니다.", "단속 카메라를 설치해 주시기 바랍니다."),
    ),
    Problem(
        "road-damage",
        ("{place} 도로 파손 신고", "{place} 포트홀 보수 요청", "{place} 보도블록 파손"),
        (
            "{place} 도로가 움푹 패여 차량 바퀴가 빠질 정도입니다.",
            "{time} 비가 온 뒤로 구멍이 더 커졌고 오토바이가 넘어지는 것을 보았습니다.",
            "보도블록이 들떠 있어 어르신들이 걸려 넘어질 위험이 있습니다.",
        ),
        ("빠른 보수를 부탁드립니다.", "임시로라도 위험 표시를 해 주세요.", "현장을 확인해 주시기 바랍니다."),
    ),
    Problem(
        "noise",
        ("{place} 공사장 소음", "{place} 야간 소음 민원", "{place} 확성기 소음"),
        (
            "{time} {place} 공사장에서 소음이 심해 잠을 잘 수가 없습니다.",
            "새벽 6시 전부터 중장비 소음이 나고 진동 때문에 창문이 흔들립니다.",
            "소음 측정을 해 보면 기준을 넘을 것 같습니다.",
        ),
        ("작업 시간을 지키도록 지도해 주세요.", "소음 측정을 요청합니다.", "방음벽 설치를 검토해 주세요."),
    ),
    Problem(
        "waste",
        ("{place} 쓰레기 무단투기", "{place} 생활쓰레기 미수거", "{place} 음식물쓰레기 방치"),
        (
            "{place}에 쓰레기가 {time} 무단투기되어 악취가 나고 벌레가 꼬입니다.",
            "종량제 봉투가 아닌 일반 봉투에 담긴 쓰레기가 쌓여 있습니다.",
            "수거일인데도 쓰레기가 수거되지 않았습니다.",
        ),
        ("수거와 함께 단속을 부탁드립니다.", "무단투기 감시 카메라를 달아 주세요.", "빨리 치워 주시기 바랍니다."),
    ),
    Problem(
        "streetlight",
        ("{place} 가로등 고장", "{place} 가로등이 꺼져 있습니다", "{place} 보안등 깜빡임"),
        (
            "{time} {place} 가로등이 꺼져 있어 밤길이 매우 어둡습니다.",
            "가로등이 계속 깜빡거려 운전할 때 눈이 부십니다.",
            "여성과 학생들이 많이 다니는 길이라 불안합니다.",
        ),
        ("가로등 수리를 요청합니다.", "점검 부탁드립니다.", "보안등을 추가로 설치해 주세요."),
    ),
    Problem(
        "odor",
        ("{place} 악취 민원", "{place} 하수 악취", "{place} 음식점 배기 냄새"),
        (
            "{time} {place} 주변에서 심한 악취가 나서 창문을 열 수 없습니다.",
            "여름이 되니 냄새가 더 심해져 머리가 아플 정도입니다.",
            "주변 음식점 배기구에서 나오는 연기와 냄새가 집 안으로 들어옵니다.",
        ),
        ("원인을 조사해 주세요.", "악취 측정을 요청합니다.", "시설 개선을 지도해 주시기 바랍니다."),
    ),
    Problem(
        "drainage",
        ("{place} 빗물받이 막힘", "{place} 하수구 역류", "{place} 침수 피해"),
        (
            "{place} 빗물받이가 낙엽과 담배꽁초로 막혀 비만 오면 물이 고입니다.",
            "{time} 하수구에서 물이 역류해 지하 주차장이 잠겼습니다.",
            "장마철이 오기 전에 정비가 필요해 보입니다.",
        ),
        ("준설 작업을 요청합니다.", "빨리 점검해 주세요.", "침수 예방 대책을 세워 주시기 바랍니다."),
    ),
    Problem(
        "parks",
        ("{place} 가로수 가지치기 요청", "{place} 놀이터 시설 파손", "{place} 공원 벤치 교체"),
        (
            "{place} 가로수 가지가 전선에 닿아 있고 간판을 가립니다.",
            "놀이터 미끄럼틀이 깨져 있어 아이들이 다칠까 걱정됩니다.",
            "공원 화장실이 {time} 잠겨 있어 이용할 수 없습니다.",
        ),
        ("정비를 부탁드립니다.", "안전 점검을 해 주세요.", "보수 일정을 알려 주시기 바랍니다."),
    ),
    Problem(
        "bus",
        ("{place} 버스정류장 시설 파손", "{place} 버스 배차간격 문의", "택시 승차거부 신고"),
        (
            "{place} 버스정류장 의자와 안내판이 파손되어 있습니다.",
            "{time} 마을버스 배차간격이 너무 길어 출근이 어렵습니다.",
            "야간에 택시가 가까운 거리라며 승차를 거부했습니다.",
        ),
        ("개선을 요청합니다.", "답변 부탁드립니다.", "조치 결과를 알려 주세요."),
    ),
    Problem(
        "school-route",
        ("새싹초등학교 통학로 안전", "{place} 어린이보호구역 과속", "{place} 횡단보도 설치 요청"),
        (
            "{place} 어린이보호구역에서 차량들이 과속을 합니다.",
            "통학로에 보도가 없어 아이들이 차도로 걸어 다닙니다.",
            "{time} 등굣길에 아이가 차에 부딪힐 뻔했습니다.",
        ),
        ("과속방지턱을 설치해 주세요.", "횡단보도와 신호등을 설치해 주시기 바랍니다.", "단속을 강화해 주세요."),
    ),
    Problem(
        "housing",
        ("층간소음 상담 요청", "{place} 공동주택 관리비 문의", "아파트 관리사무소 운영 문제"),
        (
            "윗집 층간소음이 {time} 계속되어 생활이 어렵습니다.",
            "관리비 내역이 공개되지 않아 입주민들이 불만이 많습니다.",
            "관리사무소에 여러 번 말했지만 바뀌지 않습니다.",
        ),
        ("중재를 도와주세요.", "관리 감독을 부탁드립니다.", "상담 절차를 안내해 주세요."),
    ),
    Problem(
        "welfare",
        ("긴급복지 지원 문의", "기초생활수급 상담 요청", "{place} 경로당 난방 문제"),
        (
            "갑자기 일자리를 잃어 생활비가 부족합니다.",
            "혼자 사시는 어머니께서 받을 수 있는 지원이 있는지 알고 싶습니다.",
            "{place} 경로당 난방이 {time} 되지 않아 어르신들이 추위에 떨고 있습니다.",
        ),
        ("지원 방법을 알려 주세요.", "상담 예약을 부탁드립니다.", "빠른 조치를 바랍니다."),
    ),
    Problem(
        "local-tax",
        ("재산세 고지서 문의", "자동차세 이중 부과", "지방세 납부 방법 문의"),
        (
            "이번에 받은 재산세 고지서 금액이 작년보다 많이 올라서 문의드립니다.",
            "자동차를 팔았는데도 자동차세가 다시 부과되었습니다.",
            "해외에 있어 지방세를 어떻게 납부해야 하는지 궁금합니다.",
        ),
        ("확인 부탁드립니다.", "환급 절차를 알려 주세요.", "납부 방법을 안내해 주시기 바랍니다."),
    ),
    Problem(
        "food-hygiene",
        ("{place} 음식점 위생 불량", "{place} 식당 원산지 표시", "배달 음식 이물질 신고"),
        (
            "{place} 음식점 주방이 매우 비위생적으로 보였습니다.",
            "원산지 표시가 되어 있지 않거나 실제와 다른 것 같습니다.",
            "배달 음식에서 머리카락이 나왔습니다.",
        ),
        ("위생 점검을 요청합니다.", "확인 후 조치해 주세요.", "결과를 알려 주시기 바랍니다."),
    ),
    Problem(
        "health",
        ("{place} 금연구역 흡연", "예방접종 일정 문의", "{place} 흡연 부스 설치 요청"),
        (
            "{place} 금연구역에서 {time} 사람들이 담배를 피워 연기가 들어옵니다.",
            "아이 예방접종을 보건소에서 받을 수 있는지 알고 싶습니다.",
            "흡연자들이 길에서 담배를 피워 비흡연자가 피해를 봅니다.",
        ),
        ("단속을 부탁드립니다.", "안내해 주세요.", "대책을 마련해 주시기 바랍니다."),
    ),
    Problem(
        "market",
        ("{place} 노점상 통행 불편", "한빛시장 주차장 확충 건의", "청년 일자리 지원사업 문의"),
        (
            "{place} 인도에 노점이 늘어 유모차가 지나갈 수 없습니다.",
            "한빛시장에 주차장이 부족해 손님들이 발길을 돌립니다.",
            "구에서 하는 청년 일자리 지원사업 신청 자격이 궁금합니다.",
        ),
        ("정비를 부탁드립니다.", "검토해 주세요.", "안내 부탁드립니다."),
    ),
    Problem(
        "culture",
        ("구민체육관 이용 시간 건의", "한빛도서관 열람실 소음", "{place} 야외 공연 소음"),
        (
            "구민체육관 평일 이용 시간이 짧아 직장인은 이용하기 어렵습니다.",
            "도서관 열람실에서 {time} 떠드는 사람이 있어 공부할 수 없습니다.",
            "{place}에서 열린 공연 음악 소리가 너무 큽니다.",
        ),
        ("운영 시간을 늘려 주세요.", "관리를 강화해 주세요.", "개선 방안을 알려 주시기 바랍니다."),
    ),
    Problem(
        "illegal-building",
        ("{place} 불법 건축물 신고", "{place} 옥상 무단증축", "{place} 공사장 안전 문제"),
        (
            "{place} 건물 옥상에 허가 없이 구조물을 올리고 있습니다.",
            "공사장 가림막이 넘어질 것 같아 지나가기 무섭습니다.",
            "{time} 공사 자재가 인도에 쌓여 있습니다.",
        ),
        ("현장 확인을 요청합니다.", "위법 여부를 조사해 주세요.", "안전 조치를 부탁드립니다."),
    ),
    Problem(
        "integrity",
        ("주민센터 직원 불친절", "담당 공무원 응대 문제", "민원 처리 지연 불만"),
        (
            "주민센터에서 서류를 떼는데 직원이 매우 불친절하게 응대했습니다.",
            "전화로 문의했더니 다른 부서로 계속 돌리기만 했습니다.",
            "민원을 넣은 지 한 달이 넘었는데 아무 연락이 없습니다.",
        ),
        ("사실을 확인해 주세요.", "재발 방지를 요청합니다.", "사과를 받고 싶습니다."),
    ),
    Problem(
        "snow",
        ("{place} 제설 요청", "{place} 빙판길 위험", "{place} 염화칼슘 보충"),
        (
            "{place} 언덕길이 얼어 차량이 미끄러지고 있습니다.",
            "{time} 눈이 왔는데 아직 제설이 되지 않았습니다.",
            "제설함에 염화칼슘이 비어 있습니다.",
        ),
        ("제설을 부탁드립니다.", "모래주머니를 놓아 주세요.", "빨리 조치해 주시기 바랍니다."),
    ),
)

# 법정민원 applications: (category, title) — bodies are a short formal request.
APPLICATIONS: tuple[tuple[str, str], ...] = (
    ("building-report", "건축신고 ({place})"),
    ("development-permit", "개발행위허가 신청 ({place})"),
    ("outdoor-ad", "옥외광고물 표시 허가 신청 ({place})"),
    ("road-occupancy", "도로점용허가 신청 ({place})"),
    ("resident-parking", "거주자우선주차 신청"),
    ("basic-livelihood", "기초생활수급자 신청"),
    ("tax-relief", "지방세 감면 신청"),
    ("passport", "여권 재발급 신청"),
    ("business-report", "식품접객업 영업신고 ({place})"),
    ("information-disclosure", "정보공개청구"),
)
APPLICATION_BODY = (
    "{title} 관련 서류를 첨부하여 제출합니다.",
    "처리 결과는 {reply}(으)로 알려 주시기 바랍니다.",
    "보완이 필요한 서류가 있으면 연락 주십시오.",
    "신청인 연락처로 진행 상황을 안내해 주시면 감사하겠습니다.",
)
INQUIRY_OPENERS = {
    Kind.INQUIRY_LAW: "관련 법령 해석을 요청드립니다.",
    Kind.INQUIRY_PROCEDURE: "처리 절차와 필요한 서류를 알고 싶습니다.",
}
PROPOSAL_TITLES = (
    "{place} 공유자전거 대여소 설치 제안",
    "폐건전지 수거함 확대 설치 제안",
    "어르신 무료 스마트폰 교육 제안",
    "{place} 쓰레기 분리배출 안내판 개선 제안",
    "주민참여 예산 온라인 투표 도입 제안",
    "{place} 보행자 우선도로 지정 제안",
)
PROPOSAL_BODY = (
    "{place} 주변은 주민 이용이 많은데 편의시설이 부족합니다.",
    "다른 구에서 시행해 효과를 본 사례가 있습니다.",
    "적은 예산으로 주민 만족도를 높일 수 있는 방안이라고 생각합니다.",
    "시범 운영 후 확대하는 방식을 제안합니다.",
)
ANSWERS = (
    "현장을 확인하고 조치를 완료하였습니다. 불편을 드려 죄송합니다.",
    "담당 부서에서 검토한 결과를 안내해 드립니다. 추가 문의는 담당자에게 연락 주십시오.",
    "요청하신 사항은 관련 규정에 따라 처리하였습니다.",
    "현장 점검 결과 위반 사항이 확인되어 시정 조치하였습니다.",
)
NOTES = ("현장 확인 예정", "민원인과 통화 완료, 추가 자료 요청", "관련 부서 협조 요청함", "유사 민원 다수 접수")
CONTACTS = ("처리 일정 안내", "현장 방문 일정 협의", "보완 서류 안내", "답변 내용 설명")


def place(rng: random.Random) -> str:
    template = rng.choice(PLACES)
    road, road2 = rng.sample(ROADS, 2)
    return template.format(road=road, road2=road2, n=rng.randint(1, 420))


def _fit(sentences: list[str], low: int = 60, high: int = 250) -> str:
    body = " ".join(sentences)
    while len(body) > high and len(sentences) > 1:
        sentences.pop(-2)
        body = " ".join(sentences)
    if len(body) < low:
        body += " 확인 후 연락 부탁드립니다. 감사합니다."
    return body[:high]


def complaint_text(rng: random.Random, problem: Problem) -> tuple[str, str]:
    where = place(rng)
    slots = {"place": where, "time": rng.choice(TIMES)}
    title = rng.choice(problem.titles).format(**slots)
    count = rng.randint(2, 3)
    sentences = [s.format(**slots) for s in rng.sample(problem.sentences, count)]
    sentences.append(rng.choice(problem.requests))
    return title, _fit(sentences)


def inquiry_text(rng: random.Random, problem: Problem, kind: Kind) -> tuple[str, str]:
    title, body = complaint_text(rng, problem)
    return f"{title} 관련 문의", _fit([INQUIRY_OPENERS[kind], body])


def application_text(rng: random.Random, template: str, reply: str) -> str:
    title = template.format(place=place(rng))
    return title


def application_body(rng: random.Random, title: str, reply: str) -> str:
    sentences = [s.format(title=title, reply=reply) for s in APPLICATION_BODY[: rng.randint(2, 4)]]
    return _fit(sentences)


def proposal_text(rng: random.Random) -> tuple[str, str]:
    where = place(rng)
    title = rng.choice(PROPOSAL_TITLES).format(place=where)
    sentences = [s.format(place=where) for s in rng.sample(PROPOSAL_BODY, rng.randint(2, 4))]
    return title, _fit(sentences)
