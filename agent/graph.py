"""The whole agent in one place: nodes, edges and the one router."""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph

from mlpilot.agent.ask import ask, route_after_understand
from mlpilot.agent.deliver import deliver
from mlpilot.agent.engineer import engineer
from mlpilot.agent.plan import plan
from mlpilot.agent.profile import profile
from mlpilot.agent.review import review, route_after_plan, route_after_review
from mlpilot.agent.search import search
from mlpilot.agent.state import Deps, RunState
from mlpilot.agent.understand import understand
from mlpilot.agent.verify import route_after_verify, verify


def build_graph(checkpointer=None):
    """understand (-> ask a person -> understand) -> profile -> plan (-> a person reviews it -> understand again
    if they change it) -> engineer -> search -> verify -> (understand or plan again | deliver)."""
    graph = StateGraph(RunState, context_schema=Deps)
    graph.add_node("understand", understand)
    graph.add_node("ask", ask)
    graph.add_node("profile", profile)
    graph.add_node("plan", plan)
    graph.add_node("review", review)
    graph.add_node("engineer", engineer)
    graph.add_node("search", search)
    graph.add_node("verify", verify)
    graph.add_node("deliver", deliver)
    graph.add_edge(START, "understand")
    graph.add_conditional_edges("understand", route_after_understand, ["ask", "profile"])
    graph.add_edge("ask", "understand")
    graph.add_edge("profile", "plan")
    graph.add_conditional_edges("plan", route_after_plan, ["review", "engineer"])
    graph.add_conditional_edges("review", route_after_review, ["engineer", "understand"])
    graph.add_edge("engineer", "search")
    graph.add_edge("search", "verify")
    graph.add_conditional_edges("verify", route_after_verify, ["understand", "plan", "deliver"])
    graph.add_edge("deliver", END)
    return graph.compile(checkpointer=checkpointer)
