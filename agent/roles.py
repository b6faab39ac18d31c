"""Inputs of the backend roles, and the answers not already in ``mlpilot.schemas`` (the roles themselves are
in ``agent.backends.registry``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from mlpilot.schemas import Check, CodeAttempt, ColumnProfile, DatasetProfile, Plan, TaskSpec, TrialRecord


class UnderstandInput(BaseModel):
    """role "understand" -> UnderstandReply"""

    request: str
    columns: list[str]
    dtypes: dict[str, str]
    preview: list[dict] = Field(default_factory=list, description="first rows, values as strings")
    n_rows: int
    n_unique: dict[str, int] = Field(default_factory=dict)
    levels: dict[str, list[str]] = Field(
        default_factory=dict, description="the values of each text column with a few distinct ones")
    test_columns: list[str] | None = None
    test_empty_columns: list[str] = Field(
        default_factory=list, description="columns of the test file that are there but hold no value in any row")
    submission_columns: list[str] | None = None
    time_budget_s: float | None = Field(None, description="budget given outside the request, wins if set")
    target: str | None = Field(None, description="target column given outside the request (--target), wins if set")
    metric: str | None = Field(None, description="metric given outside the request (--metric), wins if set")
    exclude: list[str] = Field(default_factory=list, description="columns given with --exclude: never features")
    rejected_targets: list[str] | None = Field(
        None, description="columns the verifier ruled out as the target: choose another (None when none are)")


class UnderstandReply(TaskSpec):
    """The understand role's answer: a best-guess TaskSpec, plus a question when the request is ambiguous."""

    question: str | None = Field(
        None, description="one short question for the user when the request is ambiguous, else null"
    )

    def spec(self) -> TaskSpec:
        return TaskSpec.model_validate(self.model_dump(exclude={"question"}))


class PlanInput(BaseModel):
    """role "plan" -> Plan"""

    spec: TaskSpec
    profile: DatasetProfile
    search_budget_s: float
    feedback: list[str] = Field(default_factory=list, description="why the verifier sent the run back")


class ProposeInput(BaseModel):
    """role "propose" -> Proposals: configurations for the next trials of the study."""

    spec: TaskSpec
    profile: DatasetProfile
    plan: Plan
    space: dict[str, dict] = Field(description="family -> {param: [low, high] or [choices]}")
    history: list[TrialRecord]
    n: int = 4


class Proposals(BaseModel):
    configs: list[dict] = Field(description="each has 'family' plus that family's parameters")


class CodeInput(BaseModel):
    """role "code" -> FeatureCode"""

    spec: TaskSpec
    columns: list[ColumnProfile]
    baseline: str = Field(description="the CV score the step must beat")
    previous: list[CodeAttempt] = Field(default_factory=list)


class FeatureCode(BaseModel):
    code: str = Field(description="Python source defining transform(df: pandas.DataFrame) -> pandas.DataFrame")
    new_columns: dict[str, Literal["numeric", "categorical", "boolean"]] = Field(
        description="every column transform adds, with its role; undeclared columns never reach the model"
    )
    idea: str = Field("", description="one line: what the new columns capture")


class VerifyInput(BaseModel):
    """role "verify" -> Verdict. The checks and their numbers come from our code, never from a model."""

    spec: TaskSpec
    checks: list[Check]
    attempt: int
    max_attempts: int


class TurnInput(BaseModel):
    """A chat turn to read into an ``Intent`` (``mlpilot.chat.intents``)."""

    text: str = Field(description="the person's message")
    columns: list[str] = Field(default_factory=list, description="the training data's columns")
    files: list[str] = Field(default_factory=list, description="names of the data files in the conversation")
    has_run: bool = Field(False, description="whether a run has delivered a model in this conversation")
