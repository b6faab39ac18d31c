"""mlpilot: from a plain-words request to a tuned, verified model."""

from mlpilot.errors import MlpilotError

__version__ = "0.1.0"
__all__ = ["MlpilotError", "__version__"]
