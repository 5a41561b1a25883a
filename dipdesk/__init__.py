"""dipdesk: records, certificates, lab forms and offline sync for กรมส่งเสริมอุตสาหกรรม (DIProm)."""

__version__ = "0.1.0"
APP_NAME = "dipdesk"
