"""Every model, imported in one place so the metadata is complete (for Alembic and `create_all`)."""

from dipdesk.store.auth import AuditEntry, LocalState, User
from dipdesk.store.base import Base
from dipdesk.store.certificates import Certificate, CertificatePrint, CertificateTemplate, SerialCounter
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.followups import FollowUp, OutcomeEvidence
from dipdesk.store.instruments import LabInstrument, LabInstrumentEvent
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
    LabSpecification,
    LabTest,
)
from dipdesk.store.lab_qc import (
    LabControlMaterial,
    LabDelivery,
    LabDisposal,
    LabPayment,
    LabQCResult,
    LabRetention,
    LabWorksheet,
)
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.merges import RecordMerge
from dipdesk.store.national import NationalFigures
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, EnterpriseMember, Group, Person, Product
from dipdesk.store.programs import Activity, ActivitySession, Program, Target
from dipdesk.store.reference import Province, Site, SiteProvince
from dipdesk.store.sync import (
    SrvChange,
    SrvDevice,
    SrvEnrolCode,
    SrvFile,
    SrvFileChunk,
    SrvRejection,
    SyncConflict,
    SyncFieldClock,
    SyncHistory,
    SyncOutbox,
    SyncParked,
)

__all__ = [
    "Activity",
    "ActivitySession",
    "Attendance",
    "AuditEntry",
    "Base",
    "Certificate",
    "CertificatePrint",
    "CertificateTemplate",
    "Enrollment",
    "Enterprise",
    "EnterpriseMember",
    "FollowUp",
    "Group",
    "LabAnalysis",
    "LabControlMaterial",
    "LabDelivery",
    "LabDisposal",
    "LabInstrument",
    "LabInstrumentEvent",
    "LabPayment",
    "LabQCResult",
    "LabReport",
    "LabRequest",
    "LabRetention",
    "LabSample",
    "LabSettings",
    "LabSpecification",
    "LabTest",
    "LabWorksheet",
    "LocalState",
    "MentoringPair",
    "MentoringSession",
    "NationalFigures",
    "Outcome",
    "OutcomeEvidence",
    "Person",
    "Product",
    "Program",
    "Province",
    "RecordMerge",
    "SerialCounter",
    "ServiceRecord",
    "Site",
    "SiteProvince",
    "SrvChange",
    "SrvDevice",
    "SrvEnrolCode",
    "SrvFile",
    "SrvFileChunk",
    "SrvRejection",
    "SyncConflict",
    "SyncFieldClock",
    "SyncHistory",
    "SyncOutbox",
    "SyncParked",
    "Target",
    "User",
]
