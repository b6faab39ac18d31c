"""``mlpilot eval`` and ``mlpilot eval-report``: added to the main typer app by ``register``."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from mlpilot.errors import MlpilotError

console = Console()
err = Console(stderr=True)
SHORT = {"success_rate": "success", "mean_normalized": "norm", "mean_rank": "rank", "comprehensive": "CS",
         "seconds": "secs", "llm_cost": "llm $"}


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """MlpilotError -> one red line and exit 2; Ctrl-C or SIGTERM -> how to resume and exit 130."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)  # stop like Ctrl-C: attempts killed, finished rows kept
    try:
        yield
    except MlpilotError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("interrupted; finished attempts are kept: rerun the same command to resume", highlight=False)
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_summary(scored) -> None:
    from mlpilot.evals.summary import overall

    table = Table(title="overall")
    summary = overall(scored).rename(columns=SHORT)
    for column in summary.columns:
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in summary.itertuples(index=False):
        table.add_row(*["-" if v != v else f"{v:.3f}" if isinstance(v, float) else str(v) for v in row])
    console.print(table)


def eval_command(
    suite: Annotated[str, typer.Argument(help="suite YAML, packaged suite name (dev, general[:tune|:holdout]), a task directory or an MLE-bench competition")],
    time_budget: Annotated[str, typer.Option("--time-budget", "-t", help="per task and system: 90s, 2m, 1h")] = "2m",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="attempts run in parallel")] = 1,
    baselines: Annotated[str, typer.Option(help="comma list of lgbm, hgb, flaml, autogluon ('' for none)")] = "lgbm,hgb,flaml",
    out: Annotated[Path, typer.Option(help="parent directory of run directories")] = Path("eval-runs"),
    run_id: Annotated[str | None, typer.Option(help="run directory name (default <suite>-<budget>s); reuse to resume")] = None,
    agent: Annotated[bool, typer.Option("--mlpilot/--no-mlpilot", help="run mlpilot itself")] = True,
    retry_failed: Annotated[bool, typer.Option(help="on resume, rerun attempts that failed, timed out or were invalid")] = False,
    llm: Annotated[str | None, typer.Option(help="mlpilot's backend: expert, openai:MODEL, anthropic:MODEL... (else MLPILOT_LLM)")] = None,
    metric: Annotated[str | None, typer.Option(help="override every task's metric (MLE-bench descriptions may name none)")] = None,
) -> None:
    """Run mlpilot and baselines on every task of a suite, grade, and write results.csv and report.html."""
    from mlpilot.agent.backends import get_backend
    from mlpilot.evals.runner import evaluate

    names = [b.strip() for b in baselines.split(",") if b.strip()]
    with _one_line_errors():
        if llm:
            get_backend(llm)  # a bad spec or a missing key fails here once, not in every attempt
            os.environ["MLPILOT_LLM"] = llm  # the attempt processes inherit it
        scored = evaluate(suite, time_budget=time_budget, jobs=jobs, baselines=names, out=out,
                          run_id=run_id, mlpilot=agent, retry_failed=retry_failed, quiet=False,
                          metric=metric)
    _print_summary(scored)
    console.print(f"results and report in {scored.attrs['run_dir']}")


def eval_report_command(
    run_dirs: Annotated[list[Path], typer.Argument(help="run directories under the eval --out directory")],
) -> None:
    """(Re)build results.csv and report.html for each run directory; given runs of one suite at several budgets,
    also the learning curve (learning-curve.html beside the first run)."""
    from mlpilot.evals.curve import write_curve
    from mlpilot.evals.report import write_report
    from mlpilot.evals.runner import read_rows, rows_frame
    from mlpilot.evals.summary import per_task

    with _one_line_errors():
        for run_dir in run_dirs:
            path = write_report(run_dir)
            _print_summary(per_task(rows_frame(read_rows(run_dir))))
            console.print(f"report: {path}")
        if len(run_dirs) > 1:
            path = run_dirs[0].parent / "learning-curve.html"
            curve = write_curve(run_dirs, path)
            console.print(curve.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
            console.print(f"learning curve: {path}")


def register(app: typer.Typer) -> None:
    """Add ``eval`` and ``eval-report`` to ``app``."""
    app.command("eval")(eval_command)
    app.command("eval-report")(eval_report_command)
