"""Exceptions users see. Each carries a message that names the input at fault.

`exit_code` is the command line's exit status for the error: 2 for bad usage or input (the user can
fix the command or the file), 1 for a runtime failure (a source, the store, the machine).
"""


class AicycleError(Exception):
    """Base class: the CLI prints the message and exits non-zero, without a traceback."""

    exit_code = 2


class InputError(AicycleError):
    """Bad input from the user or a data file (the message names the file, row or field)."""


class DataError(AicycleError):
    """A source returned data that cannot be used as-is (wrong CIK, truncated JSON, …)."""

    exit_code = 1


class ConfigError(AicycleError):
    """A required setting is missing or invalid; the message says how to set it."""


class StoreBusyError(AicycleError):
    """Another process is writing the store."""

    exit_code = 1


class StoreDamagedError(AicycleError):
    """The store file is truncated, corrupt or not a database; the message says what to run."""

    exit_code = 1
