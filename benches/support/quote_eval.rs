//! Scores the quote recommender against the hand-annotated Wikinews articles in
//! `benches/data/quotes/` (see its README for the annotation rules, the licence and the split).
//! Shared by `examples/quote_eval.rs` (prints the figures) and `tests/suggest_quotes_real.rs`
//! (checks that the scores are calibrated: precision never falls as the threshold rises).

use std::path::{Path, PathBuf};

use gloss::model::{DocId, Document, QuoteKind};
use gloss::suggest::{Recommenders, SuggestionKind, TrainingView, suggest_with};

/// Documents tuned on: the rules were written while looking at these.
pub const DEV: &[&str] = &[
    "afghan",
    "asylum",
    "clock",
    "crane",
    "defector",
    "election",
    "expo",
    "flag",
    "hackers",
    "ie9",
    "korea",
    "questionnaire",
    "soccer",
    "taxes",
    "warhol",
    "warming",
];

/// Held out: GUM's own dev and test news documents, annotated after the rules were frozen.
pub const HELD_OUT: &[&str] = &["homeopathic", "iodine", "nasa", "sensitive"];

/// Once held out (the second set): Wikinews articles of 2020, annotated from the text alone before
/// any suggestion was made for them, scored once with the rules frozen at bd9107a (see the README
/// and `docs/suggestions.md` for that blind figure); part of development since.
pub const HELD_OUT_2: &[&str] = &[
    "abortion",
    "cairo",
    "covidname",
    "cowurine",
    "eastmed",
    "emergency",
    "germanycov",
    "iraqvote",
    "montana",
    "pandemic",
    "soleimani",
    "streatham",
    "superstuesday",
    "tippu",
    "toiletpaper",
    "ukrjet",
    "wuhan",
    "zelensky",
];

/// Once held out (the third set): the next Wikinews articles of 2020 by the rule in the README,
/// annotated from the text alone before any suggestion was made for them, scored once with the
/// rules frozen at ea3514b (that blind figure is kept in `docs/suggestions.md`); part of
/// development since the quote scores were re-fitted on it.
pub const HELD_OUT_3: &[&str] = &[
    "sanders",
    "warrenbiden",
    "abscbn",
    "kelly",
    "kimura",
    "spacex",
    "facecover",
    "bontddu",
    "trailmay",
    "iranwarrant",
    "trailjune",
    "harris",
    "rugbyr3",
    "rugbyr4",
    "trailjuly",
    "rugbyr5",
    "boseman",
    "mukherjee",
];

/// Once held out (the fourth set): the next Wikinews articles of 2020 by the rule in the README,
/// annotated from the text alone and committed before any suggestion was made for them, scored once
/// with the rules and scores frozen at ed5481b (that blind figure is kept in `docs/suggestions.md`);
/// part of development since.
pub const HELD_OUT_4: &[&str] = &[
    "winchester",
    "trailaug",
    "debate",
    "youtubedl",
    "trailsep",
    "trailoct",
];

/// Once held out (the fifth set): the last Wikinews articles of 2020 by the rule in the README (the
/// scrape runs out after four), annotated from the text alone and committed before any suggestion
/// was made for them, scored once with the rules and scores frozen at 68f7287 (that blind figure
/// is kept in `docs/suggestions.md`); part of development since.
pub const HELD_OUT_5: &[&str] = &["projected", "transition", "rally", "huber"];

/// Once held out (the sixth set): the first Wikinews articles of 2019 (`wikinews_2019.csv` of the
/// same scrape) by the rule in the README, annotated from the text alone and committed before any
/// suggestion was made for them, scored once with the rules and scores frozen at 23d6c7c (that
/// blind figure is kept in `docs/suggestions.md`); part of development since.
pub const HELD_OUT_6: &[&str] = &[
    "magnitogorsk",
    "escaperoom",
    "pileup",
    "emergency19",
    "easter",
    "gdansk",
    "karaj",
    "mendez",
    "mahanair",
    "wardak",
    "gunsuicide",
    "mindanao",
    "mcarthur",
    "parispolice",
    "nevada",
    "gutierrez",
    "munk",
];

/// Once held out (the seventh set): the next Wikinews articles of 2019 after the sixth set's (rows
/// 29-53 of `wikinews_2019.csv`) by the rule in the README, annotated from the text alone and
/// committed before any suggestion was made for them, scored once with the rules and scores
/// frozen at b0a8e38 (that blind figure is kept in `docs/suggestions.md`); part of development
/// since.
pub const HELD_OUT_7: &[&str] = &[
    "thaiprincess",
    "rescueship",
    "karolbagh",
    "dsouza",
    "draftmen",
    "bradford",
    "crewdragon",
    "furnal",
    "brexitmarch",
    "comicon",
    "hagiasophia",
    "captivity",
    "fordemissions",
    "dinoflap",
];

/// Once held out (the eighth set): the next Wikinews articles of 2019 after the seventh set's
/// (rows 54-83 of `wikinews_2019.csv`) by the rule in the README, annotated from the text alone
/// and committed before any suggestion was made for them, scored once with the rules and scores
/// of b0a8e38 (unchanged at 5f07983; the blind figure is kept in `docs/suggestions.md`); part of
/// development since.
pub const HELD_OUT_8: &[&str] = &[
    "neurolympiad",
    "popeabuse",
    "kaczynski",
    "dorisday",
    "taiwanssm",
    "animenorth",
    "vanderbilt",
    "hkpolice",
    "faceveil",
    "afcfta",
    "contempt",
    "depression3",
    "zapata",
    "elpaso",
    "puertorico",
    "ebola",
];

/// Once held out (the ninth set): the next Wikinews articles of 2019 after the eighth set's (rows
/// 88-104 of `wikinews_2019.csv`) by the rule in the README, annotated from the text alone and
/// committed before any suggestion was made for them, scored once with the rules and scores
/// frozen at f8a1fa3 (the blind figure is kept in `docs/suggestions.md`); part of development
/// since round 8.
pub const HELD_OUT_9: &[&str] = &[
    "g7amazon",
    "prorogue",
    "fanexpo19",
    "boatfire",
    "dorian",
    "extradition",
    "mugabe",
    "suspension",
    "bolton",
    "scotcourt",
];

/// Once held out (the tenth set): the next Wikinews articles of 2019 after the ninth set's (rows
/// 106-130 of `wikinews_2019.csv`) by the rule in the README, annotated from the text alone and
/// committed before any suggestion was made for them, by an engineer who never saw the rules;
/// scored once at 1e585cf with the rules and scores of round 8 frozen (the blind figure is kept in
/// `docs/suggestions.md`); part of development since round 9.
pub const HELD_OUT_10: &[&str] = &[
    "saudidrone",
    "goldtoilet",
    "travelator",
    "deblasio",
    "area51",
    "rouhani",
    "prorogation",
    "rhunter",
    "pelosi",
    "nswabortion",
    "cengiz",
    "qandeel",
    "subpoena",
    "coralfish",
    "ecjfacebook",
];

/// Once held out (the eleventh set): the next Wikinews articles of 2019 after the tenth set's (rows
/// 133-160 of `wikinews_2019.csv`) by the rule in the README, annotated from the text alone and
/// committed before any suggestion was made for them, by an engineer who never saw the rules;
/// scored once at f60b9c3 with the rules and scores of round 9 frozen (the blind figure is kept in
/// `docs/suggestions.md`); part of development since round 10.
pub const HELD_OUT_11: &[&str] = &[
    "syriatroops",
    "pgeoutage",
    "dipimmunity",
    "leonov",
    "icerivers",
    "kipchoge",
    "kosgei",
    "kurdsdeal",
    "carrielam",
    "darkweb",
    "cummings",
    "buffalo",
    "superbug",
    "impeachrules",
    "hirtenberger",
    "slipcoat",
];

/// Once held out (the twelfth set): the last seven qualifying Wikinews articles of 2019 (rows
/// 161-170 of `data/wikinews_2019.csv`), then eleven Wikinews articles of 2004-05 from
/// WikinewsSum's `endataset.json` (its seven whole rows first, then four clipped ones); see
/// `benches/data/quotes/README.md`. Scored once at bad023e with the rules and scores of round 10
/// frozen (the blind figure is kept in `docs/suggestions.md`); part of development since round 11.
pub const HELD_OUT_12: &[&str] = &[
    "powerdeaths",
    "londonbridge",
    "measles",
    "thunberg",
    "ukelection19",
    "samoans",
    "imus",
    "brisbanetest",
    "submarine",
    "boeingemails",
    "samerica",
    "nobelpeace",
    "socialsecurity",
    "boxoffice",
    "popeiraq",
    "whitepaper",
    "japanaid",
    "sharoncoup",
];

/// Once held out (the thirteenth set): ten Wikinews articles of 2007-2018 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order by the
/// rule in `benches/data/quotes/README.md`; annotated blind, scored once at 5a1c5c8 with round 11
/// frozen (the blind figure is kept in `docs/suggestions.md`); part of development since round 12.
pub const HELD_OUT_13: &[&str] = &[
    "abdelbaset",
    "irishabortion",
    "adele",
    "fata",
    "phosphorus",
    "zuma",
    "fukushima",
    "chilequakes",
    "onion",
    "ahmadinejad",
];

/// Once held out (the fourteenth set): nine Wikinews articles of 2008-2017 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 13's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored once at 84c59d3 with round 12 frozen (the blind figure is kept in
/// `docs/suggestions.md`); part of development since round 13.
pub const HELD_OUT_14: &[&str] = &[
    "famineaid",
    "climbup",
    "airasia",
    "wikimania09",
    "mh17",
    "shoreham",
    "basrastrikes",
    "aitchison",
    "europafinal",
];

/// Once held out (the fifteenth set): ten Wikinews articles of 2007-2018 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 14's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored blind with round 12 (dc62ffc) and round 13 (6676c0d) frozen (the
/// blind figures are kept in `docs/suggestions.md`); part of development since round 14.
pub const HELD_OUT_15: &[&str] = &[
    "akihito",
    "majid",
    "mubarak",
    "iranambitions",
    "iranjournalists",
    "caycecrash",
    "anjouan",
    "annankenya",
    "annapolis",
    "turkeyvote",
];

/// Once held out (the sixteenth set): eleven Wikinews articles of 2008-2018 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 15's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored blind once with round 14 (d45b970) frozen (the blind figure is kept
/// in `docs/suggestions.md`); part of development since round 15.
pub const HELD_OUT_16: &[&str] = &[
    "saudibombs",
    "cleopatra",
    "aretha",
    "ariane40",
    "shafik",
    "ergenekon",
    "bushisrael",
    "maldivesdebris",
    "rubblepile",
    "kelt9b",
    "kazemi",
];

/// Once held out (the seventeenth set): nine Wikinews articles of 2008-2018 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 16's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored blind once with round 15 (256ab2f) frozen (the blind figure is kept
/// in `docs/suggestions.md`); part of development since round 16.
pub const HELD_OUT_17: &[&str] = &[
    "fukushimafood",
    "dublinpride",
    "saibaba",
    "bailout08",
    "obituaries08",
    "basrafight",
    "koreabeef",
    "bushbenin",
    "betancourt",
];

/// Once held out (the eighteenth set): ten Wikinews articles of 2009-2018 from the news genre of
/// AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 17's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored blind once with round 16 (7f2fe99) frozen (the blind figure is kept
/// in `docs/suggestions.md`); part of development since round 17.
pub const HELD_OUT_18: &[&str] = &[
    "bianchi",
    "chilebicentennial",
    "binladenreact",
    "binyam",
    "baghdadembassies",
    "balawi",
    "baghdadoffices",
    "bonner",
    "borneobridge",
    "eurovisionboycott",
];

/// Once held out (the nineteenth set): thirteen Wikinews articles of 2006-2018 from the news genre
/// of AMALGUM (github.com/gucorpling/amalgum, `amalgum/news/xml/`), taken in file-name order after
/// held out 18's by the rule in `benches/data/quotes/README.md`; annotated blind, committed before
/// it was scored, and scored blind once with round 17 (6eea34f) frozen (the blind figure is kept
/// in `docs/suggestions.md`); part of development since round 18.
pub const HELD_OUT_19: &[&str] = &[
    "bdsban",
    "tsunamibrace",
    "sarahbrady",
    "banditking",
    "brickyard14",
    "superbowl50",
    "brusselsrefuge",
    "stpatricks08",
    "kohail",
    "glasgow420",
    "maldivescarbon",
    "juanvaldez",
    "castrosurgery",
];

/// Once held out (the twenty-first set): fourteen Wikinews articles of 2007-2018 from AMALGUM's
/// extra news documents (github.com/gucorpling/amalgum, `amalgum_extra/news/xml/`), taken in
/// file-name order from the first by the rule in `benches/data/quotes/README.md`; annotated blind,
/// committed before it was scored, and scored blind once with round 18 (b0f58f2) frozen (the blind
/// figure is kept in `docs/suggestions.md`); part of development since round 19.
pub const HELD_OUT_21: &[&str] = &[
    "yemenconference",
    "faohunger",
    "indiananearmiss",
    "bushmideast",
    "animenorth18",
    "birtherking",
    "opresistance",
    "piagoat",
    "towbacks",
    "origamirobot",
    "baghdadpetmarkets",
    "bahrainpearl",
    "travelban2",
    "blaircalgary",
];

/// Once held out (the twenty-second set): nine Wikinews articles of 2008-2017 from AMALGUM's
/// additional news documents (github.com/gucorpling/amalgum, `amalgum_extra/news/xml/`), taken in
/// file-name order from `malaysia` by the rule in `benches/data/quotes/README.md`; annotated
/// blind, committed before it was scored, and scored blind once with round 18 (b0f58f2) frozen
/// (the blind figure is kept in `docs/suggestions.md`); part of development since round 19.
pub const HELD_OUT_22: &[&str] = &[
    "mh370malaysia",
    "mugabetalks",
    "manningcommuted",
    "petraeusmarja",
    "markeybrown",
    "mcletchie",
    "misrataadvisers",
    "mogadishu10",
    "egyptarmyforce",
];

/// Once held out (the twenty-third set): eight Wikinews articles of 2008-2018 from AMALGUM's
/// additional news documents (github.com/gucorpling/amalgum, `amalgum_extra/news/xml/`), taken in
/// file-name order after `mubarak` by the rule in `benches/data/quotes/README.md`; annotated
/// blind, committed before it was scored, and scored blind once with round 19 (3aad614) frozen
/// (the blind figure is kept in `docs/suggestions.md`); part of development since round 20.
pub const HELD_OUT_23: &[&str] = &[
    "merkelgeorgia",
    "gazafighting",
    "sleepingsickness",
    "divicrash",
    "londonpride18",
    "maliwal",
    "westboroanon",
    "nkrocket",
];

/// Once held out (the twenty-fourth set): four Wikinews articles of 2009-2018 from AMALGUM's
/// additional news documents (github.com/gucorpling/amalgum, `amalgum_extra/news/xml/`), taken in
/// file-name order after `romanian`, up to `sheffield`, by the rule in
/// `benches/data/quotes/README.md`; annotated blind from the text alone, scored once with round 20
/// frozen at e978520 (that blind figure is kept in `docs/suggestions.md`); part of development
/// since round 21.
pub const HELD_OUT_24: &[&str] = &[
    "mozambiquepoll",
    "sarkozylibya",
    "jupitermoons",
    "selekacquittal",
];

/// Held out (the twenty-fifth set): twenty-five English Wikinews articles of 2005-2011 from the
/// SemEval-2015 Task 4 TimeLine data (MEANTIME's English Wikinews articles;
/// github.com/qiangning/StructTempRel-EMNLP17, `data/SemEval2015-Task4-TimeLine/`), the trial
/// folder's (Apple) and then corpus_1's (Airbus and Boeing) in file-name order, by the rule in
/// `benches/data/quotes/README.md`; written one sentence per line by `scripts/meantime_text.py`,
/// annotated blind from the text alone, scored once with round 21 frozen at b70c402 (that blind
/// figure is kept in `docs/suggestions.md`); part of development since round 22.
pub const HELD_OUT_25: &[&str] = &[
    "iphonesdk",
    "tigerreactions",
    "wwdc2005",
    "iphone4",
    "macbookair",
    "iphonecases",
    "antennaexec",
    "icloud",
    "jobsleave",
    "jobsresigns",
    "jobsdies",
    "applecorpssues",
    "applecorpsloses",
    "iphonetv",
    "applecorpsresolve",
    "airtanker",
    "boeing737delay",
    "ryanair737",
    "blackboxes",
    "dreamlinerflight",
    "dreamlinerrollout",
    "a380delays",
    "airbusjobcuts",
    "aerlingus",
    "dreamlinerunveil",
];

/// Held out (the twenty-sixth set): twenty-four Wikinews articles of 2006-2011 from the
/// SemEval-2015 Task 4 TimeLine data (MEANTIME's English Wikinews articles; github.com/qiangning/
/// StructTempRel-EMNLP17, `corpus_3` in file-name order, then `corpus_2` in reverse file-name
/// order), one sentence per line, taken by the rule in `benches/data/quotes/README.md`; annotated
/// blind from the text alone, scored once with round 21 frozen at b70c402 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 22.
pub const HELD_OUT_26: &[&str] = &[
    "russiasuspend26",
    "russiaclosed26",
    "centralbanks26",
    "sharessurge26",
    "marketsfall26",
    "dowrecovers26",
    "globalplunge26",
    "japanrecession26",
    "dowsixyear26",
    "stocks1997low26",
    "twelveyearlow26",
    "recoveryhopes26",
    "bofaloss26",
    "ninepercent26",
    "subprime26",
    "blackmonday26",
    "fordromania26",
    "daimlercuts26",
    "taurus26",
    "fordaustralia26",
    "fordjobs26",
    "fiatstake26",
    "fordprofit26",
    "opelcuts26",
];

/// Held out (the twenty-seventh set): sixteen Wikinews articles of 2007-2013 from the
/// SemEval-2015 Task 4 TimeLine data (MEANTIME's English Wikinews articles; github.com/qiangning/
/// StructTempRel-EMNLP17, the rest of `corpus_1` after held out 25's, then `corpus_2` in file-name
/// order up to held out 26's), one sentence per line by `scripts/meantime_text.py`, taken by the
/// rule in `benches/data/quotes/README.md`; annotated blind from the text alone, scored once with
/// round 22 frozen at 1059839 (that blind figure is kept in `docs/suggestions.md`); part of
/// development since round 23.
pub const HELD_OUT_27: &[&str] = &[
    "a380delivered27",
    "indonesiaban27",
    "barra27",
    "bailoutsenate27",
    "autorescue27",
    "moreaid27",
    "canadaloans27",
    "gmsales27",
    "chryslerbankrupt27",
    "gmlosses27",
    "chryslerdealers27",
    "gmdealers27",
    "gmbondholders27",
    "obamarescue27",
    "newgm27",
    "fordprofits27",
];

/// Held out (the twenty-eighth set): twenty English Wikinews articles from
/// github.com/dimitrakatseli/Wikinews (`data/english.json`, random Wikinews pages fetched through
/// the API, title and body only), in the file's order, taken by the rule in
/// `benches/data/quotes/README.md`; written one sentence per line by
/// `scripts/wikinews_json_text.py`, annotated blind from the text alone, scored once with round 22
/// frozen at 3da5538 (that blind figure is kept in `docs/suggestions.md`); part of development
/// since round 23.
pub const HELD_OUT_28: &[&str] = &[
    "bbcjam28",
    "googleref28",
    "greeks28",
    "payroll28",
    "ausvotes28",
    "anemone28",
    "worldbank28",
    "googleprint28",
    "glasgowcar28",
    "guncheck28",
    "paedophile28",
    "mercury28",
    "iraqpresident28",
    "titanic28",
    "tameside28",
    "vaio28",
    "fireworks28",
    "deafgames28",
    "blocbudget28",
    "naacp28",
];

/// Held out (the twenty-ninth set): six English Wikinews articles from the rest of the same file
/// as held out 28 (github.com/dimitrakatseli/Wikinews, `data/english.json`, records 40 to the
/// end), in the file's order, taken by the rule in `benches/data/quotes/README.md`; written one
/// sentence per line by `scripts/wikinews_json_text.py`, annotated blind from the text alone,
/// scored once with round 23 frozen at e29c212 (that blind figure is kept in
/// `docs/suggestions.md`); part of development since round 24.
pub const HELD_OUT_29: &[&str] = &[
    "nsacalls29",
    "torontoshooting29",
    "railplan29",
    "stolengen29",
    "anonymous29",
    "jewishgroup29",
];

/// Held out (the thirtieth set): ten English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a fixed list of guessed
/// short names in order, taken by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/amalgum_news_text.py`, annotated blind from the text alone, scored once with round 23
/// frozen at 68e4b33 (that blind figure is kept in `docs/suggestions.md`); part of development
/// since round 24.
pub const HELD_OUT_30: &[&str] = &[
    "obama30",
    "iran30",
    "libya30",
    "pakistan30",
    "mexico30",
    "germany30",
    "protest30",
    "crash30",
    "parliament30",
    "flu30",
];

/// Held out (the thirty-first set): eight English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by continuing held out 30's fixed
/// list of guessed short names from `olympics`, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 23 frozen at 9a11662 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 24.
pub const HELD_OUT_31: &[&str] = &[
    "olympics31",
    "facebook31",
    "troops31",
    "hamas31",
    "kenya31",
    "zimbabwe31",
    "somalia31",
    "russian31",
];

/// Held out (the thirty-second set): eleven English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (leaders' names, then countries) in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 24 frozen at a4e8499 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 25.
pub const HELD_OUT_32: &[&str] = &[
    "putin32",
    "chavez32",
    "mugabe32",
    "karzai32",
    "scotland32",
    "turkey32",
    "poland32",
    "sweden32",
    "romania32",
    "serbia32",
    "colombia32",
];

/// Held out (the thirty-third set): twelve English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a fixed list of guessed
/// short names (the rest of the thirty-second set's list and of the thirtieth's, then topic words)
/// in order, taken by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/amalgum_news_text.py`, annotated blind from the text alone, scored once with round 25
/// frozen at e904ebb (that blind figure is kept in `docs/suggestions.md`); part of development
/// since round 26.
pub const HELD_OUT_33: &[&str] = &[
    "congo33",
    "ghana33",
    "saudi33",
    "yemen33",
    "iranian33",
    "german33",
    "ceasefire33",
    "championship33",
    "chemical33",
    "conference33",
    "coup33",
    "debate33",
];

/// Held out (the thirty-fourth set): fourteen English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing another new fixed list
/// of guessed short names (news topics) in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 25 frozen at e904ebb (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 26.
pub const HELD_OUT_34: &[&str] = &[
    "jury34",
    "labour34",
    "lawsuit34",
    "murder34",
    "opposition34",
    "poll34",
    "prison34",
    "rebels34",
    "refugees34",
    "rescue34",
    "sanctions34",
    "ship34",
    "shooting34",
    "soldiers34",
];

/// Held out (the thirty-fifth set): five English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing the rest of held out
/// 33's fixed list of guessed short names (after `defence`) in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 26 frozen at 19b83a3 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 27.
pub const HELD_OUT_35: &[&str] = &[
    "drought35",
    "drugs35",
    "fined35",
    "independence35",
    "inquiry35",
];

/// Held out (the thirty-sixth set): ten English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by continuing held out 34's fixed
/// list of guessed short names after `summit`, then a new list of verbs, in order, taken by the
/// rule in `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`,
/// annotated blind from the text alone, scored once with round 26 frozen at 19b83a3 (that blind
/// figure is kept in `docs/suggestions.md`); part of development since round 27.
pub const HELD_OUT_36: &[&str] = &[
    "supreme36",
    "tornado36",
    "tsunami36",
    "weapons36",
    "victory36",
    "urges36",
    "opens36",
    "rejects36",
    "suspends36",
    "criticises36",
];

/// Held out (the thirty-seventh set): six English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing the three short names
/// held out 36 found but did not read, then a new list of verbs, in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 27 frozen at 149fb27 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 28.
pub const HELD_OUT_37: &[&str] = &[
    "denies37",
    "meets37",
    "passes37",
    "freezes37",
    "hosts37",
    "strikes37",
];

/// Held out (the thirty-eighth set): three English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (cities and regions), in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 27 frozen at 149fb27 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 28.
pub const HELD_OUT_38: &[&str] = &["edinburgh38", "texas38", "liverpool38"];

/// Held out (the thirty-ninth set): four English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (people and movements in the news), in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 28 frozen at 10cbbb9 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 29.
pub const HELD_OUT_39: &[&str] = &["kim39", "kibaki39", "kirchner39", "trudeau39"];

/// Held out (the fortieth set): ten English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (organisations, companies, sportspeople, teams and events), in order, taken
/// by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/amalgum_news_text.py`, annotated blind from the text alone, scored once with
/// round 28 frozen at 10cbbb9 (that blind figure is kept in `docs/suggestions.md`); part of
/// development since round 29.
pub const HELD_OUT_40: &[&str] = &[
    "fifa40",
    "ioc40",
    "youtube40",
    "volkswagen40",
    "ryanair40",
    "fbi40",
    "cia40",
    "chelsea40",
    "lakers40",
    "marathon40",
];

/// Held out (the forty-first set): ten English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (countries, peoples and places), in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 28 frozen at 10cbbb9 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 29.
pub const HELD_OUT_41: &[&str] = &[
    "darfur41",
    "egyptian41",
    "finland41",
    "guinea41",
    "kashmir41",
    "korea41",
    "mali41",
    "pacific41",
    "scottish41",
    "thai41",
];

/// Held out (the forty-second set): six English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (topics and things in the news), in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 28 frozen at 10cbbb9 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 29.
pub const HELD_OUT_42: &[&str] = &[
    "cup42",
    "dinosaur42",
    "genocide42",
    "hackers42",
    "hiv42",
    "marriage42",
];

/// Held out (the forty-third set): ten English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing the rest of held out 41's
/// list of guessed short names and a new fixed list of nouns and adjectives in the news, in order,
/// taken by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/amalgum_news_text.py`, annotated blind from the text alone, scored once with
/// round 28 frozen at 10cbbb9 (that blind figure is kept in `docs/suggestions.md`); part of
/// development since round 29.
pub const HELD_OUT_43: &[&str] = &[
    "civilians43",
    "commander43",
    "crew43",
    "dispute43",
    "envoy43",
    "injured43",
    "racism43",
    "researchers43",
    "tribe43",
    "veterans43",
];

/// Held out (the forty-fourth set): three English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (verbs in the past tense), in order, taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`, annotated
/// blind from the text alone, scored once with round 28 frozen at 10cbbb9 (that blind figure is
/// kept in `docs/suggestions.md`); part of development since round 29.
pub const HELD_OUT_44: &[&str] = &["freed44", "marked44", "tortured44"];

/// Held out (the forty-fifth set): eleven English Wikinews articles of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a fixed list of short
/// names (twelve that a public file names, then guessed names of science, health, nature and
/// industry topics), in order, taken by the rule in `benches/data/quotes/README.md`; turned into
/// text by `scripts/amalgum_news_text.py`, annotated blind from the text alone, scored once with
/// round 29 frozen at eabe031 (that blind figure is kept in `docs/suggestions.md`); part of
/// development since round 30.
pub const HELD_OUT_45: &[&str] = &[
    "lords45",
    "mercenary45",
    "vodka45",
    "dolores45",
    "vessel45",
    "whitecaps45",
    "spielberg45",
    "stingray45",
    "khadr45",
    "tobacco45",
    "reactor45",
];

/// Held out (the forty-sixth set): one English Wikinews article of AMALGUM's news genre
/// (github.com/gucorpling/amalgum, `amalgum/news/xml/`), found by probing a new fixed list of
/// guessed short names (sport, culture, entertainment and technology), in order, taken by the rule
/// in `benches/data/quotes/README.md`; turned into text by `scripts/amalgum_news_text.py`,
/// annotated blind from the text alone, scored once with round 29 frozen at eabe031 (that blind
/// figure is kept in `docs/suggestions.md`); part of development since round 30.
pub const HELD_OUT_46: &[&str] = &["gates46"];

/// Held out (the forty-seventh set): 45 English posts of Global Voices (globalvoices.org,
/// citizen media, CC BY 3.0) of May 2012, from the WordPress export
/// `data/full/globalvoicesonline.wordpress.2012-may.xml`
/// (github.com/OpenGenderTracking/globalvoices), read in the file's order from its first item and
/// taken by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/globalvoices_text.py`, annotated
/// blind from the text alone, scored once with round 30 frozen at 9dddbac (the figure is kept in
/// `docs/suggestions.md`); part of development since round 31.
pub const HELD_OUT_47: &[&str] = &[
    "italyfuture47",
    "indonesiathe47",
    "mexicobike47",
    "ukraineif47",
    "cubanothing47",
    "lebanon47",
    "unitedstates47",
    "hongkong47",
    "egypteye47",
    "cubabloggers47",
    "russiacrowd47",
    "tunisiatv47",
    "sudansouth47",
    "yemenanger47",
    "panama47",
    "bahamaslast47",
    "cubawheres47",
    "russiatolstoys47",
    "russia47",
    "brazilapproves47",
    "spainmadrid47",
    "cubanational47",
    "armeniachaos47",
    "russiasurprise47",
    "indonesiageo47",
    "southkorea47",
    "colombia47",
    "egyptanger47",
    "serbia47",
    "brazilblog47",
    "switzerland47",
    "nigeria47",
    "russiaopen47",
    "russiaviolence47",
    "mexicocitizens47",
    "spainhistoric47",
    "martinique47",
    "democratic47",
    "hungary47",
    "israelmofaz47",
    "lebanonuproar47",
    "russiaputins47",
    "chinaal47",
    "bahamas47",
    "trinidadtobago47",
];

/// Held out (the forty-eighth set): twenty English posts of Global Voices (globalvoices.org, CC BY
/// 3.0) of May 2012, from the WordPress export in github.com/OpenGenderTracking/globalvoices
/// (`data/full/globalvoicesonline.wordpress.2012-may.xml`, from the first item at or after
/// character 1,800,000), taken in the file's order by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/globalvoices_text.py`, annotated
/// blind from the text alone, scored once with round 30 frozen at 9dddbac (the figure is kept in
/// `docs/suggestions.md`); part of development since round 31.
pub const HELD_OUT_48: &[&str] = &[
    "bolivia48",
    "taiwan48",
    "ethiopia48",
    "argentina48",
    "russia48",
    "china48",
    "indonesia48",
    "greece48",
    "thailand48",
    "southkorea48",
    "algeria48",
    "turkey48",
    "argentinalaw48",
    "mozambique48",
    "spain48",
    "zimbabwe48",
    "zambia48",
    "egypt48",
    "saudi48",
    "south48",
];

/// Held out (the forty-ninth set): fifteen English posts of Global Voices (globalvoices.org,
/// citizen media, CC BY 3.0) of May 2012, from the WordPress export
/// `data/full/globalvoicesonline.wordpress.2012-may.xml`
/// (github.com/OpenGenderTracking/globalvoices), read in the file's order from the first item at or
/// after character 2,344,000 and taken by the rule in `benches/data/quotes/README.md`; turned into
/// text by `scripts/globalvoices_text.py`, annotated blind from the text alone, scored once with
/// round 31 frozen at 6606855 (the figure is kept in `docs/suggestions.md`); part of development
/// since round 32.
pub const HELD_OUT_49: &[&str] = &[
    "kenya49",
    "brazil49",
    "china49",
    "russia49",
    "caribbean49",
    "spain49",
    "norway49",
    "armenia49",
    "mexico49",
    "bangladesh49",
    "ukraine49",
    "greece49",
    "india49",
    "palestine49",
    "cape49",
];

/// Held out (the fiftieth set): thirteen English posts of Global Voices (globalvoices.org, CC BY
/// 3.0) of May 2012, from the WordPress export in github.com/OpenGenderTracking/globalvoices
/// (`data/full/globalvoicesonline.wordpress.2012-may.xml`, from the first item at or after
/// character 2,960,000 to the end of the file), taken in the file's order by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/globalvoices_text.py`, annotated
/// blind from the text alone, scored once with round 31 frozen at 6606855 (the figure is kept in
/// `docs/suggestions.md`); part of development since round 32.
pub const HELD_OUT_50: &[&str] = &[
    "jordan50",
    "russia50",
    "macedonia50",
    "peru50",
    "palestine50",
    "israelincrease50",
    "frenchguiana50",
    "germany50",
    "africaregimes50",
    "southafrica50",
    "russiathe50",
    "philippines50",
    "armenia50",
];

/// Held out (the fifty-first set): eight English posts of Global Voices (globalvoices.org, CC BY
/// 3.0) of October to December 2004, from the WordPress export in
/// github.com/OpenGenderTracking/globalvoices (`data/full/globalvoicesonline.wordpress.2004 -
/// 123.xml`, the whole file from its first item), taken in the file's order by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/globalvoices_text.py`, annotated
/// blind from the text alone, scored once with round 31 frozen at 6606855 (the figure is kept in
/// `docs/suggestions.md`); part of development since round 32.
pub const HELD_OUT_51: &[&str] = &[
    "aboutglobal51",
    "globalvoices51",
    "operationviral51",
    "thoughtsfrom51",
    "echochamber51",
    "ory51",
    "andrearoundup51",
    "bloggercon51",
];

/// Held out (the fifty-second set): thirty-eight English Wikinews articles of 2019 from
/// github.com/vanatteveldt/wikinews (`data/wikinews_2019.csv`, commit 347254178, the whole file
/// from row 0), the rows whose text holds at least two double quotation marks and whose title no
/// earlier set's text has (so mostly rows of fewer than six marks, never annotated before), taken
/// in the file's order by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/wikinews_csv_text.py`, annotated blind from the text alone; scored once
/// with round 33's frozen rules (4bbcc09), development since.
pub const HELD_OUT_52: &[&str] = &[
    "pelosi52",
    "cruz52",
    "lionair52",
    "monarch52",
    "babyninsky52",
    "greatwhite52",
    "chittagong52",
    "sixteenstates52",
    "zebra52",
    "manafort52",
    "christchurch52",
    "facebook52",
    "slugglue52",
    "headdress52",
    "alabama52",
    "iyambo52",
    "newhampshire52",
    "motorcycle52",
    "charlottes52",
    "barry52",
    "stevens52",
    "borisjohnson52",
    "resignation52",
    "rossello52",
    "hickenlooper52",
    "hongkong52",
    "lionman52",
    "dorian52",
    "sirhan52",
    "phytoplankton52",
    "watervapour52",
    "humberto52",
    "binladen52",
    "bermuda52",
    "chirac52",
    "warholm52",
    "lorenzo52",
    "protester52",
];

/// Held out (the fifty-third set): thirty-four English Wikinews articles of 2020 (CC BY 2.5), the
/// rows of `data/wikinews_2020.csv` in github.com/vanatteveldt/wikinews (commit 347254178) with at
/// least two double quotation marks that no earlier set took, Wikinews' own interviews left out,
/// taken in the file's order by the rule in `benches/data/quotes/README.md` (the whole file, which
/// ran out with 27 direct quotes); turned into text by `scripts/wikinews_csv_text.py`, annotated
/// blind from the text alone; scored once with round 33's frozen rules (4bbcc09), development since.
pub const HELD_OUT_53: &[&str] = &[
    "solafire53",
    "qaboos53",
    "houseimpeach53",
    "puertoquake53",
    "coronastudy53",
    "clemency53",
    "covidflu53",
    "southcarolina53",
    "mirmohammadi53",
    "richardguy53",
    "nbasuspends53",
    "arizonaprimary53",
    "frogskull53",
    "conway53",
    "sandersbiden53",
    "basilashvili53",
    "lukjok53",
    "helicopter53",
    "alquaety53",
    "elephant53",
    "nkurunziza53",
    "jackal53",
    "babydrugs53",
    "parkwonsoon53",
    "tsikhanouskaya53",
    "calicut53",
    "watermain53",
    "navalny53",
    "ratana53",
    "trumpcovid53",
    "vanhalen53",
    "aegean53",
    "dcviolence53",
    "matovic53",
];

/// Held out (the fifty-fourth set): fourteen English posts of Global Voices (globalvoices.org, CC
/// BY 3.0) of 5 to 11 June 2009, saved as whole pages by the Media Cloud project in
/// github.com/mediacloud/backend (`t/data/crawler_stories/gv/1.json` to `15.json`, commit
/// 4840dd2b8fbef68cf3c3d61771d3a934b3260a60), taken in the files' numeric order by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/mediacloud_gv_text.py`, annotated
/// blind from the text alone; scored once with round 33's frozen rules (4bbcc09), development since.
pub const HELD_OUT_54: &[&str] = &[
    "brazil54",
    "africa54",
    "china54",
    "northkorea54",
    "castebased54",
    "moroccans54",
    "peru54",
    "hongkong54",
    "gabon54",
    "airbus54",
    "egypt54",
    "peruclashes54",
    "middleeast54",
    "myanmar54",
];

/// Held out (the fifty-fifth set): forty English Wikinews articles of November 2004 to January
/// 2005 (public domain), from `endataset.json` of github.com/airKlizz/WikinewsSum (commit
/// 1d98503162, the whole file, rows with at least two double quotation marks not taken by held
/// out 12), taken in the file's order by the rule in `benches/data/quotes/README.md`; turned into
/// text by `scripts/wikinews_sum_text.py`, annotated blind from the text alone; scored
/// once with round 33's frozen rules (4bbcc09), development since.
pub const HELD_OUT_55: &[&str] = &[
    "palestinians55",
    "brazilian55",
    "powell55",
    "derailment55",
    "kostov55",
    "firefox55",
    "alqaeda55",
    "spammed55",
    "longhorn55",
    "reporter55",
    "sudanese55",
    "americas55",
    "ukrainian55",
    "hydrogen55",
    "gusenbauer55",
    "canada55",
    "ridge55",
    "defense55",
    "mst55",
    "origami55",
    "andalucia55",
    "vanuatu55",
    "referendum55",
    "sergeant55",
    "lycos55",
    "cuba55",
    "bulge55",
    "mumbai55",
    "iraqschool55",
    "yushchenko55",
    "serialkiller55",
    "sprint55",
    "asteroid55",
    "gao55",
    "gregoire55",
    "bittorrent55",
    "linux55",
    "relief55",
    "optimistic55",
    "deport55",
];

/// Held out (the fifty-sixth set): sixty-five English posts of Global Voices (globalvoices.org, CC
/// BY 3.0) of May 2012, from the WordPress export in github.com/OpenGenderTracking/globalvoices
/// (`data/full/globalvoicesonline.wordpress.2012-may.xml`, from offset 1,632,000 to the end and
/// then from the file's first item), taken in the file's order by the rule in
/// `benches/data/quotes/README.md` (posts with at least two double quotation marks and a title not
/// already used); turned into text by `scripts/globalvoices_text.py`, annotated blind from the
/// text alone; scored once with round 33's frozen rules (4bbcc09), development since.
pub const HELD_OUT_56: &[&str] = &[
    "bolivia56",
    "chinapolitical56",
    "venezuelavideo56",
    "bangladesh56",
    "zambiabloggers56",
    "zambianetizens56",
    "russiaamerican56",
    "spain56",
    "china56",
    "europeeconomic56",
    "kenyamark56",
    "cuba56",
    "robert56",
    "ethiopia56",
    "spainmany56",
    "globalvoices56",
    "colombia56",
    "nigeria56",
    "jordancampaign56",
    "russiawebsite56",
    "spainthe56",
    "yemen56",
    "venezuela56",
    "india56",
    "kyrgyzstancan56",
    "latinamerica56",
    "singapore56",
    "colombiabomb56",
    "video56",
    "argentina56",
    "cubaquestionin56",
    "spainm56",
    "lesotho56",
    "paraguay56",
    "georgialgbt56",
    "armenia56",
    "ethiopiag56",
    "malawinetizens56",
    "science56",
    "southkorea56",
    "turkeypoetic56",
    "pakistan56",
    "zambiajudge56",
    "yemenmillions56",
    "mauritania56",
    "yemensuicide56",
    "singaporenetiz56",
    "malawibloggers56",
    "ethiopianetize56",
    "africacalls56",
    "palestinemass56",
    "armeniaback56",
    "indonesia56",
    "mauritaniaoppo56",
    "pakistanpublic56",
    "mexiconetizens56",
    "bestof56",
    "indiafreedom56",
    "indiapakistan56",
    "spainbarcelona56",
    "zambia56",
    "armeniaalterna56",
    "africawill56",
    "nepalshristi56",
    "russiacharity56",
];

/// Held out (the fifty-eighth set): thirteen English news articles of the ECB+ corpus (Cybulska
/// and Vossen, LREC 2014; github.com/cltl/ecbPlus, CC BY 3.0), as unzipped in
/// github.com/tommasoc80/EventStoryLine at commit 46edefe, from its topics 1 to 7, taken by the
/// rule in `benches/data/quotes/README.md` (per topic the first `ecb` and the first `ecbplus`
/// document with at least two double quotation marks); turned into text by
/// `scripts/ecbplus_text.py`, annotated blind from the text alone; scored once with round 35's frozen rules (76e27ae), development since.
pub const HELD_OUT_58: &[&str] = &[
    "rehab58",
    "lohan58",
    "oscarhost58",
    "ellen58",
    "nichols58",
    "bettiepage58",
    "esther58",
    "sixers58",
    "obrien58",
    "newmoon58",
    "hungergames58",
    "klitschko58",
    "thompson58",
];

/// Held out (the fifty-ninth set): sixteen English news articles of about 2005 to 2013 from the
/// ECB+ corpus (github.com/cltl/ecbPlus, CC BY 3.0, as unzipped in
/// github.com/tommasoc80/EventStoryLine at commit 46edefe; topics 16 to 25, in each the first `ecb`
/// and the first `ecbplus` document with at least two double quotation marks), taken in that order
/// by the rule in `benches/data/quotes/README.md`; turned into text by `scripts/ecbplus_text.py`,
/// annotated blind from the text alone; scored once with round 35's frozen rules (76e27ae), development since.
pub const HELD_OUT_59: &[&str] = &[
    "deputy59",
    "sheriff59",
    "officeshoot59",
    "troy59",
    "riot59",
    "brooklyn59",
    "quakeiran59",
    "qeshm59",
    "hitrun59",
    "queens59",
    "kraft59",
    "climber59",
    "mtcook59",
    "heist59",
    "saints59",
    "thomas59",
];

/// Held out (the sixtieth set): nineteen English news articles of the ECB+ corpus
/// (github.com/cltl/ecbPlus, CC BY 3.0; articles of many outlets found through Google News, about
/// 2008 to 2013), as unzipped in github.com/tommasoc80/EventStoryLine (commit 46edefe), topics 31
/// to 41: from each topic the first `ecb` and the first `ecbplus` document with at least two double
/// quotation marks (as `--marks` counts them), by the rule in `benches/data/quotes/README.md`;
/// turned into text by `scripts/ecbplus_text.py`, annotated blind from the text alone; scored
/// once with round 35's frozen rules (76e27ae), development since.
pub const HELD_OUT_60: &[&str] = &[
    "hansbrough60",
    "gomes60",
    "jenkin60",
    "kathina60",
    "horton60",
    "gupta60",
    "benjamin60",
    "jacksondui60",
    "jamalwilliams60",
    "bountiful60",
    "jeffs60",
    "manokwari60",
    "acehquake60",
    "geysers60",
    "mattsmith60",
    "capaldi60",
    "macbattery60",
    "retina60",
    "gazaschool60",
];

/// Held out (the sixty-first set): thirteen English news articles of the ECB+ corpus
/// (github.com/cltl/ecbPlus, CC BY 3.0; articles of many outlets found through Google News, about
/// 2008 to 2013), as unzipped in github.com/tommasoc80/EventStoryLine (commit 46edefe), topics 8
/// to 14: from each topic the first `ecb` and the first `ecbplus` document with at least two double
/// quotation marks (as `--marks` counts them, glued marks included), by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/ecbplus_text.py`, annotated blind
/// from the text alone; scored once with the rules frozen at c92cc4f, development since.
pub const HELD_OUT_61: &[&str] = &[
    "woodburn61",
    "marfinbank61",
    "kempthorne61",
    "speciesrule61",
    "teixeira61",
    "redsox61",
    "turkmenvote61",
    "mysore61",
    "sukanya61",
    "wasilla61",
    "matmaid61",
    "banstead61",
    "wellington61",
];

/// Held out (the sixty-second set): thirteen English news articles of the ECB+ corpus
/// (github.com/cltl/ecbPlus, CC BY 3.0; articles of many outlets found through Google News, about
/// 2004 to 2013), as unzipped in github.com/tommasoc80/EventStoryLine (commit 46edefe), topics 26
/// to 30 and 42 (and topic 43's `ecb` one, where the quotes reached 60): from each topic the first
/// `ecb` and the first `ecbplus` document with at least two double quotation marks (as `--marks`
/// counts them, glued marks included), by the rule in `benches/data/quotes/README.md`; turned into
/// text by `scripts/ecbplus_text.py`, annotated blind from the text alone; scored once with the rules frozen at c92cc4f, development since.
pub const HELD_OUT_62: &[&str] = &[
    "lopresti62",
    "gigante62",
    "iefix62",
    "zeroday62",
    "markfelt62",
    "larue62",
    "jaguars62",
    "coltschiefs62",
    "cablecut62",
    "seacom62",
    "curve62",
    "blackberry62",
    "amdati62",
];

/// Held out (the sixty-third set): sixteen Reuters newswire stories of February 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-000.sgm`: every story with at least
/// two double quotation marks in its body (as `--marks` counts them) and at least 100 words, in the
/// file's order, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 32c0b48 (round 36), development
/// since.
pub const HELD_OUT_63: &[&str] = &[
    "bankamerica63",
    "spotlight63",
    "deanfoods63",
    "brownforman63",
    "venezueladebt63",
    "towerreport63",
    "senators63",
    "chemlawn63",
    "brazilplan63",
    "capitalspending63",
    "licensing63",
    "prospects63",
    "argentinadebt63",
    "estatetax63",
    "quebecor63",
    "iranoffensive63",
];

/// Held out (the sixty-fourth set): thirty-two English Reuters newswire stories of 1987 from
/// Reuters-21578, Distribution 1.0 (as kept in github.com/sola91/reuters-21578, commit 7008b13;
/// © Reuters Ltd., for research purposes only), `reut2-001.sgm`: every story with at least two
/// double quotation marks in its body (as `--marks` counts them) and at least 100 words, in the
/// file's order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`, annotated blind
/// from the text alone; scored once with the rules at 32c0b48 (round 36),
/// development since.
pub const HELD_OUT_64: &[&str] = &[
    "unilever64",
    "chinatrade64",
    "kenyaeconomy64",
    "kodak64",
    "proxmire64",
    "amrpanam64",
    "zincor64",
    "gmeurope64",
    "coffeebill64",
    "bergsten64",
    "citrusgaza64",
    "norton64",
    "decroo64",
    "stgermain64",
    "cornpik64",
    "firestone64",
    "lusinchi64",
    "royalbank64",
    "londonoptions64",
    "royalresults64",
    "decrootextile64",
    "rostenkowski64",
    "hesse64",
    "anacomp64",
    "ecgd64",
    "colombiacoffee64",
    "rostentax64",
    "amrleases64",
    "fertility64",
    "gaofslic64",
    "geengine64",
    "kodakmarkets64",
];

/// Held out (the sixty-fifth set): twenty-seven English newswire stories of the Reuters-21578
/// collection (Distribution 1.0; Reuters stories of 1987, mostly business and economic news;
/// © Reuters Ltd., distributed for research purposes only), as kept in github.com/sola91/reuters-21578
/// (commit 7008b13): the stories of `reut2-002.sgm` with at least two double quotation marks in
/// their body and at least 100 words (as `--marks` counts them), in the file's order, until the
/// direct quotes reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 32c0b48 (round 36),
/// development since.
pub const HELD_OUT_65: &[&str] = &[
    "jaguar65",
    "japanfund65",
    "yeutter65",
    "milkpact65",
    "basra65",
    "enzon65",
    "nickles65",
    "shell65",
    "peseta65",
    "dairyoutput65",
    "mciatt65",
    "westcanada65",
    "mikulski65",
    "mortonthiokol65",
    "soybean65",
    "sovietwheat65",
    "exim65",
    "polaroid65",
    "coffee65",
    "insidertrading65",
    "opec65",
    "mciprofit65",
    "finnishtax65",
    "wright65",
    "salmonella65",
    "ortner65",
    "britishsugar65",
];

/// Held out (the sixty-sixth set): thirty-one English newswire stories of March 1987 from the
/// Reuters-21578 collection (Distribution 1.0; © Reuters Ltd., distributed for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-003.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks`
/// counts them), none a repeat of a text already here, in the file's order, until the direct
/// quotes reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 04cdd54 (round 37),
/// development since.
pub const HELD_OUT_66: &[&str] = &[
    "kepco66",
    "kampelman66",
    "oecdtrade66",
    "poehl66",
    "plessey66",
    "sosnoff66",
    "dutchgrowth66",
    "iomega66",
    "optical66",
    "seamen66",
    "paperinstitute66",
    "tietmeyer66",
    "ugandacoffee66",
    "renault66",
    "vogtle66",
    "worldtrade66",
    "dhaka66",
    "wonnacott66",
    "agfutures66",
    "morocco66",
    "trump66",
    "attappeal66",
    "tranche66",
    "poindexter66",
    "petrocanada66",
    "charan66",
    "danskebank66",
    "amex66",
    "holidayinns66",
    "orangecrop66",
    "uaw66",
];

/// Held out (the sixty-seventh set): twenty-five Reuters newswire stories of March 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-004.sgm`: every story with at least
/// two double quotation marks in its body (as `--marks` counts them) and at least 100 words, in the
/// file's order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`, annotated blind
/// from the text alone; scored once with the rules at 04cdd54 (round 37),
/// development since.
pub const HELD_OUT_67: &[&str] = &[
    "inco67",
    "aidssmallpox67",
    "birthcontrol67",
    "debtfutures67",
    "subsahara67",
    "texasinstr67",
    "acidrain67",
    "jamaica67",
    "sicklecell67",
    "usxreserves67",
    "phillips67",
    "contraaid67",
    "tradebill67",
    "sovietfrench67",
    "venezuelaoil67",
    "britainjapan67",
    "ecuadorquake67",
    "ecuadorhalt67",
    "amchiring67",
    "taiwanimport67",
    "mitsubishi67",
    "leighpemberton67",
    "awbwheat67",
    "brazilseamen67",
    "indonesiacoffee67",
];

/// Held out (the sixty-eighth set): twenty English Reuters newswire stories of March 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-005.sgm`: every story with at least
/// two double quotation marks in its body (as `--marks` counts them) and at least 100 words, in the
/// file's order, until the direct quotes reached 60, by the rule in `benches/data/quotes/README.md`;
/// turned into text by `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 04cdd54 (round 37),
/// development since.
pub const HELD_OUT_68: &[&str] = &[
    "conservation68",
    "brazildebt68",
    "rockwell68",
    "bankregulation68",
    "storagetech68",
    "goldman68",
    "machinea68",
    "roundone68",
    "gros68",
    "meatplan68",
    "nyserule68",
    "electricidad68",
    "labatt68",
    "bearish68",
    "lumber68",
    "caracas68",
    "debtfutures68",
    "fplreactor68",
    "mexicoswaps68",
    "lumberpact68",
];

/// Held out (the sixty-ninth set): thirty English Reuters newswire stories of March 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-006.sgm`: every story with at least
/// two double quotation marks in its body (as `--marks` counts them) and at least 100 words, in the
/// file's order, until the direct quotes reached 60, by the rule in `benches/data/quotes/README.md`;
/// turned into text by `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 141b6aa (round 38),
/// development since.
pub const HELD_OUT_69: &[&str] = &[
    "bakersoviet69",
    "margoshes69",
    "zambiacopper69",
    "kmart69",
    "feedoutput69",
    "nysereview69",
    "finnishreform69",
    "brazilloans69",
    "oilstax69",
    "exxonrefinery69",
    "fluegel69",
    "targeting69",
    "nysetrading69",
    "lawsonoil69",
    "perrydrug69",
    "baserate69",
    "searsdown69",
    "amexexpiry69",
    "mixedcredits69",
    "gleske69",
    "bayeraids69",
    "playboy69",
    "foreignoil69",
    "coastal69",
    "champlin69",
    "lyngaide69",
    "gulfministers69",
    "giltsbudget69",
    "utilityboard69",
    "budgetanalysts69",
];

/// Held out (the seventieth set): thirty English Reuters newswire stories of March 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-007.sgm`: every story with at least
/// two double quotation marks in its body (as `--marks` counts them) and at least 100 words, none a
/// repeat of a text already here, in the file's order, until the direct quotes reached 60, by the
/// rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 141b6aa (round 38),
/// development since.
pub const HELD_OUT_70: &[&str] = &[
    "fairfax70",
    "ecuadorcredit70",
    "balladur70",
    "hkbanking70",
    "creditmarket70",
    "vegoils70",
    "hkstable70",
    "savingsbank70",
    "shearson70",
    "financialrand70",
    "germanbonds70",
    "swissairplane70",
    "bpsale70",
    "swissairprofit70",
    "cocoabuffer70",
    "porsche70",
    "goldwarrants70",
    "jefferies70",
    "oiltax70",
    "grainfreight70",
    "turkishdebt70",
    "managua70",
    "philippinemine70",
    "nicsdeficit70",
    "gasolinetax70",
    "insectrules70",
    "repligen70",
    "gandalf70",
    "britoil70",
    "bradt70",
];

/// Held out (the seventy-first set): twenty-five English Reuters newswire stories of March 1987 from
/// the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as
/// kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-008.sgm`: every story with at
/// least two double quotation marks in its body and at least 100 words (as `--marks` counts them),
/// none a repeat of a text already here, in the file's order, until the direct quotes reached 60,
/// by the rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 141b6aa (round 38),
/// development since.
pub const HELD_OUT_71: &[&str] = &[
    "sugarcut71",
    "coldstorage71",
    "seaway71",
    "expirations71",
    "clarktrade71",
    "conable71",
    "naturalgas71",
    "microchips71",
    "rubberpact71",
    "jakarta71",
    "taxrise71",
    "naira71",
    "modestrequest71",
    "sarney71",
    "iadbdelay71",
    "calabrian71",
    "nzgatt71",
    "helicopter71",
    "sanmiguel71",
    "vegetableoil71",
    "raimond71",
    "philbranch71",
    "hussein71",
    "kingfahd71",
    "dollartarget71",
];

/// Held out (the seventy-second set): twenty-two English Reuters newswire stories of March 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-009.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks`
/// counts them), none a repeat of a text already here, in the file's order, until the direct
/// quotes reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 4687d56
/// (round 39), development since.
pub const HELD_OUT_72: &[&str] = &[
    "baldrige72",
    "budgetfeud72",
    "farmcredit72",
    "unionist72",
    "dollarfall72",
    "guinness72",
    "gencorp72",
    "carsales72",
    "citicorp72",
    "brazilcomputer72",
    "volcker72",
    "cornacreage72",
    "exportbonus72",
    "johnsonfed72",
    "sugarquota72",
    "potash72",
    "americanunion72",
    "cardealers72",
    "brazilcredit72",
    "sumita72",
    "jardine72",
    "nikkeiren72",
];

/// Held out (the seventy-third set): twenty-one English Reuters newswire stories of March 26, 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-010.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 4687d56
/// (round 39), development since.
pub const HELD_OUT_73: &[&str] = &[
    "cftcuser73",
    "thatcher73",
    "gencorp73",
    "prubache73",
    "conrail73",
    "uawstrike73",
    "cftcmerger73",
    "poland73",
    "cftclimit73",
    "volvo73",
    "dunbradstreet73",
    "heller73",
    "cftcrules73",
    "taxevasion73",
    "cftcforeign73",
    "bpbid73",
    "bpoffer73",
    "hellerdollar73",
    "pikcost73",
    "americus73",
    "parismeet73",
];

/// Held out (the seventy-fourth set): twenty-seven English Reuters newswire stories of March 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-011.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 4687d56
/// (round 39), development since.
pub const HELD_OUT_74: &[&str] = &[
    "refinery74",
    "sony74",
    "senatebudget74",
    "newmont74",
    "audi74",
    "bassgroup74",
    "eurodollar74",
    "santafe74",
    "textron74",
    "texascotton74",
    "bassbidders74",
    "rigcount74",
    "japanfoolish74",
    "rjrnabisco74",
    "disasterbill74",
    "fedease74",
    "ecfarmprices74",
    "basicamerican74",
    "dixons74",
    "dotapproves74",
    "synfuels74",
    "brazildollar74",
    "angloapartheid74",
    "canadabanks74",
    "sarneydollar74",
    "gencorp74",
    "philippinerepay74",
];

/// Held out (the seventy-fifth set): twenty-three English Reuters newswire stories of April 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-012.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 2d1e81d
/// (round 40), development since.
pub const HELD_OUT_75: &[&str] = &[
    "shultzwheat75",
    "guardianroyal75",
    "icoquotas75",
    "yugoslavia75",
    "toshiba75",
    "eurobonds75",
    "brazillines75",
    "toshibaanger75",
    "brazilrenewal75",
    "diamondshamrock75",
    "bakertrade75",
    "arco75",
    "bakerbrazil75",
    "iifrates75",
    "chiptalks75",
    "treasurybrazil75",
    "lawsonsterling75",
    "sugarsowings75",
    "intervention75",
    "tradecurbs75",
    "chiracpact75",
    "conrac75",
    "farmreorg75",
];

/// Held out (the seventy-sixth set): fourteen English Reuters newswire stories of April 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-013.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 2d1e81d
/// (round 40), development since.
pub const HELD_OUT_76: &[&str] = &[
    "compaq76",
    "europtions76",
    "dartunion76",
    "fcslab76",
    "tokyotrip76",
    "ecgdnigeria76",
    "conablewarns76",
    "jalengine76",
    "ecgdcover76",
    "jobsdata76",
    "cosmetics76",
    "secoffer76",
    "foxnetwork76",
    "tropicaloils76",
];

/// Held out (the seventy-seventh set): forty-three English Reuters newswire stories of April 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-014.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 2d1e81d
/// (round 40), development since.
pub const HELD_OUT_77: &[&str] = &[
    "thatcherpoll77",
    "airbusorder77",
    "zurichgold77",
    "volckerpolicy77",
    "zurichdollar77",
    "afdbloans77",
    "swedishfinance77",
    "energyfutures77",
    "lonestar77",
    "automakers77",
    "chipsupply77",
    "kuwaittankers77",
    "graincerts77",
    "surplusnations77",
    "commodities77",
    "certstudy77",
    "yugoslavdebt77",
    "dollarnewyork77",
    "stocksmidday77",
    "dollareurope77",
    "daltex77",
    "creditmarkets77",
    "philaelectric77",
    "canadaexempt77",
    "coffeestocks77",
    "worldnews77",
    "immigration77",
    "cubasugar77",
    "attgeorgia77",
    "sugarrally77",
    "yeutterwarns77",
    "gencorpbuyback77",
    "iraqfighting77",
    "coffeefutures77",
    "iraqiranians77",
    "torontostocks77",
    "energysettle77",
    "consumercredit77",
    "retaliatory77",
    "texacobond77",
    "textilebill77",
    "spartech77",
    "gaofarmcredit77",
];

/// Held out (the seventy-eighth set): twenty-six English Reuters newswire stories of April 1987
/// from the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes
/// only), as kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-015.sgm`: every story
/// with at least two double quotation marks in its body and at least 100 words (as `--marks` counts
/// them), none a repeat of a text already here, in the file's order, until the direct quotes
/// reached 60, by the rule in `benches/data/quotes/README.md`; turned into text by
/// `scripts/reuters_text.py`, annotated blind from the text alone; scored once with the rules at 0c321b5
/// (round 41), development since.
pub const HELD_OUT_78: &[&str] = &[
    "dutchbeet78",
    "rollsshares78",
    "vwdividend78",
    "zambiamaize78",
    "interleukin78",
    "southerncosts78",
    "fordtrucks78",
    "faocrops78",
    "petrochemical78",
    "texacoboston78",
    "securitiesuk78",
    "dominionrumor78",
    "cocoasales78",
    "fleetshares78",
    "reuterschair78",
    "shadinsider78",
    "millertax78",
    "dsmprivatise78",
    "cmecompliance78",
    "polandreform78",
    "iranarmy78",
    "burlington78",
    "japantariffs78",
    "specialbonds78",
    "psrsettle78",
    "amdchips78",
];

/// Held out (the seventy-ninth set): twenty English Reuters newswire stories of April 1987 from
/// the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as
/// kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-016.sgm`: every story with at
/// least two double quotation marks in its body and at least 100 words (as `--marks` counts them),
/// none a repeat of a text already here, in the file's order, until the direct quotes reached 60,
/// by the rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 0c321b5
/// (round 41), development since.
pub const HELD_OUT_79: &[&str] = &[
    "bakerstability79",
    "commodgains79",
    "cboeoptions79",
    "ectextile79",
    "cboelisting79",
    "moorecorp79",
    "chipratio79",
    "ipcostake79",
    "aspirin79",
    "worldbankdebt79",
    "mobilbudget79",
    "bakerbanks79",
    "fedborrowing79",
    "goldmansachs79",
    "torontopower79",
    "thriftlender79",
    "volckermarkets79",
    "swissbanker79",
    "texacobillion79",
    "farmprotection79",
];

/// Held out (the eightieth set): thirty-six English Reuters newswire stories of April 1987 from the
/// Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as kept
/// in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-017.sgm`: every story with at least
/// two double quotation marks in its body and at least 100 words (as `--marks` counts them), none a
/// repeat of a text already here, in the file's order, until the direct quotes reached 60, by the
/// rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 0c321b5
/// (round 41), development since.
pub const HELD_OUT_80: &[&str] = &[
    "sorogroup80",
    "nytimes80",
    "duquesne80",
    "kuwaiteconomy80",
    "senatebattle80",
    "fedpolicy80",
    "mildcoffee80",
    "comsatcontel80",
    "standardoil80",
    "ecuadoroil80",
    "swisscurrency80",
    "nakasone80",
    "taiwantextile80",
    "shellcanada80",
    "usjapantrade80",
    "chinatextile80",
    "swissintervene80",
    "postedprices80",
    "philipsgec80",
    "petranol80",
    "fslicfunds80",
    "bangemann80",
    "creditneeds80",
    "bakerdollar80",
    "whitehousecpi80",
    "searssystems80",
    "sunoil80",
    "shelloil80",
    "africarecovery80",
    "henleygroup80",
    "vwplant80",
    "perusilver80",
    "moneysurge80",
    "chiefdoubtful80",
    "interstatebid80",
    "paperlumber80",
];

/// Held out (the eighty-first set): twenty-five English Reuters newswire stories of June 1987 from
/// the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as
/// kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-018.sgm`: every story with at
/// least two double quotation marks in its body and at least 100 words (as `--marks` counts them),
/// none a repeat of a text already here, in the file's order, until the direct quotes reached 60,
/// by the rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 1cd0d4d
/// (round 43), development since.
pub const HELD_OUT_81: &[&str] = &[
    "volckerterm81",
    "datageneral81",
    "ecfarmaids81",
    "saraleestrike81",
    "japanfarmers81",
    "norwayec81",
    "lawsongoal81",
    "csfbeconomist81",
    "dolegreenspan81",
    "energyoil81",
    "judgedecide81",
    "gulfwestern81",
    "bundesbank81",
    "zimenergy81",
    "germanexperts81",
    "chickenlabels81",
    "proxmireloss81",
    "csfbshock81",
    "energyprices81",
    "danishreserves81",
    "italianvolcker81",
    "aztdiseases81",
    "speakerrates81",
    "merchantbanks81",
    "leutwiler81",
];

/// Held out (the eighty-second set): twenty-four English Reuters newswire stories of June 1987 from
/// the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as
/// kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-019.sgm`: every story with at
/// least two double quotation marks in its body and at least 100 words (as `--marks` counts them),
/// none a repeat of a text already here, in the file's order, until the direct quotes reached 60, by
/// the rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 1cd0d4d
/// (round 43), development since.
pub const HELD_OUT_82: &[&str] = &[
    "japandefense82",
    "squibbcetus82",
    "shearsonguilty82",
    "canadacorptax82",
    "financialtax82",
    "salestax82",
    "canadadeficit82",
    "preferredshare82",
    "personaltax82",
    "fedunchanged82",
    "nationalsemi82",
    "shultzasean82",
    "australiatax82",
    "manilastocks82",
    "canadareform82",
    "taiwandollar82",
    "bangladeshnavy82",
    "swissloopholes82",
    "tokyostocks82",
    "evergreenline82",
    "octanegasoline82",
    "carprogramme82",
    "ecfarmmeeting82",
    "groundnut82",
];

/// Held out (the eighty-third set): thirteen English Reuters newswire stories of October 1987 from
/// the Reuters-21578 collection (Distribution 1.0, © Reuters Ltd., for research purposes only), as
/// kept in github.com/sola91/reuters-21578 (commit 7008b13), `reut2-020.sgm`: every story with at
/// least two double quotation marks in its body and at least 100 words (as `--marks` counts them),
/// none a repeat of a text already here, in the file's order, until the direct quotes reached 60,
/// by the rule in `benches/data/quotes/README.md`; turned into text by `scripts/reuters_text.py`,
/// annotated blind from the text alone; scored once with the rules at 1cd0d4d
/// (round 43), development since.
pub const HELD_OUT_83: &[&str] = &[
    "japanesedivest83",
    "mexicanstock83",
    "asiancocoa83",
    "malaysiacrude83",
    "firmmonetary83",
    "tokyosuspend83",
    "aquinorates83",
    "notisolated83",
    "worldrecession83",
    "stocksdive83",
    "hormuzclosure83",
    "poehlrate83",
    "lawsonbp83",
];

/// Held out (the eighty-fourth set): ten BBC News articles of 2004-2005 of `politics/` from the
/// BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and
/// research purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/politics/`: every article from `002.txt` on (`001.txt` left out) with at least two
/// double quotation marks in its body and at least 100 words (as `--marks` counts them), none a
/// repeat of a text already here, in file-name order, until the direct quotes reached 60, by the
/// rule in `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated
/// blind from the text alone; scored once with the rules at 8095eee (round 45),
/// development since.
pub const HELD_OUT_84: &[&str] = &[
    "emaildeletions84",
    "careersexism84",
    "manchester84",
    "budgetspree84",
    "domesale84",
    "foxattacks84",
    "sexisttaunts84",
    "sillyfuss84",
    "mrshoward84",
    "jailings84",
];

/// Held out (the eighty-fifth set): twenty-three BBC News articles of 2004-2005 from the BBC
/// dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/business/`: every article with at least two double quotation marks in its body and at
/// least 100 words (as `--marks` counts them), none a repeat of a text already here, in file-name
/// order from `business/001.txt`, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind
/// from the text alone; scored once with the rules at 8095eee (round 45),
/// development since.
pub const HELD_OUT_85: &[&str] = &[
    "timewarner85",
    "dollargains85",
    "yukosunit85",
    "bafuel85",
    "japanescapes85",
    "jobsgrowth85",
    "indiatrade85",
    "ethiopiacrop85",
    "indonesiafuel85",
    "telegraphjobs85",
    "airpassengers85",
    "chinacredit85",
    "rupeehigh85",
    "indiatelecoms85",
    "callcentre85",
    "germanjobs85",
    "frencheconomy85",
    "tradegap85",
    "yukosloses85",
    "steeljobs85",
    "oilrally85",
    "venezuelaland85",
    "soaringoil85",
];

/// Held out (the eighty-sixth set): twenty BBC News articles of 2004-2005 of `entertainment/` from
/// the BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and
/// research purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/entertainment/001.txt` to `024.txt`: every article with at least two double quotation
/// marks in its body and at least 100 words (as `--marks` counts them), none a repeat of a text
/// already here, in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 8095eee (round 45),
/// development since.
pub const HELD_OUT_86: &[&str] = &[
    "gallerytree86",
    "jarrefairytale86",
    "capramusical86",
    "richardjudy86",
    "levywhitbread86",
    "davincicode86",
    "ugandabans86",
    "postcards86",
    "neesontheatre86",
    "levynovel86",
    "adventuretale86",
    "mutantbook86",
    "arthurhailey86",
    "sparkbooker86",
    "versaceart86",
    "reynolds86",
    "aliciamarkova86",
    "balletfuture86",
    "viotti86",
    "paraguaynovel86",
];

/// Held out (the eighty-seventh set): fourteen BBC News articles of `sport/`, 2004-2005, from the
/// BBC dataset of Greene and Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/sport/001.txt` to `015.txt`: every article with at least two double quotation marks
/// in its body and at least 100 words (as `--marks` counts them), none a repeat of a text already
/// here, in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 8095eee (round 45),
/// development since.
pub const HELD_OUT_87: &[&str] = &[
    "claxtonmedal87",
    "greenetitle87",
    "iaafdrugs87",
    "dibabarecord87",
    "isinbayeva87",
    "dublinrace87",
    "hansenreturn87",
    "gardenerwin87",
    "collinscompete87",
    "radcliffegb87",
    "idowugold87",
    "chepkemeilift87",
    "mcilroymadrid87",
    "kitdeal87",
];

/// Held out (the eighty-eighth set): thirteen BBC News articles of 2004-2005 of `tech/` from the BBC
/// dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/tech/001.txt` to `016.txt`: every article with at least two double quotation marks in
/// its body and at least 100 words (as `--marks` counts them), none a repeat of a text already here,
/// in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 8095eee (round 45),
/// development since.
pub const HELD_OUT_88: &[&str] = &[
    "inkdemocracy88",
    "chinanetcafe88",
    "digitalguru88",
    "creativebug88",
    "perufarmers88",
    "bumperpatches88",
    "christmasvirus88",
    "applelaptop88",
    "googletoolbar88",
    "tvdownloads88",
    "digitalfilm88",
    "xboxcable88",
    "bloggerday88",
];

/// Held out (the eighty-ninth set): twelve BBC News articles of 2004-2005 of `politics/` from the
/// BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/politics/013.txt` to `026.txt`: every article with at least two double quotation marks
/// in its body and at least 100 words (as `--marks` counts them), none a repeat of a text already
/// here, in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 12c9ce3
/// (round 47), development since.
pub const HELD_OUT_89: &[&str] = &[
    "howardasylum89",
    "terroroffer89",
    "socialsciences89",
    "auschwitz89",
    "drinkremark89",
    "schooldiploma89",
    "prebudget89",
    "natinsurance89",
    "euniversity89",
    "slumvisit89",
    "truedata89",
    "africareport89",
];

/// Held out (the ninetieth set): thirty-four BBC News articles of 2004-2005 of `business/` from the
/// BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/business/031.txt` to `066.txt`: every article with at least two double quotation marks
/// in its body and at least 100 words (as `--marks` counts them), none a repeat of a text already
/// here, in file-name order from where held out 85 stopped, until the direct quotes reached 60, by
/// the rule in `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`,
/// annotated blind from the text alone; scored once with the rules at 12c9ce3
/// (round 47), development since.
pub const HELD_OUT_90: &[&str] = &[
    "irishmarkets90",
    "japanbanking90",
    "colombiafund90",
    "roverdeal90",
    "wppprofits90",
    "foreignfirms90",
    "japanmogul90",
    "telekommobile90",
    "umbroprofits90",
    "feddeficit90",
    "ukcoal90",
    "saudiwomen90",
    "japanslides90",
    "crudeprices90",
    "japanoutput90",
    "ryanairboeing90",
    "parmalatreturn90",
    "bmwmini90",
    "nestlesales90",
    "italyplan90",
    "reutersdollar90",
    "hyundaiindia90",
    "sabudget90",
    "bmwasia90",
    "economystronger90",
    "electroluxjobs90",
    "worldcomboss90",
    "insuranceguilty90",
    "ukjobless90",
    "wembleyfirm90",
    "usretail90",
    "lufthansasue90",
    "euaid90",
    "germanbusiness90",
];

/// Held out (the ninety-first set): twenty-one BBC News articles of 2004-2005 of `entertainment/`
/// from the BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial
/// and research purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit
/// 4abe2d2ac2), `data/bbc/entertainment/025.txt` to `051.txt`: every article from `025.txt` on (the
/// files before it taken or passed over by held out 86) with at least two double quotation marks in
/// its body and at least 100 words (as `--marks` counts them), none a repeat of a text already
/// here, in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 12c9ce3
/// (round 47), development since.
pub const HELD_OUT_91: &[&str] = &[
    "potterchart91",
    "gallerypink91",
    "litidol91",
    "potterdirector91",
    "baghdadblogger91",
    "dirtyden91",
    "sundance91",
    "veradrake91",
    "bestfilmoscar91",
    "hankspremiere91",
    "piratesrow91",
    "winecomedy91",
    "passionoscar91",
    "berlinhonours91",
    "davistribute91",
    "ossiedavis91",
    "jugnot91",
    "landmarkmovies91",
    "deniro91",
    "willissues91",
    "foxxswank91",
];

/// Held out (the ninety-second set): seventeen BBC News articles of 2004-2005 of `sport/` from the
/// BBC dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and
/// research purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/sport/016.txt` to `037.txt`: every article with at least two double quotation marks in
/// its body and at least 100 words (as `--marks` counts them), none a repeat of a text already here,
/// in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 12c9ce3
/// (round 47), development since.
pub const HELD_OUT_92: &[&str] = &[
    "verdictdelay92",
    "kenterisclear92",
    "londonhope92",
    "chepkemeiban92",
    "holmescomeback92",
    "greekhearing92",
    "edinburghrace92",
    "elguerrouj92",
    "campbellsprint92",
    "birmingham92",
    "walkerquits92",
    "bekelemark92",
    "greeksuspended92",
    "athensmemories92",
    "collinsbanned92",
    "jonesprobe92",
    "johnsonaccuses92",
];

/// Held out (the ninety-third set): sixteen BBC News articles of 2004-2005 of `tech/` from the BBC
/// dataset of D. Greene and P. Cunningham (ICML 2006; © the BBC, for non-commercial and research
/// purposes only), as kept in github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2),
/// `data/bbc/tech/017.txt` to `033.txt`: every article with at least two double quotation marks in
/// its body and at least 100 words (as `--marks` counts them), none a repeat of a text already here,
/// in file-name order, until the direct quotes reached 60, by the rule in
/// `benches/data/quotes/README.md`; turned into text by `scripts/bbc_text.py`, annotated blind from
/// the text alone; scored once with the rules at 12c9ce3
/// (round 47), development since.
pub const HELD_OUT_93: &[&str] = &[
    "oldphones93",
    "playstation93",
    "intellaser93",
    "fedupnet93",
    "sunhourly93",
    "lasergaps93",
    "castauditions93",
    "psplaunch93",
    "junkmail93",
    "tsunamiaid93",
    "pierorugby93",
    "opensource93",
    "patentreboot93",
    "netsecurity93",
    "turboboost93",
    "digitaldivide93",
];

/// Everything the rules and scores may be tuned on: the GUM development articles and the once
/// held-out second to nineteenth, twenty-first to fifty-sixth and fifty-eighth to eighty-third sets
/// (there is no twentieth and no fifty-seventh).
pub fn development() -> Vec<&'static str> {
    [
        DEV,
        HELD_OUT_2,
        HELD_OUT_3,
        HELD_OUT_4,
        HELD_OUT_5,
        HELD_OUT_6,
        HELD_OUT_7,
        HELD_OUT_8,
        HELD_OUT_9,
        HELD_OUT_10,
        HELD_OUT_11,
        HELD_OUT_12,
        HELD_OUT_13,
        HELD_OUT_14,
        HELD_OUT_15,
        HELD_OUT_16,
        HELD_OUT_17,
        HELD_OUT_18,
        HELD_OUT_19,
        HELD_OUT_21,
        HELD_OUT_22,
        HELD_OUT_23,
        HELD_OUT_24,
        HELD_OUT_25,
        HELD_OUT_26,
        HELD_OUT_27,
        HELD_OUT_28,
        HELD_OUT_29,
        HELD_OUT_30,
        HELD_OUT_31,
        HELD_OUT_32,
        HELD_OUT_33,
        HELD_OUT_34,
        HELD_OUT_35,
        HELD_OUT_36,
        HELD_OUT_37,
        HELD_OUT_38,
        HELD_OUT_39,
        HELD_OUT_40,
        HELD_OUT_41,
        HELD_OUT_42,
        HELD_OUT_43,
        HELD_OUT_44,
        HELD_OUT_45,
        HELD_OUT_46,
        HELD_OUT_47,
        HELD_OUT_48,
        HELD_OUT_49,
        HELD_OUT_50,
        HELD_OUT_51,
        HELD_OUT_52,
        HELD_OUT_53,
        HELD_OUT_54,
        HELD_OUT_55,
        HELD_OUT_56,
        HELD_OUT_58,
        HELD_OUT_59,
        HELD_OUT_60,
        HELD_OUT_61,
        HELD_OUT_62,
        HELD_OUT_63,
        HELD_OUT_64,
        HELD_OUT_65,
        HELD_OUT_66,
        HELD_OUT_67,
        HELD_OUT_68,
        HELD_OUT_69,
        HELD_OUT_70,
        HELD_OUT_71,
        HELD_OUT_72,
        HELD_OUT_73,
        HELD_OUT_74,
        HELD_OUT_75,
        HELD_OUT_76,
        HELD_OUT_77,
        HELD_OUT_78,
        HELD_OUT_79,
        HELD_OUT_80,
        HELD_OUT_81,
        HELD_OUT_82,
        HELD_OUT_83,
        HELD_OUT_84,
        HELD_OUT_85,
        HELD_OUT_86,
        HELD_OUT_87,
        HELD_OUT_88,
        HELD_OUT_89,
        HELD_OUT_90,
        HELD_OUT_91,
        HELD_OUT_92,
        HELD_OUT_93,
    ]
    .iter()
    .flat_map(|set| set.iter().copied())
    .collect()
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/quotes")
}

/// One hand-annotated line of a `.quotes` file.
#[derive(Clone, Debug)]
pub struct Gold {
    /// The first words of the quote's content.
    pub start: String,
    /// `None` for `ignore` lines: quoted fragments that neither count for nor against.
    pub speakers: Option<Vec<String>>,
}

/// One suggested direct quote, judged.
#[derive(Clone, Debug)]
pub struct Judged {
    pub doc: String,
    pub content: String,
    pub speaker: Option<String>,
    pub rule: String,
    /// The rule and how the speaker was found (`direct:cue-after adjacent`).
    pub group: String,
    pub score: f32,
    pub quote_right: bool,
    pub speaker_right: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub judged: Vec<Judged>,
    /// Gold quotes (not `ignore`) and how many of them some suggestion found.
    pub gold: usize,
    pub found: usize,
    /// The annotated quotes no suggestion found: (document, first words).
    pub missed: Vec<(String, String)>,
}

pub fn read_gold(name: &str) -> Vec<Gold> {
    let path = data_dir().join(format!("{name}.quotes"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let kind = fields.next()?;
            let start = fields.next()?.to_owned();
            let speakers = (kind == "quote").then(|| {
                fields
                    .next()
                    .unwrap_or("-")
                    .split('|')
                    .map(str::to_owned)
                    .collect()
            });
            Some(Gold { start, speakers })
        })
        .collect()
}

/// Runs the window's rule-based recommenders (no trained tagger) on each document and judges
/// every suggested direct quote.
pub fn evaluate(names: &[&str]) -> Outcome {
    let schema = gloss::storage::presets::preset("news").expect("the news preset exists");
    let mut recommenders = Recommenders::standard();
    recommenders.set_enabled(gloss::suggest::tagger::NAME, false);
    let training = TrainingView::default();
    let mut outcome = Outcome::default();
    for name in names {
        let path = data_dir().join(format!("{name}.txt"));
        let Ok(raw) = std::fs::read_to_string(&path) else {
            continue;
        };
        let gold = read_gold(name);
        let doc = Document::from_raw(DocId::new(*name).expect("a valid id"), *name, &raw);
        let chars: Vec<char> = doc.text.as_str().chars().collect();
        let text_of =
            |s: gloss::model::CharSpan| -> String { chars[s.start..s.end].iter().collect() };
        let suggestions = suggest_with(&doc, &schema, None, &training, &recommenders, &[]);
        let mut found = vec![false; gold.len()];
        for suggestion in &suggestions {
            let SuggestionKind::Quote {
                content,
                speaker,
                quote_kind,
                ..
            } = &suggestion.kind
            else {
                continue;
            };
            let texts: Vec<String> = content.iter().map(|s| text_of(*s)).collect();
            let matches = |g: &Gold| texts.iter().any(|t| starts_like(t, &g.start));
            for (i, g) in gold.iter().enumerate() {
                if matches(g) && g.speakers.is_some() {
                    found[i] = true;
                }
            }
            if *quote_kind != QuoteKind::Direct {
                continue;
            }
            let first = &texts[0];
            let hit = gold.iter().find(|g| starts_like(first, &g.start));
            let speaker_text = speaker.as_ref().map(|s| text_of(s.span));
            let (quote_right, speaker_right) = match hit {
                Some(Gold { speakers: None, .. }) => continue,
                None => (false, false),
                Some(Gold {
                    speakers: Some(names),
                    ..
                }) => {
                    let right = match &speaker_text {
                        None => names.iter().any(|n| n == "-"),
                        Some(s) => names.iter().any(|n| n == s),
                    };
                    (true, right)
                }
            };
            outcome.judged.push(Judged {
                doc: (*name).to_owned(),
                content: first.chars().take(50).collect(),
                speaker: speaker_text,
                rule: suggestion.rule.clone(),
                group: format!(
                    "{} {}",
                    suggestion.rule,
                    speaker.as_ref().map_or("none", |s| s.resolved_by.as_str())
                ),
                score: suggestion.score,
                quote_right,
                speaker_right,
            });
        }
        outcome.gold += gold.iter().filter(|g| g.speakers.is_some()).count();
        outcome.found += found
            .iter()
            .zip(&gold)
            .filter(|(f, g)| **f && g.speakers.is_some())
            .count();
        outcome.missed.extend(
            found
                .iter()
                .zip(&gold)
                .filter(|(f, g)| !**f && g.speakers.is_some())
                .map(|(_, g)| ((*name).to_owned(), g.start.clone())),
        );
    }
    outcome
}

/// Whether a suggested content starts with the annotated first words (quote marks and spaces
/// around them aside, and the comma or full stop that ends a whole quote written as its first
/// words: `"It happened so fast," according to …` is annotated `It happened so fast,`, and the
/// content a suggestion covers may stop before the comma).
fn starts_like(content: &str, start: &str) -> bool {
    let clean = |s: &str| {
        s.trim_start_matches(|c: char| c.is_whitespace() || "\"“”'‘’`".contains(c))
            .to_owned()
    };
    let start = clean(start);
    let start = start.trim_end_matches(|c: char| c.is_whitespace() || ",.".contains(c));
    clean(content).starts_with(start)
}

impl Outcome {
    /// Share of suggested direct quotes that are direct quotes, among those scoring `>= min`.
    pub fn precision_at(&self, min: f32) -> Option<(f64, usize)> {
        let kept: Vec<&Judged> = self.judged.iter().filter(|j| j.score >= min).collect();
        (!kept.is_empty()).then(|| {
            let right = kept.iter().filter(|j| j.quote_right).count();
            (right as f64 / kept.len() as f64, kept.len())
        })
    }

    /// Share of suggestions fully right (a direct quote with the right speaker) scoring `>= min`.
    pub fn fully_right_at(&self, min: f32) -> Option<(f64, usize)> {
        let kept: Vec<&Judged> = self.judged.iter().filter(|j| j.score >= min).collect();
        (!kept.is_empty()).then(|| {
            let right = kept
                .iter()
                .filter(|j| j.quote_right && j.speaker_right)
                .count();
            (right as f64 / kept.len() as f64, kept.len())
        })
    }

    /// Share of right direct quotes whose speaker is right too.
    pub fn speaker_accuracy(&self) -> f64 {
        let right: Vec<&Judged> = self.judged.iter().filter(|j| j.quote_right).collect();
        if right.is_empty() {
            return 0.0;
        }
        right.iter().filter(|j| j.speaker_right).count() as f64 / right.len() as f64
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            return 0.0;
        }
        self.found as f64 / self.gold as f64
    }
}
