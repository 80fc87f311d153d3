"""Request bodies of the administrator's endpoints."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DepartmentIn(_Body):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=100)
    phone: str = Field(default="", max_length=40)
    active: bool = True


class StaffIn(_Body):
    username: str = Field(min_length=2, max_length=60)
    name: str = Field(min_length=1, max_length=100)
    role: str
    department_code: str | None = Field(default=None, max_length=40)
    phone: str = Field(default="", max_length=40)
    password: str = Field(min_length=1, max_length=200)


class StaffChange(_Body):
    name: str | None = Field(default=None, max_length=100)
    role: str | None = None
    department_code: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, max_length=40)
    active: bool | None = None
    password: str | None = Field(default=None, max_length=200)


class CategoryIn(_Body):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=100)
    default_department_code: str | None = Field(default=None, max_length=40)
    statutory_days: int | None = None
    active: bool = True


class RoutingRuleIn(_Body):
    position: int = Field(ge=0, le=1_000_000)
    department_code: str = Field(min_length=1, max_length=40)
    category_code: str | None = Field(default=None, max_length=40)
    keywords: list[str] = Field(default_factory=list, max_length=100)


class RoutingRuleChange(_Body):
    active: bool


class StationIn(_Body):
    code: str = Field(min_length=3, max_length=3)
    name: str = Field(min_length=1, max_length=100)


class ClosureIn(_Body):
    start_date: date
    end_date: date
    name: str = Field(min_length=1, max_length=200)


class OfficeIn(_Body):
    """The office settings; a field left out keeps its value."""

    name: str | None = Field(default=None, max_length=100)
    address: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=40)
    head_title: str | None = Field(default=None, max_length=100)
    status_url_base: str | None = Field(default=None, max_length=300)
