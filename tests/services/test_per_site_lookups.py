"""A laptop holds other sites' users and headquarters' templates (a headquarters laptop, a site after a
merge): a user name and a template code are looked up per site, never by the name alone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dipdesk.services.certificates.common import DEFAULT_CODES
from dipdesk.services.certificates.printing import context_for
from dipdesk.services.certificates.templates import template_by_code
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.common import user_by_name
from dipdesk.store.auth import User
from dipdesk.store.certificates import CertificateTemplate
from dipdesk.store.reference_data import site_id


def test_user_names_and_template_codes_resolve_at_this_site(ctx) -> None:  # type: ignore[no-untyped-def]
    s = ctx.session
    mine = ctx.user
    # the same user name at another site, created earlier (the name alone would find it first)
    other = User(
        site_id=site_id("IPC2"), username=mine.username, password_hash="x", full_name="อื่น", role="admin"
    )
    other.created_at = mine.created_at.replace(year=2000)
    s.add(other)
    s.flush()
    assert user_by_name(s, mine.username).id == mine.id
    assert context_for(s, mine.username).user.id == mine.id  # type: ignore[union-attr]

    code = sorted(DEFAULT_CODES)[0]
    hq = template_by_code(s, code)
    assert hq.site_id == site_id("DIPROM")  # only headquarters' one: that one
    own = CertificateTemplate(site_id=ctx.site.id, code=code, name_th="ของศูนย์", elements=[])
    s.add(own)
    s.flush()
    assert template_by_code(s, code).id == own.id  # this site's own comes first
    assert template_by_code(s, code, site_id=site_id("IPC2")).id == hq.id
    with pytest.raises(NotFound, match="no certificate template NO-SUCH"):
        template_by_code(s, "NO-SUCH")
    assert s.scalars(select(User).where(User.username == mine.username)).all()  # both still there
