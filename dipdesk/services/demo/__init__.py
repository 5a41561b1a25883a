"""Realistic, deterministic Thai demo data for one site and one fiscal year (`dipdesk demo`).

What it builds: reference data, the installation's site, users of every role, programs of every service
kind and policy track, activities with sessions and attendance, people with valid national IDs,
enterprises (juristic persons, community enterprises, individual businesses) with members, products and
groups, enrollments, service records, outcomes, "Big Brother" mentoring across cohorts 1–4 (some mentees
of one cohort mentor the next), the year's targets, two certificate templates, and, at a site with a
lab, the lab catalog, specifications and requests with samples and analyses in every workflow state.

Determinism: the same seed, size, site and fiscal year give the same rows and ids; each part draws from
its own `random.Random` seeded with the seed, site, year and part (so two sites' demos never share ids
when they sync). Only `created_at`/`updated_at` (the time of the build) and the users' passwords (random,
shown once) differ between builds. Ids are UUID4s drawn from those generators; for the big tables they
are drawn in increasing order (`_Ids`), which keeps B-tree inserts appending (see below).

Speed, and a stated decision: the demo **bypasses `dipdesk.services.records`** (no per-row validation,
no audit entry per row) and writes with multi-row INSERTs straight through the SQLite cursor, all inside
**one transaction** (all or nothing), because a million people must build in minutes. The data is valid
by construction; the tests and `dipdesk check` verify it. During the build the connection runs with
`synchronous=OFF`, a 1 GiB page cache and foreign-key enforcement off; indexes whose keys arrive in
random order are built once at the end and the FTS5 search indexes merge once at the end (their triggers
still fill them). Everything is restored afterwards. SQLite only: this is the desktop's local database.

The package, one module per area it fills; ``build_demo`` and the names tests use are re-exported here:

- :mod:`.common` — sizes and constants, ids and formats, the bulk writer (``_Writer``) and the build's
  state and shared helpers (``_DemoBase``);
- :mod:`.vocabulary` — Thai names, places, products, brands and the texts of activities;
- :mod:`.people` — users, programs, people, groups, enterprises, members and products;
- :mod:`.activities` — activities, sessions, enrollments, attendance, service records and outcomes,
  mentoring, targets and certificate templates;
- :mod:`.lab` — the lab's requests, samples, analyses and reports; :mod:`.lab_catalog` — its tests and
  specifications;
- :mod:`.build` — the whole build in order (``_Demo``) and the entry point ``build_demo``.
"""

from __future__ import annotations

from dipdesk.services.demo.activities import (
    _ActivitiesBuild as _ActivitiesBuild,
)
from dipdesk.services.demo.build import (
    _DEFERRED_INDEXES as _DEFERRED_INDEXES,
)
from dipdesk.services.demo.build import (
    _Demo as _Demo,
)
from dipdesk.services.demo.build import (
    _refuse_unless_empty as _refuse_unless_empty,
)
from dipdesk.services.demo.build import (
    build_demo as build_demo,
)
from dipdesk.services.demo.common import (
    _UUID4_CLEAR as _UUID4_CLEAR,
)
from dipdesk.services.demo.common import (
    _UUID4_SET as _UUID4_SET,
)
from dipdesk.services.demo.common import (
    BE_OFFSET as BE_OFFSET,
)
from dipdesk.services.demo.common import (
    CHUNK as CHUNK,
)
from dipdesk.services.demo.common import (
    MIN_PARTICIPANTS as MIN_PARTICIPANTS,
)
from dipdesk.services.demo.common import (
    DemoResult as DemoResult,
)
from dipdesk.services.demo.common import (
    Progress as Progress,
)
from dipdesk.services.demo.common import (
    Row as Row,
)
from dipdesk.services.demo.common import (
    _DemoBase as _DemoBase,
)
from dipdesk.services.demo.common import (
    _Ids as _Ids,
)
from dipdesk.services.demo.common import (
    _json as _json,
)
from dipdesk.services.demo.common import (
    _landline_prefix as _landline_prefix,
)
from dipdesk.services.demo.common import (
    _mobile as _mobile,
)
from dipdesk.services.demo.common import (
    _money as _money,
)
from dipdesk.services.demo.common import (
    _postcode as _postcode,
)
from dipdesk.services.demo.common import (
    _storage as _storage,
)
from dipdesk.services.demo.common import (
    _ts as _ts,
)
from dipdesk.services.demo.common import (
    _utc as _utc,
)
from dipdesk.services.demo.common import (
    _uuid as _uuid,
)
from dipdesk.services.demo.common import (
    _village as _village,
)
from dipdesk.services.demo.common import (
    _Writer as _Writer,
)
from dipdesk.services.demo.lab import (
    _LabBuild as _LabBuild,
)
from dipdesk.services.demo.lab_catalog import (
    _APPEARANCES as _APPEARANCES,
)
from dipdesk.services.demo.people import (
    _PeopleBuild as _PeopleBuild,
)
from dipdesk.services.demo.vocabulary import (
    _FEMALE as _FEMALE,
)
from dipdesk.services.demo.vocabulary import (
    _MALE as _MALE,
)
from dipdesk.services.demo.vocabulary import (
    _SURNAME_A as _SURNAME_A,
)
from dipdesk.services.demo.vocabulary import (
    _SURNAME_B as _SURNAME_B,
)
from dipdesk.services.demo.vocabulary import (
    _SURNAME_C as _SURNAME_C,
)
from dipdesk.services.demo.vocabulary import (
    PRODUCT_TYPES as PRODUCT_TYPES,
)
