"""The expert plan orders the portfolio by what its families cost on this table."""

from plans import plan_for


def test_many_classes_put_the_cheap_families_before_boosting():
    many = plan_for(1500, "multiclass", {f"c{i}": 50 for i in range(30)})
    families = [c.family for c in many.candidates]
    assert families[0] == "linear" and families.index("extra_trees") < families.index("lightgbm")
    assert any("30 classes" in line for line in many.rationale)
    few = plan_for(1500, "multiclass", {"a": 500, "b": 500, "c": 500})
    assert few.candidates[0].family == "lightgbm"
