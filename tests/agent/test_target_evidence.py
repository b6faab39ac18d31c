"""The expert picks the target from the evidence: the test file, then the request's words, then names.

Each table below is a realistic column list (dtype, distinct values); the requests are written in many styles.
"""

import pytest

from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.backends.expert_request import find_exclusions
from mlpilot.agent.backends.expert_target import read_request
from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError
from mlpilot.schemas import TaskSpec

F, I, O = "float64", "int64", "object"
TABLES = {
    "cps": {"wage": (F, 4000), "education": (I, 18), "experience": (I, 60), "ethnicity": (O, 2), "smsa": (O, 2),
            "region": (O, 4), "parttime": (O, 2)},
    "crash": {"dvcat": (O, 5), "weight": (F, 9000), "dead": (O, 2), "airbag": (O, 2), "seatbelt": (O, 2),
              "frontal": (I, 2), "sex": (O, 2), "ageOFocc": (I, 80), "yearacc": (I, 6), "yearVeh": (F, 40),
              "abcat": (O, 3), "occRole": (O, 2), "deploy": (I, 2), "injSeverity": (F, 6), "caseid": (O, 9000)},
    "computers": {"price": (I, 800), "speed": (I, 6), "hd": (I, 59), "ram": (I, 6), "screen": (I, 3), "cd": (O, 2),
                  "multi": (O, 2), "premium": (O, 2), "ads": (I, 34), "trend": (I, 35)},
    "chicago": {"ridership": (F, 5000), "Austin": (F, 3000), "Quincy_Wells": (F, 3000), "Belmont": (F, 3000),
                "Archer_35th": (F, 3000), "Clark_Lake": (F, 3000), "Merchandise_Mart": (F, 3000),
                "temp_min": (F, 90), "temp": (F, 90), "percip": (F, 40), "Bulls_Home": (I, 2), "date": (O, 5000)},
    "telco": {"customerID": (O, 500), "gender": (O, 2), "tenure": (I, 72), "Contract": (O, 3),
              "MonthlyCharges": (F, 400), "TotalCharges": (F, 480), "PaymentMethod": (O, 4), "Churn": (O, 2)},
    "house": {"Id": (I, 500), "MSSubClass": (I, 15), "LotArea": (I, 450), "OverallQual": (I, 10),
              "YearBuilt": (I, 110), "Neighborhood": (O, 25), "GrLivArea": (I, 400), "SalePrice": (I, 450)},
    "titanic": {"PassengerId": (I, 500), "Survived": (I, 2), "Pclass": (I, 3), "Name": (O, 500), "Sex": (O, 2),
                "Age": (F, 80), "SibSp": (I, 7), "Parch": (I, 7), "Ticket": (O, 400), "Fare": (F, 250),
                "Cabin": (O, 100), "Embarked": (O, 3)},
    "bike": {"instant": (I, 500), "dteday": (O, 500), "season": (I, 4), "yr": (I, 2), "hr": (I, 24),
             "holiday": (I, 2), "weathersit": (I, 4), "temp": (F, 50), "hum": (F, 80), "windspeed": (F, 30),
             "casual": (I, 300), "registered": (I, 400), "cnt": (I, 450)},
    "kbike": {"datetime": (O, 500), "season": (I, 4), "holiday": (I, 2), "workingday": (I, 2), "weather": (I, 4),
              "temp": (F, 50), "humidity": (I, 80), "windspeed": (F, 30), "casual": (I, 300),
              "registered": (I, 400), "count": (I, 450)},
    "iris": {"sepal_length": (F, 35), "sepal_width": (F, 23), "petal_length": (F, 43), "petal_width": (F, 22),
             "species": (O, 3)},
    "wine": {"fixed acidity": (F, 96), "volatile acidity": (F, 143), "citric acid": (F, 80),
             "residual sugar": (F, 91), "chlorides": (F, 153), "alcohol": (F, 65), "quality": (I, 6)},
    "credit": {"ID": (I, 500), "LIMIT_BAL": (I, 80), "SEX": (I, 2), "EDUCATION": (I, 7), "AGE": (I, 56),
               "PAY_0": (I, 11), "BILL_AMT1": (I, 490), "default.payment.next.month": (I, 2)},
    "walmart": {"Store": (I, 45), "Dept": (I, 81), "Date": (O, 143), "Weekly_Sales": (F, 490), "IsHoliday": (O, 2),
                "MarkDown1": (F, 300), "MarkDown2": (F, 300), "Temperature": (F, 400)},
    "boston": {c: (F, 300) for c in ["CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX",
                                     "PTRATIO", "B", "LSTAT", "MEDV"]},
    "abalone": {"Sex": (O, 3), "Length": (F, 134), "Diameter": (F, 111), "Height": (F, 51),
                "Whole_weight": (F, 400), "Rings": (I, 28)},
    "adult": {"age": (I, 70), "workclass": (O, 9), "education": (O, 16), "sex": (O, 2), "hours-per-week": (I, 90),
              "income": (O, 2)},
    "insurance": {"age": (I, 47), "sex": (O, 2), "bmi": (F, 400), "children": (I, 6), "smoker": (O, 2),
                  "region": (O, 4), "charges": (F, 500)},
    "loans": {"loan_id": (O, 500), "amount": (F, 300), "term": (O, 2), "default": (O, 2), "income": (F, 480)},
    "delivery": {"order_id": (O, 500), "distance_km": (F, 400), "items": (I, 12), "delivery_minutes": (F, 300)},
    "hotel": {"date": (O, 365), "rooms_booked": (I, 120), "price": (F, 300), "season": (O, 4)},
    "demand": {"date": (O, 365), "store": (O, 10), "units_sold": (I, 200), "price": (F, 50)},
    "spam": {"subject_len": (I, 80), "n_links": (I, 20), "is_spam": (I, 2)},
    "pima": {"Pregnancies": (I, 17), "Glucose": (I, 136), "BMI": (F, 248), "Age": (I, 52), "Outcome": (I, 2)},
    "diabetes": {"age": (F, 58), "sex": (F, 2), "bmi": (F, 163), "bp": (F, 100), "s1": (F, 141), "y": (I, 214)},
    "heart": {"age": (I, 41), "sex": (I, 2), "cp": (I, 4), "trestbps": (I, 49), "chol": (I, 152), "target": (I, 2)},
    "clv": {"customer_id": (O, 500), "clv": (F, 490), "recency": (I, 300), "frequency": (I, 40)},
    "hospital": {"age": (I, 80), "diagnosis": (O, 40), "length_of_stay": (I, 30)},
    "lending": {"member_id": (O, 500), "grade": (O, 7), "annual_inc": (F, 400), "loan_status": (O, 2)},
    "students": {"school": (O, 2), "age": (I, 8), "studytime": (I, 4), "G1": (I, 17), "G2": (I, 17), "G3": (I, 18)},
    "california": {"MedInc": (F, 490), "HouseAge": (F, 52), "AveRooms": (F, 490), "MedHouseVal": (F, 480)},
    "weather": {"date": (O, 500), "temp": (F, 300), "humidity": (F, 90), "wind": (F, 60)},
    "fraud": {"Time": (F, 500), "V1": (F, 500), "V2": (F, 500), "Amount": (F, 480), "Class": (I, 2)},
    "airbnb": {"neighbourhood": (O, 40), "room_type": (O, 3), "minimum_nights": (I, 30), "price_per_night": (F, 300)},
    "power": {"date": (O, 500), "temperature": (F, 300), "demand_mw": (F, 480)},
}


def spec_of(request, table, missing=None, submission=None, **kw) -> TaskSpec:
    cols = TABLES[table]
    columns = list(cols)
    test = None if missing is None else [c for c in columns if c not in missing]
    inp = UnderstandInput(request=request, columns=columns, dtypes={c: d for c, (d, _) in cols.items()}, n_rows=500,
                          n_unique={c: u for c, (_, u) in cols.items()}, test_columns=test,
                          submission_columns=submission, **kw)
    return ExpertBackend().complete("understand", inp)


# (request, table, columns missing from the test file or None for no test file, expected target)
CASES = [
    # the user-study requests
    ("Census survey of workers (education, experience, ethnicity, region...). Estimate each person's weekly wage; "
     "score is RMSLE because wages are skewed.", "cps", ["wage"], "wage"),
    ("Census survey of workers (education, experience, ethnicity, region...). Estimate each person's weekly wage; "
     "score is RMSLE because wages are skewed.", "cps", None, "wage"),
    ("US car crashes 1997-2002 (speed category, airbag, seatbelt, ...). Estimate the chance that the occupant died; "
     "AUC.", "crash", ["dead"], "dead"),
    ("(speed, hard disk, RAM, ...). How much does each computer cost? RMSE.", "computers", ["price"], "price"),
    ("Daily ridership at Chicago's Clark/Lake L station, with 14-day lagged ridership at other stations, weather "
     "and home games. Forecast the day's ridership.", "chicago", ["ridership"], "ridership"),
    ("Daily ridership at Chicago's Clark/Lake L station, with 14-day lagged ridership at other stations, weather "
     "and home games. Forecast the day's ridership.", "chicago", None, "ridership"),
    # words after the verb
    ("predict which customers churn; optimise ROC AUC", "telco", None, "Churn"),
    ("Will a customer churn? Use log loss.", "telco", None, "Churn"),
    ("Titanic passengers (Pclass, Sex, Age, SibSp, Fare). Predict whether a passenger survived; accuracy.",
     "titanic", None, "Survived"),
    ("Which passengers survived the sinking?", "titanic", None, "Survived"),
    ("classify the species of iris flowers from sepal and petal measurements", "iris", None, "species"),
    ("Estimate wine quality (0-10) from the chemistry; MAE", "wine", None, "quality"),
    ("sales forecasting: forecast weekly sales for each store and department", "walmart", None, "Weekly_Sales"),
    ("Boston housing (crim, zn, indus, chas, nox, rm, age...). Predict the median home value MEDV.", "boston",
     None, "MEDV"),
    ("predict the number of rings (age) of abalone", "abalone", None, "Rings"),
    ("I need predictions of insurance charges for new customers", "insurance", None, "charges"),
    ("Given the patient's age, bmi, smoker status and region, estimate their insurance charges", "insurance", None,
     "charges"),
    ("How likely is each customer to default on the loan? Rank them by AUC.", "loans", None, "default"),
    ("predict the probability of default next month; log loss", "credit", None, "default.payment.next.month"),
    # a name marked as the target, quoted or in a parenthesis after the phrase
    ("Kaggle house prices: predict the price (column 'SalePrice'); RMSLE", "house", None, "SalePrice"),
    ("predict the price (target: SalePrice)", "house", None, "SalePrice"),
    ("Forecast hourly bike rentals (cnt) from weather and season", "bike", ["casual", "registered", "cnt"], "cnt"),
    ("How many bikes are rented each hour? Columns: season, weather, temp, humidity... target is count", "kbike",
     ["casual", "registered", "count"], "count"),
    ("Model the number of rooms booked (rooms_booked) per day", "hotel", None, "rooms_booked"),
    ("Forecast demand (units sold) for next week", "demand", None, "units_sold"),
    ("Is this email spam? Label column is 'is_spam'.", "spam", None, "is_spam"),
    ("Use 'Outcome' as the label; interpretable model please", "pima", None, "Outcome"),
    ("diabetes dataset: predict disease progression one year after baseline (target: y)", "diabetes", None, "y"),
    ("Heart disease (age, sex, cp, trestbps, chol...): does the patient have heart disease? target column is "
     "'target'", "heart", None, "target"),
    ("classify whether a person earns more than 50K a year (income column)", "adult", None, "income"),
    ("predict customer lifetime value (CLV)", "clv", None, "clv"),
    ("Estimate how long a patient stays in hospital (length_of_stay)", "hospital", None, "length_of_stay"),
    ("The label we care about is whether the loan was repaid (loan_status).", "lending", None, "loan_status"),
    ("- target: Survived\n- metric: accuracy\n- budget: 2 minutes", "titanic", None, "Survived"),
    ("I want to know the final grade (G3) of each student", "students", None, "G3"),
    ("Predict: MedHouseVal", "california", None, "MedHouseVal"),
    ("Task: regression. Target = MedHouseVal", "california", None, "MedHouseVal"),
    ("what will the temperature be tomorrow?", "weather", None, "temp"),
    ("Can you tell me if a transaction is fraudulent?", "fraud", None, "Class"),
    ("predict the price per night of each listing", "airbnb", None, "price_per_night"),
    ("Forecast next month's electricity demand in MW", "power", None, "demand_mw"),
    # the test file decides where the words name no column
    ("What is the expected delivery time?", "delivery", ["delivery_minutes"], "delivery_minutes"),
    ("build the best model you can", "telco", ["tenure"], "tenure"),
    ("Estimate the chance that the occupant died", "crash", ["dead", "caseid"], "dead"),  # two missing: the words
    ("Estimate the chance that the occupant is hurt", "crash", ["dead", "caseid"], None),  # ... name no column
]


@pytest.mark.parametrize("request_text,table,missing,target", CASES)
def test_target_follows_the_evidence(request_text, table, missing, target):
    if target is None:
        with pytest.raises(MlpilotError, match="cannot tell which column.*'the chance that the occupant is hurt'"):
            spec_of(request_text, table, missing)
        return
    spec = spec_of(request_text, table, missing)
    assert spec.target == target
    assert spec.notes[0].startswith(f"target {target!r}: ")


@pytest.mark.parametrize("request_text,table,missing,target,task,metric", [
    (CASES[0][0], "cps", ["wage"], "wage", "regression", "rmsle"),
    (CASES[2][0], "crash", ["dead"], "dead", "binary", "roc_auc"),
    (CASES[3][0], "computers", ["price"], "price", "regression", "rmse"),
    ("Estimate wine quality (0-10) from the chemistry; MAE", "wine", None, "quality", "regression", "mae"),
    ("Estimate wine quality (0-10) from the chemistry", "wine", None, "quality", "multiclass", "log_loss"),
    ("predict the number of siblings aboard (SibSp); RMSE", "titanic", None, "SibSp", "regression", "rmse"),
    ("predict the number of siblings aboard (SibSp); accuracy", "titanic", None, "SibSp", "multiclass", "accuracy"),
    ("predict whether a passenger survived, scored by AUC", "titanic", None, "Survived", "binary", "roc_auc"),
])
def test_task_type_follows_the_named_metric(request_text, table, missing, target, task, metric):
    spec = spec_of(request_text, table, missing)
    assert (spec.target, spec.task_type, spec.metric) == (target, task, metric)
    assert any(n.startswith(f"task {task}: ") for n in spec.notes)


def test_the_sample_submission_names_the_target_among_several_missing_columns():
    spec = spec_of("How many bikes are rented each hour?", "kbike", ["casual", "registered", "count"],
                   submission=["datetime", "count"])
    assert spec.target == "count" and "sample-submission" in spec.notes[0]


def test_a_column_the_test_file_leaves_empty_counts_as_missing():
    cols = list(TABLES["cps"])
    inp = UnderstandInput(request="fit a model", columns=cols, dtypes={c: d for c, (d, _) in TABLES["cps"].items()},
                          n_rows=500, n_unique={c: u for c, (_, u) in TABLES["cps"].items()}, test_columns=cols,
                          test_empty_columns=["wage"])
    assert ExpertBackend().complete("understand", inp).target == "wage"


def test_disagreement_between_test_file_and_words_is_a_note():
    spec = spec_of("Estimate each person's years of experience", "cps", ["wage"])
    assert spec.target == "wage"
    assert any("'experience'" in n and "--target experience" in n for n in spec.notes)


def test_a_parenthesised_list_of_inputs_never_names_the_target():
    for request in ("Workers (education, experience, region). Fit a model.",
                    "Computers (speed, hd, ram, ...): build something good"):
        table = "cps" if "Workers" in request else "computers"
        with pytest.raises(MlpilotError, match="cannot tell which column"):
            spec_of(request, table)


def test_explicit_target_argument_wins_and_the_others_are_noted():
    spec = spec_of("Estimate each person's weekly wage", "cps", ["wage"], target="experience")
    assert spec.target == "experience" and "--target" in spec.notes[0]
    assert any("'wage'" in n for n in spec.notes[1:])


def test_rejected_targets_are_skipped():
    spec = spec_of("Estimate each person's years of experience", "cps", ["wage"], rejected_targets=["wage"])
    assert spec.target == "experience" and any("ruled out" in n for n in spec.notes)
    with pytest.raises(MlpilotError, match="cannot tell which column.*ruled out: 'wage'"):
        spec_of("Estimate each person's weekly wage", "cps", ["wage"], rejected_targets=["wage"])


# --- names the request gives that are no column ---------------------------------------------------------------

@pytest.mark.parametrize("request_text,table,missing,name,near", [
    ("predict the column zzz_missing", "diabetes", None, "zzz_missing", None),
    ("predict the column zzz_missing", "diabetes", ["y"], "zzz_missing", None),
    ("predict zzz_missing", "diabetes", None, "zzz_missing", None),
    ("target: 'foo'", "telco", None, "foo", None),
    ("(target: churned)", "telco", None, "churned", "Churn"),
    ("predict the 'price' of each listing", "house", None, "price", "SalePrice"),
    ("classify whether a person earns more than 50K a year (salary column)", "adult", None, "salary", None),
    ("estimate monthly_fee", "telco", None, "monthly_fee", "MonthlyCharges"),
])
def test_a_named_column_that_does_not_exist_is_an_error(request_text, table, missing, name, near):
    with pytest.raises(MlpilotError, match=f"names {name!r} as the target") as err:
        spec_of(request_text, table, missing)
    message = str(err.value)
    assert "\n" not in message and "--target" in message
    assert (f"'{near}'" in message) if near else ("columns are:" in message)


@pytest.mark.parametrize("request_text,table,missing", [
    ("predict which customers churn", "telco", None),
    ("predict what happens to each customer", "telco", ["Churn"]),
    ("Estimate the chance that the occupant died", "crash", ["dead"]),
    ("How much does each computer cost?", "computers", ["price"]),
    ("predict whether iPhone owners leave", "telco", ["Churn"]),
    ("forecast how busy the YouTube channel gets", "chicago", ["ridership"]),
])
def test_ordinary_words_after_the_verb_are_no_column_names(request_text, table, missing):
    spec_of(request_text, table, missing)  # no error


# --- columns the request rules out ----------------------------------------------------------------------------

TELCO = list(TABLES["telco"])


@pytest.mark.parametrize("request_text,excluded", [
    ("predict churn; don't use tenure", ["tenure"]),
    ("predict churn. Do not use 'MonthlyCharges' and 'TotalCharges'.", ["MonthlyCharges", "TotalCharges"]),
    ("predict churn without Contract or gender", ["Contract", "gender"]),
    ("predict churn but ignore the customerID and PaymentMethod columns", ["customerID", "PaymentMethod"]),
    ("exclude the monthly charges column, then predict churn", ["MonthlyCharges"]),
    ("predict churn with no neural nets and without xgboost", []),
    ("predict churn without overfitting, ignoring rows with missing values", []),
    ("use every input except tenure to predict churn", ["tenure"]),
])
def test_exclusions(request_text, excluded):
    assert find_exclusions(request_text, TELCO) == excluded
    spec = spec_of(request_text, "telco")
    assert spec.target == "Churn" and spec.constraints.exclude_columns == excluded


def test_family_exclusions_stay_family_exclusions():
    spec = spec_of("predict churn with no neural nets and without xgboost", "telco")
    assert {"mlp", "xgboost"} <= set(spec.constraints.exclude_families) and not spec.constraints.exclude_columns


@pytest.mark.parametrize("request_text", ["predict churn; don't use foo_bar", "predict churn without 'tenur'",
                                          "predict churn, ignore the tenur column"])
def test_an_excluded_name_must_exist(request_text):
    with pytest.raises(MlpilotError, match="excludes .* no such column"):
        spec_of(request_text, "telco")


def test_exclude_argument_is_merged():
    spec = spec_of("predict churn; don't use tenure", "telco", exclude=["gender"])
    assert spec.constraints.exclude_columns == ["tenure", "gender"]
    with pytest.raises(MlpilotError, match="'genre'.*not found"):
        spec_of("predict churn", "telco", exclude=["genre"])


# --- the reading the verifier uses -----------------------------------------------------------------------------

def test_read_request_tells_exact_names_from_loose_words():
    assert read_request("predict the SalePrice", list(TABLES["house"])).pick.exact
    loose = read_request("predict the probability of default next month", list(TABLES["credit"])).pick
    assert loose.column == "default.payment.next.month" and not loose.exact
    assert read_request("build a model", list(TABLES["house"])).pick is None
