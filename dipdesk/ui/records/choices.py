"""The short lists a form picks from (provinces, programs, groups), read in a worker."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.thaisort import thai_sort_key
from dipdesk.store.people import Group
from dipdesk.store.programs import Program
from dipdesk.store.reference import Province

Choices = dict[str, list[tuple[Any, str]]]


def load_choices(session: Session, refs: set[str], lang: str = "th") -> Choices:
    """(id, label) lists for each reference kind in `refs`, in the order a person looks for them."""
    out: Choices = {}
    if "provinces" in refs:
        name = Province.name_en if lang == "en" else Province.name_th
        provinces = [
            (pid, label or th)
            for pid, label, th in session.execute(
                select(Province.id, name, Province.name_th).where(Province.deleted.is_(False))
            )
        ]
        # Thai dictionary order (เชียงใหม่ under ช, not after อ่างทอง); SQLite only knows code points
        out["provinces"] = sorted(provinces, key=lambda p: thai_sort_key(p[1]))
    if "programs" in refs:
        rows = session.execute(
            select(Program.id, Program.code, Program.name_th, Program.fiscal_year)
            .where(Program.deleted.is_(False))
            .order_by(Program.fiscal_year.desc(), Program.code)
        )
        out["programs"] = [(pid, f"{code} · {name} ({fy})") for pid, code, name, fy in rows]
    if "groups" in refs:
        rows = session.execute(
            select(Group.id, Group.code, Group.name_th).where(Group.deleted.is_(False)).order_by(Group.code)
        )
        out["groups"] = [(gid, f"{code} · {name}") for gid, code, name in rows]
    return out
