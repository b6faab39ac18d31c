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
