"""Refresh the Qt Linguist catalogues from the UI sources and fill translations.

    python tools/i18n_update.py

1. `pyside6-lupdate` scans `dipdesk/ui` and updates `i18n/dipdesk_th.ts` and `i18n/dipdesk_en.ts`
   (existing translations are kept; strings no longer in the code are dropped).
2. Thai: a message still unfinished takes its translation from `i18n/th/*.json` ({"English source":
   "Thai"}), so each area can keep its own Thai wording in its own file without editing the same .ts.
   A message with a disambiguation (`self.tr("Catalog", "short tab label")`) looks up
   "Catalog|short tab label" first.
3. English: unfinished messages get the source text (the sources are English).
Prints what is still untranslated and exits 1 if anything is. Safe to run from several shells at once
(it takes a lock).
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"


def _lupdate() -> None:
    exe = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in (ROOT / "dipdesk" / "ui").rglob("*.py"))
    for lang in ("th", "en"):
        subprocess.run(
            [
                str(exe),
                "-silent",
                "-no-obsolete",
                "-locations",
                "relative",
                *sources,
                "-ts",
                str(I18N / f"dipdesk_{lang}.ts"),
            ],
            check=True,
        )


def _fill(ts: Path, lookup: dict[str, str] | None) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        src = msg.findtext("source") or ""
        if tr is None or (tr.get("type") != "unfinished" and (tr.text or msg.get("numerus"))):
            continue
        comment = msg.findtext("comment")
        if lookup is None:
            text: str | None = src
        else:  # "source|disambiguation" names one of several meanings of the same English words
            text = lookup.get(f"{src}|{comment}") if comment else None
            text = text if text is not None else lookup.get(src)
        if text is None or msg.get("numerus"):
            if tr.get("type") == "unfinished" or not tr.text:
                missing.append(src)
            continue
        tr.text = text
        tr.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=True).replace(" />", "/>")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main() -> int:
    with open(I18N / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _lupdate()
        thai: dict[str, str] = {}
        for f in sorted((I18N / "th").glob("*.json")):
            thai.update(json.loads(f.read_text(encoding="utf-8")))
        missing = _fill(I18N / "dipdesk_th.ts", thai)
        _fill(I18N / "dipdesk_en.ts", None)
    for src in missing:
        print(f"no Thai translation: {src!r}")
    print(f"{len(missing)} Thai translation(s) missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
