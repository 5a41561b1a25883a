"""User preferences, typed, with defaults, in one place (a JSON file in the data folder).

Remembered window state is kept apart by the GUI (QSettings); this is what a user chooses.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from dipdesk.paths import home_dir


@dataclass
class Settings:
    language: str = "th"  # "th" or "en"
    theme: str = "light"  # "light" or "dark"
    server_url: str = ""
    sync_interval_minutes: int = 15
    thai_digits_on_forms: bool = False
    ui_font_size: int = 11
    print_folder: str = ""  # where printed PDFs go; empty: the data folder's `print`
    # e-mail of lab reports (dipdesk.services.lab.delivery); the password only from DIPDESK_SMTP_PASSWORD
    smtp_host: str = ""
    smtp_port: int = 0  # 0: the usual port of smtp_tls (587, 465 or 25)
    smtp_user: str = ""
    smtp_from: str = ""
    smtp_tls: str = "starttls"  # starttls | ssl | none
    backup_folder: str = ""  # where backups go; empty: `backups` beside the database
    backup_second_folder: str = ""  # a second copy of each backup (a USB disk, a share); empty: none
    backup_auto: bool = True  # a backup every day while dipdesk runs (kept: 7 daily, 4 weekly)

    @classmethod
    def path(cls) -> Path:
        return home_dir() / "settings.json"

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        p = path or cls.path()
        s = cls()
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return s
        known = {f.name: f.type for f in fields(cls)}
        for k, v in raw.items():
            if k in known and isinstance(v, type(getattr(s, k))):
                setattr(s, k, v)
        return s

    def save(self, path: Path | None = None) -> None:
        p = path or self.path()
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, p)
