"""One exception base for everything kg raises on purpose.

Each message is one line: what went wrong, where, and how to fix it.
"""


class KgError(Exception):
    """Base of all errors kg reports to the user."""


class InputError(KgError):
    """An input file or folder cannot be read as articles."""


class ModelError(KgError):
    """The spaCy model is missing or broken."""


class StoreError(KgError):
    """The graph store is missing, locked, corrupt or unwritable."""


class StoreBusyError(StoreError):
    """Another process holds the store's lock."""


class StoreDamagedError(StoreError):
    """The store's files are damaged or missing: nothing was changed, it needs a backup or a rebuild."""


class StoreDiskFullError(StoreError):
    """The disk holding the store is full."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot run."""


class OutputError(KgError):
    """An output file or folder cannot be written."""
