"""The plan review: a person's yes runs the plan, a no stops it before the search, anything else is asked again."""

import json

import pytest

from mlpilot.api import resume, solve
from mlpilot.errors import MlpilotError


def answers(*replies):
    """A person at hand who gives these replies in turn, keeping the questions asked."""
    asked = []

    def ask(question: str) -> str:
        asked.append(question)
        return replies[len(asked) - 1]

    ask.asked = asked
    return ask


def test_a_no_stops_the_run_before_the_search_and_an_unclear_answer_is_asked_again(tmp_path, penguins):
    ask = answers("what does this mean?", "no, cancel")
    with pytest.raises(MlpilotError, match="plan was declined at its review: nothing was searched"):
        solve("predict species, accuracy", penguins, time_budget=20, out=tmp_path, ask=ask, review=True)
    assert ask.asked[0].startswith("Plan: predict 'species' (multiclass), scored by accuracy.")
    assert ask.asked[1].startswith("I did not read 'what does this mean?' as a yes, a no or a change.")
    run_dir = next(tmp_path.glob("run-*"))
    assert not list((run_dir / "trials").glob("*/trial-*"))  # nothing was searched


def test_a_run_stopped_at_a_question_is_continued_only_where_someone_can_answer(tmp_path, penguins):
    def leave(question):
        raise KeyboardInterrupt  # the person left while the plan waited for them

    with pytest.raises(KeyboardInterrupt):
        solve("predict species, accuracy", penguins, time_budget=20, out=tmp_path, ask=leave, review=True)
    run_dir = next(tmp_path.glob("run-*"))
    with pytest.raises(MlpilotError, match="the run is waiting for an answer to \"Plan: predict 'species'"):
        resume(run_dir, time_budget=10)
    result = resume(run_dir, time_budget=10, ask=answers("yes"))
    assert json.loads((run_dir / "summary.json").read_text())["n_trials"] >= 1 and result.score > 0.9
