"""The expert plan orders the portfolio by what its families cost on this table."""

from plans import plan_for

from mlpilot.schemas import FAMILIES, Constraints
from mlpilot.tools.space import FAMILIES as SPACES, portfolio


def test_many_classes_put_the_cheap_families_before_boosting():
    many = plan_for(1500, "multiclass", {f"c{i}": 50 for i in range(30)})
    families = [c.family for c in many.candidates]
    assert families[0] == "linear" and families.index("extra_trees") < families.index("lightgbm")
    assert any("30 classes" in line for line in many.rationale)
    few = plan_for(1500, "multiclass", {"a": 500, "b": 500, "c": 500})
    assert few.candidates[0].family == "lightgbm"


def test_the_search_starts_with_the_learned_portfolio_then_the_other_defaults():
    learned = portfolio(list(FAMILIES))
    binary = plan_for(1500, "binary", {"a": 700, "b": 800})
    warm = binary.warm_start()
    assert warm[:len(learned)] == learned and warm[0] == {"family": "lightgbm", **SPACES["lightgbm"].defaults[0]}
    assert len(warm) == len({str(sorted(c.items())) for c in warm})  # a default in the portfolio runs once
    assert {c["family"] for c in warm} == {c.family for c in binary.candidates}  # every family's default too
    assert any("learned on other datasets" in line for line in binary.rationale)
    no_lgbm = plan_for(1500, "binary", {"a": 700, "b": 800}, constraints=Constraints(exclude_families=["lightgbm"]))
    assert no_lgbm.warm_start()[0] == next(c for c in learned if c["family"] != "lightgbm")
    assert all(c["family"] != "lightgbm" for c in no_lgbm.warm_start())
    for classes, later in ((3, {"catboost"}), (30, {"lightgbm", "catboost", "hist_gb", "xgboost"})):
        multi = plan_for(1500, "multiclass", {f"c{i}": 50 for i in range(classes)}).warm_start()
        costly = [c["family"] in later for c in multi]
        assert costly == sorted(costly)  # the families whose cost grows with the classes after all the others
