"""aicycle: is the AI-infrastructure build-out still expanding?"""

from aicycle.errors import AicycleError, ConfigError, DataError, InputError, StoreBusyError
from aicycle.store import Store, open_store
from aicycle.universe import Company, companies

__version__ = "0.1.0"

__all__ = [
    "AicycleError",
    "Company",
    "ConfigError",
    "DataError",
    "InputError",
    "Store",
    "StoreBusyError",
    "__version__",
    "companies",
    "open_store",
]
