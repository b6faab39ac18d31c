import numpy as np

from mlpilot.tools.ensemble import select_ensemble
from mlpilot.tools.metrics import get_metric


def test_blend_of_complementary_models_beats_the_best_single():
    rng = np.random.default_rng(0)
    y = rng.normal(size=500)
    oofs = {0: y + rng.normal(scale=0.5, size=500), 1: y + rng.normal(scale=0.5, size=500), 2: y + 3.0}
    rmse = get_metric("rmse")
    weights, score = select_ensemble(oofs, y, rmse)
    assert 2 not in weights and abs(sum(weights.values()) - 1) < 1e-9
    assert score < min(rmse.score(y, o) for o in oofs.values()) * 0.8
