"""Routing is a pure function of the state; the graph wires every node."""

from mlpilot.agent.graph import build_graph
from mlpilot.agent.state import RunState
from mlpilot.agent.verify import route_after_verify
from mlpilot.schemas import TaskSpec, Verdict


def state(decision):
    return RunState(request="r", data_path="d", run_dir="x",
                    verdict=None if decision is None else Verdict(decision=decision, checks=[]))


def test_route_after_verify():
    assert route_after_verify(state("replan")) == "plan"
    assert route_after_verify(state("pass")) == "deliver"
    assert route_after_verify(state("warn")) == "deliver"


def test_a_rejected_target_goes_back_to_understand():
    wrong = state("replan").model_copy(update={
        "spec": TaskSpec(task_type="binary", target="airbag", metric="roc_auc"), "rejected_targets": ["airbag"]})
    assert route_after_verify(wrong) == "understand"


def test_graph_has_every_node():
    nodes = set(build_graph().get_graph().nodes)
    assert {"understand", "profile", "plan", "review", "search", "verify", "deliver"} <= nodes


def test_the_plan_is_reviewed_only_when_asked_and_until_approved():
    from mlpilot.agent.review import route_after_plan, route_after_review

    assert route_after_plan(state(None)) == "engineer"
    asked = state(None).model_copy(update={"review_plan": True})
    assert route_after_plan(asked) == "review" and route_after_review(asked) == "understand"
    approved = asked.model_copy(update={"plan_approved": True})
    assert route_after_plan(approved) == "engineer" and route_after_review(approved) == "engineer"


def test_a_replan_needs_time_for_a_second_search():
    from mlpilot.agent.verify import replan_search_s
    from mlpilot.settings import Settings

    settings = Settings()
    # the unseen-task hook's YouthRisk2009 at 20 s: 6.65 s left would have given a second search 0.6 s
    assert replan_search_s(6.65, 20, settings) < settings.replan_min_fraction * 20
    assert replan_search_s(60, 120, settings) >= settings.replan_min_fraction * 120
