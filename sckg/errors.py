"""The one error hierarchy of sckg: every message says what is wrong and how to fix it."""

from __future__ import annotations

import re
from collections.abc import Callable


class SckgError(Exception):
    """A user or data error. The CLI prints the message without traceback and exits with
    ``exit_code``. A password in an address the message names is masked (:func:`mask_password`)."""

    exit_code = 1

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], Message):
            args = (args[0].masked(), *args[1:])
        elif args and isinstance(args[0], str):
            args = (mask_password(args[0]), *args[1:])
        super().__init__(*args)


#: The password of a ``scheme://user:password@host`` address.
_URL_PASSWORD = re.compile(r"(?<=://)([^/\s:@]*):[^/\s@]*@")


def mask_password(text: str) -> str:
    """``text`` with the password of every ``scheme://user:password@host`` address shown as
    ``***``."""
    return _URL_PASSWORD.sub(r"\1:***@", text)


class UsageError(SckgError):
    """The command was called wrongly (unknown option value, missing argument)."""

    exit_code = 2


class DataError(SckgError):
    """Input data cannot be read: missing file, malformed RDF, bad spreadsheet row."""


class EngineError(SckgError):
    """A program sckg drives is missing or failed (headless Chromium for PDF files)."""


class QueryError(SckgError):
    """A SPARQL query is malformed, unknown, refused or failed."""


class StoreError(SckgError):
    """A store cannot be opened or an endpoint does not answer."""


class DataWarning(UserWarning):
    """Something in the data that an output could not hold as it is and changed (the CLI prints it
    as a note)."""


class Message(str):
    """A message naming parameters as ``{=limit}`` or, with a value, ``{=limit 0}``. As a string it
    reads like the Python API (``limit``, ``limit=0``); :meth:`with_flags` names the command line's
    flags instead (``--top``, ``--top 0``), which the CLI's error boundary and its notes do.

    The string is English (for Python users); ``de`` is the German text the command line shows
    when it speaks German (:meth:`in_lang`). :func:`sckg.words.error_message` makes both from the
    catalogue of words."""

    template: str
    german: str | None

    def __new__(cls, template: str, de: str | None = None) -> Message:
        if isinstance(template, Message):  # a message passed on keeps its German text
            de = de or template.german
            template = template.template
        self = super().__new__(
            cls, _PARAM.sub(lambda m: m[1] + (f"={m[2]}" if m[2] is not None else ""), template)
        )
        self.template, self.german = template, de
        return self

    def in_lang(self, lang: str) -> Message:
        """The message in ``lang`` (``de`` or ``en``); English where it has no German text."""
        return Message(self.german if lang == "de" and self.german else self.template)

    def masked(self) -> Message:
        """The message with passwords of addresses masked (:func:`mask_password`)."""
        return Message(mask_password(self.template), self.german and mask_password(self.german))

    @property
    def params(self) -> list[str]:
        """The parameters the message names, in order."""
        return [m[1] for m in _PARAM.finditer(self.template)]

    def with_flags(self, flag: Callable[[str], str]) -> str:
        """The message with each parameter replaced by ``flag(parameter)``."""
        return _PARAM.sub(
            lambda m: flag(m[1]) + (f" {m[2]}" if m[2] is not None else ""), self.template
        )


_PARAM = re.compile(r"\{=(\w+)(?: ([^{}]*))?\}")


class ParameterError(UsageError):
    """A function was called with a bad value: the message (a :class:`Message`) names the parameter,
    so a notebook user reads ``limit`` where the command line says ``--top``."""

    def __init__(self, message: str) -> None:
        self.message = Message(message)
        super().__init__(self.message)
