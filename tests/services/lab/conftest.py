"""The lab tests' database (a migrated template with the catalog and the lab's users, copied per test)."""

from tests.services.lab.test_lab import _template, engine, labs  # noqa: F401 (fixtures)
