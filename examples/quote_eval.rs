//! Direct quotes on real news: precision, right speaker and recall of the quote recommender on the
//! hand-annotated Wikinews articles in `benches/data/quotes/`, and the reliability table (score
//! band → observed precision) that the quote scores are set from.
//!
//! ```text
//! cargo run --example quote_eval            # the held-out documents (the figures to report)
//! cargo run --example quote_eval heldout60  # the sixtieth held-out set (ECB+ news of many outlets, topics 31 to 41; so are heldout58, topics 1 to 7, and heldout59, topics 16 to 25), scored blind once with round 35 at 76e27ae, now development
//! cargo run --example quote_eval heldout62  # the sixty-second held-out set (ECB+ news, topics 26 to 30 and 42 to 43; heldout61 is topics 8 to 14), scored blind once with the rules at c92cc4f, now development
//! cargo run --example quote_eval heldout63  # the sixty-third held-out set (Reuters-21578 newswire of 1987, reut2-000.sgm; heldout64 and heldout65 are reut2-001 and reut2-002), scored blind once with the rules at 32c0b48, now development
//! cargo run --example quote_eval heldout66  # the sixty-sixth held-out set (Reuters-21578, reut2-003.sgm; heldout67 and heldout68 are reut2-004 and reut2-005), scored blind once with the rules at 04cdd54, now development
//! cargo run --example quote_eval heldout69  # the sixty-ninth held-out set (Reuters-21578, reut2-006.sgm; heldout70 and heldout71 are reut2-007 and reut2-008), scored blind once with the rules at 141b6aa, now development
//! cargo run --example quote_eval heldout72  # the seventy-second held-out set (Reuters-21578, reut2-009.sgm; heldout73 and heldout74 are reut2-010 and reut2-011), scored blind once with the rules at 4687d56, now development
//! cargo run --example quote_eval heldout75  # the seventy-fifth held-out set (Reuters-21578, reut2-012.sgm; heldout76 and heldout77 are reut2-013 and reut2-014), scored blind once with the rules at 2d1e81d, now development
//! cargo run --example quote_eval heldout78  # the seventy-eighth held-out set (Reuters-21578, reut2-015.sgm; heldout79 and heldout80 are reut2-016 and reut2-017), scored blind once with the rules at 0c321b5, now development
//! cargo run --example quote_eval heldout81  # the eighty-first held-out set (Reuters-21578, reut2-018.sgm; heldout82 and heldout83 are reut2-019 and reut2-020), scored blind once with the rules at 1cd0d4d, now development
//! cargo run --example quote_eval heldout84  # the eighty-fourth held-out set (BBC News of 2004-2005, politics; heldout85 to heldout88 are business, entertainment, sport and tech), scored blind once with the rules at 8095eee, now development
//! cargo run --example quote_eval heldout89  # the eighty-ninth held-out set (BBC News of 2004-2005, politics; heldout90 to heldout93 are business, entertainment, sport and tech), scored blind once with the rules at 12c9ce3, now development
//! cargo run --example quote_eval names a,b list  # the named documents of benches/data/quotes/ (a binary built with frozen rules scores a set annotated after it was built)
//! cargo run --example quote_eval heldout46  # the forty-sixth held-out set (Wikinews 2009 via AMALGUM's news, sport, culture and technology), scored blind once with round 29 at eabe031, now development
//! cargo run --example quote_eval heldout45  # the forty-fifth held-out set (Wikinews 2008-18 via AMALGUM's news, names a public file lists and science, health and industry topics), scored blind once with round 29 at eabe031, now development
//! cargo run --example quote_eval heldout44  # the forty-fourth held-out set (Wikinews 2008-10 via AMALGUM's news, verbs in the past tense), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout43  # the forty-third held-out set (Wikinews 2008-18 via AMALGUM's news, held out 41's list continued, nouns and adjectives), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout42  # the forty-second held-out set (Wikinews 2006-18 via AMALGUM's news, topics and things), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout41  # the forty-first held-out set (Wikinews 2008-18 via AMALGUM's news, countries, peoples and places), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout40  # the fortieth held-out set (Wikinews 2010-18 via AMALGUM's news, organisations, companies, sport), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout39  # the thirty-ninth held-out set (Wikinews 2007-17 via AMALGUM's news, people and movements), scored blind once with round 28 at 10cbbb9, now development
//! cargo run --example quote_eval heldout38  # the thirty-eighth held-out set (Wikinews 2013-18 via AMALGUM's news, cities and regions), scored blind once with round 27 at 149fb27, now development
//! cargo run --example quote_eval heldout37  # the thirty-seventh held-out set (Wikinews 2007-18 via AMALGUM's news, verbs), scored blind once with round 27 at 149fb27, now development
//! cargo run --example quote_eval heldout36  # the thirty-sixth held-out set (Wikinews 2008-13 via AMALGUM's news, held out 34's list continued and verbs), scored blind once with round 26 at 19b83a3, now development
//! cargo run --example quote_eval heldout35  # the thirty-fifth held-out set (Wikinews 2006-15 via AMALGUM's news, held out 33's list continued), scored blind once with round 26 at 19b83a3, now development
//! cargo run --example quote_eval heldout34  # the thirty-fourth held-out set (Wikinews 2006-17 via AMALGUM's news, a third list of guessed names), scored blind once with round 25 at e904ebb, now development
//! cargo run --example quote_eval heldout33  # the thirty-third held-out set (Wikinews 2007-18 via AMALGUM's news, the earlier lists' rest and topic words), scored blind once with round 25 at e904ebb, now development
//! cargo run --example quote_eval heldout32  # the thirty-second held-out set (Wikinews 2006-19 via AMALGUM's news, a second list of guessed names), scored blind once with round 24 at a4e8499, now development
//! cargo run --example quote_eval heldout31  # the thirty-first held-out set (Wikinews 2008-19 via AMALGUM's news, held out 30's guessed names continued), scored blind once with round 23, now development
//! cargo run --example quote_eval heldout30  # the thirtieth held-out set (Wikinews 2006-19 via AMALGUM's news, by guessed file names), scored blind once with round 23, now development
//! cargo run --example quote_eval heldout29  # the twenty-ninth held-out set (the rest of the random English Wikinews pages via dimitrakatseli/Wikinews), scored blind once with round 23, now development
//! cargo run --example quote_eval heldout28  # the twenty-eighth held-out set (random English Wikinews pages via dimitrakatseli/Wikinews), scored blind once with round 22 at 3da5538, now development
//! cargo run --example quote_eval heldout27  # the twenty-seventh held-out set (Wikinews 2007-13, the rest of the SemEval-2015 TimeLine / MEANTIME articles: Airbus, car makers), scored blind once with round 22 at 1059839, now development
//! cargo run --example quote_eval heldout25  # the twenty-fifth held-out set (Wikinews 2005-11, the SemEval-2015 TimeLine / MEANTIME articles: Apple, Airbus, Boeing), scored blind once with round 21 at b70c402, now development
//! cargo run --example quote_eval heldout26  # the twenty-sixth held-out set (Wikinews 2006-11, the SemEval-2015 TimeLine / MEANTIME articles: markets, car makers), scored blind once with round 21 at b70c402, now development
//! cargo run --example quote_eval heldout24  # the once held-out twenty-fourth set (Wikinews 2009-18 via AMALGUM's extra news), scored blind once with round 20 at e978520, now development
//! cargo run --example quote_eval heldout23  # the once held-out twenty-third set (Wikinews 2008-18 via AMALGUM's extra news), scored blind once with round 19 at 3aad614, now development
//! cargo run --example quote_eval heldout21  # the once held-out twenty-first set (Wikinews 2007-18 via AMALGUM's extra news), scored blind once with round 18 at b0f58f2, now development
//! cargo run --example quote_eval heldout22  # the once held-out twenty-second set (Wikinews 2008-17 via AMALGUM's extra news), scored blind once with round 18 at b0f58f2, now development
//! cargo run --example quote_eval heldout19  # the once held-out nineteenth set (Wikinews 2006-18 via AMALGUM), scored blind once with round 17 at 6eea34f, now development
//! cargo run --example quote_eval heldout18  # the once held-out eighteenth set (Wikinews 2009-18 via AMALGUM), scored blind once with round 16 at 7f2fe99, now development
//! cargo run --example quote_eval heldout17  # the once held-out seventeenth set (Wikinews 2008-18 via AMALGUM), scored blind once with round 15 at 256ab2f, now development
//! cargo run --example quote_eval heldout16  # the once held-out sixteenth set (Wikinews 2008-18 via AMALGUM), scored blind once with round 14 at d45b970, now development
//! cargo run --example quote_eval heldout15  # the once held-out fifteenth set (Wikinews 2007-18 via AMALGUM), scored blind with round 12 (dc62ffc) and round 13 (6676c0d), now development
//! cargo run --example quote_eval heldout14  # the once held-out fourteenth set (Wikinews 2008-17 via AMALGUM), scored once at 84c59d3, now development
//! cargo run --example quote_eval heldout13  # the once held-out thirteenth set (Wikinews 2007-18 via AMALGUM), scored once at 5a1c5c8, now development
//! cargo run --example quote_eval heldout12  # the once held-out twelfth set (Wikinews 2019 and 2004-05), scored once at bad023e, now development
//! cargo run --example quote_eval heldout11  # the once held-out eleventh set (Wikinews 2019), scored once at f60b9c3, now development
//! cargo run --example quote_eval heldout10  # the once held-out tenth set (Wikinews 2019), scored once at 1e585cf, now development
//! cargo run --example quote_eval heldout9   # the once held-out ninth set (Wikinews 2019), scored once at f8a1fa3, now development
//! cargo run --example quote_eval heldout8   # the once held-out eighth set (Wikinews 2019), scored once at 5f07983, now development
//! cargo run --example quote_eval heldout7   # the once held-out seventh set (Wikinews 2019), scored once at b0a8e38, now development
//! cargo run --example quote_eval heldout6   # the once held-out sixth set (Wikinews 2019), now development
//! cargo run --example quote_eval heldout5   # the once held-out fifth set, now development
//! cargo run --example quote_eval heldout4   # the once held-out fourth set, now development
//! cargo run --example quote_eval heldout4 list  # … one line per quote (any set: add `list`)
//! cargo run --example quote_eval heldout3   # the once held-out third set, now development
//! cargo run --example quote_eval heldout2   # the once held-out second set, now development
//! cargo run --example quote_eval dev        # all development documents (GUM, the second to nineteenth and twenty-first to forty-sixth sets)
//! cargo run --example quote_eval gum-dev    # the GUM development documents only
//! cargo run --example quote_eval show NAME  # every quote suggestion of one article, all its parts
//! cargo run --example quote_eval mentions NAME  # the entity mentions speakers are chosen from
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../benches/support/quote_eval.rs"]
mod quote_eval;

use quote_eval::{
    DEV, HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, HELD_OUT_6, HELD_OUT_7,
    HELD_OUT_8, HELD_OUT_9, HELD_OUT_10, HELD_OUT_11, HELD_OUT_12, HELD_OUT_13, HELD_OUT_14,
    HELD_OUT_15, HELD_OUT_16, HELD_OUT_17, HELD_OUT_18, HELD_OUT_19, HELD_OUT_21, HELD_OUT_22,
    HELD_OUT_23, HELD_OUT_24, HELD_OUT_25, HELD_OUT_26, HELD_OUT_27, HELD_OUT_28, HELD_OUT_29,
    HELD_OUT_30, HELD_OUT_31, HELD_OUT_32, HELD_OUT_33, HELD_OUT_34, HELD_OUT_35, HELD_OUT_36,
    HELD_OUT_37, HELD_OUT_38, HELD_OUT_39, HELD_OUT_40, HELD_OUT_41, HELD_OUT_42, HELD_OUT_43,
    HELD_OUT_44, HELD_OUT_45, HELD_OUT_46, HELD_OUT_47, HELD_OUT_48, HELD_OUT_49, HELD_OUT_50,
    HELD_OUT_51, HELD_OUT_52, HELD_OUT_53, HELD_OUT_54, HELD_OUT_55, HELD_OUT_56, HELD_OUT_58,
    HELD_OUT_59, HELD_OUT_60, HELD_OUT_61, HELD_OUT_62, HELD_OUT_63, HELD_OUT_64, HELD_OUT_65,
    HELD_OUT_66, HELD_OUT_67, HELD_OUT_68, HELD_OUT_69, HELD_OUT_70, HELD_OUT_71, HELD_OUT_72,
    HELD_OUT_73, HELD_OUT_74, HELD_OUT_75, HELD_OUT_76, HELD_OUT_77, HELD_OUT_78, HELD_OUT_79,
    HELD_OUT_80, HELD_OUT_81, HELD_OUT_82, HELD_OUT_83, HELD_OUT_84, HELD_OUT_85, HELD_OUT_86,
    HELD_OUT_87, HELD_OUT_88, HELD_OUT_89, HELD_OUT_90, HELD_OUT_91, HELD_OUT_92, HELD_OUT_93,
    development, evaluate,
};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("mentions") {
        print_mentions(&std::env::args().nth(2).unwrap_or_default());
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("show") {
        print_quotes(&std::env::args().nth(2).unwrap_or_default());
        return;
    }
    let dev = std::env::args().nth(1).as_deref() == Some("dev");
    let all_dev = development();
    // `names a,b,c`: any documents of benches/data/quotes/, so a binary built with frozen rules
    // can score a set that was annotated after it was built.
    let listed: Vec<String> = match std::env::args().nth(1).as_deref() {
        Some("names") => std::env::args()
            .nth(2)
            .unwrap_or_default()
            .split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
    let (names, part): (&[&str], &str) = match std::env::args().nth(1).as_deref() {
        Some("dev") => (&all_dev, "dev"),
        Some("names") => (&listed, "listed"),
        Some("gum-dev") => (DEV, "GUM dev"),
        Some("heldout2") => (HELD_OUT_2, "held-out 2 (now development)"),
        Some("heldout3") => (HELD_OUT_3, "held-out 3 (now development)"),
        Some("heldout4") => (HELD_OUT_4, "held-out 4 (now development)"),
        Some("heldout5") => (HELD_OUT_5, "held-out 5 (now development)"),
        Some("heldout6") => (HELD_OUT_6, "held-out 6 (now development)"),
        Some("heldout7") => (HELD_OUT_7, "held-out 7 (now development)"),
        Some("heldout8") => (HELD_OUT_8, "held-out 8 (now development)"),
        Some("heldout9") => (HELD_OUT_9, "held-out 9 (now development)"),
        Some("heldout10") => (HELD_OUT_10, "held-out 10 (now development)"),
        Some("heldout11") => (HELD_OUT_11, "held-out 11 (now development)"),
        Some("heldout12") => (HELD_OUT_12, "held-out 12 (now development)"),
        Some("heldout62") => (HELD_OUT_62, "held-out 62 (now development)"),
        Some("heldout63") => (HELD_OUT_63, "held-out 63 (now development)"),
        Some("heldout64") => (HELD_OUT_64, "held-out 64 (now development)"),
        Some("heldout65") => (HELD_OUT_65, "held-out 65 (now development)"),
        Some("heldout66") => (HELD_OUT_66, "held-out 66 (now development)"),
        Some("heldout67") => (HELD_OUT_67, "held-out 67 (now development)"),
        Some("heldout68") => (HELD_OUT_68, "held-out 68 (now development)"),
        Some("heldout69") => (HELD_OUT_69, "held-out 69 (now development)"),
        Some("heldout70") => (HELD_OUT_70, "held-out 70 (now development)"),
        Some("heldout71") => (HELD_OUT_71, "held-out 71 (now development)"),
        Some("heldout72") => (HELD_OUT_72, "held-out 72 (now development)"),
        Some("heldout73") => (HELD_OUT_73, "held-out 73 (now development)"),
        Some("heldout74") => (HELD_OUT_74, "held-out 74 (now development)"),
        Some("heldout75") => (HELD_OUT_75, "held-out 75 (now development)"),
        Some("heldout76") => (HELD_OUT_76, "held-out 76 (now development)"),
        Some("heldout77") => (HELD_OUT_77, "held-out 77 (now development)"),
        Some("heldout78") => (HELD_OUT_78, "held-out 78 (now development)"),
        Some("heldout79") => (HELD_OUT_79, "held-out 79 (now development)"),
        Some("heldout80") => (HELD_OUT_80, "held-out 80 (now development)"),
        Some("heldout81") => (HELD_OUT_81, "held-out 81 (now development)"),
        Some("heldout82") => (HELD_OUT_82, "held-out 82 (now development)"),
        Some("heldout83") => (HELD_OUT_83, "held-out 83 (now development)"),
        Some("heldout84") => (
            HELD_OUT_84,
            "held-out 84 (BBC News, politics; now development)",
        ),
        Some("heldout85") => (
            HELD_OUT_85,
            "held-out 85 (BBC News, business; now development)",
        ),
        Some("heldout86") => (
            HELD_OUT_86,
            "held-out 86 (BBC News, entertainment; now development)",
        ),
        Some("heldout87") => (
            HELD_OUT_87,
            "held-out 87 (BBC News, sport; now development)",
        ),
        Some("heldout88") => (HELD_OUT_88, "held-out 88 (BBC News, tech; now development)"),
        Some("heldout89") => (
            HELD_OUT_89,
            "held-out 89 (BBC News, politics; now development)",
        ),
        Some("heldout90") => (
            HELD_OUT_90,
            "held-out 90 (BBC News, business; now development)",
        ),
        Some("heldout91") => (
            HELD_OUT_91,
            "held-out 91 (BBC News, entertainment; now development)",
        ),
        Some("heldout92") => (
            HELD_OUT_92,
            "held-out 92 (BBC News, sport; now development)",
        ),
        Some("heldout93") => (HELD_OUT_93, "held-out 93 (BBC News, tech; now development)"),
        Some("heldout61") => (HELD_OUT_61, "held-out 61 (now development)"),
        Some("heldout60") => (HELD_OUT_60, "held-out 60 (now development)"),
        Some("heldout59") => (HELD_OUT_59, "held-out 59 (now development)"),
        Some("heldout58") => (HELD_OUT_58, "held-out 58 (now development)"),
        Some("heldout56") => (HELD_OUT_56, "held-out 56 (now development)"),
        Some("heldout55") => (HELD_OUT_55, "held-out 55 (now development)"),
        Some("heldout54") => (HELD_OUT_54, "held-out 54 (now development)"),
        Some("heldout53") => (HELD_OUT_53, "held-out 53 (now development)"),
        Some("heldout52") => (HELD_OUT_52, "held-out 52 (now development)"),
        Some("heldout51") => (HELD_OUT_51, "held-out 51 (now development)"),
        Some("heldout50") => (HELD_OUT_50, "held-out 50 (now development)"),
        Some("heldout49") => (HELD_OUT_49, "held-out 49 (now development)"),
        Some("heldout48") => (HELD_OUT_48, "held-out 48 (now development)"),
        Some("heldout47") => (HELD_OUT_47, "held-out 47 (now development)"),
        Some("heldout46") => (HELD_OUT_46, "held-out 46 (now development)"),
        Some("heldout45") => (HELD_OUT_45, "held-out 45 (now development)"),
        Some("heldout44") => (HELD_OUT_44, "held-out 44 (now development)"),
        Some("heldout43") => (HELD_OUT_43, "held-out 43 (now development)"),
        Some("heldout42") => (HELD_OUT_42, "held-out 42 (now development)"),
        Some("heldout41") => (HELD_OUT_41, "held-out 41 (now development)"),
        Some("heldout40") => (HELD_OUT_40, "held-out 40 (now development)"),
        Some("heldout39") => (HELD_OUT_39, "held-out 39 (now development)"),
        Some("heldout38") => (HELD_OUT_38, "held-out 38 (now development)"),
        Some("heldout37") => (HELD_OUT_37, "held-out 37 (now development)"),
        Some("heldout36") => (HELD_OUT_36, "held-out 36 (now development)"),
        Some("heldout35") => (HELD_OUT_35, "held-out 35 (now development)"),
        Some("heldout34") => (HELD_OUT_34, "held-out 34 (now development)"),
        Some("heldout33") => (HELD_OUT_33, "held-out 33 (now development)"),
        Some("heldout32") => (HELD_OUT_32, "held-out 32 (now development)"),
        Some("heldout31") => (HELD_OUT_31, "held-out 31 (now development)"),
        Some("heldout30") => (HELD_OUT_30, "held-out 30 (now development)"),
        Some("heldout29") => (HELD_OUT_29, "held-out 29 (now development)"),
        Some("heldout28") => (HELD_OUT_28, "held-out 28 (now development)"),
        Some("heldout27") => (HELD_OUT_27, "held-out 27 (now development)"),
        Some("heldout25") => (HELD_OUT_25, "held-out 25 (now development)"),
        Some("heldout26") => (HELD_OUT_26, "held-out 26 (now development)"),
        Some("heldout24") => (HELD_OUT_24, "held-out 24 (now development)"),
        Some("heldout23") => (HELD_OUT_23, "held-out 23 (now development)"),
        Some("heldout21") => (HELD_OUT_21, "held-out 21 (now development)"),
        Some("heldout22") => (HELD_OUT_22, "held-out 22 (now development)"),
        Some("heldout19") => (HELD_OUT_19, "held-out 19 (now development)"),
        Some("heldout18") => (HELD_OUT_18, "held-out 18 (now development)"),
        Some("heldout17") => (HELD_OUT_17, "held-out 17 (now development)"),
        Some("heldout16") => (HELD_OUT_16, "held-out 16 (now development)"),
        Some("heldout15") => (HELD_OUT_15, "held-out 15 (now development)"),
        Some("heldout14") => (HELD_OUT_14, "held-out 14 (now development)"),
        Some("heldout13") => (HELD_OUT_13, "held-out 13 (now development)"),
        _ => (HELD_OUT, "held-out"),
    };
    let outcome = evaluate(names);
    let listing = dev || std::env::args().skip(2).any(|a| a == "list");
    if listing {
        for j in &outcome.judged {
            println!(
                "{:<13} {:<5} {:<6} {:.2} {:<28} {:<50} ← {}",
                j.doc,
                if j.quote_right { "ok" } else { "WRONG" },
                if !j.quote_right {
                    ""
                } else if j.speaker_right {
                    "spk ok"
                } else {
                    "spk X"
                },
                j.score,
                j.rule,
                j.content,
                j.speaker.as_deref().unwrap_or("-"),
            );
        }
    }
    if listing {
        for (doc, start) in &outcome.missed {
            println!("{doc:<13} MISSED {start}");
        }
    }
    let (precision, n) = outcome.precision_at(0.0).unwrap_or((0.0, 0));
    println!(
        "{part}: {} documents, {n} direct quotes suggested, precision {precision:.3}, right speaker {:.3}, recall {:.3} ({}/{} annotated quotes found)",
        names.len(),
        outcome.speaker_accuracy(),
        outcome.recall(),
        outcome.found,
        outcome.gold,
    );
    println!("min score | suggested | quote right | quote and speaker right");
    for min in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
        if let (Some((p, n)), Some((f, _))) =
            (outcome.precision_at(min), outcome.fully_right_at(min))
        {
            println!("{min:>9.1} | {n:>9} | {p:>11.3} | {f:.3}");
        }
    }
    println!("rule, speaker found by | suggested | quote and speaker right");
    let mut groups: Vec<String> = outcome.judged.iter().map(|j| j.group.clone()).collect();
    groups.sort();
    groups.dedup();
    for group in groups {
        let in_group: Vec<_> = outcome.judged.iter().filter(|j| j.group == group).collect();
        let right = in_group
            .iter()
            .filter(|j| j.quote_right && j.speaker_right)
            .count();
        println!("{group:<40} | {:>3} | {right}", in_group.len());
    }
    println!("score band | suggested | quote and speaker right");
    let mut bands: Vec<f32> = outcome.judged.iter().map(|j| j.score).collect();
    bands.sort_by(f32::total_cmp);
    bands.dedup();
    for band in bands {
        let in_band: Vec<_> = outcome.judged.iter().filter(|j| j.score == band).collect();
        let right = in_band
            .iter()
            .filter(|j| j.quote_right && j.speaker_right)
            .count();
        println!(
            "{band:>10.2} | {:>9} | {:.3}",
            in_band.len(),
            right as f64 / in_band.len() as f64
        );
    }
}

/// `cargo run --example quote_eval mentions NAME`: the entity mentions the speakers are chosen from.
#[allow(dead_code)]
fn print_mentions(name: &str) {
    let schema = gloss::storage::presets::preset("news").expect("the news preset exists");
    let raw = std::fs::read_to_string(quote_eval::data_dir().join(format!("{name}.txt"))).unwrap();
    let doc = gloss::model::Document::from_raw(gloss::model::DocId::new(name).unwrap(), name, &raw);
    let mut recommenders = gloss::suggest::Recommenders::standard();
    recommenders.set_enabled(gloss::suggest::tagger::NAME, false);
    let training = gloss::suggest::TrainingView::default();
    let chars: Vec<char> = doc.text.as_str().chars().collect();
    for s in gloss::suggest::suggest_with(&doc, &schema, None, &training, &recommenders, &[]) {
        if let gloss::suggest::SuggestionKind::Entity { span, label } = &s.kind {
            let text: String = chars[span.start..span.end].iter().collect();
            println!("{label:<8} {text}");
        }
    }
}

/// `cargo run --example quote_eval show NAME`: every quote suggestion (direct, indirect, mixed) with
/// all its content parts, cue, speaker and how it was found.
fn print_quotes(name: &str) {
    let schema = gloss::storage::presets::preset("news").expect("the news preset exists");
    let raw = std::fs::read_to_string(quote_eval::data_dir().join(format!("{name}.txt"))).unwrap();
    let doc = gloss::model::Document::from_raw(gloss::model::DocId::new(name).unwrap(), name, &raw);
    let mut recommenders = gloss::suggest::Recommenders::standard();
    recommenders.set_enabled(gloss::suggest::tagger::NAME, false);
    let training = gloss::suggest::TrainingView::default();
    let chars: Vec<char> = doc.text.as_str().chars().collect();
    let text_of = |s: gloss::model::CharSpan| -> String { chars[s.start..s.end].iter().collect() };
    for s in gloss::suggest::suggest_with(&doc, &schema, None, &training, &recommenders, &[]) {
        if let gloss::suggest::SuggestionKind::Quote {
            content,
            cue,
            speaker,
            quote_kind,
        } = &s.kind
        {
            println!(
                "{:.2} {} {:?} cue {:?} speaker {:?} ({})",
                s.score,
                s.rule,
                quote_kind,
                cue.map(text_of),
                speaker.as_ref().map(|sp| text_of(sp.span)),
                speaker.as_ref().map_or("-", |sp| sp.resolved_by.as_str()),
            );
            for part in content {
                let text: String = text_of(*part).chars().take(70).collect();
                println!("    | {text}");
            }
        }
    }
}
