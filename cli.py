"""The ``mlpilot`` command: run, resume, worker, chat, serve, predict, sandbox, eval."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from mlpilot.errors import MlpilotError
from mlpilot.evals.cli import register as register_eval
from mlpilot.layout import writable_folder
from mlpilot.sandboxes.cli import sandbox_app

app = typer.Typer(help="mlpilot: from a plain-words request to a tuned, verified model.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
app.add_typer(sandbox_app, name="sandbox")
register_eval(app)
err = Console(stderr=True)


def error_line(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    error_line(message)
    raise typer.Exit(code)


@contextmanager
def one_line_errors(renderer) -> Iterator[None]:
    """A run's failures as one line and an exit code (2 bad input, 130 Ctrl-C, 1 a bug), never a traceback."""
    try:
        yield
    except MlpilotError as exc:
        renderer.stop()
        fail(str(exc))
    except KeyboardInterrupt:
        renderer.stop()
        fail("interrupted; finished trials are kept in the run directory (mlpilot resume continues it)", 130)
    except Exception as exc:  # a bug outside the run's own recovery: still one line, never a traceback
        renderer.stop()
        fail(f"unexpected failure ({type(exc).__name__}: {str(exc)[:200]}); please report it", 1)


def main() -> None:
    """The console entry point: every subcommand's ``MlpilotError`` is one line and exit code 2."""
    try:
        app(obj={"started": time.monotonic()})  # a run's budget counts from here: its imports are on the clock
    except MlpilotError as exc:
        error_line(str(exc))
        sys.exit(2)


@app.command()
def run(
    ctx: typer.Context,
    request: str = typer.Argument(..., help='what to do, e.g. "predict which customers churn; optimise ROC AUC"'),
    data: Path = typer.Option(..., "--data", "-d", help="training data: CSV/TSV, Parquet, JSON(L), Excel, Feather"),
    test: Path = typer.Option(None, "--test", help="rows to predict; predictions.csv follows its ids"),
    target: str = typer.Option(None, "--target", help="the column to predict (else read from the request)"),
    metric: str = typer.Option(None, "--metric", help="the metric to optimise (else read from the request)"),
    exclude: list[str] = typer.Option(None, "--exclude", "-x",
                                      help="a column not to use (repeat it, or separate names with commas)"),
    time_budget: str = typer.Option(None, "--time-budget", "-t", help="whole-run wall clock, e.g. 90s, 2m, 1h"),
    out: Path = typer.Option(Path("runs"), "--out", "-o", help="folder for run directories"),
    submission: Path = typer.Option(None, "--submission", help="also write the predictions for --test here"),
    sandbox: str = typer.Option("local", "--sandbox", help="where trials run: local, docker or auto"),
    llm: str = typer.Option(None, "--llm", help="expert (default), openai:MODEL, anthropic:MODEL, openai-compatible:MODEL"),
    base_url: str = typer.Option(None, "--base-url", help="base URL of an OpenAI-compatible server"),
    max_llm_cost: float = typer.Option(None, "--max-llm-cost", help="hard cap on LLM spend in USD"),
    storage: str = typer.Option(None, "--storage", help="database URL for a study shared with `mlpilot worker`s, "
                                                      "e.g. postgresql://USER@HOST/DB"),
    study: str = typer.Option(None, "--study", help="name the workers are given (default: the run directory's)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
    as_json: bool = typer.Option(False, "--json", help="print a machine-readable summary on stdout"),
) -> None:
    """Plan, tune, verify and deliver a model for REQUEST on --data."""
    from mlpilot.api import solve
    from mlpilot.render import RunRenderer, leaderboard_table

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up the sandbox as on Ctrl-C
    console = Console(stderr=as_json, quiet=quiet)
    renderer = RunRenderer(console)
    interactive = sys.stdin.isatty() and not (quiet or as_json)  # else the planner goes on with its best reading
    ask = (lambda question: console.input(f"[bold cyan]?[/] {question} ")) if interactive else None
    with one_line_errors(renderer):
        result = solve(request, data, test=test, target=target, metric=metric, time_budget=time_budget, out=out,
                       submission=submission,
                       exclude=[n.strip() for given in exclude or [] for n in given.split(",") if n.strip()],
                       sandbox=sandbox, llm=llm, base_url=base_url, max_llm_cost=max_llm_cost, on_event=renderer,
                       ask=ask, storage=storage, study=study, started=(ctx.obj or {}).get("started"))
    console.print(leaderboard_table(result.leaderboard, result.metric))
    if as_json:
        sys.stdout.write(json.dumps(result.summary | {"run_dir": str(result.run_dir)}, default=str) + "\n")


@app.command()
def resume(
    ctx: typer.Context,
    run_dir: Path = typer.Argument(..., help="the run directory to continue"),
    time_budget: str = typer.Option(None, "--time-budget", "-t",
                                    help="time to spend now (a finished run: required; else: what was left)"),
    sandbox: str = typer.Option("local", "--sandbox", help="where trials run: local, docker or auto"),
    llm: str = typer.Option(None, "--llm", help="expert (default), openai:MODEL, anthropic:MODEL, openai-compatible:MODEL"),
    base_url: str = typer.Option(None, "--base-url", help="base URL of an OpenAI-compatible server"),
    storage: str = typer.Option(None, "--storage", help="database URL for a study shared with `mlpilot worker`s, "
                                                      "e.g. postgresql://USER@HOST/DB"),
    study: str = typer.Option(None, "--study", help="name the workers are given (default: the run directory's)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
) -> None:
    """Continue a stopped run where it was, or search a finished run's study again for --time-budget more."""
    from mlpilot.api import resume as resume_run
    from mlpilot.render import RunRenderer, leaderboard_table

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    console = Console(quiet=quiet)
    renderer = RunRenderer(console)
    with one_line_errors(renderer):
        result = resume_run(run_dir, time_budget=time_budget, sandbox=sandbox, llm=llm, base_url=base_url,
                            on_event=renderer, storage=storage, study=study, started=(ctx.obj or {}).get("started"))
    console.print(leaderboard_table(result.leaderboard, result.metric))


@app.command()
def worker(
    storage: str = typer.Option(..., "--storage", help="the coordinating run's --storage URL"),
    study: str = typer.Option(..., "--study", help="the coordinating run's study name (its --study)"),
    sandbox: str = typer.Option("local", "--sandbox", help="where this worker's trials run: local, docker or auto"),
    wait: str = typer.Option("10m", "--wait", help="how long to wait for the run to post its job, e.g. 90s"),
) -> None:
    """Run trials of a shared study until its run ends; the run's folders must be visible here at the same paths."""
    from mlpilot.tools.durations import parse_duration
    from mlpilot.tools.study_worker import work

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the sandbox is closed as on Ctrl-C
    console = Console(stderr=True)

    def show(record) -> None:
        value = "-" if record.value is None else f"{record.value:.4f}"
        console.print(f"trial {record.number} {record.config.get('family', '?')}: {record.state} {value} "
                      f"({record.seconds:.1f} s)", highlight=False)

    try:
        done = work(storage, study, sandbox=sandbox, wait_s=parse_duration(wait), on_trial=show)
    except KeyboardInterrupt:
        fail("interrupted; the trial this worker ran is failed and queued again by the study's heartbeat", 130)
    except Exception as exc:  # noqa: BLE001 - a worker's end is one line, never a traceback
        fail(f"worker stopped by an unexpected failure ({type(exc).__name__}: {str(exc).splitlines()[0][:200]}); "
             "the trial it ran is failed and queued again by the study's heartbeat", 1)
    console.print(f"worker done: {done} trial(s) of study {study}", highlight=False)


@app.command()
def chat(
    data: list[Path] = typer.Option(None, "--data", "-d", help="a data file for the conversation (repeat it)"),
    session: str = typer.Option("default", "--session", "-s", help="the conversation to start or continue"),
    out: Path = typer.Option(Path("runs"), "--out", "-o", help="folder for run directories and sessions"),
    sandbox: str = typer.Option("local", "--sandbox", help="where trials run: local, docker or auto"),
    llm: str = typer.Option(None, "--llm", help="expert (default), openai:MODEL, anthropic:MODEL, openai-compatible:MODEL"),
    base_url: str = typer.Option(None, "--base-url", help="base URL of an OpenAI-compatible server"),
) -> None:
    """Talk to mlpilot: describe a task, answer its questions, approve its plan, follow up; the conversation is kept."""
    from mlpilot.chat.terminal import chat_loop

    for path in data or []:
        if not path.is_file():
            fail(f"data file {path} not found: pass an existing file with --data")
    chat_loop(session, out, list(data or []), Console(), sandbox=sandbox, llm=llm, base_url=base_url)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind; anything but loopback needs a token"),
    port: int = typer.Option(8765, "--port", help="port to listen on"),
    token: str = typer.Option(None, "--token", help="access token (made up and printed when --host is not loopback)"),
    out: Path = typer.Option(Path("runs"), "--out", "-o", help="folder for run directories and sessions"),
    max_upload_mb: float = typer.Option(200, "--max-upload-mb", help="largest file an upload may be"),
    sandbox: str = typer.Option("local", "--sandbox", help="where trials run: local, docker or auto"),
    llm: str = typer.Option(None, "--llm", help="expert (default), openai:MODEL, anthropic:MODEL, openai-compatible:MODEL"),
    base_url: str = typer.Option(None, "--base-url", help="base URL of an OpenAI-compatible server"),
) -> None:
    """The chat as a local web app (and its JSON API); prints its URL."""
    import ipaddress
    import secrets

    import uvicorn

    from mlpilot.chat.web import create_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        fail(f"--host {host!r} is not an IP address: pass e.g. 127.0.0.1 or 0.0.0.0")
    if not loopback and not token:
        token = secrets.token_urlsafe(16)
    app_ = create_app(writable_folder(out), token=token, max_upload_mb=max_upload_mb, sandbox=sandbox, llm=llm, base_url=base_url)
    Console().print(f"mlpilot chat on [bold]http://{host}:{port}/" + (f"?token={token}" if token else "") + "[/]",
                    highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def predict(
    run_dir: Path = typer.Argument(..., help="a run directory that holds model.skops"),
    data: Path = typer.Argument(..., help="rows to predict, with the training columns (a sample submission beside "
                                "the file sets the predictions' form, as in a run)"),
    output: Path = typer.Option(Path("predictions.csv"), "--output", "-o", help="where to write predictions"),
) -> None:
    """Predict new rows with a delivered model."""
    from mlpilot.api import predict as predict_rows

    out = predict_rows(run_dir, data)  # a bad run directory or table: one line, through main
    writable_folder(output.parent, "--output")
    try:
        out.to_csv(output, index=False)
    except OSError as exc:
        raise MlpilotError(f"cannot write {output} ({exc.strerror}): pass --output with a writable path") from None
    Console(stderr=True).print(f"wrote {len(out)} predictions to {output}")


if __name__ == "__main__":  # python -m mlpilot.cli, as python -m mlpilot
    main()
