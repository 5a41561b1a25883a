"""The testing lab's use cases: catalog, requests, sample reception, results, four-eyes verification, reports.

Workflow (LAB.md, after SENAITE):

- A request (คำขอรับบริการ) names the customer and, per sample, the tests; each sample gets a lab number
  at once (``L2569-IPC1-K7Q2-00123``: fiscal year, site code, this computer's device tag, running number
  from ``SerialCounter``, so neither two sites nor two laptops of one site collide
  even offline) and one analysis per test, ``registered``.
- Reception (รับตัวอย่าง) records the condition of the item, who received it and when, and the due date.
- An analysis goes ``registered → to_be_verified`` (submit: needs a value or a detection-limit flag,
  the readings of a calculated test, and a received sample) ``→ verified`` (by a *different* user unless
  the lab's settings allow self-verification) ``→ published`` (with the report). ``retracted`` withdraws
  a result and creates the retest; ``rejected`` drops a test that will not be done.
- A report (ใบรายงานผลการทดสอบ) is published when every analysis of the sample that counts is verified;
  its content is kept as printed and never changes. An amendment is a new report number that names the
  one it replaces and why; the old one stays, marked ``replaced``.

Every state change writes an audit entry (``records.audit``): who, when, from which state to which.
Every function takes a :class:`Context` whose session is the caller's transaction; the caller commits.

The package, one module per stage; every name the GUI, CLI and tests use is re-exported here, so
``from dipdesk.services import lab; lab.submit(...)`` keeps working:

- :mod:`.common` — the lab's context, numbering, settings, the shared state helpers (``_change``,
  the sample/request roll-up) and the workflow error;
- :mod:`.catalog` — tests, specifications and product types;
- :mod:`.requests` — requests, sample reception and cancellation, finders by number/id;
- :mod:`.results` — entering results, interim readings, calculated tests and their dependents;
- :mod:`.workflow` — submit, four-eyes verification, retract and reject;
- :mod:`.reports` — publishing, amendments and the printable content of reports, request forms, receipts;
- :mod:`.worklist` — the worklist, analysis rows and the lab's counts.
"""

from __future__ import annotations

from dipdesk.services import (
    records as records,
)
from dipdesk.services.lab.catalog import (
    _interim_from_text as _interim_from_text,
)
from dipdesk.services.lab.catalog import (
    _normalize_test_fields as _normalize_test_fields,
)
from dipdesk.services.lab.catalog import (
    _spec as _spec,
)
from dipdesk.services.lab.catalog import (
    _spec_fields as _spec_fields,
)
from dipdesk.services.lab.catalog import (
    _validate_spec as _validate_spec,
)
from dipdesk.services.lab.catalog import (
    _validate_test as _validate_test,
)
from dipdesk.services.lab.catalog import (
    catalog_specs as catalog_specs,
)
from dipdesk.services.lab.catalog import (
    catalog_tests as catalog_tests,
)
from dipdesk.services.lab.catalog import (
    create_specification as create_specification,
)
from dipdesk.services.lab.catalog import (
    create_test as create_test,
)
from dipdesk.services.lab.catalog import (
    interim_as_text as interim_as_text,
)
from dipdesk.services.lab.catalog import (
    product_types as product_types,
)
from dipdesk.services.lab.catalog import (
    remove_specification as remove_specification,
)
from dipdesk.services.lab.catalog import (
    spec_for as spec_for,
)
from dipdesk.services.lab.catalog import (
    test_by_code as test_by_code,
)
from dipdesk.services.lab.catalog import (
    update_specification as update_specification,
)
from dipdesk.services.lab.catalog import (
    update_test as update_test,
)
from dipdesk.services.lab.common import (
    AMENDABLE_REQUEST as AMENDABLE_REQUEST,
)
from dipdesk.services.lab.common import (
    AMENDABLE_SAMPLE as AMENDABLE_SAMPLE,
)
from dipdesk.services.lab.common import (
    CATALOG_PERMISSION as CATALOG_PERMISSION,
)
from dipdesk.services.lab.common import (
    COUNTING as COUNTING,
)
from dipdesk.services.lab.common import (
    DEFAULT_DECISION_RULE as DEFAULT_DECISION_RULE,
)
from dipdesk.services.lab.common import (
    WorkflowError as WorkflowError,
)
from dipdesk.services.lab.common import (
    _analyses as _analyses,
)
from dipdesk.services.lab.common import (
    _change as _change,
)
from dipdesk.services.lab.common import (
    _fail as _fail,
)
from dipdesk.services.lab.common import (
    _need_user as _need_user,
)
from dipdesk.services.lab.common import (
    _plain as _plain,
)
from dipdesk.services.lab.common import (
    _update_request_state as _update_request_state,
)
from dipdesk.services.lab.common import (
    _update_sample_state as _update_sample_state,
)
from dipdesk.services.lab.common import (
    _verr as _verr,
)
from dipdesk.services.lab.common import (
    lab_context as lab_context,
)
from dipdesk.services.lab.common import (
    lab_settings as lab_settings,
)
from dipdesk.services.lab.common import (
    local_time as local_time,
)
from dipdesk.services.lab.common import (
    next_number as next_number,
)
from dipdesk.services.lab.common import (
    update_settings as update_settings,
)
from dipdesk.services.lab.common import (
    user_by_name as user_by_name,
)
from dipdesk.services.lab.reports import (
    _immutable_report as _immutable_report,
)
from dipdesk.services.lab.reports import (
    _local_date as _local_date,
)
from dipdesk.services.lab.reports import (
    _local_iso as _local_iso,
)
from dipdesk.services.lab.reports import (
    _user_names as _user_names,
)
from dipdesk.services.lab.reports import (
    amend_report as amend_report,
)
from dipdesk.services.lab.reports import (
    current_report as current_report,
)
from dipdesk.services.lab.reports import (
    draft_content as draft_content,
)
from dipdesk.services.lab.reports import (
    printable_content as printable_content,
)
from dipdesk.services.lab.reports import (
    publish_report as publish_report,
)
from dipdesk.services.lab.reports import (
    publishable as publishable,
)
from dipdesk.services.lab.reports import (
    receipt_content as receipt_content,
)
from dipdesk.services.lab.reports import (
    report_content as report_content,
)
from dipdesk.services.lab.reports import (
    report_for_print as report_for_print,
)
from dipdesk.services.lab.reports import (
    reports_of as reports_of,
)
from dipdesk.services.lab.reports import (
    request_form_content as request_form_content,
)
from dipdesk.services.lab.reports import (
    result_rows as result_rows,
)
from dipdesk.services.lab.requests import (
    SampleInput as SampleInput,
)
from dipdesk.services.lab.requests import (
    _sample_tests as _sample_tests,
)
from dipdesk.services.lab.requests import (
    _tests_for as _tests_for,
)
from dipdesk.services.lab.requests import (
    cancel_sample as cancel_sample,
)
from dipdesk.services.lab.requests import (
    create_request as create_request,
)
from dipdesk.services.lab.requests import (
    find_report as find_report,
)
from dipdesk.services.lab.requests import (
    find_request as find_request,
)
from dipdesk.services.lab.requests import (
    find_sample as find_sample,
)
from dipdesk.services.lab.requests import (
    get_analysis as get_analysis,
)
from dipdesk.services.lab.requests import (
    get_specification as get_specification,
)
from dipdesk.services.lab.requests import (
    get_test as get_test,
)
from dipdesk.services.lab.requests import (
    receive_sample as receive_sample,
)
from dipdesk.services.lab.requests import (
    request_samples as request_samples,
)
from dipdesk.services.lab.results import (
    _computed as _computed,
)
from dipdesk.services.lab.results import (
    _recompute as _recompute,
)
from dipdesk.services.lab.results import (
    _stale as _stale,
)
from dipdesk.services.lab.results import (
    _uses_results as _uses_results,
)
from dipdesk.services.lab.results import (
    _variables as _variables,
)
from dipdesk.services.lab.results import (
    dependents as dependents,
)
from dipdesk.services.lab.results import (
    parse_interim as parse_interim,
)
from dipdesk.services.lab.results import (
    recompute_dependents as recompute_dependents,
)
from dipdesk.services.lab.results import (
    set_result as set_result,
)
from dipdesk.services.lab.workflow import (
    can_verify as can_verify,
)
from dipdesk.services.lab.workflow import (
    reject as reject,
)
from dipdesk.services.lab.workflow import (
    retract as retract,
)
from dipdesk.services.lab.workflow import (
    self_verification_allowed as self_verification_allowed,
)
from dipdesk.services.lab.workflow import (
    submit as submit,
)
from dipdesk.services.lab.workflow import (
    verify as verify,
)
from dipdesk.services.lab.worklist import (
    WORKLIST_FILTERS as WORKLIST_FILTERS,
)
from dipdesk.services.lab.worklist import (
    AnalysisRow as AnalysisRow,
)
from dipdesk.services.lab.worklist import (
    WorkItem as WorkItem,
)
from dipdesk.services.lab.worklist import (
    _analysis_rows as _analysis_rows,
)
from dipdesk.services.lab.worklist import (
    analysis_row as analysis_row,
)
from dipdesk.services.lab.worklist import (
    lab_counts as lab_counts,
)
from dipdesk.services.lab.worklist import (
    open_analyses_of_test as open_analyses_of_test,
)
from dipdesk.services.lab.worklist import (
    sample_analyses as sample_analyses,
)
from dipdesk.services.lab.worklist import (
    tests_with_open_work as tests_with_open_work,
)
from dipdesk.services.lab.worklist import (
    worklist as worklist,
)
from dipdesk.store.lab import (
    ANALYSIS_STATES as ANALYSIS_STATES,
)

__all__ = [
    "AMENDABLE_REQUEST",
    "AMENDABLE_SAMPLE",
    "ANALYSIS_STATES",
    "CATALOG_PERMISSION",
    "DEFAULT_DECISION_RULE",
    "AnalysisRow",
    "SampleInput",
    "WorkItem",
    "WorkflowError",
    "amend_report",
    "create_request",
    "publish_report",
    "receive_sample",
    "reject",
    "retract",
    "set_result",
    "submit",
    "verify",
]
