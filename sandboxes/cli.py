"""``mlpilot sandbox build`` and ``mlpilot sandbox status``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from mlpilot.errors import MlpilotError
from mlpilot.sandboxes.base import Limits
from mlpilot.sandboxes.image import BaseChoice, build_image, image_status

sandbox_app = typer.Typer(help="Build and inspect the Docker sandbox image.", no_args_is_help=True)
console = Console()


@sandbox_app.command()
def build(
    force: Annotated[bool, typer.Option(help="rebuild even if the image for this spec exists")] = False,
    base: Annotated[str, typer.Option(help="auto | python (official image) | debootstrap (offline Debian)")] = "auto",
) -> None:
    """Build (or reuse) the sandbox image."""
    if base not in BaseChoice.__args__:  # type: ignore[attr-defined]
        raise MlpilotError(f"unknown base {base!r}: use auto, python or debootstrap")
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[step]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("starting", total=None, step="")

        def progress(message: str, step: int | None, total: int | None) -> None:
            fields = {"step": f"step {step}/{total}" if step and total else ""}
            if total:
                bar.update(task, total=total, completed=step - 1, description=message, **fields)
            else:
                bar.update(task, description=message, **({} if step is None else fields))

        report = build_image(force=force, base=base, progress=progress)  # type: ignore[arg-type]
    verb = "reused" if report.reused else "built"
    console.print(f"[green]{verb}[/] {report.tag} on {report.base}: {report.size_mb:.0f} MB in {report.seconds:.1f} s")


@sandbox_app.command()
def status() -> None:
    """Is an engine reachable, is the image present and current, and what limits apply?"""
    state = image_status()
    table = Table(show_header=False, box=None)
    table.add_row("engine", ("[green]" if state.engine else "[red]") + state.engine_detail)
    table.add_row("docker CLI", state.cli or "[red]not found")
    if state.present:
        table.add_row("image", f"[green]{state.tag}[/] (current) on {state.base}, {state.size_mb:.0f} MB, "
                               f"built {state.created}")
    else:
        table.add_row("image", f"[yellow]{state.tag} not built[/]: run `mlpilot sandbox build`")
    if state.stale_tags:
        table.add_row("stale images", ", ".join(state.stale_tags))
    limits = Limits()
    table.add_row("limits", f"memory {limits.memory_mb} MB, {limits.cpus} CPUs, {limits.pids} pids, "
                            f"/tmp tmpfs {limits.tmpfs_mb} MB")
    table.add_row("walls", "no network, read-only root, data read-only, only the trial output writable, "
                           "all capabilities dropped, no-new-privileges, non-root user")
    table.add_row("--sandbox auto", "docker" if state.ready else "local (docker is not ready)")
    console.print(table)
