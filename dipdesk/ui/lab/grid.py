"""The result-entry grid: one row per analysis (and per reading of a calculated test), fast by keyboard.

- Type in the Result column and press Enter: the value is kept and the cursor goes down to the next
  row that can be entered (a spreadsheet's habit). Typing on any selected row starts editing its result.
- What is typed is read as it is typed (``<0.05``, ``ND``, ``๑๒,๕``…, `dipdesk.core.labresults`): the
  "Shown as" column rounds it the way the report will, and the row turns red (out of specification),
  amber (inside it but in the warning band) or stays plain, before Enter is even pressed.
- A calculated test (moisture from wet and dry weights) shows its readings as rows of their own; its
  result is computed from them live and is not typed. A formula may also use the sample's other results
  (ash on dry basis uses the moisture result): it follows them live as they are typed, as the service
  recomputes it when they are saved.
- The grid itself never writes: `edited(analysis_id)` tells the page which result to save (in a worker,
  through the service). Rows that are submitted, verified or withdrawn are read-only.
"""

from __future__ import annotations

from dipdesk.ui.lab.grid_model import VERDICTS as VERDICTS
from dipdesk.ui.lab.grid_model import GridRow as GridRow
from dipdesk.ui.lab.grid_model import ResultModel as ResultModel
from dipdesk.ui.lab.grid_model import tint as tint
from dipdesk.ui.lab.grid_model import verdict_label as verdict_label
from dipdesk.ui.lab.grid_table import ColorTextDelegate as ColorTextDelegate
from dipdesk.ui.lab.grid_table import ResultDelegate as ResultDelegate
from dipdesk.ui.lab.grid_table import ResultGrid as ResultGrid
from dipdesk.ui.lab.grid_table import TintDelegate as TintDelegate
