"""Lab results as typed by a technician: reading them, judging them against a specification, showing them.

Pure Python, no Qt, no SQL (ARCHITECTURE.md). The rules follow LAB.md:

- A value is stored **as typed** and as a number; rounding to the test's decimals happens only when it is
  shown or printed (:func:`format_result`), never in storage.
- What a technician may type: ``12.5``, ``12,5`` (decimal comma), ``1,234.5`` (thousands), ``๑๒.๕``
  (Thai digits), ``-0.4``, ``1.2e4``, ``1.2 x 10^4`` / ``1.2×10⁴`` (counts), ``<0.05`` / ``< 0.05``
  (below a stated limit), ``> 200`` (above one), ``ND``, ``n.d.``, ``ไม่พบ``, ``ตรวจไม่พบ`` (not detected).
- A number below the test's lower detection limit (LOD) is recorded *as such*: the reading is kept but
  the result carries the ``<`` flag and prints ``< LOD``; above the upper limit it prints ``> upper``.
- Judging (:func:`judge`): *pass*, *warning* (inside the specification but in its warning band), *fail*,
  *no_spec*, *inconclusive* (a ``< x`` or ``> x`` result whose bound straddles a limit) or *pending*.
  The value judged is the reported one, rounded to the test's decimals, so that what is printed and
  the verdict printed beside it never disagree.
- Calculated tests (moisture from wet and dry weights) carry their formula as data. It is evaluated
  by walking a whitelisted Python AST (numbers, names, + - * / ** and a few functions), never ``eval``.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from dipdesk.core.digits import to_arabic_digits, to_thai_digits

__all__ = [
    "FLAGS",
    "VERDICTS",
    "FormulaError",
    "Result",
    "ResultError",
    "Spec",
    "Verdict",
    "check_formula",
    "evaluate_formula",
    "format_number",
    "format_result",
    "format_spec",
    "format_uncertainty",
    "formula_names",
    "judge",
    "parse_number",
    "parse_result",
    "round_half_up",
    "stored_result",
    "variable_name",
]

FLAGS = ("", "<", ">", "ND")
Verdict = Literal["pass", "warning", "fail", "no_spec", "inconclusive", "pending"]
VERDICTS: tuple[Verdict, ...] = ("pass", "warning", "fail", "no_spec", "inconclusive", "pending")


class ResultError(ValueError):
    """What was typed is not a result of this test; the messages say why, in Thai and English."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en


class FormulaError(ResultError):
    """A calculated test's formula is not allowed or cannot be evaluated with these readings."""


# ----------------------------------------------------------------------------------------------------
# reading what was typed
# ----------------------------------------------------------------------------------------------------

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_ND_WORDS = frozenset({"nd", "n.d.", "n.d", "notdetected", "ไม่พบ", "ตรวจไม่พบ", "ไม่พบเชื้อ"})
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?")
_TIMES_TEN = re.compile(r"(.+?)(?:x|\*|×|·)10(?:\^|\*\*)?([+-]?\d+)")


def _normalize(text: str) -> str:
    """Thai digits to Arabic, unicode minus and look-alikes to ASCII, spaces and invisible marks removed."""
    text = to_arabic_digits(text)
    for a, b in (("−", "-"), ("–", "-"), ("＜", "<"), ("＞", ">"), ("≤", "<"), ("≥", ">"), ("，", ",")):
        text = text.replace(a, b)
    text = text.translate(_SUPERSCRIPTS)
    return re.sub(r"[\s\u200b\u200c\u200d\u2060\ufeff]+", "", text).lower()


def parse_number(text: str) -> float:
    """A number as people type it in a Thai office: Thai or Arabic digits, decimal point or comma.

    ``1,234.5`` and ``1,234`` group thousands (the Thai convention); a single comma that is not followed
    by exactly three digits, or that follows a lone 0 (``0,123``), is a decimal comma: ``12,5`` is 12.5.
    ``1.2e4``, ``1.2x10^4`` and ``1.2×10⁴`` are 12000. Raises :class:`ResultError` otherwise.
    """
    s = _normalize(text)
    if not s:
        raise ResultError("ยังไม่ได้กรอกค่า", "no value was typed")
    m = _TIMES_TEN.fullmatch(s)
    if m:
        return parse_number(m[1]) * 10.0 ** int(m[2])
    if _GROUPED.fullmatch(s) and not re.match(r"[+-]?0,", s):
        s = s.replace(",", "")
    elif s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    if not _PLAIN.fullmatch(s):
        raise ResultError(f"อ่านค่า “{text.strip()}” เป็นตัวเลขไม่ได้", f"“{text.strip()}” is not a number")
    value = float(s)
    if not math.isfinite(value):
        raise ResultError(f"ค่า “{text.strip()}” ใหญ่เกินไป", f"“{text.strip()}” is too large")
    return value


@dataclass(frozen=True)
class Result:
    """A result read from what was typed.

    ``text`` is what was typed (trimmed), ``value`` the number (a reading below the LOD keeps its number,
    a typed ``<0.05`` has none), ``flag`` is ``""``, ``"<"`` (below a limit), ``">"`` (above one) or
    ``"ND"`` (not detected), and ``bound`` the limit a flagged result is below or above.
    """

    text: str
    value: float | None = None
    flag: str = ""
    bound: float | None = None

    @property
    def empty(self) -> bool:
        return not self.text and self.value is None and not self.flag

    @property
    def numeric(self) -> bool:
        return self.value is not None or bool(self.flag)


EMPTY = Result("")


def parse_result(
    text: str,
    *,
    result_type: str = "numeric",
    choices: Sequence[str] = (),
    lod: float | None = None,
    upper: float | None = None,
) -> Result:
    """Read a typed result of a test (see the module docstring for what may be typed).

    ``lod``/``upper``: the test's lower and upper detection limits. An empty text gives an empty result.
    """
    typed = text.strip()
    if not typed:
        return EMPTY
    if result_type == "text":
        return Result(typed)
    if result_type == "choice":
        wanted = _normalize(typed).replace("–", "-")
        for choice in choices:
            if _normalize(str(choice)).replace("–", "-") == wanted:
                return Result(str(choice))
        raise ResultError(
            f"“{typed}” ไม่อยู่ในตัวเลือก ({', '.join(map(str, choices))})",
            f"“{typed}” is not one of the choices ({', '.join(map(str, choices))})",
        )
    s = _normalize(typed)
    if s in _ND_WORDS:
        return Result(typed, None, "ND", lod)
    if s[0] in "<>":
        flag = s[0]
        rest = s[1:].lstrip("=")
        if not rest:
            bound = lod if flag == "<" else upper
            if bound is None:
                raise ResultError(
                    f"“{typed}”: ต้องระบุค่าขีดจำกัด เช่น <0.05", f"“{typed}”: give the limit, e.g. <0.05"
                )
            return Result(typed, None, flag, bound)
        bound = parse_number(rest)
        if flag == "<" and lod is not None and bound < lod:
            raise ResultError(
                f"รายงานต่ำกว่าขีดจำกัดการตรวจพบของวิธี ({_plain(lod)}) ไม่ได้",
                f"cannot report below the method's detection limit ({_plain(lod)})",
            )
        if flag == ">" and upper is not None and bound > upper:
            raise ResultError(
                f"รายงานสูงกว่าขีดจำกัดบนของวิธี ({_plain(upper)}) ไม่ได้",
                f"cannot report above the method's upper limit ({_plain(upper)})",
            )
        return Result(typed, None, flag, bound)
    value = parse_number(typed)
    if lod is not None and value < lod:
        return Result(typed, value, "<", lod)
    if upper is not None and value > upper:
        return Result(typed, value, ">", upper)
    return Result(typed, value)


def stored_result(
    value_text: str,
    value: float | None,
    flag: str,
    *,
    lod: float | None = None,
    upper: float | None = None,
) -> Result:
    """A result as kept in the database (text, number, flag), with the bound of a flagged result."""
    bound: float | None = None
    if flag in ("<", "ND"):
        bound = _typed_bound(value_text, "<")
        if bound is None:
            bound = lod
    elif flag == ">":
        bound = _typed_bound(value_text, ">")
        if bound is None:
            bound = upper
    return Result(value_text or "", value, flag or "", bound)


def _typed_bound(text: str, flag: str) -> float | None:
    s = _normalize(text or "")
    if s.startswith(flag):
        try:
            return parse_number(s[1:].lstrip("="))
        except ResultError:
            return None
    return None


# ----------------------------------------------------------------------------------------------------
# showing and printing
# ----------------------------------------------------------------------------------------------------


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as people do on paper (2.675 → 2.68), from the number's shortest decimal form."""
    try:
        d = Decimal(repr(float(value)))
    except InvalidOperation as exc:  # pragma: no cover - repr of a finite float is always a decimal
        raise ValueError(f"not a number: {value!r}") from exc
    return d.quantize(Decimal(1).scaleb(-max(0, decimals)), rounding=ROUND_HALF_UP)


def _decimals_of(value: float) -> int:
    exp = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _plain(value: float) -> str:
    """A limit as it was set (0.005 stays 0.005, 10.0 is 10)."""
    return format_number(value, _decimals_of(value), grouping=False)


def format_number(value: float, decimals: int, *, grouping: bool = True, thai_digits: bool = False) -> str:
    """``value`` rounded half-up to ``decimals`` places; thousands grouped with commas (12,500.5)."""
    d = round_half_up(value, decimals)
    if d == 0:
        d = abs(d)  # no "-0.00"
    text = f"{d:,f}" if grouping else f"{d:f}"
    return to_thai_digits(text) if thai_digits else text


def format_result(
    *,
    value: float | None,
    flag: str = "",
    text: str = "",
    decimals: int = 2,
    lod: float | None = None,
    upper: float | None = None,
    result_type: str = "numeric",
    thai_digits: bool = False,
    lang: str = "th",
) -> str:
    """A result as shown and printed: rounded to the test's decimals, ``< LOD`` / ``> upper`` for limits.

    A limit is printed with at least the test's decimals and never rounded away (LOD 0.005 stays 0.005).
    ``ND`` without a known LOD prints as "not detected" (ไม่พบ).
    """
    if result_type in ("text", "choice"):
        out = text
    elif flag in ("<", "ND", ">"):
        r = stored_result(text, value, flag, lod=lod, upper=upper)
        if r.bound is None:
            out = ("ไม่พบ" if lang == "th" else "not detected") if flag != ">" else text
        else:
            places = max(decimals, _decimals_of(r.bound))
            sign = ">" if flag == ">" else "<"
            out = f"{sign} {format_number(r.bound, places)}"
    elif value is not None:
        out = format_number(value, decimals)
    else:
        out = text
    return to_thai_digits(out) if thai_digits else out


def format_uncertainty(
    value: float | None,
    uncertainty: float | None,
    *,
    is_percent: bool,
    decimals: int,
    thai_digits: bool = False,
) -> str:
    """``± U`` in the result's unit (a relative uncertainty is turned into an absolute one), or ``""``."""
    if uncertainty is None or value is None:
        return ""
    u = abs(value) * uncertainty / 100.0 if is_percent else uncertainty
    out = f"± {format_number(u, decimals)}"
    return to_thai_digits(out) if thai_digits else out


# ----------------------------------------------------------------------------------------------------
# judging against a specification
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """A specification of one test for one product type: limits (either open) and a warning band.

    The warning band lies inside the limits: a value below ``warn_low`` (but not below ``min``) or
    above ``warn_high`` (but not above ``max``) passes with a warning.
    """

    min: float | None = None
    max: float | None = None
    warn_low: float | None = None
    warn_high: float | None = None
    standard: str = ""

    @property
    def has_limits(self) -> bool:
        return self.min is not None or self.max is not None


def judge(result: Result, spec: Spec | None, *, decimals: int | None = None) -> Verdict:
    """Pass, warning, fail, no_spec, inconclusive or pending (no value yet) for one result."""
    if result.empty:
        return "pending"
    if spec is None or not spec.has_limits or not result.numeric:
        return "no_spec"
    lo, hi = spec.min, spec.max
    if result.flag in ("<", "ND"):
        b = result.bound if result.bound is not None else 0.0
        # the true value is below b
        if lo is not None and b <= lo:
            return "fail"
        if lo is not None or (hi is not None and b > hi):
            return "inconclusive"
        return "pass"
    if result.flag == ">":
        b = result.bound if result.bound is not None else math.inf
        if hi is not None and b >= hi:
            return "fail"
        if hi is not None or (lo is not None and b < lo):
            return "inconclusive"
        return "pass"
    assert result.value is not None
    v = float(round_half_up(result.value, decimals)) if decimals is not None else result.value
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        return "fail"
    if (spec.warn_low is not None and v < spec.warn_low) or (
        spec.warn_high is not None and v > spec.warn_high
    ):
        return "warning"
    return "pass"


def format_spec(spec: Spec | None, *, thai_digits: bool = False) -> str:
    """``≤ 12``, ``≥ 150``, ``4 – 8`` or ``""``: the limits as printed beside a result."""
    if spec is None or not spec.has_limits:
        return ""
    if spec.min is not None and spec.max is not None:
        out = f"{_plain(spec.min)} – {_plain(spec.max)}"
    elif spec.max is not None:
        out = f"≤ {_plain(spec.max)}"
    else:
        assert spec.min is not None
        out = f"≥ {_plain(spec.min)}"
    return to_thai_digits(out) if thai_digits else out


# ----------------------------------------------------------------------------------------------------
# formulas of calculated tests
# ----------------------------------------------------------------------------------------------------

_FUNCTIONS: dict[str, tuple[int, int, Callable[..., float]]] = {
    "abs": (1, 1, abs),
    "min": (2, 16, min),
    "max": (2, 16, max),
    "sqrt": (1, 1, math.sqrt),
    "ln": (1, 1, math.log),
    "log10": (1, 1, math.log10),
    "exp": (1, 1, math.exp),
}
_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
_UNARY = (ast.UAdd, ast.USub)
MAX_FORMULA = 400
_MAX_NODES = 200
_MAX_EXPONENT = 64.0


def variable_name(code: str) -> str:
    """How a formula names another test's result: its code with non-word characters as ``_``
    (``IPC1-PROT_N`` → ``IPC1_PROT_N``)."""
    name = re.sub(r"\W", "_", code.strip())
    return f"_{name}" if name[:1].isdigit() else name


def _parse_formula(formula: str) -> ast.Expression:
    text = to_arabic_digits(formula.strip())
    if not text:
        raise FormulaError("ไม่มีสูตรคำนวณ", "the formula is empty")
    if len(text) > MAX_FORMULA:
        raise FormulaError(f"สูตรยาวเกิน {MAX_FORMULA} ตัวอักษร", f"the formula is longer than {MAX_FORMULA}")
    text = text.replace("×", "*").replace("÷", "/").replace("^", "**").replace("−", "-")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"สูตร “{formula}” ไม่ถูกต้อง", f"the formula “{formula}” is not valid") from exc
    nodes = list(ast.walk(tree))
    if len(nodes) > _MAX_NODES:
        raise FormulaError("สูตรซับซ้อนเกินไป", "the formula is too complex")
    for node in nodes:
        if isinstance(node, (ast.Expression, ast.Load, *_BINOPS, *_UNARY)):
            continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, _BINOPS):
            continue
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, _UNARY):
            continue
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            continue
        if isinstance(node, ast.Name):
            continue
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCTIONS
            and not node.keywords
            and not any(isinstance(a, ast.Starred) for a in node.args)
        ):
            lo, hi, _fn = _FUNCTIONS[node.func.id]
            if not lo <= len(node.args) <= hi:
                raise FormulaError(
                    f"ฟังก์ชัน {node.func.id} รับค่า {lo}–{hi} ค่า", f"{node.func.id} takes {lo}–{hi} arguments"
                )
            continue
        what = type(node).__name__
        raise FormulaError(
            f"สูตรใช้ได้เฉพาะตัวเลข ชื่อค่าที่วัด + - * / ** และ {', '.join(_FUNCTIONS)} (พบ {what})",
            f"a formula may use numbers, reading names, + - * / ** and {', '.join(_FUNCTIONS)} only (found {what})",
        )
    return tree


def formula_names(formula: str) -> set[str]:
    """The names of readings and results a formula uses (the function names are not included)."""
    tree = _parse_formula(formula)
    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in calls}


def check_formula(formula: str, known: Iterable[str]) -> None:
    """Raise :class:`FormulaError` unless the formula is allowed and uses only ``known`` names."""
    unknown = sorted(formula_names(formula) - set(known))
    if unknown:
        raise FormulaError(
            f"สูตรใช้ชื่อที่ไม่รู้จัก: {', '.join(unknown)}", f"the formula uses unknown names: {', '.join(unknown)}"
        )


def evaluate_formula(formula: str, variables: Mapping[str, float | None]) -> float:
    """The formula's value for these readings (floats throughout). Raises :class:`FormulaError`."""
    tree = _parse_formula(formula)

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            found = variables.get(node.id)
            if found is None:
                raise FormulaError(f"ยังไม่มีค่า {node.id}", f"{node.id} has no value yet")
            return float(found)
        if isinstance(node, ast.UnaryOp):
            x = ev(node.operand)
            return -x if isinstance(node.op, ast.USub) else x
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.Div):
                if b == 0:
                    raise FormulaError("หารด้วยศูนย์", "division by zero")
                return a / b
            if abs(b) > _MAX_EXPONENT:
                raise FormulaError("เลขชี้กำลังใหญ่เกินไป", "the exponent is too large")
            return float(a**b)
        if isinstance(node, ast.Call):
            assert isinstance(node.func, ast.Name)
            fn: Callable[..., float] = _FUNCTIONS[node.func.id][2]
            return float(fn(*(ev(a) for a in node.args)))
        raise FormulaError("สูตรไม่ถูกต้อง", "invalid formula")  # pragma: no cover - _parse_formula checked

    try:
        value = ev(tree)
    except (OverflowError, ValueError, TypeError) as exc:
        if isinstance(exc, FormulaError):
            raise
        raise FormulaError("คำนวณสูตรไม่ได้ด้วยค่าเหล่านี้", f"the formula cannot be computed: {exc}") from exc
    if isinstance(value, complex) or not math.isfinite(value):
        raise FormulaError("ผลการคำนวณไม่ใช่ตัวเลขจริง", "the formula gives no real number")
    return value
