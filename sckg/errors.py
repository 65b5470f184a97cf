"""The one error hierarchy of sckg: every message says what is wrong and how to fix it."""


class SckgError(Exception):
    """A user or data error. The CLI prints the message without traceback and exits with ``exit_code``."""

    exit_code = 1


class UsageError(SckgError):
    """The command was called wrongly (unknown option value, missing argument)."""

    exit_code = 2


class DataError(SckgError):
    """Input data cannot be read: missing file, malformed RDF, bad spreadsheet row."""


class QueryError(SckgError):
    """A SPARQL query is malformed, unknown, refused or failed."""


class StoreError(SckgError):
    """A store cannot be opened or an endpoint does not answer."""
