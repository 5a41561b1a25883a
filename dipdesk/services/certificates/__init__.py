"""Certificates (วุฒิบัตร / เกียรติบัตร): who is due one, issuing, printing, reprinting, revoking, verifying.

- **Who**: the rule in :mod:`dipdesk.core.eligibility` over each enrollment's status and attendance
  (the hours arithmetic of :mod:`dipdesk.core.attendance`); staff may *override* with a reason.
- **Issuing is a record**: a :class:`Certificate` row with a serial that is unique across sites even
  offline, ``{SITE}-{FY}-{running:05d}`` (``IPC1-2569-00042``), or, on a computer that has a sync device
  id, ``{SITE}-{FY}-{DEV}-{running:05d}`` where DEV is four characters derived from the device id:
  two laptops of one site issuing offline on the same day cannot collide, while a site that never
  synced keeps the plain form (its one computer is the only issuer). The running number comes from the
  local ``SerialCounter`` and never goes below what the table already holds (a restored backup or a
  counter lost in a copy cannot reuse a number). ``printed_data`` keeps exactly what was printed: the
  names, titles and dates as text, the template's layout (a snapshot, so a later template edit does not
  change an issued certificate), the Thai-digits choice and the QR text. A reprint draws from it, so it
  is an exact copy after any later name or template change, and is logged (``CertificatePrint``).
  *Re-issuing* on purpose takes today's data and template, increments the revision (the QR carries it,
  so an older copy is recognised as superseded) and is audited with its reason. Revoking needs a reason.
- **Signed QR**: see :mod:`dipdesk.services.signing`; :func:`verify` checks a scanned code offline.
- **Printing**: :func:`print_activity` issues what is due and prints the activity's certificates into one
  PDF (or one file per person), sorted like the class list (Thai dictionary order of first name, then
  surname), in one transaction with the file written last: cancelled or failed, nothing is issued.

Every change goes through :func:`dipdesk.services.records.audit`.

The package, one module per step; every name the GUI, CLI and tests use is re-exported here:

- :mod:`.common` — series and setting keys, and the content-addressed files (backgrounds, signatures);
- :mod:`.templates` — listing, choosing and saving templates and their layouts;
- :mod:`.issuing` — the class list and eligibility, the printed values, serial numbers, issue, reissue,
  revoke;
- :mod:`.printing` — previews, pages, printing an activity, reprints;
- :mod:`.verification` — checking a scanned QR code, and the read-only summaries for screens.
"""

from __future__ import annotations

from dipdesk.services.certificates.common import (
    _CROCKFORD as _CROCKFORD,
)
from dipdesk.services.certificates.common import (
    _LEAD_VOWEL as _LEAD_VOWEL,
)
from dipdesk.services.certificates.common import (
    _TONE as _TONE,
)
from dipdesk.services.certificates.common import (
    COMPLETION_SERVICES as COMPLETION_SERVICES,
)
from dipdesk.services.certificates.common import (
    DEFAULT_CODES as DEFAULT_CODES,
)
from dipdesk.services.certificates.common import (
    DEVICE_KEY as DEVICE_KEY,
)
from dipdesk.services.certificates.common import (
    DIRECTOR_KEY as DIRECTOR_KEY,
)
from dipdesk.services.certificates.common import (
    SERIES as SERIES,
)
from dipdesk.services.certificates.common import (
    Progress as Progress,
)
from dipdesk.services.certificates.common import (
    _layout_hashes as _layout_hashes,
)
from dipdesk.services.certificates.common import (
    bundled_background as bundled_background,
)
from dipdesk.services.certificates.common import (
    bundled_images as bundled_images,
)
from dipdesk.services.certificates.common import (
    file_path as file_path,
)
from dipdesk.services.certificates.common import (
    resolve_files as resolve_files,
)
from dipdesk.services.certificates.common import (
    store_file as store_file,
)
from dipdesk.services.certificates.issuing import (
    ClassEntry as ClassEntry,
)
from dipdesk.services.certificates.issuing import (
    Issued as Issued,
)
from dipdesk.services.certificates.issuing import (
    IssueResult as IssueResult,
)
from dipdesk.services.certificates.issuing import (
    _hours_text as _hours_text,
)
from dipdesk.services.certificates.issuing import (
    _printed_data as _printed_data,
)
from dipdesk.services.certificates.issuing import (
    _signatories as _signatories,
)
from dipdesk.services.certificates.issuing import (
    _total_hours as _total_hours,
)
from dipdesk.services.certificates.issuing import (
    activity_by_code as activity_by_code,
)
from dipdesk.services.certificates.issuing import (
    certificate_values as certificate_values,
)
from dipdesk.services.certificates.issuing import (
    class_list as class_list,
)
from dipdesk.services.certificates.issuing import (
    device_tag as device_tag,
)
from dipdesk.services.certificates.issuing import (
    director_name as director_name,
)
from dipdesk.services.certificates.issuing import (
    find_certificate as find_certificate,
)
from dipdesk.services.certificates.issuing import (
    issue as issue,
)
from dipdesk.services.certificates.issuing import (
    issue_due as issue_due,
)
from dipdesk.services.certificates.issuing import (
    issue_many as issue_many,
)
from dipdesk.services.certificates.issuing import (
    name_sort_key as name_sort_key,
)
from dipdesk.services.certificates.issuing import (
    next_serials as next_serials,
)
from dipdesk.services.certificates.issuing import (
    reissue as reissue,
)
from dipdesk.services.certificates.issuing import (
    revoke as revoke,
)
from dipdesk.services.certificates.issuing import (
    serial_prefix as serial_prefix,
)
from dipdesk.services.certificates.issuing import (
    thai_date_range as thai_date_range,
)
from dipdesk.services.certificates.issuing import (
    thai_sort_key as thai_sort_key,
)
from dipdesk.services.certificates.printing import (
    PrintResult as PrintResult,
)
from dipdesk.services.certificates.printing import (
    _engine_of as _engine_of,
)
from dipdesk.services.certificates.printing import (
    _safe_filename as _safe_filename,
)
from dipdesk.services.certificates.printing import (
    context_for as context_for,
)
from dipdesk.services.certificates.printing import (
    discard_staged as discard_staged,
)
from dipdesk.services.certificates.printing import (
    ensure_signing_key as ensure_signing_key,
)
from dipdesk.services.certificates.printing import (
    page_for as page_for,
)
from dipdesk.services.certificates.printing import (
    preview_for_activity as preview_for_activity,
)
from dipdesk.services.certificates.printing import (
    preview_pdf as preview_pdf,
)
from dipdesk.services.certificates.printing import (
    print_activity as print_activity,
)
from dipdesk.services.certificates.printing import (
    print_certificates as print_certificates,
)
from dipdesk.services.certificates.printing import (
    publish_staged as publish_staged,
)
from dipdesk.services.certificates.printing import (
    reprint as reprint,
)
from dipdesk.services.certificates.printing import (
    sort_like_class_list as sort_like_class_list,
)
from dipdesk.services.certificates.printing import (
    staged_output as staged_output,
)
from dipdesk.services.certificates.templates import (
    _as_kwargs as _as_kwargs,
)
from dipdesk.services.certificates.templates import (
    default_template as default_template,
)
from dipdesk.services.certificates.templates import (
    ensure_default_templates as ensure_default_templates,
)
from dipdesk.services.certificates.templates import (
    list_templates as list_templates,
)
from dipdesk.services.certificates.templates import (
    save_template as save_template,
)
from dipdesk.services.certificates.templates import (
    template_by_code as template_by_code,
)
from dipdesk.services.certificates.templates import (
    template_layout as template_layout,
)
from dipdesk.services.certificates.verification import (
    ActivityChoice as ActivityChoice,
)
from dipdesk.services.certificates.verification import (
    Verification as Verification,
)
from dipdesk.services.certificates.verification import (
    activities_for_certificates as activities_for_certificates,
)
from dipdesk.services.certificates.verification import (
    verify as verify,
)
