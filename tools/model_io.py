"""Saving and loading models in skops format, trusting only the types mlpilot builds.

Nothing is unpickled: skops rebuilds objects from a JSON schema and refuses any type not in the trusted
list, so a model file written by untrusted code cannot run code on the host.
"""

from __future__ import annotations

import importlib
import json
import sys
import threading
import zipfile
from pathlib import Path

from mlpilot.errors import MlpilotError

TRUSTED_PREFIXES = ("mlpilot.tools.", "sklearn.", "lightgbm.", "xgboost.", "catboost.")
TRUSTED_TYPES = {"collections.OrderedDict", "functools.partial", "numpy.dtype", "numpy.log1p", "numpy.expm1",
                 "sklearn.utils.validation.check_array"}


def _trusted(name: str) -> bool:
    """Exact names, or *classes* (never functions) of the packages mlpilot builds models from."""
    if name in TRUSTED_TYPES:
        return True
    if not name.startswith(TRUSTED_PREFIXES):
        return False
    module, _, attr = name.rpartition(".")
    try:
        return isinstance(getattr(importlib.import_module(module), attr), type)
    except (ImportError, AttributeError):
        return False


TORCH_SHIM = "sklearn.externals.array_api_compat.torch"
_IMPORTING = threading.Lock()


def skops_io():
    """``skops.io``, imported without torch.

    skops builds its trusted-type table by importing every scikit-learn module; with torch installed, that
    includes scikit-learn's vendored array-API shim for torch, which imports torch (seconds, in every worker
    start). No mlpilot model needs the shim (the MLP imports torch itself when it trains), so it is left out
    of the scan, which skips a module that cannot be imported; it stays importable afterwards.
    """
    with _IMPORTING:  # a model saved while ``preload`` still imports would see skops half-built
        if "skops.io" in sys.modules:
            return sys.modules["skops.io"]
        blocked = TORCH_SHIM not in sys.modules
        if blocked:
            sys.modules[TORCH_SHIM] = None  # importing it raises ImportError
        try:
            return importlib.import_module("skops.io")
        finally:
            if blocked and sys.modules.get(TORCH_SHIM, ...) is None:
                del sys.modules[TORCH_SHIM]


def preload() -> threading.Thread:
    """Import skops in the background (it takes seconds), so saving or loading later does not wait."""
    thread = threading.Thread(target=skops_io, daemon=True)
    thread.start()
    return thread


class _ZipOfArrays(zipfile.ZipFile):
    """A zip whose ``namelist()`` is a set kept up to date: skops asks for it once per array it writes, which on
    a list is quadratic (13k arrays of a bag of multiclass gradient-boosting folds: 7 of its 9.6 s)."""

    def __init__(self, *args, **kwargs):
        self._names: set[str] = set()
        super().__init__(*args, **kwargs)

    def writestr(self, name, data, *args, **kwargs):
        super().writestr(name, data, *args, **kwargs)
        self._names.add(getattr(name, "filename", name))

    def namelist(self):
        return self._names


def save_model(model, path: str | Path) -> Path:
    """Write ``model`` in skops format: skops' own ``dump``, without its two slow parts (the quadratic file-name
    check above, and an indented schema, which makes ``json`` use its pure-Python encoder); about 3x faster on
    forests and gradient-boosting bags, the same file format."""
    skops_io()  # slow to import (it scans scikit-learn): only when needed
    import skops
    from skops.io._utils import SaveContext, get_state

    path = Path(path)
    with open(path, "wb") as file, _ZipOfArrays(file, "w", compression=zipfile.ZIP_STORED) as archive:
        context = SaveContext(zip_file=archive)
        state = get_state(model, context)
        context.clear_memo()
        state["protocol"] = context.protocol
        state["_skops_version"] = skops.__version__
        archive.writestr("schema.json", json.dumps(state))
    return path


def load_model(path: str | Path):
    """Load a skops model file, refusing any type outside mlpilot's known components."""
    sio = skops_io()
    path = Path(path)
    if not path.is_file():
        raise MlpilotError(f"model file {path} not found: pass a run directory that holds model.skops")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # not a skops archive (e.g. a pickle)
        raise MlpilotError(f"{path} is not a skops model file ({type(exc).__name__}): refusing to load it") from None
    refused = [t for t in untrusted if not _trusted(t)]
    if refused:
        raise MlpilotError(f"{path} holds untrusted types {refused[:5]}: refusing to load it")
    return sio.load(path, trusted=untrusted)
