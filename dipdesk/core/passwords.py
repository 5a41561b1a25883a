"""Rules for users' passwords (the first-run wizard checks them before the services load).

A password is at least `MIN_PASSWORD` characters, holds letters and digits, and is not the user name
(nor the user name with a few characters around it). Thai letters count as letters. The rule is checked
by `password_problem`, which says what is wrong in Thai and in English so every screen and the command
line give the same clear message.
"""

from __future__ import annotations

MIN_PASSWORD = 8  # characters

RULE_TH = f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร มีทั้งตัวอักษรและตัวเลข และต้องไม่ใช่ชื่อผู้ใช้"
RULE_EN = f"a password needs at least {MIN_PASSWORD} characters, both letters and digits, and must not be the user name"


def password_problem(password: str, username: str = "") -> tuple[str, str] | None:
    """What is wrong with `password` for `username` as (Thai, English), or None when it is acceptable."""
    if len(password) < MIN_PASSWORD:
        return (
            f"รหัสผ่านสั้นเกินไป: ต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร",
            f"the password is too short: at least {MIN_PASSWORD} characters",
        )
    if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
        return (
            "รหัสผ่านต้องมีทั้งตัวอักษรและตัวเลขอย่างน้อยอย่างละหนึ่งตัว",
            "the password needs at least one letter and one digit",
        )
    name = username.strip().casefold()
    if name and name in password.casefold() and len(password) - len(name) < 4:
        return ("รหัสผ่านต้องไม่ใช่ชื่อผู้ใช้", "the password must not be the user name")
    return None
