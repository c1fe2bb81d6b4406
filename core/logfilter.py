"""Kept free of Django imports: the logging configuration loads it before the apps."""

import logging
import re

# A Django signing token as used in personal links: base64 parts joined by ':'.
TOKEN_IN_PAD = re.compile(
    r"(?<=/)[.A-Za-z0-9_-]{8,}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{20,}(?=/|\s|$|\?|\")"
)


def zonder_tokens(tekst: str) -> str:
    return TOKEN_IN_PAD.sub("[link]", tekst)


class TokensUitLogs(logging.Filter):
    """Personal-link tokens are passwords: a 404 or 500 log line must not carry them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = zonder_tokens(record.msg)
        if isinstance(record.args, dict):
            record.args = {
                k: zonder_tokens(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        elif record.args:
            record.args = tuple(zonder_tokens(a) if isinstance(a, str) else a for a in record.args)
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover - gunicorn is a dependency; tools may load this alone
    _GunicornLogger = object


class GunicornLogger(_GunicornLogger):
    """gunicorn's access log without personal-link tokens (gunicorn.conf.py uses it)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for sleutel in ("r", "U", "q", "f"):
            if isinstance(atoms.get(sleutel), str):
                atoms[sleutel] = zonder_tokens(atoms[sleutel])
        return atoms
