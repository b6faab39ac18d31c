"""The expert's reading of chat turns: at least twenty phrasings per intent, read against a churn table's columns."""

import pytest

from mlpilot.chat.intents import read_turn

COLUMNS = ["customer_id", "gender", "senior_citizen", "tenure", "contract", "monthly_charges", "total_charges",
           "payment_method", "internet_service", "churn", "age"]

PHRASINGS = {
    "task": [
        "predict which customers churn; optimise ROC AUC",
        "I want to know who will churn",
        "build a model for churn",
        "can you estimate the monthly charges of each customer?",
        "forecast total charges",
        "classify customers by contract type",
        "train a classifier on churn, accuracy please",
        "what's the chance that a customer leaves? use log loss",
        "Estimate the probability of churn for the test rows",
        "predict churn in 2 minutes",
        "fit a regression for tenure",
        "which customers are likely to cancel",
        "guess the payment method of each customer",
        "model tenure from the other columns, MAE",
        "I need churn predictions for next month's customers",
        "detect customers who will leave us",
        "tell apart churners and loyal customers",
        "regress total_charges on everything else",
        "learn to predict the contract type, macro F1",
        "whether a customer churns, optimise balanced accuracy",
        "Customers of a telecom (tenure, contract, charges). Predict churn.",
        "predict which customers churn from customers.csv; ROC AUC",
        "using data/train.parquet, estimate total charges",
        "the data is telco.csv: who will churn?",
        "build a model for train.csv, accuracy",
    ],
    "more_time": [
        "give it 5 more minutes",
        "run for another 2 minutes",
        "spend 10 more minutes on it",
        "keep going",
        "keep searching for 90 seconds",
        "continue",
        "more time please",
        "let it run longer",
        "extend the search by 3 minutes",
        "add 60 more seconds",
        "try for another minute",
        "another 30 seconds",
        "give it extra time",
        "keep tuning",
        "can you continue the search?",
        "run it longer, say 4 minutes",
        "2 more minutes",
        "one more minute please",
        "additional time: 45 s",
        "keep at it for a further 5 minutes",
        "continue for 120 seconds",
    ],
    "families": [
        "try only linear models",
        "just use lightgbm",
        "use only random forests",
        "stick to xgboost",
        "no neural nets",
        "without xgboost please",
        "only logistic regression",
        "switch to extra trees",
        "use linear models only",
        "limit it to LightGBM and XGBoost",
        "try a random forest instead",
        "don't use neural networks",
        "nothing but gradient boosting with lightgbm",
        "only ridge",
        "avoid mlp",
        "restrict to hist gradient boosting",
        "skip the neural net",
        "how about just xgb",
        "use a glm",
        "I only want linear models",
        "random forest and extra trees only",
    ],
    "exclude": [
        "drop customer_id and rerun",
        "don't use tenure",
        "remove the gender column",
        "exclude total_charges",
        "rerun without monthly charges",
        "ignore the payment method",
        "leave out senior_citizen",
        "take out contract and rerun",
        "do not use age",
        "stop using total charges",
        "get rid of the internet service column",
        "drop gender and age",
        "skip customer_id",
        "omit tenure please",
        "delete the column contract",
        "try again without total_charges",
        "no longer use monthly_charges",
        "remove customer id",
        "please exclude gender, age",
        "run it again but drop payment_method",
        "without senior citizen",
    ],
    "predict": [
        "predict on new.csv",
        "score data/new_customers.csv",
        "make predictions for next_month.parquet",
        "run the model on holdout.csv",
        "apply it to incoming.xlsx",
        "predictions for batch_7.csv please",
        "label fresh.tsv",
        "use the model on test2.csv",
        "what would it predict for customers_2027.csv?",
        "predict churn for later.json",
        "score these: rows.jsonl",
        "predict new_rows.feather",
        "can you predict on ./inbox/today.csv",
        "forecast for q3.csv",
        "classify unseen.csv",
        "predict the rows in more.csv",
        "give me predictions on march.csv",
        "run on /tmp/x/y.csv",
        "score the file extra_customers.parquet",
        "apply the model to ~/data/new.csv",
        "predictions for new.csv",
    ],
    "save": [
        "save the model to models/churn",
        "export the model to out/model",
        "store the model in artifacts",
        "copy the model into ./deploy",
        "write the model to saved/churn_v2",
        "save model to m1",
        "please save the model",
        "export model as churn_model",
        "put the model in models/",
        "save the trained model to /tmp/models/churn",
        "persist the model under registry/churn",
        "dump the model to backup",
        "can you save this model to models/final?",
        "save it: the model goes to prod/model",
        "store this model at ~/models/churn",
        "model: save to exports",
        "save the best model to best",
        "export the final model into release",
        "keep a copy of the model in archive",
        "write out the model to disk at models/v3",
        "save the delivered model to shipped",
    ],
    "explain": [
        "why is tenure the most important feature?",
        "what are the most important features?",
        "feature importance",
        "which columns matter most?",
        "what drives churn?",
        "explain the model",
        "how much does contract influence the prediction?",
        "what is the effect of monthly charges?",
        "which features contribute the most",
        "why does contract matter so much?",
        "show me the importances",
        "what affects the prediction most",
        "does gender matter?",
        "what's the impact of tenure",
        "explain why total_charges ranks so high",
        "top drivers please",
        "is age important?",
        "importance of payment_method",
        "why",
        "shap values?",
        "what are the key drivers of churn",
    ],
    "checks": [
        "what did the verifier check?",
        "did it pass?",
        "show the verification",
        "what checks ran?",
        "was the model verified?",
        "verdict?",
        "what was the verdict",
        "any failed checks?",
        "did the sanity checks pass",
        "how was it validated?",
        "show me the checks",
        "which checks failed",
        "did it pass the leakage check",
        "verification results",
        "was anything flagged by the verifier",
        "what did you check",
        "is the result verified?",
        "did it pass the holdout check?",
        "list the checks",
        "verifier output please",
        "what did verification say",
    ],
    "compare": [
        "compare with the previous run",
        "how does this compare to the last run?",
        "is it better than before?",
        "compare runs",
        "compare the two models",
        "was the previous run better?",
        "how did the last run do compared to this one",
        "which run is better, this or the earlier one?",
        "compare to the first run",
        "versus the prior run?",
        "did it improve on the last one?",
        "comparison with the previous model",
        "is this worse than the previous run",
        "compare this run with the other run",
        "how does it compare",
        "improvement over the earlier run?",
        "compare all runs",
        "is the new model better than the last model?",
        "show a comparison with the previous attempt",
        "compare scores",
        "better than the earlier attempt?",
    ],
    "data": [
        "how many rows have a missing age?",
        "how many rows are there?",
        "what is the average tenure?",
        "what columns are there?",
        "how many distinct values does contract have?",
        "what's the median monthly charges",
        "are there missing values?",
        "how many customers churned?",
        "what is the distribution of contract",
        "list the columns",
        "what is the max of total_charges",
        "mean of monthly_charges",
        "how many unique payment methods are there",
        "count the rows",
        "describe the data",
        "what is the minimum age",
        "how many nulls in total_charges",
        "what are the most common values of internet_service",
        "how much data is there?",
        "which columns have missing values?",
        "what is the standard deviation of tenure",
    ],
    "show": [
        "show the leaderboard",
        "what's the best model?",
        "what was the score?",
        "show me the results",
        "how did it do?",
        "open the report",
        "what did you find?",
        "best score so far?",
        "leaderboard please",
        "summary",
        "what's the status",
        "results?",
        "how well did we do",
        "show the plots",
        "which trial was best",
        "what did it deliver?",
        "give me the summary",
        "print the leaderboard",
        "the report please",
        "show the best trial",
        "what score did the best model get",
    ],
    "unsupported": [
        "cluster the customers",
        "segment my customers into groups",
        "find anomalies in the charges",
        "detect outliers",
        "recommend products to each customer",
        "do a customer segmentation",
        "group these customers into 5 clusters",
        "run unsupervised learning on this",
        "generate text describing each customer",
        "translate the payment method names to French",
        "classify these images",
        "object detection on the photos",
        "transcribe the audio",
        "train a reinforcement learning agent",
        "topic modelling of the comments",
        "reduce the dimensionality with PCA",
        "make a t-SNE plot",
        "compute embeddings for the rows",
        "build a chatbot for our customers",
        "survival analysis of tenure",
        "what is the causal effect of the contract on churn",
    ],
    "help": ["help", "?", "what can you do?", "How does this work?", "commands", "options", "Help!", "what do you do",
             "help.", "HELP", "??", " help ", "what can you do", "how does this work", "Commands?", "options?",
             "help?", "What can you do", "what do you do?", "help!!", "Options"],
}


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in PHRASINGS.items() for t in texts])
def test_each_phrasing_reads_as_its_intent(kind, text):
    assert read_turn(text, COLUMNS).kind == kind


def test_every_intent_has_twenty_phrasings():
    assert all(len(texts) >= 20 for texts in PHRASINGS.values())


@pytest.mark.parametrize("text,expected", [
    ("give it 5 more minutes", 300), ("another 30 seconds", 30), ("keep going", None), ("2 more minutes", 120),
    ("now try with a 20s budget", 20), ("run it again for 2 minutes", 120)])
def test_more_time_reads_the_duration(text, expected):
    intent = read_turn(text, COLUMNS)
    assert intent.kind == "more_time" and intent.seconds == expected


@pytest.mark.parametrize("text,use,avoid", [
    ("try only linear models", ["linear"], []), ("no neural nets", [], ["mlp"]),
    ("limit it to LightGBM and XGBoost", ["lightgbm", "xgboost"], []),
    ("random forest and extra trees only", ["random_forest", "extra_trees"], [])])
def test_families_are_read(text, use, avoid):
    intent = read_turn(text, COLUMNS)
    assert (intent.families, intent.without_families) == (use, avoid)


@pytest.mark.parametrize("text,columns", [
    ("drop customer_id and rerun", ["customer_id"]), ("drop gender and age", ["gender", "age"]),
    ("rerun without monthly charges", ["monthly_charges"]), ("get rid of the internet service column", ["internet_service"])])
def test_excluded_columns_are_named(text, columns):
    assert read_turn(text, COLUMNS).columns == columns


@pytest.mark.parametrize("text,path", [
    ("save the model to models/churn", "models/churn"), ("predict on new.csv", "new.csv"),
    ("apply the model to ~/data/new.csv", "~/data/new.csv"), ("please save the model", None)])
def test_paths_are_read(text, path):
    assert read_turn(text, COLUMNS).path == path


def test_something_else_is_unknown():
    assert read_turn("banana", COLUMNS).kind == "unknown"


@pytest.mark.parametrize("llm,expert,kept", [
    ("task", "data", "data"), ("task", "unknown", "unknown"), ("save", "show", "show"), ("help", "data", "help"),
    ("data", "unknown", "data"), ("exclude", "exclude", "exclude"), ("unknown", "checks", "checks")])
def test_an_llm_reading_that_would_act_needs_the_expert_to_read_an_act_too(llm, expert, kept):
    from mlpilot.chat.intents import Intent, reconcile

    assert reconcile(Intent(kind=llm, text="x"), Intent(kind=expert, text="x")).kind == kept
