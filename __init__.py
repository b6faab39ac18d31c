"""mlpilot: from a plain-words request to a tuned, verified model.

    import mlpilot
    result = mlpilot.solve("predict the sale price", data="train.csv", time_budget="2m")
    result.model.predict(new_frame)

The entry points load lazily, so the trial worker imports only what trials need.
"""

import logging

from mlpilot.errors import MlpilotError

logging.getLogger("mlpilot").addHandler(logging.NullHandler())  # the library never prints: its events say it all
__version__ = "0.1.0"
__all__ = ["AutoClassifier", "AutoRegressor", "MlpilotError", "Result", "__version__", "evaluate", "load", "predict", "resume",
           "solve"]


def __getattr__(name: str):
    if name in ("solve", "resume", "load", "predict", "Result"):
        from mlpilot import api

        return getattr(api, name)
    if name in ("AutoClassifier", "AutoRegressor"):
        from mlpilot import estimators

        return getattr(estimators, name)
    if name == "evaluate":
        from mlpilot.evals.runner import evaluate

        return evaluate
    raise AttributeError(f"module 'mlpilot' has no attribute {name!r}")
