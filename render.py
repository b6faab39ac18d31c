"""Terminal rendering of run events with rich: stages, a live trial bar over a live leaderboard of the
best trials, the verdict and the final leaderboard. The library never prints; only this module and ``cli`` do."""

from __future__ import annotations

import math

from rich import box
from rich.console import Console, Group
from rich.live import Live
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from mlpilot.events import Event
from mlpilot.schemas import TrialRecord

LIVE_ROWS = 5


class RunRenderer:
    """Turns the event stream of one run into terminal output."""

    def __init__(self, console: Console):
        self.console = console
        self.progress: Progress | None = None
        self.live: Live | None = None
        self.task = None
        self.search_start = 0.0
        self.trials = 0
        self.failed = 0
        self.metric, self.greater = "score", True
        self.best: list[TrialRecord] = []

    def __call__(self, event: Event) -> None:
        handler = getattr(self, f"on_{event.kind}", None)
        if handler:
            handler(event)

    def on_stage(self, e) -> None:
        self.stop()
        self.console.print(f"[bold cyan]▸ {e.stage}[/] [dim]{e.detail}  ({e.elapsed_s:.0f}s)[/]")

    def on_note(self, e) -> None:
        style = "yellow" if e.level == "warning" else "dim"
        self.console.print(f"  [{style}]{'⚠ ' if e.level == 'warning' else ''}{e.message}[/]")

    def on_search_started(self, e) -> None:
        self.search_start = e.elapsed_s
        self.progress = Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                                 TimeElapsedColumn(), TextColumn("{task.fields[status]}"), console=self.console,
                                 transient=False)
        self.task = self.progress.add_task(f"searching {', '.join(e.families)}", total=max(e.budget_s, 1.0),
                                           status="waiting for the first trial")
        self.metric, self.greater, self.best = e.metric, e.greater_is_better, []
        self.live = Live(self._view(), console=self.console, refresh_per_second=4)
        self.live.start()

    def _view(self) -> Group:
        table = Table(box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 1))
        for column in ("trial", "family", self.metric, "seconds", "from"):
            table.add_column(column, justify="right" if column in ("trial", "seconds") else "left")
        for t in self.best:
            table.add_row(str(t.number), t.config.get("family", ""), f"{t.value:.4f}", f"{t.seconds:.1f}", t.source)
        return Group(self.progress, table) if self.best else Group(self.progress)

    def on_trial(self, e) -> None:
        self.trials += 1
        self.failed += e.trial.state in ("FAIL", "TIMEOUT")
        best = "–" if e.best_value is None else f"{e.best_value:.4f}"
        status = f"trials {self.trials} ({self.failed} failed) · best {best} · last {e.trial.config.get('family')}"
        if e.trial.state == "COMPLETE" and e.trial.value is not None and math.isfinite(e.trial.value):
            ranked = sorted([*self.best, e.trial], key=lambda t: t.value, reverse=self.greater)
            self.best = ranked[:LIVE_ROWS]
        if self.progress is not None:
            self.progress.update(self.task, completed=e.elapsed_s - self.search_start, status=status)
            self.live.update(self._view())
        if e.trial.state in ("FAIL", "TIMEOUT"):
            self.console.print(f"  [yellow]trial {e.trial.number} {e.trial.state.lower()}: {e.trial.reason}[/]")

    def on_verified(self, e) -> None:
        table = Table(title=f"verification: {e.verdict.decision}", show_lines=False)
        table.add_column("check")
        table.add_column("evidence")
        for c in e.verdict.checks:
            mark = "[green]✔[/]" if c.passed else ("[red]✘[/]" if c.severity == "error" else "[yellow]![/]")
            table.add_row(f"{mark} {c.name}", c.evidence)
        self.console.print(table)

    def on_delivered(self, e) -> None:
        self.stop()
        score = "–" if e.score is None else f"{e.score:.4f}"
        self.console.print(f"[bold green]✔ delivered[/] CV {e.metric} {score} in {e.elapsed_s:.0f}s → {e.run_dir}")
        for name, path in e.files.items():
            self.console.print(f"  [dim]{name}:[/] {path}")

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live, self.progress = None, None


def leaderboard_table(board, metric: str, rows: int = 10) -> Table:
    table = Table(title="leaderboard")
    for column in ("trial", "family", metric, "fold_std", "seconds", "state"):
        table.add_column(column)
    for r in board.head(rows).to_dict("records"):
        table.add_row(*[("" if v is None or v != v else f"{v:.4f}" if isinstance(v, float) and k != "seconds" else str(v))
                        for k, v in ((c, r.get(c)) for c in ("trial", "family", metric, "fold_std", "seconds", "state"))])
    return table
