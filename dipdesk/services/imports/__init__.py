"""Import people (with their enterprises) and enterprises from the sheets centers receive.

Class lists arrive as Excel files typed by hand, CSVs saved by Thai Windows (cp874/TIS-620), UTF-8 with or
without a byte-order mark, and Google Forms exports. The steps, each usable on its own:

1. `read_table(path)`: the header row and the rows, whatever the encoding or sheet layout (title rows
   above the header and empty rows are skipped).
2. `suggest_mapping(session, kind, headers)`: which column holds which field, guessed from Thai and English
   headers; what the user chose before for the same header text wins (`remember_mapping`, kept in
   `local_state` of this installation).
3. `check_rows(...)`: every row read and checked without the database (the preview): names, 13-digit IDs
   and their check digit, phones, e-mails, dates (BE or CE, Thai digits, Excel serial numbers),
   provinces, and rows repeated within the file.
4. `run_import(...)`: matches rows with the database (same national ID: the person is updated; same name
   without an ID to tell them apart: rejected as a possible duplicate), then writes through
   `dipdesk.services.records` so validation, the audit trail and the sync outbox apply.

All or nothing for the accepted rows: the whole import is one transaction. Rejected rows are reported
(and can be saved as an error sheet, `write_error_sheet`, with the original columns and a reason, to be
fixed and imported again); the accepted rows are committed together at the end, or not at all if the
import is cancelled or fails. A dry run does the same work and rolls it back.

The package, one module per step; every name the GUI, CLI and tests use is re-exported here:

- :mod:`.mapping` — the fields of each kind, how headers name them, guessing and remembering the mapping;
- :mod:`.reading` — reading CSV (any encoding) and Excel files into a :class:`SourceTable`;
- :mod:`.validation` — reading cells (IDs, phones, dates, provinces, …) and checking rows without the
  database;
- :mod:`.applying` — matching rows with the database and writing them through the services, and the error
  sheet.
"""

from __future__ import annotations

from dipdesk.services.imports.applying import (
    ILLEGAL_CHARS as ILLEGAL_CHARS,
)
from dipdesk.services.imports.applying import (
    CancelFn as CancelFn,
)
from dipdesk.services.imports.applying import (
    ImportCancelled as ImportCancelled,
)
from dipdesk.services.imports.applying import (
    ImportResult as ImportResult,
)
from dipdesk.services.imports.applying import (
    ProgressFn as ProgressFn,
)
from dipdesk.services.imports.applying import (
    Rejected as Rejected,
)
from dipdesk.services.imports.applying import (
    _chunks as _chunks,
)
from dipdesk.services.imports.applying import (
    _column_of as _column_of,
)
from dipdesk.services.imports.applying import (
    _Importer as _Importer,
)
from dipdesk.services.imports.applying import (
    _sheet_value as _sheet_value,
)
from dipdesk.services.imports.applying import (
    count_live_people as count_live_people,
)
from dipdesk.services.imports.applying import (
    find_activity as find_activity,
)
from dipdesk.services.imports.applying import (
    run_import as run_import,
)
from dipdesk.services.imports.applying import (
    write_error_sheet as write_error_sheet,
)
from dipdesk.services.imports.mapping import (
    _IGNORED_HEADERS as _IGNORED_HEADERS,
)
from dipdesk.services.imports.mapping import (
    _PUNCT as _PUNCT,
)
from dipdesk.services.imports.mapping import (
    CHUNK as CHUNK,
)
from dipdesk.services.imports.mapping import (
    ENTERPRISE_FIELDS as ENTERPRISE_FIELDS,
)
from dipdesk.services.imports.mapping import (
    IGNORE as IGNORE,
)
from dipdesk.services.imports.mapping import (
    KINDS as KINDS,
)
from dipdesk.services.imports.mapping import (
    MAX_HEADER_SCAN as MAX_HEADER_SCAN,
)
from dipdesk.services.imports.mapping import (
    PEOPLE_FIELDS as PEOPLE_FIELDS,
)
from dipdesk.services.imports.mapping import (
    REASON_HEADER as REASON_HEADER,
)
from dipdesk.services.imports.mapping import (
    FieldSpec as FieldSpec,
)
from dipdesk.services.imports.mapping import (
    _memory_key as _memory_key,
)
from dipdesk.services.imports.mapping import (
    _norm as _norm,
)
from dipdesk.services.imports.mapping import (
    _score as _score,
)
from dipdesk.services.imports.mapping import (
    field_label as field_label,
)
from dipdesk.services.imports.mapping import (
    fields_for as fields_for,
)
from dipdesk.services.imports.mapping import (
    forget_mappings as forget_mappings,
)
from dipdesk.services.imports.mapping import (
    guess_field as guess_field,
)
from dipdesk.services.imports.mapping import (
    guess_mapping as guess_mapping,
)
from dipdesk.services.imports.mapping import (
    mapping_problems as mapping_problems,
)
from dipdesk.services.imports.mapping import (
    remember_mapping as remember_mapping,
)
from dipdesk.services.imports.mapping import (
    suggest_mapping as suggest_mapping,
)
from dipdesk.services.imports.reading import (
    MAX_IMPORT_BYTES as MAX_IMPORT_BYTES,
)
from dipdesk.services.imports.reading import (
    MAX_IMPORT_ROWS as MAX_IMPORT_ROWS,
)
from dipdesk.services.imports.reading import (
    SourceTable as SourceTable,
)
from dipdesk.services.imports.reading import (
    UnreadableFile as UnreadableFile,
)
from dipdesk.services.imports.reading import (
    _cell_text as _cell_text,
)
from dipdesk.services.imports.reading import (
    _decode as _decode,
)
from dipdesk.services.imports.reading import (
    _filled_width as _filled_width,
)
from dipdesk.services.imports.reading import (
    _header_score as _header_score,
)
from dipdesk.services.imports.reading import (
    _read_xlsx as _read_xlsx,
)
from dipdesk.services.imports.reading import (
    _table as _table,
)
from dipdesk.services.imports.reading import (
    _utf16_without_bom as _utf16_without_bom,
)
from dipdesk.services.imports.reading import (
    read_table as read_table,
)
from dipdesk.services.imports.validation import (
    _CONTROL_CHARS as _CONTROL_CHARS,
)
from dipdesk.services.imports.validation import (
    _KIND_WORDS as _KIND_WORDS,
)
from dipdesk.services.imports.validation import (
    _NAME_PREFIXES as _NAME_PREFIXES,
)
from dipdesk.services.imports.validation import (
    _NOT_A_START as _NOT_A_START,
)
from dipdesk.services.imports.validation import (
    _PREFIX_ALIASES as _PREFIX_ALIASES,
)
from dipdesk.services.imports.validation import (
    _PREFIX_GENDER as _PREFIX_GENDER,
)
from dipdesk.services.imports.validation import (
    _PROVINCES as _PROVINCES,
)
from dipdesk.services.imports.validation import (
    _SERIAL_RANGE as _SERIAL_RANGE,
)
from dipdesk.services.imports.validation import (
    _SIZE_WORDS as _SIZE_WORDS,
)
from dipdesk.services.imports.validation import (
    _TIME_TAIL as _TIME_TAIL,
)
from dipdesk.services.imports.validation import (
    _TRUE as _TRUE,
)
from dipdesk.services.imports.validation import (
    CellError as CellError,
)
from dipdesk.services.imports.validation import (
    RowCheck as RowCheck,
)
from dipdesk.services.imports.validation import (
    _check_enterprise as _check_enterprise,
)
from dipdesk.services.imports.validation import (
    _check_person as _check_person,
)
from dipdesk.services.imports.validation import (
    _clean_text as _clean_text,
)
from dipdesk.services.imports.validation import (
    _digits_cell as _digits_cell,
)
from dipdesk.services.imports.validation import (
    _email as _email,
)
from dipdesk.services.imports.validation import (
    _gender as _gender,
)
from dipdesk.services.imports.validation import (
    _labelled as _labelled,
)
from dipdesk.services.imports.validation import (
    _labelled_en as _labelled_en,
)
from dipdesk.services.imports.validation import (
    _name_key as _name_key,
)
from dipdesk.services.imports.validation import (
    _prefix as _prefix,
)
from dipdesk.services.imports.validation import (
    _province_names as _province_names,
)
from dipdesk.services.imports.validation import (
    _split_prefix as _split_prefix,
)
from dipdesk.services.imports.validation import (
    check_rows as check_rows,
)
from dipdesk.services.imports.validation import (
    read_bool as read_bool,
)
from dipdesk.services.imports.validation import (
    read_date as read_date,
)
from dipdesk.services.imports.validation import (
    read_enterprise_kind as read_enterprise_kind,
)
from dipdesk.services.imports.validation import (
    read_id as read_id,
)
from dipdesk.services.imports.validation import (
    read_phone as read_phone,
)
from dipdesk.services.imports.validation import (
    read_province as read_province,
)
from dipdesk.services.imports.validation import (
    read_size as read_size,
)
