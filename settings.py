"""Every constant that tunes how a run spends its time, each with its reason: one frozen object per run.

A run carries it in its context (``ctx.settings``); ``solve(settings=Settings(trial_share=0.5))`` runs with
other values (benchmarks compare them that way). Constants of a method itself (leak thresholds, the rows a level
needs for a target mean) stay beside the method; the LLM client's own limits stay in ``agent/backends``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # the budget's split between stages
    reserve_fraction: float = Field(0.15, description="of the time left after planning, kept back for "
                                                      "verification and delivery")
    min_role_s: float = Field(5.0, description="an LLM role's call gets at least this long (at most half the time "
                                               "left): shorter, no model answers")
    code_share: float = Field(0.25, description="at most this share of the time left goes to writing and testing "
                                                "feature code")
    code_min_left_s: float = Field(30.0, description="below this much time left no feature code is written: its "
                                                     "trials would have no time to pay it back")
    code_attempts: int = Field(3, description="drafts of the feature code (each fixed from the last one's error)")
    replan_attempts: int = Field(2, description="searches in all: the verifier may send the run back once")
    replan_min_fraction: float = Field(0.2, description="the verifier replans only while a second search would get "
                                                        "this share of the budget (after the end's reserves): a "
                                                        "shorter one would not help")

    # the search
    search_rows: int = Field(100_000, description="rows cross-validated per trial; refits use all")
    parallel_rows: int = Field(20_000, description="below this, trials run side by side with one thread each; "
                                                   "above, one at a time with all threads")
    min_trial_s: float = Field(2.0, description="no trial starts with less time than this before the deadline")
    propose_min_s: float = Field(15.0, description="proposals are asked only while this much search time is "
                                                   "left: later ones would not run")
    trial_share: float = Field(0.34, description="of the search time left: a trial's time limit, so no one trial "
                                                 "takes the search")
    first_share: float = Field(0.6, description="the first trial's limit: until it finishes there is nothing to "
                                                "deliver, and a truncated default is weak")
    first_rows: int = Field(10_000, description="the first trial fits each fold on at most this many rows, so a "
                                                "first model comes fast")
    late_s: float = Field(1.0, description="a trial after the first is killed at most this long past the search "
                                           "deadline (later, it eats the end's reserve)")
    grace: tuple[float, float] = Field((1.5, 5.0), description="a worker past its time limit (saving big "
                                                               "forests, say) is killed after limit x a + b s")
    twin_rounds: int = Field(2, description="MAE: the first default's absolute-error twin grows at most this many "
                                            "times its rounds (absolute error converges slowly where it does not "
                                            "help: 8x the time for a worse MAE on hotel prices)")

    # what the search keeps back for the end
    reserve_members: int = Field(2, description="greedy selection keeps at most two trials in 2 runs of 3; the refit "
                                                "reserve counts this many")
    refit_margin: float = Field(1.3, description="a refit on all rows is tried only when this many times its "
                                                 "estimated cost is left")
    end_margin: float = Field(0.03, description="share of the budget kept for what is not measured (process "
                                                "start-up, writing files)")
    fit_overhead_s: float = Field(0.75, description="per refit: job set-up, saving and reloading the model "
                                                  "(measured: whole deliver stage 0.6-4 s, refit included)")
    bundle_s_per_mb: float = Field(0.06, description="bundling an ensemble's fold models into one file (loading "
                                                     "and re-saving them), per MB of their files")
    verify_s: float = Field(0.75, description="blending the trials' predictions, the checks (measured: 0-1.2 s)")
    report_s: float = Field(1.0, description="writing predictions, summary and report (measured: 0.5-1 s)")
    min_fit_s: float = Field(10.0, description="a fallback fit gets at least this long: the budget rule allows "
                                               "max(10%, 10 s) over")
