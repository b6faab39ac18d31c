"""A table with one column of every role, shared by the profile and leakage tests."""

import numpy as np
import pandas as pd

N = 400


def mixed(n: int = N, seed: int = 0) -> pd.DataFrame:
    """One column per role, a noisy binary target and one duplicated row."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    words = np.array(["great", "awful", "slow", "fast", "quiet", "loud", "cheap", "pricey", "clean", "dirty"])
    df = pd.DataFrame(
        {
            "customer_id": rng.permutation(n) + 1000,
            "amount": x,
            "visits": rng.integers(0, 30, n),
            "plan": rng.choice(["basic", "plus", "pro"], n),
            "zip": [f"z{v}" for v in rng.integers(0, n // 2, n)],
            "active": rng.choice(["yes", "no"], n),
            "opted_in": rng.choice([True, False], n),
            "gender": rng.choice(["male", "female"], n),
            "signup": pd.date_range("2021-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "last_seen": pd.date_range("2022-01-01", periods=n, freq="h"),
            "review": [" ".join(rng.choice(words, 8)) for _ in range(n)],
            "token": [f"{v:012x}" for v in rng.integers(0, 2**46, n)],
            "country": "FR",
            "empty": np.nan,
            "y": np.where(x + rng.normal(scale=1.0, size=n) > 0, "churned", "stayed"),
        }
    )
    df.loc[n - 1] = df.loc[0]
    return df
