import json
import logging

from conference.logging import JSONFormatter, RedactPersonalData


def format_record(message, *args):
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, message, args, None
    )
    RedactPersonalData().filter(record)
    return json.loads(JSONFormatter().format(record))


def test_log_lines_are_json_without_tokens_or_addresses():
    entry = format_record(
        "Not Found: %s (%s)",
        "/en/registration/Zk3q_8XbA9vVdW1rT0pLmN4sHq2yUe7c/",
        "ivana.petrova@example.bg",
    )

    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /en/registration/[token]/ ([e-mail])"


def test_ordinary_messages_are_kept():
    assert format_record("Database unavailable: %s", "OperationalError")["message"] == (
        "Database unavailable: OperationalError"
    )
