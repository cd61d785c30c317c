"""Exceptions users see. Each carries a message that names the input at fault."""


class AicycleError(Exception):
    """Base class: the CLI prints the message and exits non-zero, without a traceback."""


class InputError(AicycleError):
    """Bad input from the user or a data file (the message names the file, row or field)."""


class DataError(AicycleError):
    """A source returned data that cannot be used as-is (wrong CIK, truncated JSON, …)."""


class ConfigError(AicycleError):
    """A required setting is missing or invalid; the message says how to set it."""


class StoreBusyError(AicycleError):
    """Another process is writing the store."""
