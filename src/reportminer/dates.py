"""Publication dates as the user writes them → ISO (``2025``, ``2025-03``, ``2025-03-05``), strictly:
a date the rules cannot read is refused, never kept as a string that compares wrongly later."""

from __future__ import annotations

import datetime

from . import regexcache as regex

from .errors import UserError

ACCEPTED = "2025, 2025-03, 2025-03-05, 2025/03/05 or 2025年3月5日"
_FORMS = (
    regex.compile(r"(?P<y>\d{4})"),
    regex.compile(r"(?P<y>\d{4})-(?P<m>\d{2})"),
    regex.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    regex.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    regex.compile(r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?"),
)
FIRST_YEAR, LAST_YEAR = 1900, 2200


class DateError(UserError):
    """A date in none of the accepted forms, or not a day of the calendar."""


def parse_date(value: str) -> str:
    """The ISO form of a publication date; "" stays "".

    >>> parse_date("2025年3月5日"), parse_date("2025/3/5"), parse_date("2025-03")
    ('2025-03-05', '2025-03-05', '2025-03')
    """
    text = value.strip()
    if not text:
        return ""
    for form in _FORMS:
        m = form.fullmatch(text)
        if m:
            groups = m.groupdict()
            return _checked(int(groups["y"]), groups.get("m"), groups.get("d"), value)
    raise DateError(f"date {value!r} is not in an accepted form ({ACCEPTED})")


def _checked(year: int, month: str | None, day: str | None, value: str) -> str:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"date {value!r}: year {year} is out of range ({FIRST_YEAR}–{LAST_YEAR};"
                        f" accepted forms: {ACCEPTED})")
    if month is None:
        return f"{year:04d}"
    try:
        date = datetime.date(year, int(month), int(day or 1))
    except ValueError:
        raise DateError(f"date {value!r} is not a day of the calendar (accepted forms: {ACCEPTED})") from None
    return date.isoformat() if day else date.isoformat()[:7]
