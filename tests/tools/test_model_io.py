"""The host never runs code from a model file: pickles and untrusted skops types are refused."""

import os
import pickle

import pytest
import skops.io as sio

from mlpilot.errors import MlpilotError
from mlpilot.tools.model_io import load_model


class Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_pickle_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "model.skops"
    path.write_bytes(pickle.dumps(Boom()))
    with pytest.raises(MlpilotError, match="not a skops model file"):
        load_model(path)
    assert not (tmp_path / "pwned").exists()


def test_untrusted_type_is_refused(tmp_path):
    path = tmp_path / "model.skops"
    sio.dump({"f": os.system}, path)
    with pytest.raises(MlpilotError, match="untrusted types"):
        load_model(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(MlpilotError, match="not found"):
        load_model(tmp_path / "nope.skops")


def test_functions_under_trusted_packages_are_refused(tmp_path):
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.utils.estimator_checks import check_estimator

    path = tmp_path / "model.skops"
    sio.dump(FunctionTransformer(func=check_estimator), path)
    with pytest.raises(MlpilotError, match="untrusted types"):
        load_model(path)


def test_save_model_writes_skops_own_format(tmp_path):
    """save_model's file is skops' format: the same archive members as skops' dump, read by skops' own reader
    with predictions unchanged (its speed is measured in bench/generalization.md, round 5, not timed here)."""
    import zipfile

    import numpy as np
    from sklearn.datasets import make_classification
    from sklearn.ensemble import HistGradientBoostingClassifier

    from mlpilot.tools.model_io import save_model

    X, y = make_classification(400, 8, n_informative=6, n_classes=5, random_state=0)
    bag = [HistGradientBoostingClassifier(max_iter=60, early_stopping=False, random_state=s).fit(X, y) for s in range(3)]
    sio.dump(bag, tmp_path / "skops.skops")
    path = save_model(bag, tmp_path / "ours.skops")
    with zipfile.ZipFile(tmp_path / "skops.skops") as theirs, zipfile.ZipFile(path) as ours:
        assert len(ours.namelist()) == len(theirs.namelist()) > 1000  # one file per array, none lost or doubled
    loaded = sio.load(path, trusted=sio.get_untrusted_types(file=path))
    for a, b in zip(bag, loaded):
        np.testing.assert_array_equal(a.predict_proba(X), b.predict_proba(X))
