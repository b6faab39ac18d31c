"""A conversation end to end on real data with real (short) runs: ask, review the plan, run, follow up, resume."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from mlpilot.chat.session import ChatSession


class Person:
    """Answers the run's questions as a person would, and remembers what was asked."""

    def __init__(self, *answers: str):
        self.answers, self.asked = list(answers), []

    def __call__(self, question: str) -> str:
        self.asked.append(question)
        return self.answers.pop(0) if self.answers else "yes"


def test_questions_about_the_data_are_answered_from_it(tmp_path, churn_files):
    train, _ = churn_files
    session = ChatSession("data", tmp_path / "out")
    session.add_file(train)
    frame = pd.read_csv(train)
    assert session.send("how many rows are there?").startswith(f"{len(frame):,} rows")
    assert session.send("how many rows have a missing tenure?").startswith(f"{frame.tenure.isna().sum()} of")
    assert f"{frame.monthly_charges.mean():.6g}" in session.send("what is the average monthly charges?")
    assert "I can:" in session.send("help")
    assert "closest things I can do" in session.send("banana")
    assert "nothing has run yet" in session.send("what did the verifier check?")


@pytest.mark.slow
def test_a_conversation_asks_reviews_runs_follows_up_and_resumes(tmp_path, churn_files):
    """The complete conversation: a clarifying question, the plan approved with one change, the run, follow-ups
    (more time in the same study, a rerun without a column, predictions on a new file, ...), leave and resume."""
    train, new = churn_files
    person = Person("churn", "only linear models", "yes", "yes")
    session = ChatSession("churn", tmp_path / "out", ask=person)
    reply = session.send(f"build a model for {train}, accuracy, 12 seconds")
    assert person.asked[0].startswith("Which column should I predict?")
    assert person.asked[1].startswith("Plan: predict 'churn' (binary), scored by accuracy.")
    assert "Families, in trying order: linear." in person.asked[2]  # the change, shown before approval
    assert reply.startswith("Delivered a model of 'churn' (binary): CV accuracy"), reply
    assert "- beats_dummy [ok]" in session.send("what did the verifier check?")
    assert "tenure ranks" in session.send("why is tenure important?")
    assert session.send("give it 8 more seconds").startswith("Searched the same study 8 s more: ")

    session.send("drop tenure and rerun")
    assert "Left out: tenure (you asked)" in person.asked[3]
    first, second = session.state.runs
    summary = json.loads((tmp_path / second / "summary.json").read_text())
    assert summary["spec"]["constraints"]["exclude_columns"] == ["tenure"]
    assert summary["spec"]["constraints"]["include_families"] == ["linear"]  # the session's settings hold
    assert "The latest run is" in session.send("compare with the previous run")

    reply = session.send(f"predict on {new}")
    predictions = pd.read_csv(tmp_path / second / "predictions-new.csv")
    assert len(predictions) == 300 and reply.startswith("Wrote 300 predictions")
    session.send(f"save the model to {tmp_path / 'models' / 'churn'}")
    assert (tmp_path / "models" / "churn" / "model.skops").is_file()
    session.close()

    again = ChatSession("churn", tmp_path / "out")  # leave and come back: the thread continues
    assert again.state.runs == [first, second] and again.state.exclude == ["tenure"]
    assert again.state.turns[0].text.startswith("build a model for")
    assert "accuracy" in again.send("show the leaderboard")


def test_bad_input_gets_a_helpful_answer_and_the_conversation_goes_on(tmp_path, churn_files):
    train, _ = churn_files
    (tmp_path / "broken.csv").write_bytes(b"")
    session = ChatSession("bad", tmp_path / "out")
    assert "I cannot use broken.csv" in session.send(f"the data is {tmp_path / 'broken.csv'}: predict churn")
    assert "I found no file" in session.send("predict churn from nowhere.csv")
    assert "nothing has run yet" in session.send("why is tenure important?")
    assert "not something mlpilot does yet" in session.send("cluster the customers into segments")
    assert "closest things I can do" in session.send("banana")
    session.add_file(train)
    reply = session.send("predict the zzz_missing column, 10 seconds")
    assert reply.startswith("I could not do that:") and "zzz_missing" in reply and "churn" in reply
    assert "1,200 rows" in session.send("how many rows are there?")  # still talking
    assert not session.state.runs
    gone = tmp_path / "gone.csv"
    gone.write_text("a,b\n1,2\n")
    session.add_file(gone)
    gone.unlink()
    assert "gone.csv is gone" in session.send("how many rows are there?")


@pytest.mark.slow
def test_changing_the_plan_at_review_reruns_understand(tmp_path, churn_files):
    train, _ = churn_files
    person = Person("don't use tenure", "yes")
    session = ChatSession("review", tmp_path / "out", ask=person)
    session.add_file(train)
    session.send("predict churn, ROC AUC, 10 seconds")
    assert len(person.asked) == 2 and "Left out: tenure (you asked)" in person.asked[1]
    summary = json.loads((tmp_path / session.state.runs[0] / "summary.json").read_text())
    assert summary["spec"]["constraints"]["exclude_columns"] == ["tenure"]


@pytest.mark.slow
def test_a_run_stopped_with_ctrl_c_joins_the_conversation_and_goes_on(tmp_path, churn_files):
    train, _ = churn_files

    def stop_after_a_trial(event):
        if event.kind == "trial":
            raise KeyboardInterrupt

    session = ChatSession("stopped", tmp_path / "out", on_event=stop_after_a_trial)
    reply = session.send(f"predict churn from {train}, ROC AUC, 20 seconds")
    stopped = session.state.runs[-1]
    assert reply.startswith(f"Stopped (Ctrl-C). The run in {stopped} keeps its finished trials")
    assert "stopped before it delivered" in session.send("show the leaderboard")
    session.deps = session.deps.__class__(**{**session.deps.__dict__, "on_event": None})
    reply = session.send("give it 10 more seconds")
    assert reply.startswith("Continued the stopped run.\nDelivered a model of 'churn' (binary): CV roc_auc"), reply
    assert "CV roc_auc" in session.send("show the leaderboard") and session.state.runs == [stopped]


def test_which_file_trains_and_which_is_predicted(tmp_path, churn_files):
    from mlpilot.chat.actions import train_and_test

    train, new = churn_files
    latest = tmp_path / "latest_customers.csv"  # "test" inside a word, and the only file: the data to learn from
    latest.write_bytes(train.read_bytes())
    labelled = tmp_path / "test.csv"  # named a test set, beside a file to train on
    labelled.write_bytes(train.read_bytes())
    assert train_and_test([str(latest)]) == (str(latest), None)
    assert train_and_test([str(train), str(new)]) == (str(train), str(new))  # new.csv lacks the target
    assert train_and_test([str(train), str(labelled)]) == (str(train), str(labelled))
