import numpy as np

from mlpilot.schemas import TrialRecord
from mlpilot.tools.ensemble import candidate_pool, choose_ensemble, select_ensemble
from mlpilot.tools.metrics import get_metric


def test_blend_of_complementary_models_beats_the_best_single():
    rng = np.random.default_rng(0)
    y = rng.normal(size=500)
    oofs = {0: y + rng.normal(scale=0.5, size=500), 1: y + rng.normal(scale=0.5, size=500), 2: y + 3.0}
    rmse = get_metric("rmse")
    weights, score = select_ensemble(oofs, y, rmse)
    assert 2 not in weights and abs(sum(weights.values()) - 1) < 1e-9
    assert score < min(rmse.score(y, o) for o in oofs.values()) * 0.8


def test_choice_among_many_noisy_trials_is_scored_honestly():
    """Forty trials that are the same model plus noise: picking the best on the same rows looks better than it
    is; the cross-fitted score does not reward the luck of the draw."""
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 300)
    signal = y + rng.normal(scale=1.5, size=300)
    oofs = {n: 1 / (1 + np.exp(-(signal + rng.normal(scale=1.0, size=300)))) for n in range(40)}
    auc = get_metric("roc_auc")
    weights, in_sample, honest = choose_ensemble(oofs, y, auc)
    typical = float(np.median([auc.score(y, o) for o in oofs.values()]))
    assert abs(sum(weights.values()) - 1) < 1e-9
    assert honest < in_sample  # selection on the same rows is optimistic
    assert honest >= typical - 0.02  # and the honest score still credits what averaging really gains


def test_choice_keeps_a_clearly_better_blend():
    rng = np.random.default_rng(0)
    y = rng.normal(size=2000)
    oofs = {0: y + rng.normal(scale=0.5, size=2000), 1: y + rng.normal(scale=0.5, size=2000)}
    weights, _, honest = choose_ensemble(oofs, y, get_metric("rmse"))
    assert set(weights) == {0, 1} and honest < 0.45



def test_shrinking_an_overconfident_model_toward_the_priors_improves_log_loss():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 4000)
    sharp = np.where(y + rng.normal(scale=0.6, size=4000) > 0.5, 0.995, 0.005)
    priors = np.tile([0.5, 0.5], (4000, 1))
    log_loss = get_metric("log_loss")
    weights, score = select_ensemble({0: np.column_stack([1 - sharp, sharp]), 1: priors}, y, log_loss)
    assert 1 in weights and score < log_loss.score(y, np.column_stack([1 - sharp, sharp]))
    assert log_loss.scores_values and get_metric("rmse").scores_values
    assert not any(get_metric(m).scores_values for m in ("roc_auc", "accuracy", "f1_macro"))  # no constant blend


def test_a_label_metric_chooses_among_trials_by_the_log_loss_of_their_probabilities():
    """Trial 1 gets a few more labels right on these rows, with probabilities of 0 and 1; trial 0's
    probabilities are calibrated. Accuracy alone would pick trial 1; the choice is made on log loss, and the
    scores returned are still accuracies."""
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 600)
    calibrated = 1 / (1 + np.exp(-(2 * y - 1 + rng.normal(scale=1.2, size=600))))
    hard = (calibrated > 0.5).astype(float)
    lucky = rng.choice(np.flatnonzero(hard != y), 10, replace=False)
    hard[lucky] = y[lucky]
    oofs = {0: np.column_stack([1 - calibrated, calibrated]), 1: np.column_stack([1 - hard, hard])}
    accuracy = get_metric("accuracy")
    assert accuracy.score(y, oofs[1]) > accuracy.score(y, oofs[0])
    assert accuracy.chooses_by.name == "log_loss" and get_metric("roc_auc").chooses_by.name == "roc_auc"
    weights, in_sample, honest = choose_ensemble(oofs, y, accuracy)
    assert weights.get(0, 0) > weights.get(1, 0)
    assert in_sample == accuracy.score(y, sum(w * oofs[n] for n, w in weights.items()))
    assert 0.5 < honest <= 1


def test_the_pool_keeps_every_default_and_each_familys_best_searched_trial():
    trial = lambda n, family, source: TrialRecord(number=n, state="COMPLETE", config={"family": family},
                                                  value=1.0 - n / 100, source=source)
    ranked = [trial(0, "mlp", "tpe"), trial(1, "mlp", "tpe"), trial(2, "lightgbm", "default"),
              trial(3, "mlp", "proposer"), trial(4, "lightgbm", "tpe"), trial(5, "lightgbm", "default"),
              trial(6, "lightgbm", "tpe")]
    assert [t.number for t in candidate_pool(ranked, 10)] == [0, 2, 4, 5]
    assert [t.number for t in candidate_pool(ranked, 3)] == [0, 2, 4]
