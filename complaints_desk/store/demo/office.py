"""The fictional office of the demo: 서울특별시 한빛구청, its departments, categories, routing rules, staff
and stations. Plain data, so the generator (which may run in worker processes) and the writer share it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ...domain.roles import Role

OFFICE_NAME = "서울특별시 한빛구청"
OFFICE_ADDRESS = "서울특별시 한빛구 한빛로 100"
OFFICE_PHONE = "02-2150-3000"
OFFICE_HEAD_TITLE = "서울특별시 한빛구청장"
# A reserved example domain (RFC 2606): the demo's office has no public site, and a real-looking one would
# send a citizen's phone somewhere else. Set the real one with `complaints-desk admin office --status-url`.
OFFICE_STATUS_URL = "https://minwon.hanbit-gu.example/status/"


@dataclass(frozen=True)
class DemoDepartment:
    code: str
    name: str
    phone: str


@dataclass(frozen=True)
class DemoCategory:
    code: str
    name: str
    department_code: str
    statutory_days: int | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoStaff:
    id: str
    username: str
    name: str
    role: Role
    department_code: str | None
    phone: str


@dataclass(frozen=True)
class DemoStation:
    code: str
    name: str
    kind: str  # workstation | channel


DEPARTMENTS: tuple[DemoDepartment, ...] = (
    DemoDepartment("traffic", "교통행정과", "02-2150-3110"),
    DemoDepartment("road", "도로관리과", "02-2150-3120"),
    DemoDepartment("cleaning", "청소행정과", "02-2150-3130"),
    DemoDepartment("environment", "환경과", "02-2150-3140"),
    DemoDepartment("building", "건축과", "02-2150-3150"),
    DemoDepartment("welfare", "복지정책과", "02-2150-3160"),
    DemoDepartment("tax", "세무과", "02-2150-3170"),
    DemoDepartment("parks", "공원녹지과", "02-2150-3180"),
    DemoDepartment("housing", "주택과", "02-2150-3190"),
    DemoDepartment("civil", "민원여권과", "02-2150-3210"),
    DemoDepartment("health", "보건소 건강증진과", "02-2150-3220"),
    DemoDepartment("economy", "일자리경제과", "02-2150-3230"),
    DemoDepartment("culture", "문화체육과", "02-2150-3240"),
    DemoDepartment("education", "교육지원과", "02-2150-3250"),
    DemoDepartment("safety", "안전총괄과", "02-2150-3260"),
    DemoDepartment("water", "치수과", "02-2150-3270"),
    DemoDepartment("parking", "주차관리과", "02-2150-3280"),
    DemoDepartment("hygiene", "위생과", "02-2150-3290"),
    DemoDepartment("autonomy", "자치행정과", "02-2150-3310"),
    DemoDepartment("audit", "감사담당관", "02-2150-3320"),
    DemoDepartment("design", "도시디자인과", "02-2150-3330"),
)

# Statutory periods are the office's published table (our numbers, believable, not authoritative).
CATEGORIES: tuple[DemoCategory, ...] = (
    DemoCategory("illegal-parking", "불법주차", "parking", None, ("불법주차", "주차", "견인")),
    DemoCategory("resident-parking", "거주자우선주차 신청", "parking", 7, ("거주자우선주차",)),
    DemoCategory("road-damage", "도로 파손", "road", None, ("도로", "포트홀", "보도블록", "맨홀")),
    DemoCategory("road-occupancy", "도로점용허가", "road", 20, ("도로점용",)),
    DemoCategory("snow", "제설", "road", None, ("제설", "빙판")),
    DemoCategory("waste", "쓰레기 무단투기", "cleaning", None, ("쓰레기", "무단투기", "폐기물")),
    DemoCategory("bulky-waste", "대형폐기물 배출", "cleaning", None, ("대형폐기물",)),
    DemoCategory("noise", "소음", "environment", None, ("소음", "공사장")),
    DemoCategory("odor", "악취", "environment", None, ("악취", "매연", "먼지")),
    DemoCategory("building-report", "건축신고", "building", 5, ("건축신고",)),
    DemoCategory("development-permit", "개발행위허가", "building", 15, ("개발행위",)),
    DemoCategory("illegal-building", "불법 건축물", "building", None, ("불법건축", "무단증축")),
    DemoCategory("outdoor-ad", "옥외광고물 허가", "design", 7, ("옥외광고물", "간판", "현수막")),
    DemoCategory("welfare", "복지 상담", "welfare", None, ("복지", "기초생활", "긴급지원")),
    DemoCategory("basic-livelihood", "기초생활수급 신청", "welfare", 30, ("수급",)),
    DemoCategory("local-tax", "지방세", "tax", None, ("재산세", "자동차세", "지방세")),
    DemoCategory("tax-relief", "지방세 감면 신청", "tax", 7, ("감면",)),
    DemoCategory("parks", "공원·가로수", "parks", None, ("공원", "가로수", "놀이터")),
    DemoCategory("housing", "공동주택", "housing", None, ("아파트", "층간소음", "공동주택")),
    DemoCategory("passport", "여권·제증명", "civil", 4, ("여권", "증명서")),
    DemoCategory("health", "보건·금연", "health", None, ("금연", "흡연", "예방접종")),
    DemoCategory("business-report", "식품접객업 영업신고", "hygiene", 3, ("영업신고",)),
    DemoCategory("food-hygiene", "음식점 위생", "hygiene", None, ("위생", "식당", "음식점")),
    DemoCategory("market", "전통시장·노점", "economy", None, ("노점", "시장", "일자리")),
    DemoCategory("culture", "문화·체육시설", "culture", None, ("체육관", "도서관", "수영장")),
    DemoCategory("school-route", "통학로 안전", "education", None, ("통학로", "학교", "어린이보호구역")),
    DemoCategory("streetlight", "가로등·안전시설", "safety", None, ("가로등", "CCTV", "위험")),
    DemoCategory("drainage", "하수·침수", "water", None, ("빗물받이", "하수구", "침수")),
    DemoCategory("bus", "버스·교통시설", "traffic", None, ("버스", "정류장", "택시")),
    DemoCategory("information-disclosure", "정보공개청구", "autonomy", 10, ("정보공개",)),
    DemoCategory("community-center", "주민센터 운영", "autonomy", None, ("주민센터", "통장")),
    DemoCategory("integrity", "공직자 불친절·부조리", "audit", None, ("불친절", "부조리", "갑질")),
)

STATIONS: tuple[DemoStation, ...] = (
    *(DemoStation(f"C{n:02d}", f"민원실 {n}번 창구", "workstation") for n in range(1, 6)),
    *(DemoStation(f"C{n:02d}", f"120 콜센터 {n - 5}번석", "workstation") for n in range(6, 11)),
    DemoStation("W01", "인터넷 민원 (홈페이지)", "channel"),
    DemoStation("O01", "Open311 API", "channel"),
    DemoStation("T01", "텔레그램", "channel"),
    DemoStation("L01", "라인", "channel"),
    DemoStation("K01", "카카오톡", "channel"),
    DemoStation("S01", "SNS", "channel"),
)
COUNTER_STATIONS = tuple(s.code for s in STATIONS[:5])
CALL_STATIONS = tuple(s.code for s in STATIONS[5:10])

SURNAMES = (
    "김" * 22
    + "이" * 15
    + "박" * 9
    + "최" * 5
    + "정" * 5
    + "강" * 3
    + "조" * 3
    + "윤" * 3
    + "장" * 3
    + "임" * 2
    + "한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
)
COMPOUND_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고")
GIVEN_FIRST = "민서지현수영준도하은예시윤성재정유동상진태경승우혜미소채다가나보은혁희주연아"
GIVEN_SECOND = "준호서연민우현아진영윤훈수빈희은석철숙자숙경림원하율찬솔혁규린나람"


def korean_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.01 else rng.choice(SURNAMES)
    given = rng.choice(GIVEN_FIRST) + rng.choice(GIVEN_SECOND)
    if rng.random() < 0.04:
        given = given[0]  # 김철 — two-syllable names exist
    return surname + given


@dataclass(frozen=True)
class Office:
    departments: tuple[DemoDepartment, ...]
    categories: tuple[DemoCategory, ...]
    stations: tuple[DemoStation, ...]
    staff: tuple[DemoStaff, ...]
    officers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # department code → staff ids
    station_staff: dict[str, str] = field(default_factory=dict)  # workstation code → staff id on duty
    supervisors: tuple[str, ...] = ()


def build_office(seed: int, make_id: object) -> Office:
    """Staff with believable names and every role; ids from ``make_id`` (deterministic for the seed)."""
    rng = random.Random(f"office:{seed}")
    new_id = make_id  # a callable returning a UUIDv7 string
    assert callable(new_id)
    staff: list[DemoStaff] = []
    officers: dict[str, tuple[str, ...]] = {}
    used: set[str] = set()

    def person(role: Role, department: str | None, username: str, phone: str) -> DemoStaff:
        name = korean_name(rng)
        while name in used:
            name = korean_name(rng)
        used.add(name)
        member = DemoStaff(str(new_id()), username, name, role, department, phone)
        staff.append(member)
        return member

    for number, dept in enumerate(DEPARTMENTS):
        ids = []
        for n in range(1, 4):
            phone = f"{dept.phone[:-2]}{number % 10}{n}"
            ids.append(person(Role.OFFICER, dept.code, f"{dept.code}{n}", phone).id)
        officers[dept.code] = tuple(ids)
    station_staff: dict[str, str] = {}
    for code in COUNTER_STATIONS:
        station_staff[code] = person(Role.CLERK, "civil", f"clerk{code[1:]}", "02-2150-3200").id
    for code in CALL_STATIONS:
        station_staff[code] = person(Role.AGENT, None, f"agent{code[1:]}", "02-2150-3000").id
    supervisors = (
        person(Role.SUPERVISOR, None, "supervisor1", "02-2150-3001").id,
        person(Role.SUPERVISOR, "civil", "supervisor2", "02-2150-3201").id,
    )
    person(Role.ADMIN, None, "admin", "02-2150-3002")
    return Office(DEPARTMENTS, CATEGORIES, STATIONS, tuple(staff), officers, station_staff, supervisors)
