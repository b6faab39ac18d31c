"""The generalization suite's generators: 45 tasks from packaged datasets the development suite does not use.

Tasks come in triples whose task types rotate, and the third of every triple is held out (``holdout``):
15 tasks, 5 of each type, that are never looked at while tuning mlpilot, only to check that it generalizes.
Requests are written as users write them: some name the target and the metric exactly, some loosely or
not at all; a task whose request names no metric is graded with accuracy or RMSE.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from mlpilot.evals.make_suite import Generator, _islp, _rd


def _bundesliga() -> pd.DataFrame:
    frame = _rd("vcd", "Bundesliga")
    home, away = frame["HomeGoals"], frame["AwayGoals"]
    return frame.assign(result=np.select([home > away, home < away], ["H", "A"], "D"))


def _breaches() -> pd.DataFrame:
    """HHS breach reports of the common breach types, the description's mangled apostrophes repaired."""
    frame = _rd("Ecdat", "HHSCyberSecurityBreaches")
    text = frame["Web.Description"].str.replace("\x1a+", "'", regex=True).replace("\\N", np.nan)
    frame = frame.assign(**{"Web.Description": text})
    counts = frame["Type.of.Breach"].value_counts()
    return frame[frame["Type.of.Breach"].isin(counts.index[counts >= 40])]


def _digits() -> pd.DataFrame:
    from sklearn.datasets import load_digits

    return load_digits(as_frame=True).frame.rename(columns={"target": "digit"})


def _cars() -> pd.DataFrame:
    from vega_datasets import data

    frame = data.cars()
    return frame.assign(Year=frame["Year"].dt.strftime("%Y-%m-%d"))


def _rdl(package: str, item: str) -> Callable[[], pd.DataFrame]:
    return lambda: _rd(package, item)


GENERAL: dict[str, Generator] = {
    "titanic": Generator(
        _rdl("vcdExtra", "Titanicp"), "survived", "binary", "accuracy",
        "Titanic passenger list (ticket class, sex, age, number of siblings/spouses and of parents/children "
        "aboard). Predict who survived. Evaluation metric is accuracy."),
    "seattle_pets": Generator(
        _rdl("openintro", "seattlepets"), "species", "multiclass", "accuracy",
        "These are pet licenses from the city of Seattle. Can you tell what kind of animal each one is (dog, "
        "cat, goat, pig) just from its name, zip code and license details?",
        drop=("primary_breed", "secondary_breed")),
    "cps_wages": Generator(
        _rdl("AER", "CPS1988"), "wage", "regression", "rmsle",
        "Current Population Survey, March 1988, men aged 18 to 70 (years of education, years of experience, "
        "ethnicity, whether they live in a metro area, region, part-time or not). Estimate each man's weekly "
        "wage. Submissions are scored on RMSLE.", holdout=True),

    "olive_oil_origin": Generator(
        _rdl("dslabs", "olive"), "area", "multiclass", "f1_macro",
        "We have the fatty acid composition of 572 Italian olive oils. Work out which of the nine growing areas "
        "each oil comes from. Some areas have only a couple dozen samples, so report macro F1.",
        drop=("region",)),
    "concrete_strength": Generator(
        _rdl("modeldata", "concrete"), "compressive_strength", "regression", "r2",
        "predict compressive strength of each concrete mix from its ingredients and age, R^2"),
    "mortgage_denial": Generator(
        _rdl("AER", "HMDA"), "deny", "binary", "roc_auc",
        "Boston HMDA mortgage applications. I need a score for how likely each application is to be denied "
        "(deny = yes); the compliance team will rank applications by it, so AUC is what counts.",
        holdout=True),

    "imdb_ratings": Generator(
        _rdl("ggplot2movies", "movies"), "rating", "regression", "rmse",
        "Movie metadata from IMDB (title, year, running time, budget, MPAA rating, genre flags). Predict the "
        "average user rating of each film, RMSE. The training set also has the number of votes and the rating "
        "histogram (r1-r10), which won't exist for new films.",
        train_only=("votes", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10")),
    "well_switching": Generator(
        _rdl("carData", "Wells"), "switch", "binary", "accuracy",
        "will each Bangladeshi household switch to a safer well?"),
    "hpc_job_class": Generator(
        _rdl("modeldata", "hpc_data"), "class", "multiclass", "balanced_accuracy",
        "Our scheduler wants to know ahead of time how long a compute job will run: very fast (VF), fast (F), "
        "moderate (M) or long (L). Predict the class for each job. Long jobs are few but they are the ones that "
        "hurt, so we judge by balanced accuracy.", holdout=True),

    "crash_deaths": Generator(
        _rdl("DAAG", "nassCDS"), "dead", "binary", "log_loss",
        "US police-reported car crashes, 1997-2002 (impact speed band, airbag, seatbelt, frontal impact, "
        "occupant sex and age, year of the car...). For each occupant in the test file, give the chance the "
        "occupant died. Graded with log loss.", train_only=("injSeverity",)),
    "bundesliga_results": Generator(
        _bundesliga, "result", "multiclass", "log_loss",
        "Bundesliga matches since 1963. Before kick-off, what are the odds of a home win (H), a draw (D) or an "
        "away win (A)? Give probabilities for each; scored by multiclass log loss.",
        drop=("HomeGoals", "AwayGoals")),
    "sacramento_homes": Generator(
        _rdl("modeldata", "Sacramento"), "price", "regression", "rmse",
        "How much will each of these Sacramento houses sell for?", holdout=True),

    "pitch_types": Generator(
        _rdl("Stat2Data", "Kershaw"), "PitchType", "multiclass", "accuracy",
        "Clayton Kershaw's pitches from the 2013 opening day game. Predict PitchType for each pitch in the test "
        "file."),
    "delivery_times": Generator(
        _rdl("modeldata", "deliveries"), "time_to_delivery", "regression", "mae",
        "We deliver food. From the order time, day, distance and what was ordered, estimate how long each "
        "delivery takes to arrive. We want to be off by as few minutes as possible on average."),
    "email_spam": Generator(
        _rdl("openintro", "email"), "spam", "binary", "f1",
        "Is it spam? About one email in ten in this inbox is. Predict spam (1) or not (0) for each email in "
        "test.csv; we'll compute the F1 score on the spam class.", holdout=True),

    "movielens_ratings": Generator(
        _rdl("dslabs", "movielens"), "rating", "regression", "rmse",
        "MovieLens: predict the rating (0.5 to 5 stars) each user gave each movie. rmse"),
    "swiss_labor": Generator(
        _rdl("AER", "SwissLabor"), "participation", "binary", "accuracy",
        "Swiss Labor Market Survey 1981 (non-labor income, age, education, number of young and older children, "
        "foreigner or not). Does the woman participate in the labor force?"),
    "covid_tests": Generator(
        _rdl("medicaldata", "covid_testing"), "result", "multiclass", "f1_macro",
        "COVID-19 tests run at the Children's Hospital of Philadelphia in 2020 (patient age and gender, clinic, "
        "day of the pandemic, drive-through or not, payer, patient class, turnaround times). Predict the test "
        "result: negative, positive or invalid. Positives and invalid tests are rare and matter as much as "
        "negatives, so use macro-averaged F1.", train_only=("ct_result",), holdout=True),

    "phone_churn": Generator(
        _rdl("modeldata", "mlc_churn"), "churn", "binary", "balanced_accuracy",
        "Which of our phone subscribers are going to cancel? Predict churn (yes/no). Most customers stay, so a "
        "model that says nobody leaves looks great on accuracy and is useless: use balanced accuracy."),
    "vote_1992": Generator(
        _rdl("pscl", "vote92"), "vote", "multiclass", "accuracy",
        "Who did each of these people vote for in 1992: Bush, Clinton or Perot?"),
    "birth_weight": Generator(
        _rdl("openintro", "births14"), "weight", "regression", "rmse",
        "A sample of 1,000 US births from 2014 with the parents' ages, length of the pregnancy, prenatal visits, "
        "weight the mother gained, smoking and marital status. How heavy will each baby be at birth, in pounds?",
        drop=("lowbirthweight",), holdout=True),

    "leaf_species": Generator(
        _rdl("modeldata", "leaf_id_flavia"), "species", "multiclass", "log_loss",
        "Leaf identification (Flavia): shape, margin, color and texture descriptors computed from photos of "
        "leaves of 32 plant species. Name the species of each leaf, as class probabilities; multiclass log "
        "loss."),
    "forbes_market_value": Generator(
        _rdl("HSAUR", "Forbes2000"), "marketvalue", "regression", "rmsle",
        "Forbes 2000 list of the world's biggest companies in 2004. Estimate each company's market value (in "
        "billions of dollars) from its country, industry, sales, profits and assets. Values go from 20 million "
        "to 300 billion, so score it on root mean squared log error.", drop=("rank",)),
    "trump_vote_2016": Generator(
        _rdl("stevedata", "TV16"), "votetrump", "binary", "accuracy",
        "2016 Cooperative Congressional Election Study respondents (state, age, sex, college degree, race, "
        "family income, ideology, party identification, religiosity, attitudes on race). Predict whether each "
        "respondent voted for Trump.", id_column="uid", holdout=True),

    "gm_car_prices": Generator(
        _rdl("modeldata", "car_prices"), "Price", "regression", "mape",
        "Kelley Blue Book resale prices for 2005 GM cars. Predict Price. We care about relative error, so "
        "mean absolute percentage error."),
    "card_default": Generator(
        lambda: _islp("Default"), "default", "binary", "log_loss",
        "Which of our credit card customers will default on their payment? Give the probability for each one "
        "(student or not, balance, income); we evaluate with log loss."),
    "chile_plebiscite": Generator(
        _rdl("carData", "Chile"), "vote", "multiclass", "accuracy",
        "chile 1988 plebiscite survey, predict vote intention (Y = yes to Pinochet, N = no, A = abstain, "
        "U = undecided)", holdout=True),

    "resume_callbacks": Generator(
        _rdl("AER", "ResumeNames"), "call", "binary", "roc_auc",
        "Fictitious resumes sent to job ads in Boston and Chicago (first name, gender, ethnicity, resume quality, "
        "experience, honors, skills, and what the ad asked for). Predict which resumes got a callback. ROC "
        "AUC."),
    "breach_types": Generator(
        _breaches, "Type.of.Breach", "multiclass", "f1_macro",
        "Health data breaches reported to HHS, each with a free-text description of what happened. Classify "
        "the type of breach (theft, loss, hacking, unauthorized access, improper disposal, other). F1 macro."),
    "tate_artwork_year": Generator(
        _rdl("modeldata", "tate_text"), "year", "regression", "mae",
        "Tate Gallery modern artworks: guess the year each piece was made from the artist, the title and the "
        "medium. Mean absolute error in years.", id_column="id", holdout=True),

    "hawk_species": Generator(
        _rdl("Stat2Data", "Hawks"), "Species", "multiclass", "balanced_accuracy",
        "Students caught hawks at Lake MacBride, Iowa and measured them. Tell me the species of each bird "
        "(RT red-tailed, SS sharp-shinned, CH Cooper's). Cooper's hawks are rare, so grade it with balanced "
        "accuracy."),
    "vocab_scores": Generator(
        _rdl("carData", "GSSvocab"), "vocab", "regression", "rmse",
        "General Social Survey vocabulary test: how many of the 10 words will each respondent get right, "
        "given survey year, gender, native born or not, age and education?"),
    "caravan_insurance": Generator(
        lambda: _islp("Caravan"), "Purchase", "binary", "roc_auc",
        "Insurance company benchmark (CoIL 2000): 85 socio-demographic and product-ownership attributes per "
        "customer. Who buys a caravan insurance policy? Only about 6% do. Metric: area under the ROC curve.",
        holdout=True),

    "restaurant_inspections": Generator(
        _rdl("causaldata", "restaurant_inspections"), "inspection_score", "regression", "mae",
        "Predict inspection_score for each restaurant inspection (business name, year, how many locations the "
        "chain has, weekend or not). MAE."),
    "fertility_morekids": Generator(
        _rdl("AER", "Fertility"), "morekids", "binary", "accuracy",
        "1980 US census, mothers aged 21-35 with at least two children (sex of the first two kids, age, race, "
        "weeks worked). Does she have more than two children?"),
    "instructor_ratings": Generator(
        _rdl("lme4", "InstEval"), "y", "multiclass", "accuracy",
        "ETH Zurich course evaluations: each row is one student rating one lecturer from 1 (poor) to 5 (very "
        "good). Predict the rating from the student id, lecturer id, student semester, lecture age, service "
        "course flag and department. Get as many right as you can.", holdout=True),

    "flchain_death": Generator(
        _rdl("survival", "flchain"), "death", "binary", "roc_auc",
        "Predict death (1/0) in the serum free light chain study from age, sex, sample year, kappa and lambda "
        "light chains, creatinine and MGUS diagnosis. AUC.", train_only=("futime", "chapter")),
    "handwritten_digits": Generator(
        _digits, "digit", "multiclass", "accuracy",
        "8x8 images of handwritten digits, one pixel per column. recognise the digit"),
    "doctor_visits": Generator(
        _rdl("Ecdat", "DoctorContacts"), "mdu", "regression", "rmse",
        "RAND Health Insurance Experiment. How many times will each person visit a doctor during the year "
        "(mdu)? Use coinsurance, deductibles, health status, chronic diseases, income, family size, education, "
        "age, sex and race. RMSE.", holdout=True),

    "british_election": Generator(
        _rdl("carData", "BEPS"), "vote", "multiclass", "accuracy",
        "British Election Panel Study 1997-2001. Which party will each respondent vote for: Conservative, "
        "Labour or Liberal Democrat? Score: accuracy."),
    "computer_prices": Generator(
        _rdl("Ecdat", "Computers"), "price", "regression", "rmse",
        "Prices of personal computers in the US, 1993-1995 (clock speed, hard drive, RAM, screen size, CD-ROM, "
        "multimedia kit, premium brand, number of listings, month). Predict the price in dollars; RMSE."),
    "oj_purchase": Generator(
        lambda: _islp("OJ"), "Purchase", "binary", "accuracy",
        "orange juice sales: will the customer buy Citrus Hill (CH) or Minute Maid (MM)? predict Purchase, "
        "accuracy", holdout=True),

    "car_mpg": Generator(_cars, "Miles_per_Gallon", "regression", "rmse", "predict mpg"),
    "taxi_tips": Generator(
        _rdl("modeldata", "taxi"), "tip", "binary", "log_loss",
        "Chicago taxi trips: did the rider leave a tip? Almost everybody does. I want well calibrated "
        "probabilities (log loss)."),
    "pbc_outcome": Generator(
        _rdl("survival", "pbc"), "status", "multiclass", "log_loss",
        "Mayo Clinic primary biliary cholangitis trial. Predict each patient's status at the end of follow-up "
        "(0 = censored, 1 = liver transplant, 2 = dead) as probabilities; log loss. Follow-up time is in the "
        "training file only.", id_column="id", train_only=("time",), holdout=True),
}
