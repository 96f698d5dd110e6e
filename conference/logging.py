"""Logging for the log collector: one JSON object per line, no personal data.

Request logs name the URL, and some URLs carry an attendee's secret token;
other messages may quote an e-mail address. `RedactPersonalData` masks both
before any handler sees them.
"""

import json
import logging
import re

EMAIL = re.compile(r"[^\s@/<>\"'()]+@[^\s@/<>\"'()]+\.[A-Za-z]{2,}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{22,}")


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        redacted = TOKEN.sub("[token]", EMAIL.sub("[e-mail]", message))
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
