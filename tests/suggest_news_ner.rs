//! The baseline with the shipped news model, on small texts written for the test: the examples of
//! issue 9 that the rules alone got wrong. Each test names what broke.
#![allow(clippy::unwrap_used)]

use gloss::model::{DocId, Document, LayerName, Project};
use gloss::suggest::{Recommenders, SuggestionKind, suggest_document};

/// (covered text, label) of the baseline's entity suggestions for one text, in text order.
fn entities(text: &str) -> Vec<(String, String)> {
    let mut project = Project::new("test", gloss::storage::presets::preset("news").unwrap());
    let id = DocId::new("doc").unwrap();
    project.add_document(Document::from_raw(id.clone(), "t", text));
    let recommenders = Recommenders::standard().only("baseline").unwrap();
    let layer = LayerName::new("alice").unwrap();
    let document = &project.documents()[0];
    suggest_document(&project, &id, &layer, &recommenders, &[])
        .iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Entity { span, label } => Some((
                document.text.slice(*span).unwrap().to_owned(),
                label.clone(),
            )),
            _ => None,
        })
        .collect()
}

fn has(found: &[(String, String)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l)| t == text && l == label)
}

fn labelled(found: &[(String, String)], text: &str) -> Option<String> {
    found
        .iter()
        .find(|(t, _)| t == text)
        .map(|(_, l)| l.clone())
}

#[test]
fn single_unknown_surnames_are_people() {
    let found = entities("Obama met Merkel in Berlin on Monday.");
    assert!(has(&found, "Obama", "PERSON"), "{found:?}");
    assert!(has(&found, "Merkel", "PERSON"), "{found:?}");
}

#[test]
fn new_york_is_a_place_not_a_person() {
    let found = entities("The mayor flew to New York for talks with investors.");
    assert!(has(&found, "New York", "GPE"), "{found:?}");
}

#[test]
fn los_angeles_is_a_place_not_a_person() {
    let found = entities("Fires spread across Los Angeles overnight, officials said.");
    assert!(has(&found, "Los Angeles", "GPE"), "{found:?}");
}

#[test]
fn sky_news_is_not_a_person() {
    let found = entities("The minister told Sky News that talks would resume.");
    assert_ne!(
        labelled(&found, "Sky News").as_deref(),
        Some("PERSON"),
        "{found:?}"
    );
}

#[test]
fn the_black_sea_is_not_a_person() {
    let found = entities("Ships crossed the Black Sea despite the storm.");
    assert_ne!(
        labelled(&found, "Black Sea").as_deref(),
        Some("PERSON"),
        "{found:?}"
    );
}

#[test]
fn a_military_title_stays_outside_the_name() {
    let found = entities(
        "Secretary-General Antonio Guterres called for a ceasefire. General Antonio Guterres spoke.",
    );
    assert!(has(&found, "Antonio Guterres", "PERSON"), "{found:?}");
    assert!(
        !found.iter().any(|(t, _)| t.starts_with("General")),
        "{found:?}"
    );
}

#[test]
fn single_word_companies_are_organisations() {
    let found = entities("Shares in Google and Facebook fell after Twitter reported a loss.");
    for company in ["Google", "Facebook", "Twitter"] {
        assert!(has(&found, company, "ORG"), "{company}: {found:?}");
    }
}

#[test]
fn single_word_places_are_places() {
    let found = entities("Floods hit Texas on Monday, and fighting continued near Herat.");
    assert!(has(&found, "Texas", "GPE"), "{found:?}");
    assert!(has(&found, "Herat", "GPE"), "{found:?}");
}

#[test]
fn dotted_abbreviations_keep_their_final_full_stop() {
    let found = entities("Officials in the U.S. said aid would arrive from Washington, D.C. soon.");
    assert!(has(&found, "U.S.", "GPE"), "{found:?}");
    assert!(found.iter().any(|(t, _)| t.ends_with("D.C.")), "{found:?}");
}

#[test]
fn hyphenated_given_names_stay_whole() {
    let found = entities("Lawmaker Wu Chi-wai was arrested in Hong Kong on Sunday.");
    assert!(has(&found, "Wu Chi-wai", "PERSON"), "{found:?}");
}

#[test]
fn an_organisation_does_not_run_into_the_next_name() {
    let found = entities(
        "\"This is a disgrace,\" said the chief executive of the Refugee Council Enver Solomon.",
    );
    assert!(has(&found, "Refugee Council", "ORG"), "{found:?}");
    assert!(has(&found, "Enver Solomon", "PERSON"), "{found:?}");
}

#[test]
fn the_rules_still_find_dates_and_nationalities_beside_the_model() {
    let found = entities("Serbian officials met Albanian leaders in Brussels on 4 March 2024.");
    assert!(has(&found, "Serbian", "NORP"), "{found:?}");
    assert!(has(&found, "Brussels", "GPE"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(t, l)| l == "DATE" && t.contains("March")),
        "{found:?}"
    );
}

/// Every entity suggestion's (text, label, rule, score) from one recommender.
fn scored(
    recommender: gloss::suggest::baseline::Baseline,
    text: &str,
) -> Vec<(String, String, String, f32)> {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let document = Document::from_raw(DocId::new("doc").unwrap(), "t", text);
    let mut recommenders = Recommenders::new();
    recommenders.push(Box::new(recommender));
    let training = gloss::suggest::TrainingView::default();
    gloss::suggest::suggest_with(&document, &schema, None, &training, &recommenders, &[])
        .into_iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Entity { span, label } => Some((
                document.text.slice(*span).unwrap().to_owned(),
                label.clone(),
                s.rule.clone(),
                s.score,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_shipped_models_entity_scores_are_its_calibration_of_the_raw_confidences() {
    use gloss::suggest::baseline::Baseline;
    use gloss::suggest::calibration::news_calibration;
    let text = "Prime Minister Albin Kurti met Serbian President Aleksandar Vucic in Brussels on \
                Monday, the European Union said. Obama met Merkel in Berlin. Herat and Texas \
                were mentioned by Google.";
    let raw = scored(Baseline::uncalibrated(), text);
    let calibrated = scored(Baseline::default(), text);
    assert_eq!(
        raw.len(),
        calibrated.len(),
        "calibration keeps every suggestion"
    );
    let mut mapped = 0;
    for ((text, label, rule, before), (text_after, label_after, _, after)) in
        raw.iter().zip(&calibrated)
    {
        assert_eq!((text, label), (text_after, label_after));
        match news_calibration().probability(label, rule, *before) {
            Some(p) => {
                assert_eq!(*after, p, "{text} ({label}, {rule}): raw {before}");
                mapped += 1;
            }
            // The rules' DATE and NORP have no calibration data: their scores stand.
            None => {
                assert!(!["PERSON", "ORG", "GPE", "LOC"].contains(&label.as_str()));
                assert_eq!(after, before, "{text} ({label})");
            }
        }
    }
    assert!(mapped >= 5, "{calibrated:?}");
    assert!(
        calibrated.iter().any(|(_, l, _, _)| l == "DATE"),
        "{calibrated:?}"
    );
}

#[test]
fn a_part_of_a_persons_full_name_alone_later_is_that_person() {
    let found = entities(
        "Army spokesman Weerachon Sukhondhapatipak spoke to reporters on Friday.\n\n\
         Weerachon expressed awareness of the gesture's origins.\n\n\
         The square, known as Nesf-e-Weerachon to some, was quiet.\n",
    );
    let alone = found
        .iter()
        .filter(|(t, l)| t == "Weerachon" && l == "PERSON")
        .count();
    assert_eq!(alone, 1, "{found:?}");
}

#[test]
fn a_part_of_a_persons_full_name_after_an_honorific_is_that_person() {
    let found = entities(
        "Tony Blair hailed the deal on Tuesday.\n\n\
         Mr Blair instead hailed Labour's achievement in using a strong economy.\n",
    );
    let blair = found
        .iter()
        .filter(|(t, l)| t == "Blair" && l == "PERSON")
        .count();
    assert_eq!(blair, 1, "{found:?}");
}

#[test]
fn a_generational_suffix_is_part_of_a_persons_name() {
    let found =
        entities("The lawyer Edward MacMahon Jr. said the trial would be held in Virginia.");
    assert!(has(&found, "Edward MacMahon Jr.", "PERSON"), "{found:?}");
}

#[test]
fn a_researchers_occupation_before_the_name_stays_outside_it() {
    let found = entities(
        "The study was published on Monday. Coauthor Axel Timmermann of the University of Hawaii \
         notes a further effect.",
    );
    assert!(has(&found, "Axel Timmermann", "PERSON"), "{found:?}");
    assert!(
        !found.iter().any(|(t, _)| t.starts_with("Coauthor")),
        "{found:?}"
    );
}

#[test]
fn an_abbreviated_title_after_another_title_is_no_person() {
    // "Dr." is a title even where the capitalised run ends at "Dr", before its full stop.
    let found = entities(
        "\"The industry needs new consumers,\" said WHO Director-General Dr. Margaret Chan on Monday.",
    );
    assert!(has(&found, "Margaret Chan", "PERSON"), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t == "Dr"), "{found:?}");
}

#[test]
fn russia_today_is_an_outlet_not_a_country_and_a_day() {
    let found = entities("Russia Today goes on to say these laws are popular.");
    assert!(has(&found, "Russia Today", "ORG"), "{found:?}");
    assert!(!has(&found, "Today", "DATE"), "{found:?}");
}

#[test]
fn military_and_civil_titles_written_short_are_no_people() {
    // The wire's ranks: "Maj. Gen.", "Brig. Gen.", "Adm.", "Lt.", "Gov." before a name.
    let found = entities(
        "\"No,\" said Maj. Gen. Bill Lee. \"Fine,\" said Brig. Gen. Tom Fox. \"It is like a \
         Greek tragedy,\" said retired Adm. Eugene Carroll. \"We will not,\" Gov. Jerry Brown \
         said. \"Over,\" said Lt. Gen. Mark Hertling.",
    );
    for person in [
        "Bill Lee",
        "Tom Fox",
        "Eugene Carroll",
        "Jerry Brown",
        "Mark Hertling",
    ] {
        assert!(has(&found, person, "PERSON"), "{person}: {found:?}");
    }
    for title in ["Maj", "Brig", "Adm", "Lt", "Gov", "Gen"] {
        assert!(!found.iter().any(|(t, _)| t == title), "{title}: {found:?}");
    }
}

#[test]
fn a_companys_suffix_as_the_wire_writes_it_makes_an_organisation() {
    let found = entities(
        "Eastman Kodak Co said today it would enter new markets. \"Kodak perceives that these \
         businesses will be its bread and butter,\" said Wertheim and Co analyst Michael Ellman. \
         Richard Schwarz, who follows Kodak for Smith Barney, Harris Upham and Co, disagreed.",
    );
    assert!(has(&found, "Eastman Kodak Co", "ORG"), "{found:?}");
    assert!(has(&found, "Wertheim and Co", "ORG"), "{found:?}");
    assert!(has(&found, "Harris Upham and Co", "ORG"), "{found:?}");
    assert!(has(&found, "Michael Ellman", "PERSON"), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t == "Co"), "{found:?}");
}

#[test]
fn a_partys_member_is_a_group_not_a_person() {
    let found = entities(
        "House Speaker James Wright spoke. \"No way,\" the Texas Democrat told reporters. \
         Republicans said they would wait.",
    );
    assert!(has(&found, "James Wright", "PERSON"), "{found:?}");
    for member in ["Democrat", "Republicans"] {
        assert!(!has(&found, member, "PERSON"), "{member}: {found:?}");
    }
}

#[test]
fn a_surnames_particle_belongs_to_the_name() {
    let found = entities(
        "Slightly more than half of this payment will be in cash, von Garlem said. \"Yes,\" said \
         van der Berg.",
    );
    assert!(has(&found, "von Garlem", "PERSON"), "{found:?}");
    assert!(has(&found, "van der Berg", "PERSON"), "{found:?}");
}

#[test]
fn a_company_named_with_its_legal_form_is_one_organisation_and_so_are_its_short_names() {
    let found = entities(
        "NEW YORK, March 19 - American Express Co said it and its Shearson Lehman Brothers Inc \
         subsidiary held talks with Nippon Life Insurance Co of Japan. American Express said \
         the talks were friendly. Shearson Lehman declined to comment. Coastal Corp raised its \
         payout. Coastal's outlets were profitable, Coastal Chairman Oscar Wyatt said. American \
         investors were pleased.",
    );
    for company in [
        "American Express Co",
        "Shearson Lehman Brothers Inc",
        "Nippon Life Insurance Co",
        "Coastal Corp",
    ] {
        assert!(has(&found, company, "ORG"), "{company}: {found:?}");
    }
    // Named again without the legal form, in full or by its first words.
    assert!(has(&found, "American Express", "ORG"), "{found:?}");
    assert!(has(&found, "Shearson Lehman", "ORG"), "{found:?}");
    assert_eq!(
        found
            .iter()
            .filter(|(t, l)| t == "Coastal" && l == "ORG")
            .count(),
        2,
        "{found:?}"
    );
    assert!(has(&found, "Oscar Wyatt", "PERSON"), "{found:?}");
    // A nationality alone stays a nationality.
    assert!(has(&found, "American", "NORP"), "{found:?}");
    assert!(!has(&found, "American", "ORG"), "{found:?}");
}

#[test]
fn a_name_read_across_a_companys_legal_form_keeps_the_person_after_it() {
    let found = entities(
        "\"The market is starting to show small signs of life,\" said the vice president of \
         Chrysler LLC Jim Press.",
    );
    assert!(has(&found, "Chrysler LLC", "ORG"), "{found:?}");
    assert!(has(&found, "Jim Press", "PERSON"), "{found:?}");
}

#[test]
fn a_possessive_ending_opens_no_name() {
    let found = entities(
        "\"All the goodies in this budget will be in place by the middle of May,\" Morgan \
         Grenfell's Bell said.",
    );
    assert!(!found.iter().any(|(t, _)| t.starts_with("'s")), "{found:?}");
    assert!(found.iter().any(|(t, _)| t == "Bell"), "{found:?}");
}

#[test]
fn the_department_after_a_titles_of_belongs_to_the_title() {
    let found = entities(
        "Asked by reporters, Deputy Under Secretary of Commerce Bruce Smart replied, \"That would \
         be the height of foolishness.\"",
    );
    // (The label is the model's, which reads this short sentence as an organisation's.)
    assert!(found.iter().any(|(t, _)| t == "Bruce Smart"), "{found:?}");
    assert!(
        !found.iter().any(|(t, _)| t.starts_with("Commerce")),
        "{found:?}"
    );
}

#[test]
fn a_generational_numeral_belongs_to_the_name_but_not_the_full_stop_after_it() {
    let found = entities(
        "\"It's disappointing to spend so much time on these negotiations and have them fail,\" \
         said FCS chairman Nicholas Gallo III.",
    );
    assert!(has(&found, "Nicholas Gallo III", "PERSON"), "{found:?}");
}

#[test]
fn an_attorney_general_and_a_state_written_short_are_no_legal_form() {
    let found = entities(
        "New York AG Letitia James sued the firm on Monday. The casino in Las Vegas NV closed.",
    );
    for wrong in ["New York AG", "Las Vegas NV"] {
        assert!(!has(&found, wrong, "ORG"), "{wrong}: {found:?}");
    }
}

#[test]
fn one_capitalised_word_after_the_is_no_person() {
    let found = entities(
        "NASA announced that the orbiter, Space Shuttle Enterprise would be relocated from the \
         Smithsonian's National Air and Space Museum Steven F. Udvar-Hazy Center.",
    );
    assert!(has(&found, "Smithsonian", "ORG"), "{found:?}");
    // Before a noun, a person's name modifies it.
    let found = entities(
        "Japanese reports suggested the Reagan administration might issue such bonds, as the \
         former Carter administration did.",
    );
    assert!(!has(&found, "Reagan", "ORG"), "{found:?}");
}

#[test]
fn a_surname_with_its_particle_opening_a_sentence_is_the_person() {
    let found = entities(
        "DSM chairman Hans van Liemt told journalists the firm was ready.\n\nVan Liemt would not \
         speculate on a possible market price.",
    );
    assert!(has(&found, "Hans van Liemt", "PERSON"), "{found:?}");
    assert!(has(&found, "Van Liemt", "PERSON"), "{found:?}");
}

#[test]
fn a_partnership_named_with_a_comma_and_its_legal_form_is_one_organisation() {
    let found = entities(
        "NEW YORK, April 9 - Goldman, Sachs and Co said it believes the executive did not \
         violate insider trading laws.",
    );
    assert!(has(&found, "Goldman, Sachs and Co", "ORG"), "{found:?}");
}

#[test]
fn a_name_before_a_comma_and_an_office_is_a_person() {
    let found = entities(
        "ZURICH, June 2 - The decision by Paul Volcker is a shock for financial markets, Hans \
         Mast, senior economic adviser to Credit Suisse First Boston, said.",
    );
    assert!(has(&found, "Hans Mast", "PERSON"), "{found:?}");
}

#[test]
fn a_name_after_a_title_is_that_person_wherever_the_name_stands() {
    let found = entities(
        "JAKARTA, Oct 20 - Oil supplies could be adjusted to take care of world demand, \
         Indonesian Energy Minister Subroto said.\n\nHe made no explicit reference to the Gulf.\
         \n\nSubroto, a member of Opec's three-man quota committee which has been touring cartel \
         members, said speculation may play havoc with spot prices.",
    );
    let subroto: Vec<&String> = found
        .iter()
        .filter(|(t, _)| t == "Subroto")
        .map(|(_, l)| l)
        .collect();
    assert_eq!(subroto, ["PERSON", "PERSON"], "{found:?}");
}

#[test]
fn a_surname_with_a_capitalised_particle_is_one_name() {
    let found = entities(
        "Aviation analyst Nick Van den Brul of BNP Paribas described the results as modest.",
    );
    assert!(has(&found, "Nick Van den Brul", "PERSON"), "{found:?}");
}

#[test]
fn a_group_named_by_its_number_is_no_person() {
    let found = entities(
        "However, one of the so-called Guildford Four, Gerry Conlon, said the families were delighted.",
    );
    assert_ne!(
        labelled(&found, "Guildford Four").as_deref(),
        Some("PERSON"),
        "{found:?}"
    );
    assert!(has(&found, "Gerry Conlon", "PERSON"), "{found:?}");
}

#[test]
fn an_office_alone_after_the_is_no_name() {
    let found = entities(
        "The Bishop of Durham, the Rt Rev Dr Tom Wright, called the novel lousy history. \
         Writing in the Northern Echo, the Bishop said it was fun. The Treasury said it would wait.",
    );
    assert_eq!(labelled(&found, "Bishop"), None, "{found:?}");
    assert_ne!(
        labelled(&found, "Treasury").as_deref(),
        Some("PERSON"),
        "{found:?}"
    );
    assert!(has(&found, "Tom Wright", "PERSON"), "{found:?}");
}
