"""Parses an iCal file with python3-icalendar (an independent parser) and prints what the tests check, as JSON.

Usage: /usr/bin/python3 parse_ics.py FILE.ics
"""
import json
import sys
from datetime import date, datetime, timezone

from icalendar import Calendar


def when(value):
    dt = value.dt
    if isinstance(dt, datetime):
        return {"iso": dt.isoformat(), "utc": dt.astimezone(timezone.utc).isoformat() if dt.tzinfo else None,
                "tzid": value.params.get("TZID"), "date": False}
    return {"iso": dt.isoformat(), "utc": None, "tzid": None, "date": isinstance(dt, date)}


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())

out = {
    "calendar": {name: text(calendar, name) for name in
                 ("X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "VERSION", "PRODID")},
    "refresh_value": calendar.get("REFRESH-INTERVAL").params.get("VALUE") if calendar.get("REFRESH-INTERVAL") else None,
    "timezones": [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")],
    "events": [],
}
for event in calendar.walk("VEVENT"):
    out["events"].append({
        "uid": text(event, "UID"),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": text(event, "STATUS"),
        "summary": text(event, "SUMMARY"),
        "location": text(event, "LOCATION"),
        "description": text(event, "DESCRIPTION"),
        "url": text(event, "URL"),
        "start": when(event.get("DTSTART")),
        "end": when(event.get("DTEND")),
        "dtstamp": event.get("DTSTAMP").dt.isoformat(),
        "last_modified": event.get("LAST-MODIFIED").dt.isoformat(),
    })
print(json.dumps(out, ensure_ascii=False))
