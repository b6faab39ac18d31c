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
    assert {"understand", "profile", "plan", "search", "verify", "deliver"} <= nodes
