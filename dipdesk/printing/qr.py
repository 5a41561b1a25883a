"""QR codes fast enough for batch printing, drawn into a PDF as one tiny inline image.

Why not a library call per code: reportlab's QR widget builds one shape per module (~25 ms a code) and
segno, pure Python like everything here, spends ~30 ms a code on this machine (6–17 ms even with a fixed
mask) in per-module loops. A batch of certificates wants well under a millisecond. This module takes
segno's tables (ISO/IEC 18004 capacities and block structure, format and version information, alignment
positions) and does the per-code work on whole-symbol integers:

- per version, once: the function patterns as a template, the zigzag placement of the data bits as a
  few hundred slice assignments, the eight data masks, the validity masks of the penalty rules;
- per code: the bit stream (alphanumeric or byte mode), the Reed–Solomon codewords from per-position
  lookup tables (one XOR per data byte), the placement (slice assignments into the template), then the
  eight masked candidates **stacked in one integer** so each penalty rule (ISO 7.8.3.1, N1–N4) is a
  handful of shifts, ANDs and ``int.bit_count`` for all eight at once.

The symbol is laid out row by row with a stride that is a multiple of 8 (at least 4 light modules after
each row), which is at once what the finder-like rule N3 needs (the edge counts as light, a pattern
never spans two rows) and a 1-bit image ready for the PDF: no per-module loop anywhere.

Tests check the modules and the chosen mask equal segno's, and that zbarimg reads what is printed.
QR Code model 2 only (versions 1–40), levels L/M/Q/H, one segment.
"""

from __future__ import annotations

import threading
from array import array
from dataclasses import dataclass
from functools import cache, reduce
from operator import getitem, xor
from typing import Any

from segno import consts as _segno

__all__ = ["ALPHANUMERIC", "QrCode", "draw_qr", "encode", "qr_image_operators"]

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {c: i for i, c in enumerate(ALPHANUMERIC)}
_ALNUM_SET = frozenset(ALPHANUMERIC)

_ECC: dict[Any, Any] = _segno.ECC  # version -> level -> (EC(num_blocks, num_total, num_data), …)
_ALIGNMENT_POS: tuple[tuple[int, ...], ...] = _segno.ALIGNMENT_POS
_VERSION_INFO: tuple[int, ...] = _segno.VERSION_INFO
_FORMAT_INFO: tuple[int, ...] = _segno.FORMAT_INFO

# segno's constants for the levels; its FORMAT_INFO is indexed by these offsets plus the mask
_LEVELS = {
    "L": _segno.ERROR_LEVEL_L,
    "M": _segno.ERROR_LEVEL_M,
    "Q": _segno.ERROR_LEVEL_Q,
    "H": _segno.ERROR_LEVEL_H,
}
_FORMAT_OFFSET = {"M": 0, "L": 8, "H": 16, "Q": 24}
_BOOST = {"L": ("M", "Q", "H"), "M": ("Q", "H"), "Q": ("H",), "H": ()}

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1
_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


@cache
def _mul_tables() -> tuple[bytes, ...]:
    """For each byte value v, the 256-byte table x -> v·x, so that `bytes.translate` multiplies.

    Built by two translations per v: x -> log x (255 for x = 0), then log x -> α^(log v + log x), the
    antilog table rotated by log v, with 0 for the 255 that stood for x = 0."""
    logs = bytes(_LOG[x] if x else 255 for x in range(256))
    antilogs = bytes(_EXP[:255])
    every = bytes(range(256)).translate(logs)
    rows = [bytes(256)]
    for v in range(1, 256):
        lv = _LOG[v]
        rows.append(every.translate(antilogs[lv:] + antilogs[:lv] + b"\x00"))
    return tuple(rows)


@cache
def _pair_bits() -> dict[str, str]:
    """Alphanumeric pairs and single characters to their 11- or 6-bit codes."""
    table = {
        a + b: format(45 * va + vb, "011b")
        for a, va in _ALNUM_VALUE.items()
        for b, vb in _ALNUM_VALUE.items()
    }
    table.update({a: format(va, "06b") for a, va in _ALNUM_VALUE.items()})
    return table


@dataclass(frozen=True)
class QrCode:
    """A QR symbol of ``size`` × ``size`` modules.

    ``bitmap`` holds the rows, dark = 1, most significant bit first, each row ``stride`` bits long (the
    modules, then light padding): exactly a 1-bit image ``stride`` wide and ``size`` high.
    """

    version: int
    level: str
    mask: int
    size: int
    stride: int
    bitmap: bytes

    def dark(self, row: int, col: int) -> bool:
        bit = row * self.stride + col
        return bool(self.bitmap[bit >> 3] >> (7 - (bit & 7)) & 1)

    def matrix(self) -> list[list[int]]:
        """Rows of 0/1, dark = 1 (for tests and debugging)."""
        bits = format(int.from_bytes(self.bitmap, "big"), f"0{len(self.bitmap) * 8}b")
        s, n = self.stride, self.size
        return [[int(bits[r * s + c]) for c in range(n)] for r in range(n)]


# ----------------------------------------------------------------------------------------------------
# capacities and the bit stream
# ----------------------------------------------------------------------------------------------------


@cache
def _capacity_bits(level: str) -> tuple[int, ...]:
    """Data bits of every version at ``level`` (index 0 unused)."""
    return (0, *(_data_codewords(v, level) * 8 for v in range(1, 41)))


@cache
def _data_codewords(version: int, level: str) -> int:
    return sum(ec.num_blocks * ec.num_data for ec in _ECC[version][_LEVELS[level]])


def _count_bits(version: int, alnum: bool) -> int:
    if alnum:
        return 9 if version <= 9 else 11 if version <= 26 else 13
    return 8 if version <= 9 else 16


def _payload_bits(text: str, data: bytes, alnum: bool, version: int) -> int:
    count = _count_bits(version, alnum)
    if alnum:
        n = len(text)
        return 4 + count + 11 * (n // 2) + 6 * (n % 2)
    return 4 + count + 8 * len(data)


def _bitstream(text: str, data: bytes, alnum: bool, version: int, level: str) -> bytes:
    """Mode indicator, count, data, terminator and padding: the data codewords of the symbol."""
    count = _count_bits(version, alnum)
    capacity = _data_codewords(version, level) * 8
    if alnum:
        table = _pair_bits()
        n = len(text)
        body = "".join([table[text[i : i + 2]] for i in range(0, n, 2)])
        bits = "0010" + format(n, f"0{count}b") + body
        bits += "0" * min(4, capacity - len(bits))  # terminator
        bits += "0" * ((-len(bits)) % 8)
        out = int(bits, 2).to_bytes(len(bits) // 8, "big")
    else:
        # as one integer: mode 0100, the count, the bytes, then the terminator (up to 4 zero bits) and
        # zeros to the next byte boundary
        used = 4 + count + 8 * len(data)
        end = used + min(4, capacity - used)
        end += (-end) % 8
        value = (((4 << count) | len(data)) << 8 * len(data)) | int.from_bytes(data, "big")
        out = (value << (end - used)).to_bytes(end // 8, "big")
    missing = capacity // 8 - len(out)
    return out + (b"\xec\x11" * (missing // 2 + 1))[:missing]


# ----------------------------------------------------------------------------------------------------
# Reed-Solomon
# ----------------------------------------------------------------------------------------------------


class _RsTables:
    """ECC of a block = XOR over its data bytes of a looked-up row, rem(v·x^(n+j)) for byte v at j from
    the end. The code is linear over GF(256), so each (position, value) has a fixed contribution; rows are
    built lazily (a version uses one or two block sizes), `bytes.translate` doing the multiplications."""

    def __init__(self, n_ec: int) -> None:
        self.n_ec = n_ec
        gen = [1]  # (x - α^0)(x - α^1)…, highest coefficient first
        for i in range(n_ec):
            nxt = [*gen, 0]
            for k, c in enumerate(gen):
                nxt[k + 1] ^= _gf_mul(c, _EXP[i])
            gen = nxt
        self._low = bytes(gen[1:])  # x^n ≡ these (mod g): minus is plus in characteristic 2
        self._rem: list[bytes] = [self._low]  # rem(x^(n+j)) for j = 0, 1, …
        self._rows: list[list[int]] = []
        self._lock = threading.Lock()

    def _grow(self, upto: int) -> None:
        mul = _mul_tables()
        while len(self._rows) <= upto:
            j = len(self._rows)
            while len(self._rem) <= j:
                prev = self._rem[-1]
                shifted = prev[1:] + b"\x00"
                if prev[0]:
                    term = self._low.translate(mul[prev[0]])
                    shifted = bytes(a ^ b for a, b in zip(shifted, term, strict=True))
                self._rem.append(shifted)
            rem = self._rem[j]
            # v·rem for the eight one-bit values, then every v as the XOR of those of its bits (the
            # multiplication is linear over XOR): 256 small XORs instead of 256 multiplications
            basis = [int.from_bytes(rem.translate(mul[1 << k]), "big") for k in range(8)]
            row = [0] * 256
            for v in range(1, 256):
                low = v & -v
                row[v] = row[v ^ low] ^ basis[low.bit_length() - 1]
            self._rows.append(row)

    def ecc(self, block: bytes) -> bytes:
        k = len(block)
        if len(self._rows) < k:
            with self._lock:
                self._grow(k - 1)
        rows = self._rows[k - 1 :: -1]
        return reduce(xor, map(getitem, rows, block), 0).to_bytes(self.n_ec, "big")


@cache
def _rs(n_ec: int) -> _RsTables:
    return _RsTables(n_ec)


@cache
def _block_plan(version: int, level: str) -> tuple[tuple[tuple[_RsTables, int, int], ...], int, int]:
    """The data blocks of a symbol, (Reed-Solomon tables, start, end) each; the count of data codewords
    and of error correction codewords per block (the same for all of a symbol's blocks)."""
    plan = []
    pos = 0
    for ec in _ECC[version][_LEVELS[level]]:
        rs = _rs(ec.num_total - ec.num_data)
        for _ in range(ec.num_blocks):
            plan.append((rs, pos, pos + ec.num_data))
            pos += ec.num_data
    assert len({rs.n_ec for rs, _a, _b in plan}) == 1
    return tuple(plan), pos, plan[0][0].n_ec


def _final_codewords(data: bytes, version: int, level: str) -> bytes:
    """The data blocks interleaved column by column, then their error correction codewords likewise.
    The longer blocks (always the last ones) have one byte more, which comes after the columns all
    blocks share."""
    plan, n_data, n_ec = _block_plan(version, level)
    nb = len(plan)
    shortest = plan[0][2] - plan[0][1]
    shared = nb * shortest
    out = bytearray(n_data + nb * n_ec)
    for i, (rs, a, b) in enumerate(plan):
        block = data[a:b]
        out[i:shared:nb] = block[:shortest]
        if b - a > shortest:
            out[shared + i - (nb - (n_data - shared))] = block[-1]
        out[n_data + i :: nb] = rs.ecc(block)
    return bytes(out)


# ----------------------------------------------------------------------------------------------------
# the symbol's geometry, once per version
# ----------------------------------------------------------------------------------------------------

_FINDER = ("1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111")
_ALIGN = ("11111", "10001", "10101", "10001", "11111")
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
# light rows above and below every candidate in the stack: the four light modules beside a finder-like
# pattern (N3) may lie outside the symbol, and a pattern (whose light parts are single modules) can then
# never span two candidates
_GAP = 4


def _arithmetic_runs(cells: list[tuple[int, int]]) -> list[tuple[slice, slice]]:
    """(source index, target index) pairs, in order, as slice pairs ``(target, source)``: each maximal
    stretch in which both indices advance by constant steps is one."""
    runs: list[tuple[slice, slice]] = []
    start = 0
    while start < len(cells):
        end = start + 1
        if end < len(cells):
            dk = cells[end][0] - cells[start][0]
            dt = cells[end][1] - cells[start][1]
            while (
                end + 1 < len(cells)
                and cells[end + 1][0] - cells[end][0] == dk
                and cells[end + 1][1] - cells[end][1] == dt
            ):
                end += 1
            end += 1
        else:
            dk, dt = 1, 1
        count = end - start
        k0, t0 = cells[start]
        t_stop = t0 + count * dt
        runs.append((slice(t0, t_stop if t_stop >= 0 else None, dt), slice(k0, k0 + count * dk, dk)))
        start = end
    return runs


class _Geometry:
    """Everything about a version that does not depend on the data.

    Layout of one symbol ("block"): ``n`` rows of ``stride`` bits, the ``n`` modules then light padding;
    bit ``(n-1-r)*stride + (stride-1-c)`` is module (r, c), so ``x >> k`` moves k modules right along a
    row and ``x >> k*stride`` k rows down. The stack holds the eight candidates, one per mask, with
    ``_GAP`` light rows between them and around them.
    """

    def __init__(self, version: int) -> None:
        n = 17 + 4 * version
        stride = -(-(n + 4) // 8) * 8
        self.version, self.n, self.stride = version, n, stride
        fixed: list[list[int | None]] = [[None] * n for _ in range(n)]  # None: data region
        for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
            for r in range(-1, 8):
                for c in range(-1, 8):
                    rr, cc = r0 + r, c0 + c
                    if 0 <= rr < n and 0 <= cc < n:
                        fixed[rr][cc] = int(_FINDER[r][c]) if 0 <= r < 7 and 0 <= c < 7 else 0
        for i in range(8, n - 8):
            fixed[6][i] = fixed[i][6] = (i + 1) % 2
        if version >= 2:
            pos = _ALIGNMENT_POS[version - 2]
            corners = {(pos[0], pos[0]), (pos[0], pos[-1]), (pos[-1], pos[0])}
            for x in pos:
                for y in pos:
                    if (x, y) not in corners:
                        for r in range(5):
                            for c in range(5):
                                fixed[x - 2 + r][y - 2 + c] = int(_ALIGN[r][c])
        # Format information, the dark module and version information are light while the masks are
        # judged (as segno does); their bits are XORed in with the chosen mask.
        self.format_cells: list[tuple[int, int, int]] = []  # (row, col, bit of the format word)
        for i in range(8):
            v = i + (1 if i >= 6 else 0)
            self.format_cells += [(v, 8, i), (8, v, 14 - i), (8, n - 1 - i, i)]
            if i < 7:
                self.format_cells.append((n - 1 - i, 8, 14 - i))
        for r, c, _bit in self.format_cells:
            fixed[r][c] = 0
        fixed[n - 8][8] = 0
        self.late_cells: list[tuple[int, int]] = [(n - 8, 8)]
        if version >= 7:
            info = _VERSION_INFO[version - 7]
            for i in range(6):
                for k in range(3):
                    fixed[n - 11 + k][i] = fixed[i][n - 11 + k] = 0
                    if (info >> (i * 3 + k)) & 1:
                        self.late_cells += [(n - 11 + k, i), (i, n - 11 + k)]
        self.is_data = [[fixed[r][c] is None for c in range(n)] for r in range(n)]
        self.data_region = int(
            "".join("".join("1" if d else "0" for d in row).ljust(stride, "0") for row in self.is_data), 2
        )
        self.total_codewords = sum(ec.num_blocks * ec.num_total for ec in _ECC[version][_segno.ERROR_LEVEL_M])
        self.nbits = nbits = self.total_codewords * 8
        template = bytearray(b"0" * (n * stride))
        for r in range(n):
            for c in range(n):
                if fixed[r][c]:
                    template[r * stride + c] = ord("1")
        # one light module before and after the symbol, so that every two-module column pair right of the
        # vertical timing pattern starts at an even index (see _placement)
        self.template = array("H", b"0" + bytes(template) + b"0")
        self.pair_runs, self.single_runs = self._placement(fixed, nbits)

        # the stack: 8 blocks of n rows, each with _GAP light rows above, and _GAP more at the bottom
        self.block_bits = n * stride
        rows_total = 8 * (n + _GAP) + _GAP
        self.offsets = tuple((rows_total - m * (n + _GAP) - _GAP - n) * stride for m in range(8))
        self.rep = sum(1 << off for off in self.offsets)
        # the blocks are evenly spaced: one block at the bottom, copied up by doubling (three shifts)
        spacing = (n + _GAP) * stride
        assert self.offsets == tuple(self.offsets[-1] + (7 - m) * spacing for m in range(8))
        self.doublings = (spacing, 2 * spacing, 4 * spacing)
        self.block_mask = (1 << self.block_bits) - 1
        self.full = (1 << (rows_total * stride)) - 1

        def block_of(cells: set[tuple[int, int]]) -> int:
            s = bytearray(b"0" * self.block_bits)
            for r, c in cells:
                s[r * stride + c] = ord("1")
            return int(s, 2)

        def from_row(first_row: int, first_col: int) -> int:
            """The block whose modules at rows >= first_row and columns >= first_col are set."""
            row = ("0" * first_col + "1" * (n - first_col)).ljust(stride, "0")
            return int("0" * (first_row * stride) + row * (n - first_row), 2)

        # windows of 5 along a row end at column >= 4; down a column at row >= 4; 2x2 blocks at (>=1, >=1)
        self.valid_h5 = from_row(0, 4) * self.rep
        self.valid_v5 = from_row(4, 0) * self.rep
        self.valid_2x2 = from_row(1, 1) * self.rep
        # `full` moved right by k modules and by k rows: light >> k == (g >> k) ^ full_h[k], without a shift
        self.full_h = tuple(self.full >> k for k in range(5))
        self.full_v = tuple(self.full >> k * stride for k in range(5))
        # splitting the stack into its eight blocks in three halvings (see _block_counts)
        d = (n + _GAP) * stride
        low = _GAP * stride  # the bottom block's offset
        self.halvings = tuple(
            x for shift in (low + 4 * d, 2 * d, low + 2 * d, d, low + d) for x in (shift, (1 << shift) - 1)
        )
        self._block_of = block_of
        self._masks: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._lock = threading.Lock()

    def _placement(
        self, fixed: list[list[int | None]], nbits: int
    ) -> tuple[list[tuple[int, slice, slice]], list[tuple[slice, slice]]]:
        """The zigzag placement (ISO 7.7.3) as slice assignments.

        Two-module columns are filled alternately upwards and downwards from the right, a row's right
        module and then its left one. Where both are data they move as one 2-byte unit: the bit string
        seen as 16-bit units (byte-swapped, so that the right module's bit lands on the right), from its
        start or from its second bit, whichever the pair begins on, into the symbol seen as 16-bit
        units; along a column pair the target advances by ±stride/2 units and the source by one, so each
        stretch between interruptions is one run ``(which source, target slice, source slice)``. The rest
        (beside a function pattern, and the three column pairs left of the timing pattern, which start
        on odd indices) are single modules, in runs along a module column.
        """
        n, stride = self.n, self.stride
        order: list[tuple[int, int]] = []
        for right0 in range(n - 1, 0, -2):
            right = right0 - 1 if right0 <= 6 else right0
            for vertical in range(n):
                for z in range(2):
                    j = right - z
                    upwards = ((right & 2) == 0) ^ (j < 6)
                    i = n - 1 - vertical if upwards else vertical
                    if fixed[i][j] is None:
                        order.append((i, j))
        assert len(order) >= nbits
        order = order[:nbits]  # remainder bits stay light
        pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (source parity, column) -> cells
        singles: dict[int, list[tuple[int, int]]] = {}
        k = 0
        while k < nbits:
            i, j = order[k]
            at = 1 + i * stride + j  # the index in the template, after its leading light module
            if k + 1 < nbits and order[k + 1] == (i, j - 1) and at % 2 == 1:
                pairs.setdefault((k % 2, j), []).append((k // 2, (at - 1) // 2))
                k += 2
            else:
                singles.setdefault(j, []).append((k, at))
                k += 1
        pair_runs = [
            (parity, t, s) for (parity, _j), cells in pairs.items() for t, s in _arithmetic_runs(cells)
        ]
        single_runs = [run for cells in singles.values() for run in _arithmetic_runs(cells)]
        return pair_runs, single_runs

    def _mask_pattern(self, m: int) -> int:
        """Data mask ``m`` over the whole symbol (function patterns included), as a block. Every mask
        repeats along a row with a period of 6 (or a divisor of it): six modules worked out per row,
        the row made by repeating them."""
        fn, n, stride = _MASKS[m], self.n, self.stride
        reps = -(-n // 6)
        rows = []
        for r in range(n):
            period = "".join("1" if fn(r, c) else "0" for c in range(6))
            rows.append((period * reps)[:n].ljust(stride, "0"))
        return int("".join(rows), 2)

    def masks(self, level: str) -> tuple[int, tuple[int, ...]]:
        """(the eight data masks stacked, for judging; per mask the final pattern: the data mask, the
        format information of ``level`` and that mask, the dark module, the version information)."""
        got = self._masks.get(level)
        if got is not None:
            return got
        with self._lock:
            stacked = 0
            finals = []
            late = self._block_of(set(self.late_cells))
            for m in range(8):
                cells = self._mask_pattern(m) & self.data_region
                stacked |= cells << self.offsets[m]
                fmt = _FORMAT_INFO[_FORMAT_OFFSET[level] + m]
                on = {(r, c) for r, c, bit in self.format_cells if (fmt >> bit) & 1}
                finals.append(cells | self._block_of(on) | late)
            got = (stacked, tuple(finals))
            self._masks[level] = got
            return got


_geometry_lock = threading.Lock()


@cache
def _geometry(version: int) -> _Geometry:
    return _Geometry(version)


def _geom(version: int) -> _Geometry:
    with _geometry_lock:  # built once per version by whichever thread gets there first
        return _geometry(version)


# ----------------------------------------------------------------------------------------------------
# choosing the mask: ISO/IEC 18004:2015 7.8.3.1, for the eight candidates at once
# ----------------------------------------------------------------------------------------------------


def _lines(g: int, light: int, step: int, full: tuple[int, ...], valid5: int) -> tuple[int, int, int, int]:
    """Along rows (``step`` 1) or down columns (``step`` the stride), for the stack ``g``: where a module
    has the colour of the one before it; N1's windows of five such modules and one window of each run
    (its last); N3's finder-like matches. ``full[k]`` is the stack's extent moved k steps along, so that
    ``light >> k*step`` is ``(g >> k*step) ^ full[k]`` (shifts cost five times an AND or XOR here)."""
    g1, g2, g3, g4 = g >> step, g >> 2 * step, g >> 3 * step, g >> 4 * step
    l1, l2, l3 = g1 ^ full[1], g2 ^ full[2], g3 ^ full[3]
    same = g ^ l1
    run = same & (g1 ^ l2) & (g2 ^ l3) & (g3 ^ g4 ^ full[4]) & valid5
    start = run ^ (run & (run << step))
    # N3: dark-light-dark-dark-dark-light-dark, found at the bit of its last module, with four light
    # modules on a side. The symbol's edge counts as light: every row has at least 4 light padding
    # modules after it and there are _GAP light rows between candidates, which also keeps a match from
    # spanning two lines.
    core = g & l1 & g2 & g3 & g4 & ((light & g1) >> 5 * step)
    if core:
        four = light & l1 & l2 & l3
        core &= (four << 4 * step) | (four >> 7 * step)
    return same, run, start, core


def _block_counts(q: int, h: tuple[int, ...]) -> tuple[int, ...]:
    """The dark bits of ``q`` in each of the stack's eight blocks (block 0 first), the stack halved three
    times (the cost of a shift grows with what it leaves, so this beats eight shifts of the whole)."""
    hi, lo = q >> h[0], q & h[1]
    hh, hl, lh, ll = hi >> h[2], hi & h[3], lo >> h[4], lo & h[5]
    d, dm = h[6], h[7]
    return (
        (hh >> d).bit_count(),
        (hh & dm).bit_count(),
        (hl >> d).bit_count(),
        (hl & dm).bit_count(),
        (lh >> d).bit_count(),
        (lh & dm).bit_count(),
        (ll >> h[8]).bit_count(),
        (ll & h[9]).bit_count(),
    )


def _best_mask(geo: _Geometry, g: int) -> int:
    """The mask with the lowest penalty N1 + N2 + N3 + N4; ``g`` is the stack of eight candidates.

    N1: runs of 5 + i same-coloured modules score 3 + i: a point for every window of five along a run,
    two more for each run (its last window); N2: 2x2 blocks of one colour, 3 each; N3: finder-like
    patterns, 40 each; N4: the share of dark modules. The weighted N1/N2 counts are first added module
    by module in binary (carry-save: a few XORs and ANDs), so that four bit maps are counted, not five.
    """
    s = geo.stride
    light = g ^ geo.full
    eh, run_h, start_h, finder_h = _lines(g, light, 1, geo.full_h, geo.valid_h5)
    ev, run_v, start_v, finder_v = _lines(g, light, s, geo.full_v, geo.valid_v5)
    blocks = eh & (eh >> s) & ev & geo.valid_2x2
    # run_h + run_v + 2 start_h + 2 start_v + 3 blocks, per module, as the binary number (k4 s4 s2 s1)
    x1 = run_h ^ run_v
    s1 = x1 ^ blocks
    k1 = (run_h & run_v) | (x1 & blocks)
    x2 = start_h ^ start_v
    s2 = x2 ^ blocks
    k2 = (start_h & start_v) | (x2 & blocks)
    s2, k3 = s2 ^ k1, s2 & k1
    s4, k4 = k2 ^ k3, k2 & k3
    h = geo.halvings
    totals = [0] * 8
    weighted = ((1, s1), (2, s2), (4, s4), (8, k4), (40, finder_h ^ finder_v), (80, finder_h & finder_v))
    for weight, q in weighted:
        if q:
            for m, count in enumerate(_block_counts(q, h)):
                totals[m] += weight * count
    size = geo.n * geo.n
    best, best_score = 0, -1
    for m, dark in enumerate(_block_counts(g, h)):
        score = totals[m] + 10 * int(abs(dark / size * 100 - 50) / 5)
        if best_score < 0 or score < best_score:
            best, best_score = m, score
    return best


# ----------------------------------------------------------------------------------------------------
# public API
# ----------------------------------------------------------------------------------------------------


def encode(
    text: str, *, level: str = "M", boost: bool = True, mask: int | None = None, min_version: int = 1
) -> QrCode:
    """Encode ``text`` in the smallest version that holds it at ``level`` (raised to a better level while
    the version stays the same, if ``boost``). Alphanumeric mode when every character allows it, else
    bytes (UTF-8). ``mask`` forces a data mask (tests); otherwise the standard's penalty chooses."""
    if level not in _LEVELS:
        raise ValueError(f"level must be one of L, M, Q, H, not {level!r}")
    alnum = _ALNUM_SET.issuperset(text)
    data = b"" if alnum else text.encode("utf-8")
    # the payload's length in bits for versions 1-9, 10-26 and 27-40 (the count field grows)
    need = [_payload_bits(text, data, alnum, v) for v in (9, 26, 40)]
    capacity = _capacity_bits(level)
    for version in range(max(1, min_version), 41):
        if need[(version > 9) + (version > 26)] <= capacity[version]:
            break
    else:
        raise ValueError("the text is too long for a QR code")
    if boost:
        for better in _BOOST[level]:
            if _payload_bits(text, data, alnum, version) <= _data_codewords(version, better) * 8:
                level = better
    geo = _geom(version)
    codewords = _final_codewords(_bitstream(text, data, alnum, version, level), version, level)
    source = format(int.from_bytes(codewords, "big"), f"0{geo.nbits}b").encode()
    units = array("H", source), array("H", source[1:] + b"0")  # pairs from the first bit, the second
    for u in units:
        u.byteswap()
    target = array("H", geo.template)
    for which, t, k in geo.pair_runs:
        target[t] = units[which][k]
    modules = bytearray(target.tobytes())
    for t, k in geo.single_runs:
        modules[t] = source[k]
    block = int(modules[1:-1], 2)
    stacked_masks, finals = geo.masks(level)
    if mask is None:
        stack = block << geo.offsets[-1]
        for shift in geo.doublings:
            stack |= stack << shift
        chosen = _best_mask(geo, stack ^ stacked_masks)
    else:
        chosen = mask
    final = block ^ finals[chosen]
    return QrCode(
        version=version,
        level=level,
        mask=chosen,
        size=geo.n,
        stride=geo.stride,
        bitmap=final.to_bytes(geo.block_bits // 8, "big"),
    )


def qr_image_operators(code: QrCode, x: float, y: float, size: float, *, quiet_zone: bool = True) -> str:
    """PDF content operators drawing ``code`` in the square of side ``size`` points whose lower-left
    corner is (``x``, ``y``), as a 1-bit inline image mask (about N²/8 bytes, crisp: no interpolation);
    a white quiet zone of 4 modules is painted first so a background never touches the code."""
    n = code.size
    module = size / n
    ops = ["q"]
    if quiet_zone:
        q = 4 * module
        ops.append(f"1 g {_f(x - q)} {_f(y - q)} {_f(size + 2 * q)} {_f(size + 2 * q)} re f")
    # the image is `stride` modules wide (the padding is light, so nothing is painted there)
    width = module * code.stride
    ops.append(
        f"0 g {_f(width)} 0 0 {_f(size)} {_f(x)} {_f(y)} cm "
        f"BI /W {code.stride} /H {n} /IM true /BPC 1 /D [1 0] /F /AHx ID {code.bitmap.hex()}> EI Q"
    )
    return "\n".join(ops)


def draw_qr(canvas: Any, code: QrCode, x: float, y: float, size: float, *, quiet_zone: bool = True) -> None:
    """Draw ``code`` on a reportlab canvas (lower-left corner at ``x``, ``y``; side ``size`` points)."""
    canvas.addLiteral(qr_image_operators(code, x, y, size, quiet_zone=quiet_zone))


def _f(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".")
