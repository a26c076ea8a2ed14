"""Decide which waiver applies to a requirement on the audit date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from smartcity_audit.model import Waiver, WaiverOutcome


def waiver_for(
    requirement_id: str, waivers: Iterable[Waiver], as_of: dt.date
) -> WaiverOutcome | None:
    """Return the waiver outcome for a requirement: a valid one if any, else an expired one.

    A waiver is valid through its ``until`` date inclusive; without ``until`` it never expires.
    """
    expired: Waiver | None = None
    for waiver in waivers:
        if waiver.requirement != requirement_id:
            continue
        if waiver.until is None or waiver.until >= as_of:
            return WaiverOutcome(waiver, applied=True)
        expired = expired or waiver
    return WaiverOutcome(expired, applied=False) if expired else None
