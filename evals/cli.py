"""``mlpilot eval`` and ``mlpilot eval-report``: added to the main typer app by ``register``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console = Console()
SHORT = {"success_rate": "success", "mean_normalized": "norm", "mean_rank": "rank", "comprehensive": "CS",
         "seconds": "secs", "llm_cost": "llm $"}


def _print_summary(scored) -> None:
    from mlpilot.evals.summary import overall

    table = Table(title="overall")
    summary = overall(scored).rename(columns=SHORT)
    for column in summary.columns:
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in summary.itertuples(index=False):
        table.add_row(*[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row])
    console.print(table)


def eval_command(
    suite: Annotated[str, typer.Argument(help="suite YAML, packaged suite name (dev) or one task directory")],
    time_budget: Annotated[str, typer.Option("--time-budget", "-t", help="per task and system: 90s, 2m, 1h")] = "2m",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="attempts run in parallel")] = 1,
    baselines: Annotated[str, typer.Option(help="comma list of lgbm, hgb, flaml, autogluon ('' for none)")] = "lgbm,hgb,flaml",
    out: Annotated[Path, typer.Option(help="parent directory of run directories")] = Path("eval-runs"),
    run_id: Annotated[str | None, typer.Option(help="run directory name (default <suite>-<budget>s); reuse to resume")] = None,
    agent: Annotated[bool, typer.Option("--mlpilot/--no-mlpilot", help="run mlpilot itself")] = True,
) -> None:
    """Run mlpilot and baselines on every task of a suite, grade, and write results.csv and report.html."""
    from mlpilot.evals.runner import evaluate

    names = [b.strip() for b in baselines.split(",") if b.strip()]
    scored = evaluate(suite, time_budget=time_budget, jobs=jobs, baselines=names, out=out,
                      run_id=run_id, mlpilot=agent, quiet=False)
    _print_summary(scored)
    console.print(f"results and report in {scored.attrs['run_dir']}")


def eval_report_command(
    run_dir: Annotated[Path, typer.Argument(help="a run directory under the eval --out directory")],
) -> None:
    """(Re)build results.csv and report.html for a run directory."""
    from mlpilot.evals.report import write_report
    from mlpilot.evals.runner import read_rows, rows_frame
    from mlpilot.evals.summary import per_task

    path = write_report(run_dir)
    _print_summary(per_task(rows_frame(read_rows(run_dir))))
    console.print(f"report: {path}")


def register(app: typer.Typer) -> None:
    """Add ``eval`` and ``eval-report`` to ``app``."""
    app.command("eval")(eval_command)
    app.command("eval-report")(eval_report_command)
