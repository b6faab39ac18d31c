"""A table with no column a model could learn from still delivers: the constant baseline, said plainly."""

import numpy as np
import pandas as pd

import mlpilot


def test_a_table_of_an_id_a_constant_and_the_target_delivers_the_constant_with_a_warning(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"customer_id": [f"C{i:04d}" for i in range(120)], "region": "north",
                          "spend": rng.gamma(2.0, 50.0, 120).round(2)})
    result = mlpilot.solve("predict spend", frame, time_budget=20, out=tmp_path)
    assert result.summary["n_trials"] == 0 and result.summary["verdict"] == "warn"  # no search, no replan
    assert any("no column can be an input" in w and "customer_id (id)" in w and "region (constant)" in w
               for w in result.warnings)
    prediction = result.model.predict(frame.drop(columns="spend"))
    assert np.allclose(prediction, frame["spend"].mean())
    assert result.summary["elapsed_s"] < 20
