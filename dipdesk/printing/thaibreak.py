"""Where Thai text may break: word segmentation (pythainlp's dictionary), the glue that keeps numbers,
units, standard references and punctuation whole, and the zero-width-space marks `break_opportunities`
puts in. The constants the other Thai text modules share live here too."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Any, Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT

from dipdesk.printing import nlp

Align = Literal["left", "center", "right"]

ZWSP = "\u200b"
NBSP = "\u00a0"
MAI_YAMOK = "ๆ"
PAIYANNOI = "ฯ"

#: strings whose ink reaches highest (a tone mark over an upper vowel over a tall consonant) and lowest
#: under an ordinary consonant (ุ ู under ป ผ ญ ฐ): the line-spacing rule is measured on them
TALL_PROBE = "ปั้น ฟื้น ภูมิ์ ปิ๋ว ฝั่ง ฬ้ ญี่ปุ่น Á"
DEEP_PROBE = "ผู้ ปุ ญู ฐู ฤ ฎ ฏ gjy"
#: clear space between the ink of two lines, as a multiple of the font size
LINE_CLEARANCE = 0.04
#: no text is set smaller than this while it can still be made to fit by condensing it instead
HARD_FLOOR = 8.0


# Characters that must not start a line (they stick to what precedes them) and that must not end one.
_NO_START = frozenset(")]}»›”’,.:;!?%…‰/-–—" + MAI_YAMOK)
_NO_END = frozenset("([{«‹“‘")
_ASCII_QUOTES = frozenset("\"'")
# whitespace that does not allow a break
_NON_BREAKING_SPACES = frozenset("\u00a0\u2007\u202f\u2060\ufeff")
# a run of breakable whitespace (not newline) and/or ZWSP: a break opportunity
_BREAK_RUN = re.compile(r"(?:[^\S\n\u00a0\u2007\u202f]|\u200b)+")
# breakable whitespace inside a token that must stay whole
_INNER_SPACE = re.compile(r"[^\S\n\u00a0\u2007\u202f]")

# the OpenType features reportlab's shapeFragWord asks HarfBuzz for; measuring with the same ones keeps
# our widths equal to what reportlab draws
_HB_FEATURES = {"kern": True, "liga": True, "dlig": True}

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_ALIGN_NAME = {v: k for k, v in _ALIGN.items()}


# ----------------------------------------------------------------------------------------------------
# word breaks
# ----------------------------------------------------------------------------------------------------

_tokenizer_lock = threading.Lock()


@cache
def _dictionary() -> Any:
    """PyThaiNLP's word list with the department's words (:mod:`dipdesk.printing.dictionary`) as a trie
    (:func:`_lazy_trie`: the same words, built only where a text looks)."""
    nlp.load()
    from pythainlp.corpus.common import thai_words

    from dipdesk.printing.dictionary import DEPARTMENT_WORDS

    return _lazy_trie(set(thai_words()) | DEPARTMENT_WORDS)


def _lazy_trie(words: Iterable[str]) -> Any:
    """A pythainlp ``Trie`` of ``words`` whose nodes are built when a lookup first reaches them.

    pythainlp's ``Trie`` builds a node for every character of its 62,000 words up front: half a second,
    the largest part of printing the first certificate after start (a batch only breaks its few shared
    lines: title, activity, signatories). Here a node keeps the rest of its words as a list and sorts
    them into children on its first visit, so a lookup costs what it reads. ``prefixes`` (all the newmm
    tokenizer asks) and ``add``/``remove``/``in`` answer exactly as pythainlp's own trie does."""
    from pythainlp.util import Trie

    class LazyNode(Trie.Node):
        __slots__ = ("depth", "pending")

        def __init__(self, depth: int) -> None:
            super().__init__()
            self.depth = depth
            self.pending: list[str] | None = None

    def expand(node: LazyNode) -> None:
        # `pending` holds whole words; the node's depth is how many characters they share with its path
        pending, node.pending = node.pending, None
        if not pending:
            return
        depth = node.depth
        kids: dict[str, Any] = node.children if node.children is not None else {}
        for word in pending:
            if len(word) == depth:
                node.end = True
                continue
            ch = word[depth]
            child = kids.get(ch)
            if child is None:
                child = kids[ch] = LazyNode(depth + 1)
                child.pending = [word]
            else:
                child.pending.append(word)
        node.children = kids or None

    class LazyTrie(Trie):
        def __init__(self, words: Iterable[str]) -> None:
            unique = {w.strip() for w in words}
            self._word_count = len(unique)
            self.root = LazyNode(0)
            self.root.pending = list(unique)
            expand(self.root)

        def _node(self, word: str) -> Any:
            cur: Any = self.root
            for ch in word:
                if cur.children is None:
                    return None
                cur = cur.children.get(ch)
                if cur is None:
                    return None
                if cur.pending is not None:
                    expand(cur)
            return cur

        def add(self, word: str) -> None:
            word = word.strip()
            cur: Any = self.root
            for ch in word:
                if cur.children is None:
                    cur.children = {}
                child = cur.children.get(ch)
                if child is None:
                    child = cur.children[ch] = LazyNode(cur.depth + 1)
                elif child.pending is not None:
                    expand(child)
                cur = child
            if not cur.end:
                cur.end = True
                self._word_count += 1

        def remove(self, word: str) -> None:
            self._node(word)  # expand the path, then pythainlp's own removal applies
            super().remove(word)

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            res = []
            cur: Any = self.root
            i, n = start, len(text)
            while i < n:
                if cur.children is None:
                    break
                node: Any = cur.children.get(text[i])
                if node is None:
                    break
                if node.pending is not None:
                    expand(node)
                if node.end:
                    res.append(text[start : i + 1])
                cur = node
                i += 1
            return res

        def __contains__(self, key: object) -> bool:
            node = self._node(key) if isinstance(key, str) else None
            return bool(node is not None and node.end)

        def __iter__(self) -> Iterator[str]:
            stack: list[tuple[str, Any]] = [("", self.root)]
            while stack:
                prefix, node = stack.pop()
                if node.pending is not None:
                    expand(node)
                if node.end:
                    yield prefix
                for ch, child in (node.children or {}).items():
                    stack.append((prefix + ch, child))

        def __len__(self) -> int:
            return self._word_count

    return LazyTrie(words)


def _tokenize(text: str) -> list[str]:
    nlp.load()
    from pythainlp.tokenize import word_tokenize

    with _tokenizer_lock:  # the newmm dictionary trie is built lazily on first use
        tokens = word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True)
    tokens = [t for t in tokens if t]
    if "".join(tokens) != text:  # never lose a character, whatever the tokenizer does
        return [text]
    return tokens


def _is_space(tok: str) -> bool:
    """A token made only of whitespace that allows a break (or a newline)."""
    return bool(tok) and tok.isspace() and not any(c in _NON_BREAKING_SPACES for c in tok)


def _has_newline(tok: str) -> bool:
    return "\n" in tok or "\r" in tok


def _glue(tokens: list[str]) -> list[str]:
    """Join tokens across places where a line must not break (ๆ, punctuation, no-break spaces)."""
    out: list[str] = []
    for tok in tokens:
        # a run of characters that may not start a line moves to the previous word
        lead = 0
        while lead < len(tok):
            c = tok[lead]
            if c in _NO_START or (c == PAIYANNOI and out and not out[-1][-1:].isspace()):
                lead += 1
            elif c in _ASCII_QUOTES and out and not out[-1][-1:].isspace():
                lead += 1  # a straight quote right after a word closes it
            else:
                break
        if lead and out:
            head, tok = tok[:lead], tok[lead:]
            # through spaces for ๆ and closing marks ("ต่าง ๆ", "( ก )"), never through a newline
            j = len(out)
            while j > 0 and _is_space(out[j - 1]) and not _has_newline(out[j - 1]):
                j -= 1
            if j > 0 and not _has_newline(out[j - 1]):
                out[j - 1 :] = ["".join(out[j - 1 :]) + head]
            else:
                out.append(head)
            if not tok:
                continue
        # no-break spaces glue both neighbours
        if tok and tok.isspace() and not _is_space(tok) and out and not _has_newline(out[-1]):
            out[-1] += tok
            continue
        if out and out[-1] and out[-1][-1] in _NON_BREAKING_SPACES:
            out[-1] += tok
            continue
        # an opening mark (or a straight quote after a space) sticks to the following word
        if out and out[-1] and _opens(out[-1]) and not _is_space(tok):
            out[-1] += tok
            continue
        # Latin text breaks at spaces only: keep runs the Thai dictionary cut ("1/2569", "ISO/IEC")
        if out and out[-1] and tok and _ascii_word(out[-1][-1]) and _ascii_word(tok[0]):
            out[-1] += tok
            continue
        out.append(tok)
    return out


def _opens(tok: str) -> bool:
    last = tok[-1]
    if last in _NO_END:
        return True
    # a straight quote that is its own token or follows a space opens a quotation
    return last in _ASCII_QUOTES and (len(tok) == 1 or tok[-2].isspace())


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isprintable() and not c.isspace()


# words that a following number belongs to: an ordinal ("รุ่นที่ 3", "ภาคที่ 1", "ครั้งที่ 12/2569") and the
# era of a year ("พ.ศ. 2569"); a line must not end between them
_NUMBER_HEADS = ("ที่", "พ.ศ.", "ค.ศ.", "พ.ศ", "ค.ศ")
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
# nouns an ordinal ที่ is written against ("รุ่นที่ 3", "วันที่ 5"); elsewhere ที่ is "at" ("อบแห้งที่ 105 °C")
_ORDINAL_NOUNS = frozenset(
    [
        "รุ่น",
        "ครั้ง",
        "ภาค",
        "ข้อ",
        "ลำดับ",
        "ฉบับ",
        "ชุด",
        "หมวด",
        "ส่วน",
        "บท",
        "หน้า",
        "วัน",
        "เดือน",
        "ปี",
        "คน",
        "ชั้น",
        "ห้อง",
        "อาคาร",
        "ชั่วโมง",
        "สัปดาห์",
        "ระดับ",
    ]
)


def _keep_numbers(tokens: list[str]) -> list[str]:
    """Join a number to the ordinal ``ที่`` or era before it (through spaces), and an ordinal ``ที่`` to
    the word it is written against (``รุ่น``+``ที่``), so ``"รุ่นที่ 3"`` never breaks."""
    out: list[str] = []
    for tok in tokens:
        if out and tok[:1] in _DIGITS:
            j = len(out)
            while j > 0 and _is_space(out[j - 1]) and not _has_newline(out[j - 1]):
                j -= 1
            if j > 0 and out[j - 1].endswith(_NUMBER_HEADS):
                head = out[j - 1]
                start = j - 1
                # "รุ่น" + "ที่": the ordinal is written against its noun, keep them together too
                if head == "ที่" and start > 0 and out[start - 1] in _ORDINAL_NOUNS:
                    start -= 1
                out[start:] = ["".join(out[start:]) + tok]
                continue
        out.append(tok)
    return out


# pieces that never break: a standard's reference with its number and year ("(ISO 13934-1:2013)",
# "มผช. 1/2562", "AOAC 925.10"), and a number with its unit ("105 °C", "100 กรัม", "5.8 × 10³ CFU/g")
_STANDARD_BODIES = r"ISO/IEC|ISO/TS|ISO|IEC|EN|BS\s?EN|BS|DIN|JIS|ASTM|AATCC|AOAC|APHA|USP|BAM|FDA|CODEX|TIS|มอก\.|มผช\.|มอก|มผช"
_STANDARD_REF = (
    rf"\(?(?<![\w.])(?:{_STANDARD_BODIES})(?:\s?(?:Ch\.|No\.|Method|Part)?\s?[A-Z]?\d[\w.:/-]*)+\)?"
)
_NUMBER = r"[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?(?:\s?[×x]\s?10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?"
_UNIT_WORDS = (
    "องศาเซลเซียส", "มิลลิกรัม", "ไมโครกรัม", "นาโนกรัม", "กิโลกรัม", "กรัม", "มิลลิลิตร", "ไมโครลิตร", "ลิตร",
    "เซนติเมตร", "มิลลิเมตร", "เมตร", "ชั่วโมง", "นาที", "วินาที", "วัน", "นิวตัน", "โคโลนี", "ถุง", "ขวด",
    "ชิ้น", "ซอง", "กล่อง", "กระปุก", "แผ่น", "ตัวอย่าง", "รายการ", "บาท", "ครั้ง", "เท่า",
    "มก./กก.", "มก.", "กก.", "ก.", "มล.", "ล.", "ซม.", "มม.", "ชม.", "°C", "°F", "%", "CFU/g", "CFU/ml",
    "CFU/mL", "MPN/g", "MPN/100 ml", "mg/kg", "mg/L", "mg/l", "µg/kg", "µg/g", "ppm", "ppb", "g/100 g",
    "mg", "kg", "g", "ml", "mL", "L", "mm", "cm", "m", "N", "kN", "kPa", "MPa", "h", "min", "s",
)  # fmt: skip
_UNIT = "|".join(re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True))
_WHOLE = re.compile(
    rf"{_STANDARD_REF}|(?<![\w.]){_NUMBER}(?:\s?[–-]\s?{_NUMBER})?(?:\s?(?:{_UNIT})(?![A-Za-z/]))?"
)


def _whole_pieces(text: str) -> list[str]:
    """Tokens of ``text``: standard references and numbers with their units whole, the rest by newmm."""
    tokens: list[str] = []
    pos = 0
    for m in _WHOLE.finditer(text):
        piece = m.group()
        if m.start() > pos:
            tokens.extend(_tokenize(text[pos : m.start()]))
        tokens.append(piece)
        pos = m.end()
    if pos < len(text):
        tokens.extend(_tokenize(text[pos:]))
    return tokens


def thai_word_breaks(text: str) -> list[str]:
    """Split ``text`` into the pieces between which a line may break; ``"".join(result) == text``.

    PyThaiNLP's dictionary tokenizer (``newmm``, bundled dictionary) finds the Thai words; whitespace
    runs are tokens of their own. Then ๆ (mai yamok) and closing punctuation are attached to the word
    before them (through a space: ``"ต่าง ๆ"`` is one piece), opening punctuation to the word after,
    and no-break spaces to both sides, so none of them can start or end a line on its own. A number stays
    with the ordinal or era before it (``"รุ่นที่ 3"``, ``"พ.ศ. 2569"``).
    """
    if not text:
        return []
    return _keep_numbers(_glue(_whole_pieces(text)))


def _protected_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(name, end)
    return sorted(spans)


def _keep_whole(tok: str) -> str:
    return _INNER_SPACE.sub(NBSP, tok.replace(ZWSP, ""))


def _unbreakable_key(unbreakable: bool | str | Sequence[str]) -> bool | tuple[str, ...]:
    if isinstance(unbreakable, bool):
        return unbreakable
    if isinstance(unbreakable, str):
        return (unbreakable,)
    return tuple(unbreakable)


def break_opportunities(text: str, *, unbreakable: bool | str | Sequence[str] = False) -> str:
    """Mark where ``text`` may break: U+200B between Thai words, spaces where they allow a break.

    Spaces where a line must not break (inside a glued piece such as ``"ต่าง ๆ"``, or inside an
    unbreakable part) become U+00A0 NO-BREAK SPACE. ``unbreakable=True`` keeps the whole text on one
    line (a person's name); a string or a sequence of strings keeps just those parts whole wherever
    they occur (``"…แสดงว่า นางสาวปิ่นมณี ศรีสุขสวัสดิ์ ได้ผ่าน…"``). Newlines are kept: they are hard breaks.
    """
    return _break_opportunities(text, _unbreakable_key(unbreakable))


@lru_cache(maxsize=4096)
def _break_opportunities(text: str, unbreakable: bool | tuple[str, ...]) -> str:
    if not text:
        return ""
    if unbreakable is True:
        return "\n".join(_keep_whole(part) for part in text.split("\n"))
    names: tuple[str, ...] = () if unbreakable is False else unbreakable
    tokens: list[str] = []
    pos = 0
    for start, end in _protected_spans(text, names):
        tokens.extend(thai_word_breaks(text[pos:start]))
        tokens.append(_keep_whole(text[start:end]))
        pos = end
    tokens.extend(thai_word_breaks(text[pos:]))
    if names:
        tokens = _glue(tokens)
    out: list[str] = []
    prev = ""
    for tok in tokens:
        if not _is_space(tok):
            tok = _keep_whole(tok)
            if not tok:  # a ZWSP typed into the text: the boundary is marked anyway
                continue
            if prev and not _is_space(prev):
                out.append(ZWSP)
        out.append(tok)
        prev = tok
    return "".join(out)
