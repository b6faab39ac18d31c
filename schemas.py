"""Pydantic models that cross module boundaries: the request, the data profile, the plan, the verdict.

Every model here is plain, serialisable data: it goes into the LangGraph checkpoint, to LLM backends as
structured output, and into the run directory as JSON.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

TaskType = Literal["binary", "multiclass", "regression"]
# the searchable families, in the order the expert tries their defaults: fast and strong first
Family = Literal["lightgbm", "catboost", "hist_gb", "xgboost", "linear", "extra_trees", "random_forest", "mlp"]
ColumnRole = Literal[
    "numeric", "categorical", "high_card_categorical", "boolean", "datetime", "text", "id", "constant"
]
FAMILIES: tuple[str, ...] = Family.__args__  # type: ignore[attr-defined]


class Constraints(BaseModel):
    """What the request rules in or out."""

    interpretable: bool = False
    exclude_families: list[Family] = Field(default_factory=list)
    include_families: list[Family] = Field(default_factory=list)
    max_model_mb: float | None = None
    exclude_columns: list[str] = Field(default_factory=list, description="columns the user said not to use")


class Question(BaseModel):
    """A question for the person running mlpilot; ``about="target"`` asks which column to predict."""

    text: str
    about: Literal["target", "request"] = "request"


class TaskSpec(BaseModel):
    """The request in structured form: what to predict, how it is scored, under which limits."""

    task_type: TaskType
    target: str
    metric: str
    metric_asked: bool = Field(True, description="the user named the metric (request, --metric); else a default")
    id_column: str | None = None
    time_budget_s: float = 120.0
    group_column: str | None = None
    time_column: str | None = None
    constraints: Constraints = Field(default_factory=Constraints)
    notes: list[str] = Field(default_factory=list, description="why each field was chosen")


class ColumnProfile(BaseModel):
    name: str
    dtype: str
    role: ColumnRole
    n_unique: int
    missing_frac: float
    examples: list[str] = Field(default_factory=list)


class LeakSuspect(BaseModel):
    """A column that may not be usable at prediction time, with the evidence and what was done with it."""

    column: str
    reason: str
    score: float | None = None
    action: Literal["dropped", "kept"] = Field(
        "dropped", description="dropped: unusable at prediction time or a copy of the target; kept: merely strong, "
                               "or a copy the test file has")
    is_copy: bool = Field(False, description="a copy or formula of the target (kept only when the test file has it)")
    cv_with: float | None = Field(None, description="kept: CV score of the first default configuration with it")
    cv_without: float | None = Field(None, description="kept: the same configuration's CV score without it")


class DatasetProfile(BaseModel):
    """What the profiler learned about the training data."""

    n_rows: int
    n_cols: int
    target: str
    task_type: TaskType
    columns: list[ColumnProfile]
    class_counts: dict[str, int] | None = None
    target_skew: float | None = None
    target_min: float | None = None
    duplicate_rows: int = 0
    missing_frac: float = 0.0
    memory_mb: float = 0.0
    leakage_suspects: list[LeakSuspect] = Field(default_factory=list)
    ordered_ids: list[str] = Field(default_factory=list, description="integer ids whose order alone says a little "
                                   "about the target: trials may use them as numbers (``ids_as_numbers``)")
    test_rows: int | None = None

    def features(self) -> list[ColumnProfile]:
        """Columns a model may use: everything but the target, ids, constants and leak suspects."""
        dropped = {"id", "constant"}
        leaks = {s.column for s in self.leakage_suspects if s.action == "dropped"}
        return [c for c in self.columns if c.role not in dropped and c.name not in leaks and c.name != self.target]

    def without(self, columns: list[str]) -> DatasetProfile:
        """This profile with ``columns`` left out of the features."""
        return self.model_copy(update={"columns": [c for c in self.columns if c.name not in columns]})

    def with_ids_as_numbers(self) -> DatasetProfile:
        """This profile with its ordered ids as numeric features."""
        return self.model_copy(update={"columns": [c.model_copy(update={"role": "numeric"})
                                                   if c.name in self.ordered_ids else c for c in self.columns]})

    def by_role(self, *roles: str) -> list[str]:
        return [c.name for c in self.features() if c.role in roles]


class CVSpec(BaseModel):
    kind: Literal["stratified", "kfold", "group", "time"]
    n_splits: int = 5
    group_column: str | None = None
    time_column: str | None = None


class Candidate(BaseModel):
    """One model family the search may try, with configurations to evaluate first."""

    family: Family
    defaults: list[dict] = Field(default_factory=list)


def trying_order(start: list[dict], candidates: list[Candidate]) -> list[dict]:
    """The configurations a search evaluates first: ``start`` (those of the candidates' families), then the
    candidates' defaults round-robin (every family's first, then seconds...), each once."""
    families = {c.family for c in candidates}
    depth = max((len(c.defaults) for c in candidates), default=0)
    defaults = [{**c.defaults[i], "family": c.family} for i in range(depth) for c in candidates if i < len(c.defaults)]
    first = [c for c in start if c.get("family") in families]
    return first + [c for c in defaults if c not in first]


class Plan(BaseModel):
    candidates: list[Candidate] = Field(description="families to search, most promising first")
    start: list[dict] = Field(default_factory=list, description="configurations to evaluate before the candidates' "
                                                                "defaults, in order (the expert's learned portfolio)")
    cv: CVSpec
    holdout_frac: float = 0.15
    search_budget_s: float
    ensemble_size: int = 5
    log_target: bool = Field(False, description="regression scored on relative errors (RMSLE, MAPE): every trial "
                                                "fits log1p(target)")
    try_log_target: bool = Field(False, description="regression, a skewed non-negative target scored on its own scale: "
                                                    "each trial fits y or log1p(y), as the search decides")
    l1_loss: bool = Field(False, description="regression scored by MAE: each trial fits squared or absolute error, "
                                             "as the search decides (both are tried on the first default)")
    rationale: list[str] = Field(default_factory=list)

    def warm_start(self) -> list[dict]:
        return trying_order(self.start, self.candidates)

    @property
    def candidate_trials(self) -> int:
        """How many of the best finished trials the ensemble is chosen among."""
        return 3 * self.ensemble_size

    def trial_config(self, config: dict) -> dict:
        """``config`` with the plan's target setting that every trial shares."""
        return config | ({"log_target": True} if self.log_target else {})


class TrialRecord(BaseModel):
    """One finished trial as the search saw it."""

    number: int
    state: Literal["COMPLETE", "FAIL", "TIMEOUT", "PRUNED"]
    config: dict
    value: float | None = None
    fold_scores: list[float] = Field(default_factory=list)
    seconds: float = 0.0
    reason: str | None = None
    source: str = "tpe"
    info: dict = Field(default_factory=dict, description="e.g. best_rounds for a refit")
    oof_file: str | None = Field(None, description="out-of-fold predictions, in the trials directory")
    model_file: str | None = Field(None, description="the trial's bagged fold models, in the trials directory")
    pred_files: dict[str, str] = Field(default_factory=dict, description="holdout/test: the fold models' average")


class CodeAttempt(BaseModel):
    code: str
    result: str


class FeatureStep(BaseModel):
    """What the code writer left: the kept ``transform(df)`` source (None when no attempt beat the baseline)."""

    code: str | None = None
    new_columns: dict[str, Literal["numeric", "categorical", "boolean"]] = Field(default_factory=dict)
    idea: str = ""
    value: float | None = Field(None, description="CV score with the step")
    baseline: float = Field(description="CV score of the same configuration without it")
    attempts: list[CodeAttempt] = Field(default_factory=list)


class Check(BaseModel):
    name: str
    passed: bool
    severity: Literal["error", "warning"] = "error"
    evidence: str


class Verdict(BaseModel):
    decision: Literal["pass", "replan", "warn"]
    checks: list[Check]
    explanation: str = ""
