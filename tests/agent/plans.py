"""The expert plan for a one-column profile of a given size and task."""

from mlpilot.agent.backends.expert_plan import plan
from mlpilot.agent.roles import PlanInput
from mlpilot.schemas import ColumnProfile, DatasetProfile, Plan, TaskSpec


def plan_for(n_rows, task, class_counts=None, **spec) -> Plan:
    columns = [ColumnProfile(name="a", dtype="float64", role="numeric", n_unique=n_rows, missing_frac=0.0)]
    profile = DatasetProfile(n_rows=n_rows, n_cols=2, target="y", task_type=task, columns=columns,
                             class_counts=class_counts)
    metric = "rmse" if task == "regression" else "roc_auc"
    return plan(PlanInput(spec=TaskSpec(task_type=task, target="y", metric=metric, **spec), profile=profile,
                          search_budget_s=60))
