"""Errors a service raises: they name the field and say what is wrong, in Thai and in English."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case refused: `message_th` is shown to users by default, `message_en` on request."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en


class ValidationError(ServiceError):
    """One field's value is not acceptable."""

    def __init__(self, field: str, message_th: str, message_en: str) -> None:
        super().__init__(message_th, message_en)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message_en}"


class PermissionDenied(ServiceError):
    """The user's role does not allow this."""


class NotFound(ServiceError):
    """The record asked for does not exist (or is deleted)."""
