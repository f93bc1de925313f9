//! Quote attribution, one pattern per test, on small texts written for the test. Names are marked
//! up (`[Kurti]{PERSON}`) and put in the layer, so that each test is about the quote rules and not
//! about finding names. Each suggestion names the rule that fired and how its speaker was found.
#![allow(clippy::unwrap_used)]

use gloss::model::{
    Annotation, AnnotationId, DocId, Document, Edit, Entity, LayerKey, LayerName, Project,
    Provenance, QuoteKind, Timestamp, markup,
};
use gloss::suggest::{Recommenders, SuggestionKind, suggest_document};

/// One suggested quote as the analyst reads it.
#[derive(Debug, PartialEq)]
struct Seen {
    /// The content, its parts joined by " / ".
    content: String,
    speaker: Option<String>,
    kind: QuoteKind,
    /// `rule` and the speaker's `resolved_by`, as the suggestion's explanation shows them.
    rule: String,
    resolved_by: Option<String>,
    score: f32,
}

/// The quote suggestions for a marked-up text whose names are already in the layer.
fn quotes(marked: &str) -> Vec<Seen> {
    let marked = markup::parse(marked).unwrap();
    let mut project = Project::new("test", gloss::storage::presets::preset("news").unwrap());
    let id = DocId::new("doc").unwrap();
    project.add_document(Document::from_raw(id.clone(), "t", &marked.text));
    let layer = LayerName::new("alice").unwrap();
    for (n, (span, label)) in marked.spans.iter().enumerate() {
        project
            .apply(&Edit::Add {
                key: LayerKey::new(id.clone(), layer.clone()),
                annotation: Annotation::Entity(Entity::new(
                    AnnotationId(n as u32 + 1),
                    *span,
                    gloss::model::Label::new(label),
                    Provenance::manual("alice", Timestamp::UNIX_EPOCH),
                )),
            })
            .unwrap();
    }
    let recommenders = Recommenders::standard().only("quotes").unwrap();
    let text = &project.documents()[0].text;
    suggest_document(&project, &id, &layer, &recommenders, &[])
        .into_iter()
        .filter_map(|s| match s.kind {
            SuggestionKind::Quote {
                content,
                speaker,
                quote_kind,
                ..
            } => Some(Seen {
                content: content
                    .iter()
                    .map(|c| text.slice(*c).unwrap())
                    .collect::<Vec<_>>()
                    .join(" / "),
                speaker: speaker
                    .as_ref()
                    .map(|sp| text.slice(sp.span).unwrap().to_owned()),
                kind: quote_kind,
                rule: s.rule,
                resolved_by: speaker.map(|sp| sp.resolved_by),
                score: s.score,
            }),
            _ => None,
        })
        .collect()
}

/// (content, speaker, rule) of the direct quotes.
fn direct(marked: &str) -> Vec<(String, Option<String>, String)> {
    quotes(marked)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.content, q.speaker, q.rule))
        .collect()
}

/// (speaker, rule) of each quote suggestion, in order.
fn speakers_and_rules(found: &[Seen]) -> Vec<(Option<&str>, &str)> {
    found
        .iter()
        .map(|q| (q.speaker.as_deref(), q.rule.as_str()))
        .collect()
}

/// The speaker of each of `direct`'s rows, in order.
fn speakers_of(found: &[(String, Option<String>, String)]) -> Vec<Option<&str>> {
    found
        .iter()
        .map(|(_, speaker, _)| speaker.as_deref())
        .collect()
}

fn row(content: &str, speaker: Option<&str>, rule: &str) -> (String, Option<String>, String) {
    (
        content.to_owned(),
        speaker.map(str::to_owned),
        rule.to_owned(),
    )
}

#[test]
fn a_paragraph_opening_with_a_quote_continues_the_previous_speaker() {
    let found = direct(
        "\"It would not have been possible,\" said Ambassador [Mohib]{PERSON}.\n\n\
         \"They represent our aspirations and resilience.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "It would not have been possible",
                Some("Mohib"),
                "direct:cue-after"
            ),
            row(
                "They represent our aspirations and resilience.",
                Some("Mohib"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn name_comma_title_comma_said_takes_the_name_not_the_organisation_in_the_title() {
    let found = direct(
        "\"Had it happened an hour later it would have been much worse,\" [Khaled Al-Maeena]{PERSON}, \
         editor at large at the [Saudi Gazette]{ORG}, said.\n\n\
         [Jeff Rathke]{PERSON}, the [State Department]{ORG} spokesperson, said, \"We urge the governments to act.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Had it happened an hour later it would have been much worse",
                Some("Khaled Al-Maeena"),
                "direct:cue-after"
            ),
            row(
                "We urge the governments to act.",
                Some("Jeff Rathke"),
                "direct:cue-before"
            ),
        ]
    );
    assert_eq!(quotes("[Jeff Rathke]{PERSON}, the [State Department]{ORG} spokesperson, said, \"We urge the governments to act.\"")[0].resolved_by.as_deref(), Some("appositive"));
}

#[test]
fn said_name_the_x_of_y_takes_the_name() {
    let found = direct(
        "\"We will not give up,\" said [Albin Kurti]{PERSON}, the prime minister of [Kosovo]{GPE}.",
    );
    assert_eq!(
        found,
        vec![row(
            "We will not give up",
            Some("Albin Kurti"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn according_to_name_attributes_a_quote_after_it() {
    let found =
        direct("\"The talks are over,\" according to [Josep Borrell]{PERSON}, who left early.");
    assert_eq!(
        found,
        vec![row(
            "The talks are over",
            Some("Josep Borrell"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn the_ministry_said_resolves_to_the_ministry_named_before() {
    let found = quotes(
        "The [Ministry of Foreign Affairs]{ORG} met envoys on Monday. \
         \"We expect an answer within days,\" the ministry said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Ministry of Foreign Affairs")
    );
    assert_eq!(found[0].resolved_by.as_deref(), Some("organisation"));
}

#[test]
fn the_company_said_goes_on_speaking_for_the_company_the_narration_had_speak() {
    // Not for the firm named last, and never for one named inside a quotation.
    let found = quotes(
        "[American Express Co]{ORG} said it held talks with [Nippon Life Insurance Co]{ORG} of \
         [Japan]{GPE}.\n\nThe company said, \"The talks went well.\"\n\n\"We believe \
         [Chrysler]{ORG}'s purchase is sound,\" the company said.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    for quote in &found {
        assert_eq!(
            quote.speaker.as_deref(),
            Some("American Express Co"),
            "{found:?}"
        );
        assert_eq!(quote.resolved_by.as_deref(), Some("organisation"));
    }
}

#[test]
fn the_company_said_takes_a_company_named_earlier_in_its_own_sentence() {
    let found = quotes(
        "[Singapore Airlines]{ORG} says it will be compensated.\n\nIn a statement on the \
         [Airbus]{ORG} website, the company said that \"the root cause is late wiring\".",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Airbus"));
}

#[test]
fn people_named_only_by_their_office_in_the_plural_are_nobody_named() {
    let found = direct(
        "But [McClure]{PERSON} said senators told him, \"There is no doubt dumping is going \
         on,\" based on invoices.\n\n[McClure]{PERSON} met the board of directors. \
         Analysts said \"the change is welcome.\"",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, None, "{found:?}");
    assert_eq!(found[1].1, None, "{found:?}");
    // An office in the plural after a preposition is not the cue's subject.
    let found = direct(
        "[Jobs]{PERSON} resigned in a letter to the board of directors stating, \"I have always \
         said I would be the first to let you know.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Jobs"), "{found:?}");
}

#[test]
fn a_pronoun_goes_on_with_the_one_the_same_pronoun_stood_for_in_the_sentence_before() {
    // Not the name the pronoun's earlier sentence reports on.
    let found = direct(
        "\"This budget is designed to please the markets,\" [Simmonds]{PERSON} said.\n\n\
         Pointing to buoyant retail data, he said [Lawson]{PERSON} had done well to resist \
         pressures. \"There is no real need to boost private consumption,\" he said.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("Simmonds"), "{found:?}");
    // Nor someone unnamed that the sentence where the pronoun speaks opens with.
    let found = direct(
        "But Financial Secretary [Piers Jacobs]{PERSON} said yesterday the criteria are \
         flexible.\n\nA high asset threshold has worked in favour of large economies, he \
         noted.\n\n\"No licences have been granted to banks from smaller countries,\" he said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Piers Jacobs"), "{found:?}");
}

#[test]
fn a_quote_going_on_from_a_sentence_opened_by_a_name_far_before_its_cue_is_that_persons() {
    // Not the name after the cue, which opens the reported clause.
    let found = direct(
        "[Conable]{PERSON} in a wide-ranging television interview to be shown tomorrow said \
         [Brazil]{GPE} now has the attention of its creditors.\n\n\"I think the Brazilians \
         must come up with a plan.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Conable"), "{found:?}");
}

#[test]
fn an_auxiliary_before_the_cue_keeps_the_appositive_subject() {
    let found = direct(
        "\"I guarantee you a strike,\" [Roman Gralewicz]{PERSON}, head of the union's Canadian \
         branch, has said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Roman Gralewicz"), "{found:?}");
    // People of a body, unnamed, opening the clause: nobody named speaks.
    let found = direct(
        "Representatives from the University of [Stirling]{GPE}, located in central \
         [Scotland]{GPE}, has said it is \"disappointed that the actions of a few are \
         tarnishing its reputation\".",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None, "{found:?}");
}

#[test]
fn someone_unnamed_of_a_place_is_nobody_named_not_the_place() {
    for text in [
        "A senior [U.S.]{GPE} official said: \"A major loophole has been closed today.\"",
        "\"A major loophole has been closed today,\" a senior [U.S.]{GPE} official said.",
        // The wire's capital after an abbreviation's full stop.
        "\"A major loophole has been closed today,\" a senior [U.S.]{GPE} Official here \
         commented.",
    ] {
        let found = direct(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, None, "{text}: {found:?}");
    }
}

#[test]
fn a_persons_aide_speaks_for_himself_unnamed() {
    let found = direct(
        "\"The EEP is pretty obviously one of the things they want to talk about,\" \
         [Lyng]{PERSON}'s aide said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None, "{found:?}");
}

#[test]
fn it_before_a_reported_clause_is_the_body_it_stands_for() {
    let found = direct(
        "The [FHLBB]{ORG} said Perpetual Savings Bank was put into receivership.\n\nIt said \
         the savings bank's insolvency \"was a direct result of losses on speculative \
         investments in real estate.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("FHLBB"), "{found:?}");
    // The "it" of a passive stands for nobody.
    let found = direct(
        "It is noted on the [Congressional Website]{ORG} that \"On 10/1/2008, the Senate \
         passed the bill as the vehicle for the rescue.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None, "{found:?}");
}

#[test]
fn a_name_then_a_body_and_an_office_of_several_words_before_the_cue_is_the_persons() {
    let found = direct(
        "\"We believe the use of reinforced plastics will grow,\" [A. William Reynolds]{PERSON}, \
         [GenCorp]{ORG} chairman and chief executive officer said as the reason for the plant.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1.as_deref(),
        Some("A. William Reynolds"),
        "{found:?}"
    );
}

#[test]
fn chairman_says_nothing_of_who_holds_the_office() {
    let found = direct(
        "\"I do not think a merger would help,\" [CFTC]{ORG} chairman [Susan Phillips]{PERSON} \
         told the subcommittee.\n\n\"I think what does solve our problems is working with \
         other agencies,\" she said.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("Susan Phillips"), "{found:?}");
}

#[test]
fn a_short_bracket_after_the_name_keeps_the_cue_after_the_quote() {
    let found = direct(
        "\"I'm from the state of Illinois, and we don't want to see that,\" Rep. \
         [Lane Evans]{PERSON} (D-Ill.) told a hearing of the House subcommittee.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Lane Evans"), "{found:?}");
    assert_eq!(found[0].2, "direct:cue-after", "{found:?}");
}

#[test]
fn a_person_at_or_with_a_firm_speaks_not_the_firm() {
    let found = direct(
        "Bank analyst [Michael Walsh]{PERSON} at [First Marathon Securities Ltd]{ORG} said one \
         bank \"wants to put the loans on a non-performing basis.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Michael Walsh"), "{found:?}");
}

#[test]
fn someone_unnamed_after_the_cue_or_opening_a_long_clause_is_nobody_named() {
    for text in [
        "\"Everybody is waiting for the talks,\" said a dealer at one [U.S.]{GPE} bank.",
        "\"Do not expect the problem to be resolved,\" said a senior [U.S.]{GPE} trade official.",
        "\"There is too much disagreement,\" said one [U.K.]{GPE} Merchant bank trader, \
         reflecting the general tone.",
        "\"Economic factors were balanced by political realities,\" an economist at one of the \
         main embassies here said.",
        "\"Toshiba's timing is most extraordinary,\" one official at the Department of Trade \
         and [Industry]{ORG} said.",
        "One dollar straight dealer at a [U.S. Securities]{ORG} house commented \"There was the \
         odd retail buyer today.\"",
    ] {
        let found = direct(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, None, "{text}: {found:?}");
    }
    // Named in apposition, the person speaks.
    let found = direct(
        "A member of the [Tunisian]{NORP} Parliament, [Samir Dilou]{PERSON} said, \"Tunisia is \
         facing terrorist attacks.\"",
    );
    assert_eq!(found[0].1.as_deref(), Some("Samir Dilou"), "{found:?}");
}

#[test]
fn a_person_of_a_firm_the_names_cut_at_an_initial_or_and_speaks() {
    // (The model read the firm's parts as people.)
    let found = direct(
        "\"The long range issue is who wins,\" analyst [Mark Stahlman]{PERSON} of Sanford C. \
         [Bernstein and Co]{ORG} said.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mark Stahlman"), "{found:?}");
    let found = direct(
        "\"Prices have gone up for memory components,\" analyst [Drew Peck]{PERSON} of \
         [Donaldson Lufkin]{PERSON} and [Jenrette]{PERSON} said.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Drew Peck"), "{found:?}");
}

#[test]
fn a_quote_opening_on_he_is_about_the_one_just_named_not_by_him() {
    let found = direct(
        "\"That could provoke retaliation,\" [Yeutter]{PERSON} said.\n\nPresident \
         [Reagan]{PERSON} has threatened retaliation eight times.\n\n\"He took these steps as a \
         last resort,\" he said.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("Yeutter"), "{found:?}");
}

#[test]
fn the_minister_said_resolves_to_the_person_with_that_title() {
    let found = quotes(
        "Foreign Minister [Ivica Dacic]{PERSON} met [Josep Borrell]{PERSON} in [Brussels]{GPE}. \
         \"Nothing was agreed,\" the minister said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ivica Dacic"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("role-noun"));
}

#[test]
fn the_role_noun_is_a_title_written_before_the_name_not_any_word_nearby() {
    let found = quotes(
        "Chancellor [Petra Lind]{PERSON} opened the session on Monday. The chancellor has yet to \
         meet [Jonas Berg]{PERSON}.\n\n\
         After the vote, the chancellor said this plan is to \
         \"cut the waiting lists for hip and knee operations before the end of spring\".\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // "chancellor" stands a few words before Jonas Berg, in a clause, not as his title.
    assert_eq!(found[0].speaker.as_deref(), Some("Petra Lind"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("role-noun"));
}

#[test]
fn a_place_before_a_noun_before_a_name_describes_the_person_who_speaks() {
    let found = quotes(
        "[Canada]{GPE} resident [Mira Holt]{PERSON}, a teacher whose pupils lost their school, \
         called the plan \"a disgrace\", adding to [CBC]{ORG}: \"Nobody asked the parents.\"\n\n\
         [Kenya]{GPE} hired [Jan Smit]{PERSON} as coach in March, adding: \"He knows our league \
         better than anyone.\"\n",
    );
    let speakers: Vec<_> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.speaker.as_deref())
        .collect();
    // "Canada resident" describes Mira Holt, who speaks; "hired" is a verb, so Kenya is the
    // subject and Jan Smit its object.
    assert_eq!(speakers, vec![Some("Mira Holt"), Some("Kenya")]);
}

#[test]
fn a_pronoun_after_a_quote_credited_to_a_role_noun_is_that_quotes_speaker() {
    let found = quotes(
        "Mayor [Tom Ruiz]{PERSON} opened the session. Councillor [Erik Berg]{PERSON} said he would \
         ask for more funds.\n\n\
         After the vote, the mayor said the aim is to \"rebuild the harbour wall before the \
         winter storms arrive\".\n\n\
         He added, saying, \"The town cannot wait another year.\"\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    // "He" continues the mayor, credited through "the mayor said", not Erik Berg, the name at the
    // cue before that.
    assert_eq!(speakers, vec![Some("Tom Ruiz"), Some("Tom Ruiz")]);
    assert_eq!(found[1].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn a_pronoun_in_the_narration_never_stands_for_a_name_inside_a_quotation() {
    let found = quotes(
        "[Omar Haddad]{PERSON} did not answer the question directly, stating \"We welcome every \
         visitor. Many [Greeks]{PERSON} work on our farms, in peace.\", and concluded that the \
         border would stay open.\n\n\
         Asked about the treaty, he replied, \"It will be signed in June by both governments.\"\n",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    // "Greeks" (a people the model may take for a name) is Haddad's word, not the narration's.
    assert_eq!(found[1].speaker.as_deref(), Some("Omar Haddad"));
    assert_eq!(found[1].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn the_one_a_cue_is_about_is_not_its_speaker() {
    let found = quotes(
        "[Lena Novak]{PERSON}, a farmer from the valley, spoke to the local paper on Friday, \
         saying about [Viktor Hale]{PERSON}: \"I trust him with the harbour.\"\n\n\
         A fisherman from the same village ended the interview saying about [Viktor Hale]{PERSON}: \
         \"He has never been out in a storm.\"\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    // Viktor Hale is talked about: the sentence's subject speaks, or nobody named.
    assert_eq!(speakers, vec![Some("Lena Novak"), None]);
}

#[test]
fn a_comma_after_an_exclamation_in_a_quote_keeps_the_cue_after_it() {
    let found = quotes(
        "\"The whole street was awake,\" said [Mira Lang]{PERSON}, a baker. \"The bridge shook \
         for a full minute! We all ran outside!,\" [Tomas Vik]{PERSON} wrote on the town's page, \
         referring to the old bridge.\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    // "!," does not end the sentence: "Tomas Vik wrote" is the second quotation's cue, not a
    // new sentence after a continuation of Mira Lang.
    assert_eq!(speakers, vec![Some("Mira Lang"), Some("Tomas Vik")]);
    assert_eq!(found[1].rule, "direct:cue-after");
}

#[test]
fn a_pronoun_after_a_cue_of_someone_unnamed_names_nobody() {
    let found = quotes(
        "The agency compared the leak with the [Kyshtym]{PERSON} disaster of 1957. A \
         spokesperson for the agency said the level had been raised this week. \"We have raised \
         the level to seven because the leaks have spread to the rivers,\" he said.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // "he" goes on with the unnamed spokesperson, not with a name the model found nearby.
    assert_eq!(found[0].speaker, None);
    assert_eq!(found[0].rule, "direct:cue-after");
}

#[test]
fn countered_and_retorted_are_cues() {
    let found = quotes(
        "[Rosa Aldana]{PERSON} countered that \"the figures were collected before the new law \
         came in\".\n\n\
         [Ivo Marek]{PERSON} retorted: \"Nobody in this room believes that.\"\n",
    );
    let seen = speakers_and_rules(&found);
    assert_eq!(
        seen,
        vec![
            (Some("Rosa Aldana"), "direct:cue-before"),
            (Some("Ivo Marek"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_cue_after_a_comma_and_and_starts_another_predicate() {
    let found = quotes(
        "[Lars Ek]{PERSON} spoke to the crowd for an hour, stating \"We will rebuild every house \
         in the valley.\", and concluded that the army would stay.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // "concluded" is Lars Ek's next predicate, not the cue of the quotation: "stating" is.
    assert_eq!(found[0].speaker.as_deref(), Some("Lars Ek"));
    assert_eq!(found[0].rule, "direct:cue-before");
}

#[test]
fn a_participle_after_a_dash_hangs_from_the_clause_before() {
    let found = quotes(
        "[Lars Ek]{PERSON} did not answer the question about [Norway]{GPE} - stating \"We will \
         rebuild every house in the valley.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // Norway ends the phrase before the dash; the clause's subject speaks.
    assert_eq!(found[0].speaker.as_deref(), Some("Lars Ek"));
}

#[test]
fn a_participle_after_an_introduced_quote_and_an_adverb_opens_the_next_part() {
    let found = quotes(
        "[Nadia Roth]{PERSON} described the dispute as a matter of money: \"The port has not been \
         paid for two years, and the workers know it,\" later adding that \"nobody in the ministry \
         has answered a single letter from us\".\n",
    );
    let seen = speakers_and_rules(&found);
    // "later adding" is the second part's cue; the first is introduced by the colon's sentence.
    assert_eq!(
        seen,
        vec![
            (Some("Nadia Roth"), "direct:introduced"),
            (Some("Nadia Roth"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_cue_after_and_in_an_introduction_is_the_opening_subjects() {
    let found = quotes(
        "[Eva Holm]{PERSON} then gave her opening address, turning to [Karl Brandt]{PERSON} and \
         stating:\n\n\
         \"Why did your ministry close the northern hospitals without a vote in parliament?\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // The one turned to listens; "stating" is Eva Holm's second predicate.
    assert_eq!(found[0].speaker.as_deref(), Some("Eva Holm"));
    assert_eq!(found[0].rule, "direct:introduced");
}

#[test]
fn a_pronoun_after_a_new_subject_sentence_takes_that_subject() {
    let found = direct(
        "[Kiara Perkins]{PERSON}, an art student, admitted she skipped class.\n\n\
         For [Kevin Allton]{PERSON}, an instructor, the show was a success. He said, \"It was the centre of the century.\"",
    );
    assert_eq!(
        found,
        vec![row(
            "It was the centre of the century.",
            Some("Kevin Allton"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn an_ap_style_quote_runs_over_paragraphs_until_one_closes_it() {
    let found = direct(
        "[Caitlin Boswell]{PERSON} said: \"People fleeing danger need quick decisions.\n\n\
         \"This move is clumsy and unthinking.\n\n\
         \"No one's right to refuge should be jeopardised.\"\n\nThe ministry did not reply.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "People fleeing danger need quick decisions. / This move is clumsy and unthinking. / \
             No one's right to refuge should be jeopardised.",
            Some("Caitlin Boswell"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_reopening_mark_of_paragraphs_a_copy_joined_into_one_line_starts_a_new_quote_by_the_same_speaker()
 {
    let found = direct(
        "[Ms Hewitt]{PERSON} said: \"We have already doubled the length of maternity pay. \
         \"We are going to extend the pay to nine months by 2007.\" She said more would follow.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "We have already doubled the length of maternity pay.",
                Some("Ms Hewitt"),
                "direct:cue-before"
            ),
            row(
                "We are going to extend the pay to nine months by 2007.",
                Some("Ms Hewitt"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn the_ap_wire_closing_mark_ends_a_quote_over_paragraphs() {
    let found = direct(
        "[Kurti]{PERSON} said: \"Accepting means signing.\n\n\"Only signing means accepting,'' he added.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0,
        "Accepting means signing. / Only signing means accepting"
    );
    assert_eq!(found[0].1.as_deref(), Some("Kurti"));
}

#[test]
fn a_quote_after_a_paragraph_ending_in_a_colon_is_introduced_by_it() {
    let found = direct(
        "US President [Barack Obama]{PERSON} tweeted using his account:\n\n\
         \"Cool clock, Ahmed. Want to bring it to the White House?\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "Cool clock, Ahmed. Want to bring it to the White House?",
            Some("Barack Obama"),
            "direct:introduced"
        )]
    );
}

#[test]
fn a_dash_after_the_quote_credits_the_name_after_it() {
    let found =
        direct("\"So far, it's the Internet: 1, Scientology: 0.\" - [Matthew Ingram]{PERSON}\n");
    assert_eq!(
        found,
        vec![row(
            "So far, it's the Internet: 1, Scientology: 0.",
            Some("Matthew Ingram"),
            "direct:dash-credit"
        )]
    );
}

#[test]
fn titles_headlines_names_and_scare_quotes_are_not_direct_quotes() {
    let found = direct(
        "[Kurti]{PERSON} called the deal \"a beacon of hope\" on Monday. The team named its robot \
         \"Better Idea of Afghan Girls,\" and the blog ran \"Anon declares war on Church of Scientology\" \
         as its headline. The ministry launched \"The Internet Explorer 6 Countdown\" and granted them \
         \"parole\" status.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn home_office_is_not_the_speaker_of_a_quote_by_yvette_cooper() {
    let found = direct(
        "Shadow Home Secretary [Yvette Cooper]{PERSON} said her party had backed the idea, and said it was \
         \"damning that the [Home Office]{ORG} isn't doing this already for safe countries\".",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Yvette Cooper"));
}

#[test]
fn a_capitalised_states_is_not_a_speech_verb() {
    let found = quotes(
        "Collections across the [United States]{GPE} also include Polaroids of \"unknowns\" who \
         have not yet had their fame.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn a_sentence_after_a_quote_is_not_its_cue() {
    let found = direct(
        "\"People are still intrigued by how stars live.\" [Wilkins]{PERSON} explained that Warhol collected head shots.",
    );
    assert!(
        found
            .iter()
            .all(|(_, speaker, rule)| rule != "direct:cue-after" || speaker.is_none()),
        "{found:?}"
    );
}

#[test]
fn a_quote_named_by_the_agent_of_a_participle_has_no_speaker() {
    let found = direct(
        "A leaked letter seen by [Sky News]{ORG} says \"failure to return the form may result in a claim being withdrawn\".",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None);
}

#[test]
fn every_quote_says_which_rule_fired_and_scores_below_one() {
    let found = quotes(
        "\"We will stay,\" [Kurti]{PERSON} said. \"We will talk.\" [Vucic]{PERSON} told reporters that \
         nothing was agreed.",
    );
    assert!(!found.is_empty());
    for q in &found {
        assert!(
            q.rule.starts_with("direct:") || q.rule.starts_with("indirect:"),
            "{q:?}"
        );
        assert!(q.score > 0.0 && q.score < 1.0, "{q:?}");
    }
}

#[test]
fn a_headline_cited_with_its_source_is_not_a_quote() {
    let found = direct(
        "Sources\n\n\"Sensitive government document found on rainy Ottawa street\" — [CBC.ca]{ORG}, August 15, 2008\n\n\
         \"Environment Canada security report found on street\" — [Toronto Star]{ORG}, August 15, 2008\n",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn an_opening_mark_with_its_space_slipped_after_a_comma_still_opens_a_quote() {
    let found = direct(
        "[Wilkins]{PERSON} said,\" Warhol liked the way photo booths and the front flash looked\". \
         She went on.",
    );
    assert_eq!(
        found,
        vec![row(
            "Warhol liked the way photo booths and the front flash looked",
            Some("Wilkins"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn described_as_before_a_long_quotation_is_a_cue_and_he_is_the_subject_before() {
    let found = quotes(
        "[Montalvo]{PERSON} was helped by former members. [Rathbun]{PERSON} requested donations on his blog. \
         He described [Montalvo]{PERSON} as an individual, \"facing prison for leaving a life of slavery to \
         get a taste of freedom.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Rathbun"));
    assert_eq!(found[0].rule, "direct:cue-before");
    assert_eq!(found[0].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn characterised_as_with_a_short_term_stays_a_scare_quote() {
    let found = direct("[Ingram]{PERSON} characterized the conflict as \"another skirmish\".");
    assert_eq!(found, vec![]);
}

#[test]
fn one_poster_writing_a_quote_is_a_quote_with_nobody_named() {
    let found = direct(
        "Critics of [Scientology]{ORG} were angry, with one poster writing \"How can people look at \
         both sides if one side is gone?\"",
    );
    assert_eq!(
        found,
        vec![row(
            "How can people look at both sides if one side is gone?",
            None,
            "direct:cue-before"
        )]
    );
}

#[test]
fn asked_after_a_question_is_a_cue() {
    let found = direct("\"Why did nobody warn us?\" asked [Maria Lopez]{PERSON}, a resident.");
    assert_eq!(
        found,
        vec![row(
            "Why did nobody warn us?",
            Some("Maria Lopez"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn the_name_after_wrote_that_is_what_was_written_not_who_wrote_it() {
    let found = direct(
        "Posts on the message board wrote that the [Scientology.org]{ORG} site was down.\n\n\
         \"How can people look at both sides if one side is gone?\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "How can people look at both sides if one side is gone?",
            None,
            "direct:no-cue"
        )]
    );
}

#[test]
fn the_owner_of_an_analysis_that_concluded_is_its_speaker() {
    let found = quotes(
        "[PC World]{ORG}'s recent analysis of its own traffic statistics concluded, \"Usually, the \
         browser is second after [Firefox]{ORG}.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("PC World"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("possessor"));
}

#[test]
fn a_participle_opening_the_sentence_before_a_colon_leaves_its_first_person_to_speak() {
    let found = quotes(
        "Writing in a blog post, [Matthew Ingram]{PERSON} of [The Globe and Mail]{ORG} dubbed the \
         conflict: \"Scientology against the Internet, part seventeen of a long war.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Matthew Ingram"));
    assert_eq!(found[0].rule, "direct:introduced");
    assert_eq!(found[0].resolved_by.as_deref(), Some("introduction"));
}

#[test]
fn the_analysts_own_boundary_of_a_speaker_is_kept_with_its_title() {
    // Titles are left out only of mentions suggested in the same run (see `speaker_name`); a
    // mention already in the layer is the analyst's choice.
    let found = direct(
        "On Wednesday, [Home Secretary Suella Braverman]{PERSON} told [GB News]{ORG}: \"It's clear \
         that we have an unsustainable situation.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Home Secretary Suella Braverman")
    );
}

#[test]
fn elaborated_is_a_cue() {
    let found = direct(
        "Speaking on Sunday, [Ana Ruiz]{PERSON} elaborated, \"The harbour will reopen next month \
         and the ferries will run again.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(found[0].2, "direct:cue-before");
}

#[test]
fn the_archbishop_said_stands_for_the_archbishop_named_before() {
    let found = quotes(
        "The bill was criticised by archbishop [Tomás Vega]{PERSON}. Speaking after the vote, the \
         archbishop said \"We will keep praying for those who suffer.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Tomás Vega"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("role-noun"));
}

#[test]
fn a_person_of_a_body_speaks_rather_than_the_body() {
    let found = quotes(
        "[Mira Das]{PERSON} of the [Tarpur]{ORG} assembly said \"The river has never been this high \
         in living memory.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Mira Das"));
}

#[test]
fn a_name_between_commas_after_a_title_is_the_speaker() {
    let found = quotes(
        "The mayor of the city, [Jana Novak]{PERSON}, tweeted: \"Thank you to everyone who helped \
         clear the streets tonight.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Jana Novak"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("adjacent"));
}

#[test]
fn the_person_a_report_quoted_as_saying_is_the_speaker_of_both_parts() {
    let found = quotes(
        "[The Courier]{ORG} quoted [Sam Reyes]{PERSON}, a former harbour master, as saying \"The \
         port was never ready for a storm like this\" and \"nobody in the town listened to any of the warnings.\"",
    );
    // The second part, in the same reported sentence, shares the first part's cue.
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].content,
        "The port was never ready for a storm like this / nobody in the town listened to any of \
         the warnings."
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Sam Reyes"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("quoted-as"));
}

#[test]
fn a_sentence_opening_participle_takes_the_subject_of_the_main_clause() {
    let found = quotes(
        "Saying \"the old rules failed many families\" at a rally in the capital on Sunday, \
         President [Lena Ortiz]{PERSON} added, \"We will change them this year.\"",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Lena Ortiz"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("participle"));
    assert_eq!(found[1].speaker.as_deref(), Some("Lena Ortiz"));
}

#[test]
fn a_trailing_participle_takes_the_subject_of_its_sentence() {
    let found = quotes(
        "[Omar Haddad]{PERSON} called on [Jordan]{GPE} and [Egypt]{GPE} to join the talks, adding \
         \"Every neighbour is welcome at this table.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Omar Haddad"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("participle"));
}

#[test]
fn a_trailing_participle_after_an_unnamed_subject_has_no_speaker() {
    // The agency the eyewitness spoke to is in a prepositional phrase: not the subject.
    let found = quotes(
        "An eyewitness described for news agency [Reuters]{ORG} how the fire spread, stating, \"I \
         saw the roof fall in within a minute.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker, None);
}

#[test]
fn after_a_colon_the_subject_speaks_not_the_first_person_named() {
    let found = quotes(
        "In a statement, the [Ministry of Health]{ORG} defended the closure, which was approved by \
         Governor [Paul Reed]{PERSON}, as temporary: \"The schools will reopen as soon as the \
         water is safe to drink.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ministry of Health"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("introduction"));
}

#[test]
fn after_a_colon_a_pronoun_subject_speaks_not_the_person_it_praises() {
    let found = quotes(
        "[Ruth Ade]{PERSON}, the party's leader, sent a letter on Monday. In her letter, she praised \
         [Kofi Mensah]{PERSON}'s career: \"He served this country with courage for forty years.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ruth Ade"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn he_said_after_an_endorsement_is_the_person_who_endorsed() {
    // The model took "Hale" alone for an organisation; "Maria Hale" names the person.
    let found = quotes(
        "[Maria Hale]{PERSON} left the race on Monday. The same day, [Hale]{ORG} endorsed her \
         former rival, [Tom Quist]{PERSON}. \"Two months ago,\" she said, \"I set out to win.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Hale"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn a_short_name_after_a_colon_that_the_sentence_goes_on_about_is_no_quote() {
    let found = quotes(
        "On Tuesday, the [World Health Organization]{ORG} announced the name of the disease: \
         \"COVID-19\" is to replace the temporary name.",
    );
    assert!(
        found.iter().all(|q| q.kind != QuoteKind::Direct),
        "{found:?}"
    );
}

#[test]
fn an_inverted_cue_between_two_parts_gives_both_parts_the_name_after_it() {
    let found = direct(
        "\"Under the old reading of the law,\" writes [Ada Lind]{PERSON}, \"a senator had to be \
         born in the state.\"\n\n\
         \"The court can rest easy\", [Ada Lind]{PERSON} opines, \"since nobody will appeal.\"",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Under the old reading of the law / a senator had to be born in the state.",
                Some("Ada Lind"),
                "direct:cue-after"
            ),
            row(
                "The court can rest easy / since nobody will appeal.",
                Some("Ada Lind"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn exclaimed_is_a_cue_so_a_quote_after_another_persons_is_not_continued() {
    let found = direct(
        "[Paul Rees]{PERSON} said, \"You will lose this vote.\" As he went on, \
         [Mara Holt]{PERSON} exclaimed, \"Mr. Rees, I am speaking.\"\n\n\
         In an email to supporters, [Mara Holt]{PERSON} exclaimed: \"We are on the ballot!\"",
    );
    assert_eq!(
        found,
        vec![
            row(
                "You will lose this vote.",
                Some("Paul Rees"),
                "direct:cue-before"
            ),
            row(
                "Mr. Rees, I am speaking.",
                Some("Mara Holt"),
                "direct:cue-before"
            ),
            row(
                "We are on the ballot!",
                Some("Mara Holt"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_participle_cue_after_a_comma_takes_the_subject_of_the_sentence_not_a_name_before_a_comma() {
    let found = quotes(
        "Former minister [Lena Brandt]{PERSON} gave the main speech on the first night, urging \
         viewers, \"we have to vote as if our lives depend on it.\"\n\n\
         [Omar Dahl]{PERSON} made a strange remark about the group [Iron Guard]{ORG}, when asked \
         to condemn them, stating \"hold back and hold on\" but argued the [Red Front]{ORG} was \
         the danger.\n\n\
         The [Holt]{PERSON} campaign criticized the refusal, accusing the mayor of \
         \"not wanting to face questions from the voters about his failures on housing.\"",
    );
    let speakers: Vec<_> = found
        .iter()
        .map(|q| (q.speaker.as_deref(), q.resolved_by.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        vec![
            (Some("Lena Brandt"), Some("participle")),
            (Some("Omar Dahl"), Some("participle")),
            (Some("Holt"), Some("participle")),
        ],
        "{found:?}"
    );
}

#[test]
fn an_organisations_notice_that_alleged_or_claimed_is_the_organisations_words() {
    let found = direct(
        "The [IFPA]{ORG}'s DMCA notice alleged the tool's purpose was to \"get around the \
         protection measures used by the streaming services\" and \"copy and share the recordings \
         of our member labels without any permission\". Citing a test, the [IFPA]{ORG}'s take-down \
         notice claimed \"comments in the source code make clear that the tool is meant for \
         copying.\"",
    );
    assert_eq!(
        found,
        vec![
            row(
                "get around the protection measures used by the streaming services / copy and \
                 share the recordings of our member labels without any permission",
                Some("IFPA"),
                "direct:reported"
            ),
            row(
                "comments in the source code make clear that the tool is meant for copying.",
                Some("IFPA"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_long_quoted_stretch_in_a_reported_sentence_is_the_reporters_subjects_words() {
    let found = quotes(
        "[Joan Price]{PERSON} spoke in [Dover]{GPE}. She argued that if the bill passes, \
         \"these floods will become more common every single year.\"",
    );
    let reported: Vec<_> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(reported.len(), 1, "{found:?}");
    assert_eq!(reported[0].speaker.as_deref(), Some("Joan Price"));
    assert_eq!(reported[0].rule, "direct:reported");
    // Several people speaking as "they" are no one speaker.
    let found = direct(
        "Ministers of [Greece]{GPE} and [Cyprus]{GPE} met in [Cairo]{GPE}. They concluded that \
         the pipeline deal between the two other countries \"breaks the rights of third states and \
         cannot have any legal effect\".",
    );
    assert_eq!(
        found,
        vec![row(
            "breaks the rights of third states and cannot have any legal effect",
            None,
            "direct:reported"
        )]
    );
}

#[test]
fn a_quote_continuing_a_pronoun_attributed_one_keeps_its_speaker() {
    let found = direct(
        "\"The war is theirs, not ours\", said [Jo Park]{PERSON}. \"We should stay out.\"\n\n\
         [Don Reyes]{PERSON} concurred: \"We need to stop policing the world\", he argued. \"We \
         need to bring the troops home from all but a few countries.\"",
    );
    let speakers = speakers_of(&found);
    assert_eq!(
        speakers,
        vec![
            Some("Jo Park"),
            Some("Jo Park"),
            Some("Don Reyes"),
            Some("Don Reyes")
        ],
        "{found:?}"
    );
}

#[test]
fn and_then_declared_takes_the_subject_of_the_first_verb_not_the_name_before_and() {
    let found = quotes(
        "Professor [Ines Kamp]{PERSON} of [Leiden]{ORG} asked whether [Utrecht]{GPE} was part of \
         the [EU]{ORG} and then declared \"that is the whole legal analysis.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ines Kamp"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("coordinated"));
}

#[test]
fn a_slogan_or_label_the_sentence_goes_on_about_is_no_quote() {
    let found = quotes(
        "Unrest continued in [Portland]{GPE}. \"Law and order\" was a common theme at the \
         convention.\n\n\
         The tests include videos with no age limit, \"offensive to some audiences\" per \
         [YouTube]{ORG} rules, and short clips.",
    );
    assert!(
        found.iter().all(|q| q.kind != QuoteKind::Direct),
        "{found:?}"
    );
}

#[test]
fn after_a_colon_a_name_inside_the_quotation_does_not_introduce_it() {
    let found = quotes(
        "Article 2 sets the qualification for the office: \"No Person except a natural born \
         [Citizen]{PERSON} shall be eligible to the Office.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker, None);
}

#[test]
fn an_organisations_chairman_named_after_it_speaks_rather_than_the_organisation() {
    let found = quotes(
        "[NPP]{ORG} chairman [Mark Robb]{PERSON} repeats this view in blog comments: \"It is the \
         party's position that visitors are not under its jurisdiction.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Mark Robb"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("introduction"));
}

#[test]
fn a_place_right_before_a_participle_cue_is_not_the_speaker() {
    // The sentence has a person subject: the participle hangs from its verb.
    let found = quotes(
        "After the vote, [Ana Ruiz]{PERSON} spoke to supporters at a hall outside [Porto]{GPE}, \
         [Gaia]{ORG} saying, \"We will count every ballot before we say anything more.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("participle"));
    // No subject to hang from: nobody named, rather than the place.
    let found = quotes(
        "A banner was hung over the gate of the depot in [Gaia]{ORG} saying \"No more cuts to the \
         night buses this winter.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker, None, "{found:?}");
    // "with the ministry saying": the organisation is the participle's own subject.
    let found = quotes(
        "The talks ended early, with the [Ministry of Health]{ORG} saying \"the figures will be \
         published on Monday as planned.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ministry of Health"));
}

#[test]
fn a_possessor_before_the_named_head_after_a_cue_is_not_the_speaker() {
    let found = direct(
        "\"We trained together for ten years,\" writes [Kurti]{PERSON}'s longtime doubles \
         partner [Mila Novak]{PERSON} on her blog. \"I will miss him every day.\"",
    );
    assert_eq!(
        found,
        vec![
            row(
                "We trained together for ten years",
                Some("Mila Novak"),
                "direct:cue-after"
            ),
            row(
                "I will miss him every day.",
                Some("Mila Novak"),
                "direct:continuation"
            ),
        ]
    );
    // With no name after it, the possessor is still the one the phrase points at.
    let found =
        direct("\"The factory stays open,\" said [Norsk Steel]{ORG}'s spokesman on Tuesday.");
    assert_eq!(found[0].1.as_deref(), Some("Norsk Steel"), "{found:?}");
}

#[test]
fn an_organisations_press_release_speaks_for_the_organisation() {
    // The name not found at this place: the organisation's earlier mention of the same name.
    let found = quotes(
        "[NWA]{ORG} announced the event in May.\n\n\
         \"The show will go on as planned,\" reads an NWA press release, \"with every match \
         on the card.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("NWA"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("organisation"));
    // Before the cue, the name found in place.
    let found = quotes(
        "The [Tallinn Port Authority]{ORG} statement says \"all ferries will sail again on \
         Friday morning.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Tallinn Port Authority"));
}

#[test]
fn states_as_a_plural_noun_is_no_cue() {
    let found = quotes(
        "[Kurti]{PERSON} spoke about the border. Trade between the two other states \"has fallen \
         by half since the war began and will not recover soon.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "direct:no-cue", "{found:?}");
    let found = quotes(
        "Talks resumed. The Baltic states \"will act together on energy from now on,\" the \
         communique went on.",
    );
    assert!(
        found.iter().all(|q| q.rule != "direct:cue-before"),
        "{found:?}"
    );
}

#[test]
fn states_after_a_law_a_document_or_a_name_is_a_cue() {
    for text in [
        "The law states \"no station shall broadcast without a franchise from the Congress.\"",
        "Republic Act No. 9021 states \"no station shall broadcast without a franchise.\"",
        "\"No station shall broadcast without a franchise,\" states the law.",
        "[Ana Ruiz]{PERSON} states \"the law leaves no room for doubt on this point.\"",
        "The [Department]{ORG} of Fisheries notes \"stocks have recovered in the north.\"",
    ] {
        let found = quotes(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_ne!(found[0].rule, "direct:no-cue", "{text}: {found:?}");
    }
}

#[test]
fn a_quotation_ending_its_sentence_keeps_its_own_cue_before_it() {
    let found = quotes(
        "[Ana Ruiz]{PERSON} tweeted \"The bridge will open in May.\" [Marko Petrović]{PERSON} \
         remarked, \"It is a good day for the town.\"",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ana Ruiz"), "{found:?}");
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Marko Petrović"),
        "{found:?}"
    );
}

#[test]
fn a_long_title_before_the_name_does_not_push_the_cue_out_of_reach() {
    let found = quotes(
        "\"The search is over,\" Deputy Regional Emergency Situations Minister [Oleg Varga]{PERSON} \
         told reporters.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "direct:cue-after", "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Oleg Varga"), "{found:?}");
}

#[test]
fn telling_is_a_cue() {
    let found = quotes(
        "[Lena Ohr]{PERSON} spoke on Monday, telling [Reuters]{ORG} the firm \"will appeal the \
         ruling in every court it can.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "direct:cue-before", "{found:?}");
}

#[test]
fn according_to_reaches_the_name_at_the_end_of_a_long_title() {
    let found = quotes(
        "\"The airline carries weapons,\" according to a post on Monday by the [EU]{ORG} Trade \
         Commissioner [Ana Ruiz]{PERSON}.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ana Ruiz"), "{found:?}");
}

#[test]
fn a_comma_inside_an_organisations_name_before_a_possessive_does_not_end_the_subject() {
    let found = quotes(
        "\"He taught us all,\" said [University of Texas]{ORG}, El Paso's provost, [Maria \
         Lind]{PERSON}.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Maria Lind"), "{found:?}");
}

#[test]
fn an_adverb_between_an_appositive_and_its_cue_keeps_the_appositive() {
    let found = quotes(
        "A local councillor, [Jill Tolles]{PERSON}, also commented on the vote: \"It is a good \
         day for the town and for everyone in it.\"",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Jill Tolles"),
        "{found:?}"
    );
}

#[test]
fn a_short_whole_sentence_after_told_and_its_object_is_a_quote() {
    let found = quotes("[Ana Ruiz]{PERSON} told the court \"Basic checks were not done.\"");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "direct:cue-before", "{found:?}");
    // A short term in quotation marks after a cue's object stays a term.
    assert!(quotes("[Ana Ruiz]{PERSON} told the court \"basic checks\" were skipped.").is_empty());
}

#[test]
fn the_one_told_is_a_listener_never_the_speaker() {
    let found =
        direct("One MP told the [BBC]{ORG}, \"We know the vote was close and it still is.\"\n");
    assert_eq!(
        found,
        vec![row(
            "We know the vote was close and it still is.",
            None,
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_role_after_the_cue_then_a_name_in_apposition_gives_the_name() {
    let found = direct(
        "\"This day is very hard for me,\" said his father, [Abdullah Kurdi]{PERSON}, after the \
         ceremony. \"It is people with good heart in this organisation.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "This day is very hard for me",
                Some("Abdullah Kurdi"),
                "direct:cue-after"
            ),
            row(
                "It is people with good heart in this organisation.",
                Some("Abdullah Kurdi"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn words_on_a_banner_or_a_sign_are_no_quote() {
    let found = direct(
        "Protesters with flags and a banner from [People's Vote]{ORG} saying \"put it to the \
         people\". Image: Jane Doe.\n\n\
         People holding a banner saying \"united in diversity\". Image: John Roe.\n",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn observed_and_recalls_are_cues() {
    let found = direct(
        "\"Back when I was going as a fan, there was less anime,\" [Tipton]{PERSON} observed \
         during a session.\n\n\
         [Emma Caufield]{PERSON} talked of being cast in a pilot. \"It was a good day,\" she \
         recalls.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Back when I was going as a fan, there was less anime",
                Some("Tipton"),
                "direct:cue-after"
            ),
            row(
                "It was a good day",
                Some("Emma Caufield"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn a_quoted_sentence_with_no_cue_after_a_sentence_about_a_person_is_that_persons() {
    let found = direct(
        "[John Rhys-Davies]{PERSON} broke news when he revealed that a reboot is being \
         considered. \"Jerry and I are talking to NBC at the moment.\"\n\n\
         The plan was made public on Monday. \"Nobody knows who owns the rights.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Jerry and I are talking to NBC at the moment.",
                Some("John Rhys-Davies"),
                "direct:continuation"
            ),
            row("Nobody knows who owns the rights.", None, "direct:no-cue"),
        ]
    );
}

#[test]
fn a_participle_after_a_quotations_comma_opens_the_next_part_not_this_ones_cue() {
    let found = direct(
        "[Marcelo Ebrard]{PERSON} said, \"As far as I know, this would be the first case,\" \
         adding, \"For Mexico, this man is a terrorist.\"\n",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0],
        row(
            "As far as I know, this would be the first case",
            Some("Marcelo Ebrard"),
            "direct:cue-before"
        )
    );
    assert_eq!(found[1].1.as_deref(), Some("Marcelo Ebrard"));
}

#[test]
fn a_bracketed_acronym_between_a_name_and_its_cue_is_passed_over() {
    let found = direct(
        "[Mike Ryan]{PERSON} of the [World Health Organization]{ORG} (WHO) told the press the \
         new drugs were only part of the solution: \"What will stop Ebola is good surveillance.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "What will stop Ebola is good surveillance.",
            Some("Mike Ryan"),
            "direct:introduced"
        )]
    );
}

#[test]
fn a_person_of_a_described_body_before_the_cue_speaks() {
    let found = direct(
        "To this, [Peter Iseley]{PERSON} of worldwide victim group [Ending Clergy Abuse]{ORG} \
         said, \"The church should establish the law for reporting.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The church should establish the law for reporting.",
            Some("Peter Iseley"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_person_whose_name_ends_in_a_hyphenated_particle_of_a_country_speaks() {
    let found = direct(
        "At the summit, AU chairperson President [Abdel Fattah]{PERSON} el-Sisi of \
         [Egypt]{GPE} said, \"The success of the agreement will be the real test.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The success of the agreement will be the real test.",
            Some("Abdel Fattah"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn read_is_a_cue_when_the_words_read_follow_it() {
    let found = direct(
        "[Stardom]{ORG}'s official statement yesterday read \"We are very sorry to report this \
         loss.\"\n\n\
         The governor, [Alexander Moor]{PERSON}, during his message read out on Friday, offered \
         a plan: \"Now the annual volume of our exports must grow.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "We are very sorry to report this loss.",
                Some("Stardom"),
                "direct:cue-before"
            ),
            row(
                "Now the annual volume of our exports must grow.",
                Some("Alexander Moor"),
                "direct:introduced"
            ),
        ]
    );
}

#[test]
fn pointed_out_is_a_cue() {
    let found = direct(
        "In her defence, [Maria Lindqvist]{PERSON} pointed out she had \"given up every post I \
         held and lived as a private citizen.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "given up every post I held and lived as a private citizen.",
            Some("Maria Lindqvist"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_nationality_before_an_office_and_a_name_is_no_speaker_the_person_is() {
    let found = direct(
        "[Chilean]{NORP} President [Rosa Aguilar]{PERSON} rejected the proposal: \"Nobody will \
         decide the future of our forests without us.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "Nobody will decide the future of our forests without us.",
            Some("Rosa Aguilar"),
            "direct:introduced"
        )]
    );
}

#[test]
fn a_cue_in_an_aside_between_dashes_is_not_the_quotations() {
    let found = direct(
        "Council leader [Hanna Berg]{PERSON} commented on the plan — which [The Herald]{ORG} \
         noted was a rare step for a leader — \"Whatever it is called, the aim is to stop the \
         council from doing its work.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "Whatever it is called, the aim is to stop the council from doing its work.",
            Some("Hanna Berg"),
            "direct:reported"
        )]
    );
}

#[test]
fn the_outlet_a_report_is_according_to_is_not_the_speaker() {
    // An unnamed spokesman: nobody named speaks, and the outlet is only the source.
    let found = direct(
        "According to [Radio Nord]{ORG}, a spokesman for the ministry expressed regret and an \
         intention to appeal; \"The ministry needs a clear plan. Closing the schools is the lawful \
         way of getting one.\"\n\n\
         According to [Radio Nord]{ORG}, [Lena Holm]{PERSON} expressed regret and hope at once; \
         \"We lost this round, but the case is far from over for any of us.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "The ministry needs a clear plan. Closing the schools is the lawful way of \
                 getting one.",
                None,
                "direct:reported"
            ),
            row(
                "We lost this round, but the case is far from over for any of us.",
                Some("Lena Holm"),
                "direct:reported"
            ),
        ]
    );
}

#[test]
fn a_name_with_a_verb_of_its_own_before_the_cue_does_not_speak() {
    let found = direct(
        "Some of the farmers [The Courier]{ORG} interviewed said they had come to \"protect their \
         land and the work of three generations\".\n",
    );
    assert_eq!(
        found,
        vec![row(
            "protect their land and the work of three generations",
            None,
            "direct:cue-before"
        )]
    );
}

#[test]
fn shouted_words_are_quotes_and_words_on_signs_that_read_are_not() {
    let found = direct(
        "Members of the [Assembly]{ORG} protested by shouting \"shame on you!\" and holding \
         signs which read \"muzzled\" during the last sitting.\n",
    );
    assert_eq!(found, vec![row("shame on you!", None, "direct:cue-before")]);
}

#[test]
fn a_quote_with_no_cue_goes_on_from_an_earlier_attributed_quote_in_its_paragraph() {
    let found = direct(
        "[Nora Ellis]{PERSON} spoke about her first film.\n\n\
         Tired of the part, she left after one season. \"This was not why I became an actor. \
         I asked them for a stand-in\" to take her place on the set, which was high up. \"They \
         could have filmed a coat on a chair and nobody would have known.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "This was not why I became an actor. I asked them for a stand-in",
                Some("Nora Ellis"),
                "direct:continuation"
            ),
            row(
                "They could have filmed a coat on a chair and nobody would have known.",
                Some("Nora Ellis"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn she_is_never_a_man_the_text_calls_he() {
    let found = direct(
        "[Tom Reyes]{PERSON} met [Ana Duarte]{PERSON} at the station.\n\n\
         Later [Reyes]{PERSON} denied the meeting, but he changed his story twice. She told \
         reporters, \"He lied to the court.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "He lied to the court.",
            Some("Ana Duarte"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_given_name_tells_she_from_he_where_the_text_shows_neither() {
    let found = direct(
        "[Peter Barnes]{PERSON} sat beside [Margaret Drabble]{PERSON} at the festival on \
         Sunday.\n\n\
         \"It took me five years to finish the book,\" she said.\n\n\
         \"I read it in a night,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "It took me five years to finish the book",
                Some("Margaret Drabble"),
                "direct:cue-after"
            ),
            row(
                "I read it in a night",
                Some("Peter Barnes"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn what_the_text_shows_outweighs_what_a_given_name_suggests() {
    // "Yasmeen" is a woman's name on the shipped list; the text calls this Yasmeen "he".
    let found = direct(
        "[Yasmeen Afdhal]{PERSON}, who says he works at the market, met [Sara \
         Khalil]{PERSON} there.\n\n\
         \"The walls collapsed,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The walls collapsed",
            Some("Yasmeen Afdhal"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_pronoun_opening_a_subordinate_clause_does_not_make_its_sentence_someone_elses() {
    let found = direct(
        "[Dr Ellis]{PERSON} accused the minister of lying. \"It is fear and smear,\" he told \
         the BBC. The co-chairman attacked the pledges and said [Tom Reid]{PERSON} was worried. \
         [Ellis]{PERSON} refused to discuss reports that the party had repaid a donor after he \
         said the party could not win. \"We repay loans when they are due,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![
            row("It is fear and smear", Some("Dr Ellis"), "direct:cue-after"),
            row(
                "We repay loans when they are due",
                Some("Ellis"),
                "direct:cue-after"
            )
        ]
    );
}

#[test]
fn an_aside_between_dashes_before_the_cue_is_not_its_subject() {
    let found = direct(
        "[Mr Blair]{PERSON} said: \"I am very sorry for their ordeal.\"\n\n\
         One of the four, [Gerry Conlon]{PERSON} - who was wrongly convicted of planting the \
         bombs - said the families were delighted. He said [Mr Blair]{PERSON} had spoken with \
         \"such sincerity\", adding: \"He went beyond what we thought he would.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "I am very sorry for their ordeal.",
                Some("Mr Blair"),
                "direct:cue-before"
            ),
            row(
                "He went beyond what we thought he would.",
                Some("Gerry Conlon"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_pronoun_with_no_one_named_within_reach_goes_back_to_a_subject_not_the_last_name() {
    let found = direct(
        "[Mr Balls]{PERSON}, who stepped down from his post, had suggested that [Mr \
         Brown]{PERSON} would meet his rule. He said he hoped more would be done.\n\n\
         He also stressed that rates would not matter. Expectations have gathered pace. Prices \
         are rising. Consumer borrowing rose in January. \"I do not believe this will be an \
         issue,\" he told a lunch.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "I do not believe this will be an issue",
            Some("Mr Balls"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn the_agent_of_a_passive_whose_subject_is_no_person_is_the_one_its_sentence_brings_in() {
    let found = direct(
        "[Moqtada al-Sadr]{PERSON} called for calm. Helicopters launched airstrikes on Friday. \
         This move was criticized by [Nassar al-Rubaie]{PERSON}, a member of Parliament. \"We \
         condemn the airstrikes,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We condemn the airstrikes",
            Some("Nassar al-Rubaie"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_person_named_with_a_title_after_a_described_office_speaks() {
    let found = direct(
        "The pair face bans. \"A decision is expected by mid-March,\" said one of their \
         lawyers, [Michalis Dimitrakopoulos]{PERSON}.\n\n\
         The QCA backed the diploma. \"Any partial plan would harm it,\" said its chairman, Sir \
         [Anthony Greener]{PERSON}.\n\n\
         \"It will be a tragedy,\" said the chairman of the [Commons]{ORG} education select \
         committee, [Labour]{ORG} MP [Barry Sheerman]{PERSON}.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "A decision is expected by mid-March",
                Some("Michalis Dimitrakopoulos"),
                "direct:cue-after"
            ),
            row(
                "Any partial plan would harm it",
                Some("Anthony Greener"),
                "direct:cue-after"
            ),
            row(
                "It will be a tragedy",
                Some("Barry Sheerman"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn a_pronoun_after_narration_ending_in_a_cue_and_a_name_is_that_persons() {
    let found = direct(
        "The system could mature as electricity did, said [Warren Buffett]{PERSON}'s deputy \
         [Charlie Munger]{PERSON}. \"Why build your own grid?\" he asked.\n\n\
         It was no good [Mr Reid]{PERSON} claiming the pledges were final, argued [Mr \
         Howard]{PERSON}. Pointing to tax, he added: \"Everyone knows tax will go up.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Why build your own grid?",
                Some("Charlie Munger"),
                "direct:cue-after"
            ),
            row(
                "Everyone knows tax will go up.",
                Some("Mr Howard"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_prize_winner_after_the_is_the_person_named_before_not_the_prize() {
    let found = direct(
        "[Tom Hanks]{PERSON} arrived in the square. [Hanks]{PERSON} said the film has a message. \
         \"Christmas is a special time,\" added the two-time [Academy Award]{ORG} winner.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "Christmas is a special time",
            Some("Hanks"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_name_qualifying_the_office_of_the_next_is_not_the_one_an_epithet_stands_for() {
    let found = direct(
        "[Double Olympic]{PERSON} champion [Hicham El Guerrouj]{PERSON} may run in \
         France.\n\n\
         \"If I am to compete, it is only if I can win,\" said the 30-year-old.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "If I am to compete, it is only if I can win",
            Some("Hicham El Guerrouj"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_bodys_noun_before_a_which_clause_is_the_body_named_before() {
    let found = direct(
        "[Umbro]{ORG} reported its first results since listing in London.\n\n\
         The firm, which is to receive a payment of 24.5m, said: \"We are appraising a number \
         of opportunities.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We are appraising a number of opportunities.",
            Some("Umbro"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn the_agents_of_a_passive_are_not_the_subject_a_pronoun_stands_for() {
    let found = direct(
        "[Mia Lund]{PERSON} left the club at two.\n\n\
         Earlier, she was threatened by [Karl Berg]{PERSON}, [Ole Dahl]{PERSON} and a third \
         man. She told a guard, \"they hurt me\".\n",
    );
    assert_eq!(
        found,
        vec![row("they hurt me", Some("Mia Lund"), "direct:cue-before")]
    );
}

#[test]
fn a_statement_which_said_is_the_words_of_whoever_issued_it() {
    let found = direct(
        "On Monday the [Northern Rivers Trust]{ORG} also objected to the dam.\n\n\
         They released a statement which said, \"The valley is a home to rare birds and must stay \
         protected.\"\n\n\
         [Ivo Marsh]{PERSON} issued a letter that said \"The dam will bring work to the town.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "The valley is a home to rare birds and must stay protected.",
                Some("Northern Rivers Trust"),
                "direct:cue-before"
            ),
            row(
                "The dam will bring work to the town.",
                Some("Ivo Marsh"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn an_unnamed_source_within_a_body_is_nobody_named_not_the_body() {
    let found = direct(
        "A source within the regional [Health Ministry]{ORG} reportedly said \"We were told to \
         keep the numbers quiet.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We were told to keep the numbers quiet.",
            None,
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_cue_in_the_next_sentence_followed_only_by_when_and_where_attributes_the_quote() {
    let found = direct(
        "\"We have sandbags for everyone who needs them.\" [Lena Falk]{PERSON} said the stock \
         would last a week.\n\n\
         \"The river is rising. Leave your homes tonight!\" [Mayor Ortiz]{PERSON} told the town \
         on Friday via radio.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "We have sandbags for everyone who needs them.",
                None,
                "direct:no-cue"
            ),
            row(
                "The river is rising. Leave your homes tonight!",
                Some("Mayor Ortiz"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn the_name_before_who_speaks_through_a_relative_clause() {
    let found = direct(
        "The plan was written by [Nora Quist]{PERSON} who said at the council meeting, \"It \
         took us three winters to get here.\"\n\n\
         The survey was led by [Tomas Brenner]{PERSON}, a soil chemist and dean at [Uppsala \
         University]{ORG}, who said \"Every field we sampled had lost carbon.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "It took us three winters to get here.",
                Some("Nora Quist"),
                "direct:cue-before"
            ),
            row(
                "Every field we sampled had lost carbon.",
                Some("Tomas Brenner"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn the_one_spoken_to_is_not_the_pronouns_referent() {
    let found = direct(
        "The broadcaster [ORF]{ORG} reported that in May, Governor [Ilse Marten]{PERSON} of \
         [Tirol]{GPE} accepted blame for the late dam. Speaking to [Paul Avery]{PERSON} of [ORF]{ORG}, she said, \"The delay is mine and I \
         own it.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The delay is mine and I own it.",
            Some("Ilse Marten"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_person_of_a_body_before_an_aside_speaks_not_the_body() {
    let found = direct(
        "[Ruth Okafor]{PERSON} of the University of [Leeds]{GPE}, speaking to [Reuters]{ORG}, \
         said, \"The ruling changes how every platform moderates.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The ruling changes how every platform moderates.",
            Some("Ruth Okafor"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_party_word_before_a_name_is_not_the_speaker() {
    let found = direct(
        "Since then, a [Conservative]{ORG}, [Anna Pryce]{PERSON}, has backed the inquiry, \
         telling the [Gazette]{ORG}: \"Let the committee do its work.\"\n\n\
         [Labour]{ORG} [Dev Mistry]{PERSON} said: \"We will vote for it.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Let the committee do its work.",
                Some("Anna Pryce"),
                "direct:cue-before"
            ),
            row(
                "We will vote for it.",
                Some("Dev Mistry"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_closing_mark_spaced_after_an_inner_quote_ends_the_quote_at_its_line_end() {
    let found = direct(
        "On the leak, former judge [Carla Nunes]{PERSON} said via Twitter: \"If a witness \
         told me that, I'd think, 'How odd.' \"\n\n\
         \"Nobody reads these files,\" wrote analyst [Ben Ortiz]{PERSON}.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "If a witness told me that, I'd think, 'How odd.'",
                Some("Carla Nunes"),
                "direct:cue-before"
            ),
            row(
                "Nobody reads these files",
                Some("Ben Ortiz"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn a_name_in_quotation_marks_is_not_a_quote() {
    let found = direct(
        "[Jo Park]{PERSON} set up a page called \"March On The Castle, Nobody Can Stop Us\" in \
         May.\n\n\
         [Jo Park]{PERSON} says his event, \"March On The Castle, Nobody Can Stop Us\", was \
         posted as a joke.\n",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn an_abbreviated_title_does_not_end_the_clause_after_the_cue() {
    let found = direct(
        "\"The resistant strains were almost all from people,\" said Dr. [Livermore]{PERSON}. \
         \"We need to wash our hands after the toilet.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "The resistant strains were almost all from people",
                Some("Livermore"),
                "direct:cue-after"
            ),
            row(
                "We need to wash our hands after the toilet.",
                Some("Livermore"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn a_single_letter_taken_for_a_name_never_speaks() {
    let found = direct(
        "The samples held [E]{PERSON}. coli. \"We found it in every river we tested,\" he \
         said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We found it in every river we tested",
            None,
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_person_from_a_camp_or_of_a_possessors_body_speaks_not_the_place() {
    let found = direct(
        "[Rita Ip]{PERSON} from the pro-[Beijing]{GPE} camp said at a press conference: \"The \
         walkout was an insult to every voter.\"\n\n\
         [Nina Hale]{PERSON} of the [UK]{GPE}'s [National Crime Agency]{ORG} ([NCA]{ORG}) said, \
         \"They are not as hidden as they think.\"\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "The walkout was an insult to every voter.",
                Some("Rita Ip"),
                "direct:cue-before"
            ),
            row(
                "They are not as hidden as they think.",
                Some("Nina Hale"),
                "direct:cue-before"
            ),
        ]
    );
}

#[test]
fn a_quote_after_the_comma_of_a_clause_about_a_person_is_that_persons() {
    let found = quotes(
        "[Mara Lind]{PERSON}, also on the radio, defended her vote, \"I would cast it again \
         tomorrow, and the day after.\"\n\n\
         Senator [Odd Berg]{PERSON} spoke on [Radio Nord]{ORG}, \"This bill will cost every \
         farmer a season.\"\n\n\
         The ministry tried to add the question, \"Is this person a resident of [Norway]{GPE}?\", \
         to the form.\n",
    );
    let seen: Vec<_> = found
        .iter()
        .map(|q| {
            (
                q.speaker.as_deref(),
                q.rule.as_str(),
                q.resolved_by.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (Some("Mara Lind"), "direct:introduced", Some("introduction")),
            (Some("Odd Berg"), "direct:introduced", Some("introduction")),
            // The sentence goes on after the question: a question asked, not said to be anyone's.
            (None, "direct:no-cue", None),
        ]
    );
}

#[test]
fn noting_recounted_and_informed_are_cues() {
    let found = direct(
        "[Lena Ruiz]{PERSON} recounted, \"We carried the pumps up the hill by hand.\"\n\n\
         [NASA]{ORG} paused its broadcast. It also credited [Alexei Leonov]{PERSON} with the \
         first walk, noting on Twitter \"his venture began the history of the spacewalk\".\n\n\
         The [Green Future Party]{ORG} met on Sunday.\n\n\
         \"Our members accept the ruling,\" the party informed the press.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "We carried the pumps up the hill by hand.",
                Some("Lena Ruiz"),
                "direct:cue-before"
            ),
            // "It" is never a person: the one credited is not the one noting.
            row(
                "his venture began the history of the spacewalk",
                Some("NASA"),
                "direct:cue-before"
            ),
            // The press is told; the party speaks.
            row(
                "Our members accept the ruling",
                Some("Green Future Party"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn a_cue_coordinated_after_another_verb_is_the_clauses_subjects() {
    let found = quotes(
        "[Erdem Kaya]{PERSON} cited the treaty and said, \"They need to stand by us.\"\n\n\
         The [Port Authority]{ORG} gave its \"deepest regrets\" and said the closures were \
         \"necessary to keep every worker on the quay safe\".\n\n\
         The police arrested [Tom Hale]{PERSON} and said, \"The road will stay closed tonight.\"\n",
    );
    let seen: Vec<_> = found
        .iter()
        .map(|q| (q.speaker.as_deref(), q.resolved_by.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (Some("Erdem Kaya"), Some("coordinated")),
            (Some("Port Authority"), Some("coordinated")),
            // The one arrested is the verb's object, not its subject.
            (None, None),
        ]
    );
}

#[test]
fn a_role_noun_after_a_place_or_college_name_is_the_person_before() {
    let found = quotes(
        "\"The water is warmer than we thought,\" said study author [Karin Alvik]{PERSON}. The \
         Wooster professor added, \"We need more buoys in the bay.\"\n",
    );
    assert_eq!(found[1].speaker.as_deref(), Some("Karin Alvik"));
    assert_eq!(found[1].resolved_by.as_deref(), Some("role-noun"));
}

#[test]
fn a_statement_from_someone_introduced_by_its_issuer_is_theirs() {
    let found = quotes(
        "On Friday, [King Olav]{PERSON} asked the party to withdraw the nomination.\n\n\
         The palace issued the following statement from the king: \"No member of the royal \
         family may stand for elected office.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("King Olav"));
    assert_eq!(found[0].rule, "direct:introduced");
    assert_eq!(found[0].resolved_by.as_deref(), Some("role-noun"));
}

#[test]
fn a_nationality_word_or_a_platform_never_speaks() {
    let found = quotes(
        "The government of [Norwegian]{NORP} Svalbard issued a statement: \"The ice road will \
         stay shut until March.\"\n\n\
         An official [Instagram]{ORG} account made the following announcement: \"Ferries run \
         again from Monday.\"\n\n\
         [Norwegians]{NORP} told the survey, \"We want the road back.\"\n\n\
         [Instagram]{ORG} said, \"We removed the account.\"\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    // A people may speak, and a platform's company; the adjective of a place's name and the
    // platform a post was made on may not.
    assert_eq!(
        speakers,
        vec![None, None, Some("Norwegians"), Some("Instagram")]
    );
}

#[test]
fn a_name_after_a_long_description_between_commas_speaks() {
    let found = quotes(
        "Another co-author, marine and coastal engineering professor [Ines Varga]{PERSON}, said, \
         \"The dunes moved faster than we thought.\"\n\n\
         The mayor, who later met the harbour engineer [Anna Berg]{PERSON}, said, \"The quay \
         stays open.\"\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    // The one a relative clause met is not the mayor.
    assert_eq!(speakers, vec![Some("Ines Varga"), None]);
}

/// (content, speaker) of the direct quotes found with the names the shipped entity model suggests
/// (nothing in the layer), as in the window with no trained tagger.
fn direct_with_the_model(text: &str) -> Vec<(String, Option<String>)> {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let doc = Document::from_raw(DocId::new("doc").unwrap(), "t", text);
    let mut recommenders = Recommenders::standard();
    recommenders.set_enabled(gloss::suggest::tagger::NAME, false);
    let training = gloss::suggest::TrainingView::default();
    gloss::suggest::suggest_with(&doc, &schema, None, &training, &recommenders, &[])
        .into_iter()
        .filter_map(|s| match s.kind {
            SuggestionKind::Quote {
                content,
                speaker,
                quote_kind: QuoteKind::Direct,
                ..
            } => Some((
                doc.text.slice(content[0]).unwrap().to_owned(),
                speaker.map(|sp| doc.text.slice(sp.span).unwrap().to_owned()),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn an_agent_noun_in_ist_before_a_suggested_name_is_not_part_of_the_speaker() {
    let found = direct_with_the_model(
        "Storm closes coastal road\n\n\
         Motorcyclist Peter Hansen, whose bike was swept off the road, said \"I have never seen \
         waves like that in my life.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Peter Hansen"), "{found:?}");
}

#[test]
fn a_name_set_off_from_its_cue_by_a_stray_comma_speaks() {
    let found = quotes(
        "Danish finance minister [Karen Holt]{PERSON}, said, \"The budget will be balanced by \
         next spring.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Karen Holt"), "direct:cue-before")]
    );
}

#[test]
fn the_issuer_of_a_statement_saying_the_words_speaks() {
    let found = quotes(
        "[Nordic Ferries]{ORG} issued a statement saying \"All crossings are cancelled until the \
         storm has passed.\"\n\n\
         The union put out a notice saying \"Members should not report for work on Monday.\"\n",
    );
    // The union is named by no mention: nobody named, as before.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Nordic Ferries"), "direct:cue-before"),
            (None, "direct:cue-before")
        ]
    );
}

#[test]
fn a_person_of_a_ministry_the_model_did_not_find_speaks() {
    let found = quotes(
        "The shaft collapsed on Friday, but [Lena Ortiz]{PERSON} of the Chilean Mining Ministry \
         said \"The shaft was inspected twice last year and found safe.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Lena Ortiz"), "direct:cue-before")]
    );
}

#[test]
fn a_message_quoted_as_what_someone_sent_is_theirs() {
    let found = direct(
        "In a statement, Prime Minister [Erik Sand]{PERSON} sent \"his deepest sympathy to \
         everyone who lost a home in the flood.\"\n\n\
         The ministry expressed \"deep concern\" and sent troops to the valley.\n",
    );
    // A quoted noun phrase after "expressed" is a term, not a message: no quote.
    assert_eq!(
        found,
        vec![row(
            "his deepest sympathy to everyone who lost a home in the flood.",
            Some("Erik Sand"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_surname_a_family_shares_says_nothing_of_a_members_gender() {
    let found = quotes(
        "[Tom Brennan]{PERSON} died when he fell from the roof of the barn. The coroner, [Alan \
         Frost]{PERSON}, ruled the death an accident.\n\n\
         After the inquest, [Ruth Brennan]{PERSON}, [Tom Brennan]{PERSON}'s widow, said: \"We are \
         grateful to the crew who tried to save him.\" However, she criticised the farm, saying \
         \"the ladder should never have been left against the wall.\"\n",
    );
    // "he" after Tom Brennan does not make Ruth Brennan a man.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Ruth Brennan"), "direct:cue-before"),
            (Some("Ruth Brennan"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_mark_set_the_wrong_way_after_a_full_stop_opens_the_quote_it_pairs_with() {
    let found = direct(
        "The rebels paid for the grain with the agencies' cash.\" I was told to dress like a \
         trader. It was a trick,\" said [Abel Haile]{PERSON}, a former rebel commander.\n",
    );
    let rows: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|(content, speaker, _)| (content.as_str(), speaker.as_deref()))
        .collect();
    assert_eq!(
        rows,
        vec![(
            "I was told to dress like a trader. It was a trick",
            Some("Abel Haile")
        )]
    );
}

#[test]
fn an_infinitive_quoted_after_called_on_is_the_callers() {
    let found = direct(
        "\"The strikes must stop at once,\" said the Chilean envoy, [Rosa Vidal]{PERSON}. Trade \
         minister [Olaf Berg]{PERSON} called on [Peru]{ORG} \"to reopen the border crossings and \
         to let the lorries through without delay.\" He called on the minister at noon.\n",
    );
    // The words asked for are Berg's, not a continuation of Vidal's quote.
    assert_eq!(
        found,
        vec![
            row(
                "The strikes must stop at once",
                Some("Rosa Vidal"),
                "direct:cue-after"
            ),
            row(
                "to reopen the border crossings and to let the lorries through without delay.",
                Some("Olaf Berg"),
                "direct:cue-before"
            )
        ]
    );
}

#[test]
fn a_word_named_as_a_place_elsewhere_is_no_person() {
    let found = quotes(
        "Troops landed on [Kelmo]{GPE} before dawn on Monday.\n\n\
         \"We expect the island to be calm by Friday,\" [Kelmo]{PERSON} officials said.\n",
    );
    // The model's "person" is the island named before: no speaker, rather than a place.
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
}

#[test]
fn the_subject_of_a_report_that_someone_said_speaks() {
    let found = quotes(
        "[Omar Selim]{PERSON} is reported to have said \"The court has no right to judge me\" as \
         he was led away.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Omar Selim"), "direct:cue-before")]
    );
}

#[test]
fn the_subject_of_a_report_as_saying_speaks() {
    let found = quotes(
        "\"If pushed to the wall, they will sue,\" [Mr Kapor]{PERSON} is reported as saying.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Mr Kapor"), "direct:cue-after")]
    );
}

#[test]
fn a_capitalised_word_between_a_lower_case_office_and_a_suggested_name_is_part_of_it() {
    let found = direct_with_the_model(
        "Court sentences former officials\n\n\
         Former interior minister Sultan Karim Bashir al-Nuri was also sentenced. He said \"I \
         have done nothing wrong and I will say nothing more.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Sultan Karim Bashir al-Nuri"),
        "{found:?}"
    );
}

#[test]
fn a_quote_after_one_whose_speaker_was_not_found_does_not_reach_further_back() {
    let found = quotes(
        "[Harbour Authority]{ORG} says the port is open. \"The ships began moving at six,\" said \
         an official who asked not to be named. \"Every berth is now in use.\"\n",
    );
    // The official is nobody named; the second quote is theirs, not the authority's.
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-after"), (None, "direct:no-cue")]
    );
}

#[test]
fn a_country_named_beside_the_one_who_speaks_is_not_the_speaker() {
    let found = quotes(
        "Envoy [Lars Dahl]{PERSON} met the Emir of [Kuwait]{GPE}, who urged caution about the \
         talks; stating: \"Nobody gains from a war on the water.\"\n",
    );
    // The emir is named by no mention: nobody named, rather than his country.
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn who_heard_the_words_or_what_carried_them_after_the_cue_is_not_the_speaker() {
    let found = quotes(
        "\"The water rose faster than anyone here has ever seen,\" one fisherman was quoted as \
         saying to the weekly [Harbour Post]{ORG}.\n\n\
         \"Nobody was told to leave the island,\" the villagers said on the video site \
         [Streamly]{ORG}.\n",
    );
    // The newspaper heard the fisherman and the site carried the villagers' words: nobody named
    // speaks in either.
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-after"), (None, "direct:cue-after")]
    );
}

#[test]
fn the_armed_forces_said_is_the_body_named_for_them() {
    let found = quotes(
        "The [Joint Command of the Armed Forces]{ORG} met on Sunday. \"Elections will be held \
         within six months,\" the armed forces said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(
            Some("Joint Command of the Armed Forces"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_place_an_office_after_the_cue_is_of_does_not_speak() {
    let found = quotes(
        "\"All the boats are back in port,\" said the office of the [Kelmo]{GPE} governor in a \
         statement.\n",
    );
    // The office speaks, named by no mention; the island only says whose office it is.
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
}

#[test]
fn the_possessor_of_a_body_after_the_cue_does_not_speak() {
    let found = quotes(
        "\"The checks will take a week,\" said [Norland]{GPE}'s fisheries ministry at the time.\n",
    );
    // The ministry speaks, named by no mention, not the country whose ministry it is.
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
}

#[test]
fn he_said_is_the_subject_not_the_one_compared_with_it() {
    let found = quotes(
        "[Tomas Berg]{PERSON} arrived first and spoke briefly.\n\n\
         Like [Tomas Berg]{PERSON}, Mayor [Anton Lind]{PERSON} kept his remarks short.\n\n\
         \"Our plans have not changed,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Anton Lind"), "direct:cue-after")]
    );
}

#[test]
fn a_mark_opening_a_paragraph_before_a_space_opens_the_quotation() {
    let found = direct(
        "\" The new rules have made me change my mind,\" said [Ida Holm]{PERSON}, who voted \
         against them in May. \"Both changes improved the text.\"\n",
    );
    // Taken for a closing mark, the mark after "mind," opened a quotation running to "Both".
    assert_eq!(
        found,
        vec![
            row(
                "The new rules have made me change my mind",
                Some("Ida Holm"),
                "direct:cue-after"
            ),
            row(
                "Both changes improved the text.",
                Some("Ida Holm"),
                "direct:continuation"
            ),
        ]
    );
}

#[test]
fn a_title_left_unclosed_before_the_cue_is_the_persons_not_the_bodys() {
    let found = direct(
        "[Lena Dahl]{PERSON}, leader of the [Green Coast]{ORG} party said, \"We will vote \
         against it.\"\n",
    );
    // No comma closes the title: the party is nearest the cue, but its leader speaks.
    assert_eq!(
        found,
        vec![row(
            "We will vote against it.",
            Some("Lena Dahl"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn she_said_is_not_the_one_she_called_on() {
    let found = quotes(
        "\"I am glad to be home,\" said [Rosa Vidal]{PERSON}.\n\n\
         She called on [Kim Lind]{PERSON} to keep up the talks. \"We cannot stop now,\" she said.\n",
    );
    // The sentence before opens with "She", no mention: the one she called on is not its
    // subject, so the pronoun goes on with the latest speaker.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Rosa Vidal"), "direct:cue-after"),
            (Some("Rosa Vidal"), "direct:cue-after")
        ]
    );
}

#[test]
fn he_said_after_a_paragraph_of_narration_is_that_paragraphs_subject() {
    let found = quotes(
        "\"We will keep the port open,\" said [Tomas Berg]{PERSON}.\n\n\
         Like [Tomas Berg]{PERSON}, Mayor [Anton Lind]{PERSON} kept his remarks at the ceremony \
         short.\n\n\
         \"Our plans have not changed,\" he said.\n",
    );
    // The latest speaker is further back than the subject of the paragraph between, who is not
    // the one he is compared with.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Tomas Berg"), "direct:cue-after"),
            (Some("Anton Lind"), "direct:cue-after")
        ]
    );
}

#[test]
fn the_one_replied_to_is_not_the_speaker() {
    let found = direct(
        "Senator [Ines Moreau]{PERSON} replied to [Karl Stein]{PERSON} saying \"That is simply \
         not true at all.\"\n",
    );
    // Karl Stein is nearest the cue, but he is addressed; the one replying speaks.
    assert_eq!(
        found,
        vec![row(
            "That is simply not true at all.",
            Some("Ines Moreau"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_relative_clause_left_unclosed_before_the_cue_is_its_subjects() {
    let found = direct(
        "[Tomas Berg]{PERSON}, who writes about shipping for [Nordic Radio]{ORG} said, \"The port \
         will not reopen this year.\"\n",
    );
    // No comma closes "who writes … Nordic Radio": the outlet is the clause's object, and the
    // one the clause describes speaks.
    assert_eq!(
        found,
        vec![row(
            "The port will not reopen this year.",
            Some("Tomas Berg"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_pronoun_after_the_verb_is_the_cues_subject() {
    let found = direct(
        "[Omar Haddad]{PERSON}, a driver at the depot, saw the fire start. \"The smoke came \
         through the roof in seconds,\" said he.\n",
    );
    // "said he" is "he said" inverted: the pronoun resolves to the one the sentence before
    // is about.
    assert_eq!(
        found,
        vec![row(
            "The smoke came through the roof in seconds",
            Some("Omar Haddad"),
            "direct:cue-after"
        )]
    );
}

/// (speaker, resolved_by) of the first quote suggested for a text whose names are not marked up.
fn speaker_of(text: &str) -> (Option<String>, Option<String>) {
    let found = quotes(text);
    assert!(!found.is_empty(), "no quote in {text}");
    (found[0].speaker.clone(), found[0].resolved_by.clone())
}

#[test]
fn a_name_between_commas_that_is_no_mention_speaks() {
    // No mention of the name (the entity model missed it): the capitalised words between the
    // commas before the cue are the speaker, hyphenated parts and all.
    assert_eq!(
        speaker_of("His eldest daughter, Tutut, said, \"The rain came early this year.\"\n"),
        (Some("Tutut".to_owned()), Some("name".to_owned()))
    );
    assert_eq!(
        speaker_of("One protester, Kim In-seok, stated, \"We are here to be heard today.\"\n").0,
        Some("Kim In-seok".to_owned())
    );
}

#[test]
fn a_name_before_a_description_that_is_no_mention_speaks() {
    // Between commas or left unclosed before the cue, a description in lower case follows the
    // name that opens the clause.
    assert_eq!(
        speaker_of(
            "Ban Ki-moon, the secretary general, said: \"The talks will go on next week.\"\n"
        )
        .0,
        Some("Ban Ki-moon".to_owned())
    );
    assert_eq!(
        speaker_of(
            "Anthony Cordesman, a security analyst at the Center for Strategic Studies told \
             Bloomberg: \"The fighting is a struggle for control.\"\n"
        )
        .0,
        Some("Anthony Cordesman".to_owned())
    );
    // "Name of the … organisation, Body, said": the person of the body speaks.
    assert_eq!(
        speaker_of(
            "Ben Summerskill of the rights organization, Stonewall, said: \"We are delighted \
             with the ruling.\"\n"
        )
        .0,
        Some("Ben Summerskill".to_owned())
    );
}

#[test]
fn a_name_right_before_or_after_the_cue_that_is_no_mention_speaks() {
    // A person's titles are left out; an organisation's word makes it one.
    assert_eq!(
        speaker_of(
            "Canadian Public Safety Minister Stockwell Day said, \"We will not pursue it.\"\n"
        )
        .0,
        Some("Stockwell Day".to_owned())
    );
    assert_eq!(
        speaker_of("\"The storm has passed the island by now,\" said Ted Rye.\n").0,
        Some("Ted Rye".to_owned())
    );
    assert_eq!(
        speaker_of(
            "In a statement, the January 25 Youth Coalition said, \"We still demand a date.\"\n"
        )
        .0,
        Some("Youth Coalition".to_owned())
    );
}

#[test]
fn capitalised_words_that_name_no_speaker_are_not_taken_for_one() {
    // A thing numbered ("The 14th Amendment"), a thing possessed ("the next year's Eurovision"),
    // the agent of a participle ("seen by Sky News"), a lone word opening the sentence
    // ("Officials"), a title ending the words ("the Iranian President", "the Congressman") and
    // the one told ("told Reuters") name nobody who speaks.
    for text in [
        "The 14th Amendment states: \"All persons born in the country are citizens.\"\n",
        "The party released a statement boycotting the next year's Eurovision saying, \"We \
         urge everyone to stay home.\"\n",
        "A letter seen by Sky News says, \"The plan was never approved by the board.\"\n",
        "Officials said, \"The bridge will stay closed until further notice.\"\n",
        "Officials are quoted as saying the Iranian President \"takes national defense \
         seriously, and he would never let protesters tell him how to run his country.\"\n",
        "\"The bridge will stay closed until further notice,\" a spokesman told Reuters.\n",
        "\"The vote was closer than anyone expected,\" said the Congressman.\n",
    ] {
        assert_eq!(speaker_of(text), (None, None), "{text}");
    }
}

#[test]
fn a_participle_cue_ending_the_predicate_is_its_subjects() {
    // No comma before the participle, but "by" or a possessive's phrase before it: it hangs from
    // the clause's verb, whose subject speaks (not the pronoun's person, nor nobody).
    let found = quotes(
        "[Hugo Chavez]{PERSON} sent his good wishes during his weekly broadcast saying \"A hug \
         for you, friend, I know you are getting better.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Hugo Chavez"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("participle"));
    let found = quotes(
        "[Mary Chen]{PERSON} met the press in the morning. [Tom Ahern]{PERSON} started his \
         speech by saying \"Thank you all for the welcome and the honour.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Tom Ahern"));
    // A name found right before the cue is the participle's own subject, as before.
    let found = quotes(
        "[Hugo Chavez]{PERSON} read a letter during his broadcast with [Raul Castro]{PERSON} \
         saying \"We are all hoping for a quick recovery now.\"\n",
    );
    assert_ne!(found[0].speaker.as_deref(), Some("Hugo Chavez"));
}

#[test]
fn a_place_after_a_preposition_before_the_cue_never_speaks() {
    // The place ends a phrase left unclosed before the cue; the clause's subject speaks.
    let found = quotes(
        "[Anna Berg]{PERSON}, spokeswoman for the army in [Kabul]{GPE} said, \"The roads are \
         open again and the market will reopen on Monday.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Anna Berg"));
    let found = quotes(
        "[Tom Rye]{PERSON}, the captain of a boat which sank off the [Azores]{GPE} stated, \"We \
         saw the wave only when it was already upon us.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Tom Rye"));
    // Someone unnamed heads the phrase: nobody named speaks, not the place.
    let found = quotes(
        "A [BBC]{ORG} correspondent in [Cairo]{GPE} said the speech meant it \"now seems likely \
         that the old rule is drawing to an end.\"\n",
    );
    assert_eq!(found[0].speaker, None);
    // A place that is the subject still speaks.
    let found =
        quotes("[Moscow]{GPE} said, \"The talks will go on next week in the same place.\"\n");
    assert_eq!(found[0].speaker.as_deref(), Some("Moscow"));
}

#[test]
fn a_possessor_after_a_preposition_is_no_subject() {
    // "about Alberta's dispute": the possessor is in the preposition's phrase; the clause's
    // subject (here a pronoun) speaks.
    let found = quotes(
        "[Tony Blair]{PERSON} spoke in the city on Friday. He also commented about \
         [Alberta]{GPE}'s royalty dispute saying, \"I'm just glad it's not my decision.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Tony Blair"));
    // A possessor opening the clause still speaks through its statement.
    let found = quotes(
        "[Alberta]{GPE}'s royalty review concluded, \"The rates are too low for the province.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Alberta"));
}

#[test]
fn he_or_she_never_stands_for_a_name_written_as_a_place_or_a_body() {
    // The model took the town for a person; the text writes it after "in".
    let found = quotes(
        "[Tom Hale]{PERSON} visited the front on Monday. He did not say how long the fighting in \
         [Marja]{PERSON} would last. \"We will see it through to the end, whatever the cost,\" he \
         said.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Tom Hale"));
    // A body the text writes as "the Taliban and": not "he", wherever else it stands.
    let found = quotes(
        "[Colin Powell]{PERSON} said the plan was good. Havens were taken from the \
         [Taliban]{PERSON} and others. But he had doubts once troops push the [Taliban]{PERSON} \
         out. \"I hope their capability will increase soon,\" he said.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Colin Powell"));
}

#[test]
fn the_person_named_between_commas_after_an_office_heads_the_subject() {
    // "The UNRA spokesperson, Babar Baloch, raised …": the body modifies the office; the person
    // set off after it holds the office and speaks through the participle.
    let found = quotes(
        "The [UNRA]{ORG} spokesperson, [Babar Baloch]{PERSON}, raised legal concerns by saying \
         that \"Any such approach would raise significant issues for the country.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Babar Baloch"));
}

#[test]
fn a_relative_clause_closed_before_the_cue_leaves_the_name_before_it_to_speak() {
    // The place and the people in ", who …," are the clause's own; the one named before it
    // speaks.
    let found = quotes(
        "[Nina Holm]{PERSON}, who is in [Oslo]{GPE}, Norway meeting with [Per Lund]{PERSON}, said \
         in a statement, \"We will keep pressing for a ceasefire in the region.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Nina Holm"));
    let found = quotes(
        "[Nina Holm]{PERSON}, who met [Per Lund]{PERSON} on Monday, said, \"The talks went well \
         and will go on next week.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Nina Holm"));
}

#[test]
fn a_short_quotation_with_a_copula_after_it_is_a_name_not_a_quote() {
    // `"Valetudo" is the name suggested`: the sentence is about the word; "suggested" is no cue
    // for it.
    let found = direct(
        "[Sara Moss]{PERSON} found a new moon last year. \"Ardea\" is the name suggested by the \
         team for it.\n",
    );
    assert_eq!(found, vec![], "{found:?}");
    // Three words or more before the copula are someone's words still.
    let found = direct("\"We found it first\" is what [Sara Moss]{PERSON} said on Monday.\n");
    assert_eq!(
        found,
        vec![row(
            "We found it first",
            Some("Sara Moss"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn promised_vowed_pledged_and_enthused_are_cues() {
    for cue in ["promised", "vowed", "pledged", "enthused"] {
        let found = direct(&format!(
            "[Ayla Demir]{{PERSON}} spoke outside the court.\n\n\
             \"We will stand guard until she is free,\" [Ayla Demir]{{PERSON}} {cue}.\n"
        ));
        assert_eq!(
            found,
            vec![row(
                "We will stand guard until she is free",
                Some("Ayla Demir"),
                "direct:cue-after"
            )],
            "{cue}"
        );
    }
}

#[test]
fn the_officer_named_after_a_body_and_an_office_speaks() {
    // The model took the body's one-word name for a person: the office and the name after it
    // say who speaks.
    let found = quotes(
        "\"It took too long for the money to get into the system,\" said [Uralsib]{PERSON} \
         analyst [Chris Weafer]{PERSON} on Tuesday.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Chris Weafer"));
    let found = quotes(
        "Procter & [Gamble]{PERSON} spokeswoman [Jennifer Chelune]{PERSON} spoke about it: \"We \
         don't know what caused it.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Jennifer Chelune"));
    // "Apple Inc." ends no clause; the officer's name the model cut ("Steve") is taken whole.
    let found = quotes(
        "\"We love the Beatles, and it has been painful,\" said [Apple Inc.]{ORG} CEO Steve Jobs.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Steve Jobs"), "{found:?}");
}

#[test]
fn a_description_of_bodies_after_a_cue_then_a_person_gives_the_person() {
    let found = quotes(
        "\"Sentiment in the market is very weak,\" said the senior market strategist for \
         [Invesco AIM]{ORG}, [Fritz Meyer]{PERSON}.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Fritz Meyer"));
    assert_eq!(found[0].resolved_by.as_deref(), Some("appositive"));
    // With no person after the comma the body it names speaks, as before.
    let found = quotes(
        "\"Sentiment in the market is very weak,\" said a statement from [Invesco AIM]{ORG}, \
         adding that it would hold.\n",
    );
    assert_ne!(found[0].speaker.as_deref(), Some("Fritz Meyer"));
}

#[test]
fn a_person_opening_the_clause_with_an_open_description_speaks() {
    for text in [
        "[Scott Carson]{PERSON}, president and CEO of [Boeing Commercial Airplanes]{ORG} said, \
         \"This has been a wonderful day.\"\n",
        "[Ralph Crosby]{PERSON}, [EADS]{ORG}'s North America CEO and ex [Northrop]{ORG} executive \
         commented, \"We have committed our full resources.\"\n",
        "On this cut, [Whitey MacDonald]{PERSON}, chairperson of Local 1520, [Canadian Auto \
         Workers]{ORG} union said \"There is a lot of anger here today.\"\n",
        // The model took the firm for a person; after "for" it is the description's body.
        "[Peter Boockvar]{PERSON} an equity strategist for [Miller Tabak]{PERSON}, commented: \"The \
         market is now realizing it.\"\n",
    ] {
        let found = quotes(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let speaker = found[0].speaker.as_deref().unwrap_or("-");
        assert!(
            [
                "Scott Carson",
                "Ralph Crosby",
                "Whitey MacDonald",
                "Peter Boockvar"
            ]
            .contains(&speaker),
            "{text}: {speaker} {found:?}"
        );
    }
    // A clause in the description is no description: "whose company Acme said" is Acme's.
    let found = quotes(
        "[Ann Lee]{PERSON}, whose company [Acme]{ORG} said, \"This has been a wonderful day.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Acme"), "{found:?}");
}

#[test]
fn he_after_a_quote_credited_after_its_cue_is_that_quotes_speaker() {
    // Nobody stands before the cue of the quote before; its speaker, named after the cue, is
    // who "he" stands for, not a name at a cue further back.
    let found = quotes(
        "Although [Louis Gallois]{PERSON} said he hoped to cut jobs through attrition, the unions \
         were displeased.\n\n\
         \"The response has been massive,\" said [Julien Talavan]{PERSON}, a spokesman for the \
         union.\n\n\
         \"This is just the beginning,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Julien Talavan"), "direct:cue-after"),
            (Some("Julien Talavan"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_participle_after_a_comma_goes_on_from_the_sentences_earlier_cue() {
    let found = quotes(
        "As well as new routes to the [US]{GPE}, [Mannion]{PERSON} stated that there was a \
         possibility of routes elsewhere resulting from the new aircraft as well, saying, \"We \
         will prioritize the U.S. (but) we have an eye on the Far East.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Mannion"));
}

#[test]
fn a_quotation_alone_in_its_paragraph_after_a_persons_sentence_is_that_persons() {
    // No cue and no quote before to continue: the person the paragraph before is about speaks.
    let found = quotes(
        "[Tony Blair]{PERSON} spoke in Calgary on Tuesday.\n\n\
         [Blair]{PERSON} became Envoy the same day he stepped down as PM.\n\n\
         \"This morning I looked at your local papers. I'm still adjusting.\"\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Blair"), "{found:?}");
    // After a paragraph about no person, nobody named speaks.
    let found = quotes(
        "The weather in Calgary was cold on Tuesday.\n\n\
         \"This morning I looked at your local papers. I'm still adjusting.\"\n",
    );
    assert_eq!(found[0].speaker, None, "{found:?}");
}

#[test]
fn an_officer_named_after_a_long_title_and_a_comma_speaks() {
    let found = quotes(
        "\"This is a major milestone for the programme,\" said [Airbus]{ORG} President and Chief \
         Executive Officer, [Tom Enders]{PERSON}.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Tom Enders"));
}

#[test]
fn he_after_a_quotation_of_several_sentences_is_whom_the_sentence_before_it_is_about() {
    // One sentence a line: the sentence before "he said" is the quotation's own; the one before
    // the quotation opened is about who speaks.
    let found = quotes(
        "[Harry Reid]{PERSON} said the talks had failed.\n\n\
         Republican Senator [Bob Corker]{PERSON} was also unhappy about the rejection.\n\n\
         \"We were about three words away from a deal.\n\n\
         We solved everything substantively,\" he said.\n",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Bob Corker"), "{found:?}");
}

#[test]
fn a_lower_case_cue_opening_the_line_after_a_quotation_is_the_quotations() {
    // A splitter's paragraph break between the quotation and its cue.
    let found = quotes(
        "\"This is a regrettable but necessary step to protect the economy.\"\n\n\
         said [Stephen Harper]{PERSON}, Prime Minister of Canada.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Stephen Harper"), "direct:cue-after")]
    );
    // A capitalised line after it is a sentence of its own.
    let found = quotes(
        "\"This is a regrettable but necessary step to protect the economy.\"\n\n\
         Analysts said [Stephen Harper]{PERSON} had no choice.\n",
    );
    assert_ne!(
        found[0].speaker.as_deref(),
        Some("Stephen Harper"),
        "{found:?}"
    );
}

#[test]
fn a_line_opening_with_a_person_and_a_description_credits_the_quotation_after_it() {
    let found = quotes(
        "Post match quotes\n\n\
         [Heiko Herrlich]{PERSON} (GER), Germany coach \"We kept it tight at the back and never \
         gave them a sight of goal.\"\n\n\
         [Josh Lambo]{PERSON} (USA), USA goalkeeper \"It was a tough match for us. We battled \
         right to the end.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Heiko Herrlich"), "direct:introduced"),
            (Some("Josh Lambo"), "direct:introduced")
        ]
    );
    // A verb between the person and the quotation makes a sentence, not a credit.
    let found = quotes(
        "[Josh Lambo]{PERSON} watched the replay of \"the longest ninety minutes of my life\" \
         twice.\n",
    );
    assert!(
        found.iter().all(|q| q.rule != "direct:introduced"),
        "{found:?}"
    );
}

#[test]
fn a_name_after_a_preposition_ends_a_description_and_is_not_set_off_between_commas() {
    // The place the model took for a person closes the administrator's description; the one
    // named before it speaks, and "he" goes on with him.
    let found = quotes(
        "[Yadin Apaydin]{PERSON}, the administrator of [Yukari Kanatli]{PERSON}, said his village \
         had been hit. \"Everything has been knocked down,\" he told reporters.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Yadin Apaydin"), "direct:cue-after")]
    );
    // Between commas with no preposition before it, the name is the one set off.
    let found = quotes(
        "The administrator, [Yadin Apaydin]{PERSON}, said: \"Everything has been knocked down.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Yadin Apaydin"), "direct:cue-before")]
    );
}

#[test]
fn he_after_a_participle_hanging_from_the_sentence_verb_is_that_verbs_subject() {
    let found = quotes(
        "[Hugo Chavez]{PERSON} criticized [Bush]{PERSON}, saying he was \"talking as if he owned \
         the world\".\n\n\
         Talking about nation-building, he said that it is \"a very original democracy that is \
         imposed by weapons and bombs.\"\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Hugo Chavez")),
        "{found:?}"
    );
    // Where the name before the comma is the subject of an earlier cue, "he" goes on with it.
    let found = quotes(
        "[Hugo Chavez]{PERSON} told [Bush]{PERSON} he had lost, adding that the vote was fair.\n\n\
         Later he said: \"It is a very original democracy.\"\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Hugo Chavez")),
        "{found:?}"
    );
}

#[test]
fn complaining_explaining_insisting_and_warning_are_cues() {
    for cue in [
        "complained that",
        "complains that",
        "reacted to the motion,",
    ] {
        let found = quotes(&format!(
            "At the assembly, [Chavez]{{PERSON}} {cue} \"we have no power to make any impact on \
             the terrible situation in the world.\"\n"
        ));
        assert_eq!(
            speakers_and_rules(&found),
            vec![(Some("Chavez"), "direct:cue-before")],
            "{cue}"
        );
    }
    for cue in [
        "explaining that",
        "insisting that",
        "claiming that",
        "declaring that",
        "announcing that",
        "stressing that",
        "responding that",
        "replying that",
        "warning that",
        "recalling that",
    ] {
        let found = quotes(&format!(
            "[Chavez]{{PERSON}} spoke at the assembly for an hour, {cue} \"we have no power to \
             make any impact on the terrible situation in the world.\"\n"
        ));
        assert_eq!(
            speakers_and_rules(&found),
            vec![(Some("Chavez"), "direct:cue-before")],
            "{cue}"
        );
    }
}

#[test]
fn a_person_before_an_open_relative_clause_speaks_not_the_name_inside_it() {
    let found = quotes(
        "Rep. [Charles Rangel]{PERSON} (Democrats) who represents a neighborhood which \
         [Chavez]{PERSON} recently visited said \"I just want to make it abundantly clear: do not \
         come here and offend our president.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Charles Rangel"), "direct:cue-before")]
    );
    // Without the relative "who", the one who visited is the subject of a clause describing
    // someone unnamed, and nobody named speaks.
    let found = quotes(
        "Some of the residents [Chavez]{PERSON} visited said \"we do not want him here.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn a_bodys_unnamed_officer_speaks_for_himself_and_its_spokesman_for_the_body() {
    let found = quotes(
        "After the match, [Senegal]{GPE}'s manager said, \"We managed to control the game \
         tactically and emotionally.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    let found =
        quotes("[Norsk Steel]{ORG}'s spokesman said, \"We will not close the plant this year.\"\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Norsk Steel"), "direct:cue-before")]
    );
}

#[test]
fn a_lone_quotation_after_a_sentence_is_its_subjects_past_an_opening_phrase() {
    let found = quotes(
        "Following speculation that [Daimler-Benz]{PERSON} and [Chrysler]{ORG} would split, \
         chairman [Dieter Zetsche]{PERSON} denied the reports.\n\n\
         \"We do not exclude any option in order to find the best solution.\"\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Dieter Zetsche")),
        "{found:?}"
    );
    // With no opening phrase, the sentence's first person is still its subject.
    let found = quotes(
        "[Dieter Zetsche]{PERSON} denied that [Daimler-Benz]{PERSON} would split.\n\n\
         \"We do not exclude any option in order to find the best solution.\"\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Dieter Zetsche")),
        "{found:?}"
    );
}

#[test]
fn the_name_set_off_after_an_indefinite_phrase_is_who_it_is() {
    let found = quotes(
        "A spokesman for [Gaddafi]{PERSON}, [Moussa Ibrahim]{PERSON}, in a briefing for reporters \
         echoed the message and said: \"The armed units defending Tripoli will fight to the \
         end.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Moussa Ibrahim"), "direct:cue-before")]
    );
    // Without a name set off, someone unnamed speaks.
    let found = quotes(
        "A spokesman for [Gaddafi]{PERSON} echoed the message and said: \"The armed units \
         defending Tripoli will fight to the end.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn a_dash_credit_line_is_not_whom_he_after_it_stands_for() {
    // The pull quote `— Muammar Gaddafi` credits was set beside the article and is gone; "he"
    // goes on with the latest speaker.
    let found = quotes(
        "[Moussa Ibrahim]{PERSON} said: \"The armed units will fight to the end.\"\n\n\
         — [Muammar Gaddafi]{PERSON}\n\n\
         \"We hold Mr. Obama morally responsible for every death,\" he added.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Moussa Ibrahim"), "direct:cue-before"),
            (Some("Moussa Ibrahim"), "direct:cue-after")
        ]
    );
}

#[test]
fn his_profile_or_statement_speaks_for_the_one_his_stands_for() {
    let found = quotes(
        "[Colin Penrose]{PERSON} listed himself as single. \"I hate football and I hate the \
         police\", his profile reads.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Colin Penrose"), "direct:cue-after")]
    );
    let found = quotes(
        "[Anna Berg]{PERSON} resigned on Monday. \"I leave with a heavy heart,\" her statement \
         said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Anna Berg"), "direct:cue-after")]
    );
}

#[test]
fn they_stands_for_a_body_or_a_group_never_one_person() {
    let found = quotes(
        "Judge [Balee Hamdi]{PERSON} said: \"The evidence was not sufficient to convict them.\"\n\n\
         A [Ministry of Defence]{ORG} — the organisation responsible for the army — spokesman \
         responded to the news by saying that she knew the families would be \"very \
         disappointed,\" but, they said, \"we have no choice but to respect the decision.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Balee Hamdi"), "direct:cue-before"),
            (Some("Ministry of Defence"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_spokesman_for_a_person_is_someone_unnamed_not_the_person() {
    let found = quotes(
        "A spokesman for President [Obama]{PERSON} stated: \"The United States will remain firm \
         in our commitment to Israel.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    // The person himself speaks when the text says so.
    let found = quotes(
        "President [Obama]{PERSON} stated: \"The United States will remain firm in our commitment \
         to Israel.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Obama"), "direct:cue-before")]
    );
}

#[test]
fn said_a_spokeswoman_for_a_body_is_someone_unnamed() {
    let found = quotes(
        "\"The ship has been hijacked off Somalia,\" said a spokeswoman for the [NATO]{ORG} \
         mission in the [UK]{GPE}.\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
    // Named after the noun, the person speaks.
    let found = quotes(
        "\"The ship has been hijacked off Somalia,\" said a spokeswoman, [Anna Berg]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Anna Berg"), "direct:cue-after")]
    );
}

#[test]
fn a_quoted_sentence_is_not_the_narrations_sentence_about_a_person() {
    // The sentence before the lone quotation is the spokeswoman's own words; the ship named in it
    // (taken for a person) is her topic, not the next quotation's speaker.
    let found = quotes(
        "Pirates struck again on Thursday.\n\n\
         \"The [Al Khaliq]{PERSON} has been hijacked this morning.\"\n\n\
         \"There were 26 crew on board, 24 of whom are Indian.\"\n",
    );
    assert!(
        found
            .iter()
            .all(|q| q.speaker.as_deref() != Some("Al Khaliq")),
        "{found:?}"
    );
}

#[test]
fn a_name_ending_in_ly_before_the_cue_is_a_name_not_an_adverb() {
    for name in [
        "Nicholas Farrelly",
        "Megyn Kelly",
        "Paul Daly",
        "Sean Connolly",
    ] {
        let found = quotes(&format!(
            "[{name}]{{PERSON}} wrote: \"Each year the country tends to experience at least one \
             period of coup speculation.\"\n"
        ));
        assert_eq!(
            speakers_and_rules(&found),
            vec![(Some(name), "direct:cue-before")],
            "{name}"
        );
    }
    // A lower-case adverb there still stands between the subject and the cue.
    let found = quotes(
        "[Nicholas Farrelly]{PERSON} recently wrote: \"Each year the country tends to experience \
         at least one period of coup speculation.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Nicholas Farrelly"), "direct:cue-before")]
    );
}

#[test]
fn he_after_a_quotation_opened_by_an_introduction_is_the_introducers() {
    // The quotation of several sentences opened after "welcomed the deal:", so that sentence is
    // the one before "He", not the sentence before it.
    let found = quotes(
        "Iranian president [Hassan Rouhani]{PERSON} said the deal was a victory.\n\n\
         US president [Barack Obama]{PERSON} welcomed the deal: \"For the first time in nearly a \
         decade, we have halted the program. Key parts of it will be rolled back.\" He said the \
         provisions \"cut off Iran's most likely paths to a bomb\".\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Barack Obama")),
        "{found:?}"
    );
}

#[test]
fn he_is_not_a_person_his_quotation_names_in_the_third_person() {
    let found = quotes(
        "He will press for sanctions against [Iran]{GPE}, which Mr. [Bush]{PERSON} says is \
         crucial.\n\n\
         The president says he will meet leaders in [Lebanon]{GPE}, where he says Syrian \
         President Bashar al-[Assad]{PERSON} is the main obstacle.\n\n\
         \"President Assad must understand that the first thing he has got to do is stop \
         interfering,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Bush"), "direct:cue-after")]
    );
}

#[test]
fn a_quotation_its_sentence_introduces_keeps_the_introduction_not_the_next_sentences_cue() {
    let found = quotes(
        "[Amnesty International]{ORG} condemned the law in a report: \"The government is trying \
         to criminalize people who are practicing their rights.\" [Virginia Alvarez]{PERSON}, who \
         wrote the report, noted, \"Authorities are doing everything to stop them.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Amnesty International"), "direct:introduced"),
            (Some("Virginia Alvarez"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_friend_of_someone_is_someone_unnamed_and_a_dash_credit_line_names_no_one_for_he() {
    let found = quotes(
        "A friend of [Diveroli]{PERSON} said to reporters, \"The government checked him out and \
         gave him the contract.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    let found = quotes(
        "\"He is a boy genius,\" said [Michael Diveroli]{PERSON}.\n\n\
         — [Michael Diveroli]{PERSON}, [Efrain]{PERSON}'s father\n\n\
         The contract was examined again. \"There is no shortage of ammunition,\" he said.\n",
    );
    assert_eq!(
        found.last().map(|q| q.speaker.as_deref()),
        Some(Some("Michael Diveroli")),
        "{found:?}"
    );
}

#[test]
fn the_person_named_after_a_team_and_a_position_speaks() {
    let found = quotes(
        "\"I thought it was a tornado or a terrorist attack,\" said [Mississippi State]{PERSON} \
         guard [Ben Hansbrough]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Ben Hansbrough"), "direct:cue-after")]
    );
}

#[test]
fn one_quoted_by_a_newspaper_as_saying_speaks_not_the_newspaper() {
    let found = quotes(
        "[Eastman]{PERSON} is quoted by [U.S. News and World Report]{ORG} as saying of \
         [Kennedy]{PERSON}, \"All eyes are on Justice Kennedy and he has studiously avoided that \
         step.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Eastman"), "direct:cue-before")]
    );
    // In the active the one after "quoted" is quoted.
    let found = quotes(
        "[Politico]{ORG} quoted [Tim Manning]{PERSON} as saying, \"We are not ready for this \
         storm season at all.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Tim Manning"), "direct:cue-before")]
    );
}

#[test]
fn a_quotation_without_a_cue_in_a_sentence_a_person_opens_is_that_persons() {
    let found = quotes(
        "Scottish Liberal Democrat leader [Willie Rennie]{PERSON} spoke of a \"towering figure\" \
         who \"commanded immediate respect and trust from friend and foe alike.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Willie Rennie"), "direct:in-sentence")]
    );
    assert_eq!(found[0].resolved_by.as_deref(), Some("sentence-subject"));
    // Past an opening phrase too.
    let found = quotes(
        "In a statement, [Navi Pillay]{PERSON} called on the forces to \"exercise the utmost \
         caution and vigilance so as not to kill civilians by mistake.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Navi Pillay"), "direct:in-sentence")]
    );
}

#[test]
fn a_quotation_without_a_cue_is_nobodys_when_no_person_opens_its_sentence() {
    // An organisation's sentence, or one the quotation itself opens, names nobody who said it.
    let found = quotes(
        "[The Senate]{ORG} passed a bill \"to protect the wages of every worker in the state.\"\n\
         \n\
         \"Every worker deserves a fair wage and a safe place to work,\" [Smith]{PERSON} and \
         others wrote.\n",
    );
    assert_eq!(found[0].speaker, None, "{found:?}");
    assert_eq!(found[0].rule, "direct:no-cue");
}

#[test]
fn he_opening_sentences_in_a_row_goes_on_with_the_subject_before_them() {
    let found = quotes(
        "[Alex Salmond]{PERSON} said the late politician was an effective leader.\n\
         \n\
         [McLetchie]{PERSON} played golf and followed rugby. He has a son from a previous \
         marriage. He put his switch to politics down to \"a combination of a mid-life career \
         change and a mid-life crisis.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("McLetchie"), "direct:in-sentence")]
    );
    assert_eq!(found[0].resolved_by.as_deref(), Some("pronoun"));
}

#[test]
fn he_after_a_sentence_an_unnamed_office_holder_opens_is_nobody_named() {
    let direct_only = |found: Vec<Seen>| -> Vec<Seen> {
        found
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect()
    };
    let found = direct_only(quotes(
        "[Grove]{PERSON}'s parents have been in Wells since July.\n\
         \n\
         The Tyler minister explained to reporters that his group was handing out food. He \
         described the members as \"very robotic, kind of disengaged and had very big eyes.\"\n",
    ));
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    // A person named before with that office is the one meant.
    let found = direct_only(quotes(
        "Prime Minister [Albin Kurti]{PERSON} arrived in Brussels on Monday.\n\
         \n\
         The minister spoke to reporters before the talks began. He described the meeting as \
         \"a last chance for a deal that both sides can live with.\"\n",
    ));
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Albin Kurti"), "direct:cue-before")]
    );
}

#[test]
fn a_cue_after_but_is_a_second_predicate_of_the_opening_subject() {
    let found = quotes(
        "[Brose]{PERSON} denied being asked to manufacture evidence, but stated that \"if a \
         detainee wants to tell me what I want to hear so he can get out of jail, you know what \
         I'm saying.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Brose"), "direct:cue-before")]
    );
    assert_eq!(found[0].resolved_by.as_deref(), Some("coordinated"));
}

#[test]
fn a_quotation_after_a_statement_by_a_person_is_that_persons() {
    let found = quotes(
        "Former foreign minister [Joschka Fischer]{PERSON} said he was worried. He found \
         particularly worrisome a statement by Presidential candidate [Rudy Giuliani]{PERSON} in \
         October that \"if I am President, we will never find out what they will do with \
         nuclear weapons.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Rudy Giuliani"), "direct:in-sentence")]
    );
}

#[test]
fn the_person_a_report_is_according_to_speaks_when_the_clause_names_nobody() {
    let found = quotes(
        "According to analyst [Maryann Keller]{PERSON}, the deal is a good one for both \
         companies, as \"neither one has the ability to compete alone in the kind of global \
         environment that is now developing.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Maryann Keller"), "direct:reported")]
    );
    // An outlet is the report's source, not the speaker.
    let found = quotes(
        "According to the [BBC]{ORG}, the decision of the office was \"a matter for the courts \
         and for nobody else to decide.\"\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:reported")]);
}

#[test]
fn a_word_opening_the_sentence_before_a_comma_is_no_name() {
    let found = quotes(
        "The charity called the practice racist. Previously, the same charity has said \"it is \
         the consequences of the practice rather than the intention that is relevant.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn a_person_of_a_body_the_model_missed_speaks_past_the_description_after_it() {
    // The body is no mention; the person before "from" speaks, not nobody.
    let found = quotes(
        "[Chad Griffin]{PERSON} from the Human Rights Campaign, an LGBT rights organization, \
         pledged: \"Within five years, we will bring marriage equality to all 50 states.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Chad Griffin"), "direct:cue-before")]
    );
}

#[test]
fn a_plurals_possessive_inside_a_bodys_name_does_not_hide_the_person_of_it() {
    let found = quotes(
        "[Andrew Mwangura]{PERSON} of the Seafarers' Assistance Program said Saturday, \"I can \
         confirm the pirates hijacked the ship on Friday at midnight.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Andrew Mwangura"), "direct:cue-before")]
    );
}

#[test]
fn a_name_suffix_belongs_to_the_name_before_it() {
    // The person whose mention stops before "Jr." speaks past the description after it.
    let found = quotes(
        "[Edward B. MacMahon]{PERSON} Jr., a Virginia attorney for Sterling, said, \"He has \
         always maintained his innocence throughout this investigation.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Edward B. MacMahon"), "direct:cue-before")]
    );
    // After the cue, the suffix's full stop does not end the clause before the name's end.
    let found = quotes(
        "\"It clearly stimulates the economy,\" said [William Clay Ford Jr.]{PERSON}, executive \
         chairman of the company.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("William Clay Ford Jr."), "direct:cue-after")]
    );
}

#[test]
fn the_person_of_a_body_whose_name_holds_of_speaks_not_the_place_in_it() {
    let found = quotes(
        "Coauthor [Axel Timmermann]{PERSON} of the University of [Hawaii]{GPE} notes a further \
         effect: \"Stronger trade winds in the equatorial Pacific also increase the upwelling of \
         cold waters.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Axel Timmermann"), "direct:cue-before")]
    );
}

#[test]
fn the_person_after_a_country_and_a_capitalised_title_speaks_not_the_country() {
    let found = quotes(
        "[US]{GPE} Assistant Attorney General [Lanny Breuer]{PERSON} made a statement, saying \
         that \"Sterling placed at risk our national security and the life of an individual.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Lanny Breuer"), "direct:cue-before")]
    );
}

#[test]
fn a_continuation_after_a_cued_quote_and_its_source_goes_on_with_the_speaker() {
    // "according to" names where the words were reported, not a second speaker.
    let found = quotes(
        "\"They were the more physical team by far,\" coach [Doc Rivers]{PERSON} said after the \
         game, according to the [Associated Press]{ORG}. \"They were more aggressive. They \
         attacked us the entire night.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Doc Rivers"), "direct:cue-after"),
            (Some("Doc Rivers"), "direct:continuation")
        ]
    );
}

#[test]
fn a_middle_initials_full_stop_does_not_end_the_name_after_a_cue() {
    let found = quotes(
        "\"It simply defies logic that the president would all of a sudden convert,\" said \
         Democratic Senator [Christopher S. Murphy]{PERSON}. Others disagreed.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Christopher S. Murphy"), "direct:cue-after")]
    );
}

#[test]
fn the_unmentioned_issuer_of_a_statement_speaks_through_it() {
    // No mention names the body: the name before "issued" does.
    let found = quotes(
        "In response to the allegations, the charity Christian Aid issued a statement saying, \
         \"There are allegations in the story which are against all of our principles.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Christian Aid"), "direct:cue-before")]
    );
    // The article after the verb may be missing.
    let found = quotes(
        "The UAW issued statement saying \"The impacted hourly and salaried workers find \
         themselves facing uncertain futures.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("UAW"), "direct:cue-before")]
    );
}

#[test]
fn a_place_a_body_is_for_does_not_speak_for_it() {
    let found = quotes(
        "In a statement the council of religious leaders for western [Afghanistan]{GPE} said \
         \"Once again the enemies of Islam have stained their hands with the blood of our \
         people.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn who_wrote_a_document_speaks_through_it_but_not_who_saw_it() {
    let found = quotes(
        "\"This is a side of him Canadians have never seen before,\" a news release written by \
         [Robertson]{PERSON} said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Robertson"), "direct:cue-after")]
    );
    let found = quotes(
        "\"The plan will be announced within days,\" a letter seen by [Sky News]{ORG} says.\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
}

#[test]
fn a_country_with_its_government_after_it_speaks_as_the_government() {
    let found = direct_with_the_model(
        "Reactor pictures released\n\n\
         In a statement released to reporters the US government said, \"We are convinced, based \
         on a variety of information, that the reactor was not for peaceful purposes.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("US government"), "{found:?}");
}

#[test]
fn points_out_and_sighs_are_cues() {
    let found = quotes(
        "[Dodds]{PERSON} points out, \"At first glance, the brand seems a logical target.\"\n\
         \"None of us have ever tried to leave the country\", [Zaynab]{PERSON} sighs.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Dodds"), "direct:cue-before"),
            (Some("Zaynab"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_name_the_model_missed_before_of_and_a_body_speaks_not_the_body() {
    let found = quotes(
        "These boycotts are not without criticism. Dodds of [Time Magazine]{ORG} points out, \
         \"At first glance, Stoli seems a logical target.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Dodds"), "direct:cue-before")]
    );
    // A plural of people opening the sentence is no one's name: the body is all that is named.
    let found = quotes("Workers of [Time Magazine]{ORG} said, \"We were never told.\"\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Time Magazine"), "direct:cue-before")]
    );
}

#[test]
fn the_one_described_is_not_who_describes() {
    let found = quotes(
        "[UWS]{ORG} operator Haw Par Corporation described [Chan]{PERSON} as a \"veteran diver \
         and animal caregiver who had been caring for the animals since 1991\".\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Haw Par Corporation"), "direct:cue-before")]
    );
}

#[test]
fn someone_unnamed_at_a_place_who_saw_it_is_nobody_named() {
    let found = quotes(
        "While [Chan]{PERSON}'s colleagues declined to comment, a staff member at the Rasa \
         Sentosa Resort and [Spa]{PERSON}, who witnessed [Chan]{PERSON} being taken away, stated, \
         \"It all happened very quickly.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    // A person named before the comma is the one the relative clause is about.
    let found = quotes(
        "[Kurti]{PERSON}, a member of the party at [Pristina]{GPE}, who met [Vucic]{PERSON}, \
         said, \"It went well.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Kurti"), "direct:cue-before")]
    );
}

#[test]
fn a_straight_opening_mark_closes_with_a_curly_one_and_he_goes_on_with_someone_unnamed() {
    let found = quotes(
        "\"Making public the pictures is likely to inflame the North Koreans,” one senior \
         administration official said off the record. \"And that’s just what opponents of this \
         arrangement want,\" he added.\n\n\
         Earlier, [Bush]{PERSON} had said nothing.\n",
    );
    assert_eq!(
        direct(
            "\"Making public the pictures is likely to inflame the North Koreans,” one senior \
             administration official said off the record. \"And that’s just what opponents of \
             this arrangement want,\" he added.\n"
        )
        .len(),
        2
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-after"), (None, "direct:cue-after")]
    );
    // Named before in the paragraph, the president is not who "he" stands for either.
    let found = quotes(
        "The release is an attempt by hardliners in the [Bush]{PERSON} administration.\n\n\
         \"Making public the pictures is likely to inflame them,\" one senior administration \
         official said. \"And that’s just what opponents want,\" he added.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-after"), (None, "direct:cue-after")]
    );
}

#[test]
fn a_constitution_of_a_country_is_quoted_not_the_country() {
    let found = quotes(
        "The Constitution of [Iraq]{GPE} states in Article 19 \"The accused is innocent until \
         proven guilty in a fair legal trial.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn a_tweet_from_the_account_of_a_band_is_the_bands() {
    let found = quotes(
        "The official twitter handle of The Cranberries posted a tweet saying, \"We are \
         devastated on the passing of our friend Dolores.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Cranberries"), "direct:cue-before")]
    );
}

#[test]
fn a_thing_after_said_the_is_what_was_talked_about_not_who_spoke() {
    let found = quotes(
        "Lord [Framlingham]{PERSON} criticised the amendments and said the [Bill]{PERSON} \"is \
         built entirely on pretence. It pretends that there is no difference between a man and \
         a woman.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Framlingham"), "direct:cue-before")]
    );
}

#[test]
fn a_quotation_in_the_headline_is_not_suggested() {
    let found = quotes(
        "Ukraine: \"If Prison Acquires a Voice, Everything Will Change\"\n\n\
         On April 2, the channel aired a documentary. \"It was the first time in twenty years,\" \
         [Usov]{PERSON} said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Usov"), "direct:cue-after")]
    );
    // A first line that runs on into the article is no headline.
    let found = quotes("\"We will never give up,\" [Kurti]{PERSON} said.\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Kurti"), "direct:cue-after")]
    );
}

#[test]
fn a_place_the_schema_does_not_let_speak_is_never_a_speaker() {
    let found = quotes(
        "The township magistrate of the [Orchid Island]{LOC} asked, \"Did the people on Orchid \
         Island produce this nuclear waste? Who produced it?\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn someone_unnamed_from_a_place_is_nobody_named() {
    let found = quotes(
        "Since December 2011, eleven foetuses have been found. A pastor from [Goma]{GPE} \
         suggests: \"Enough is enough!\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    // A document from a body speaks for it.
    let found =
        quotes("A statement from the [Foreign Ministry]{ORG} said: \"We will respond in kind.\"\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Foreign Ministry"), "direct:cue-before")]
    );
}

#[test]
fn a_user_name_in_lower_case_after_user_or_blogger_speaks() {
    let found = quotes(
        "Some bloggers were less than polite. Anti-Putin LiveJournal user i_l_d responded \
         simply: \"Go screw yourself, Yavlinsky.\" Nationalist blogger sinn-fein-front wrote \
         gloatingly: \"It is gratifying, one by one the walls fall.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("i_l_d"), "direct:cue-before"),
            (Some("sinn-fein-front"), "direct:cue-before")
        ]
    );
    // A word after the noun is no one's name.
    let found = quotes("One user here wrote: \"It is gratifying.\"\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
    let found = quotes("The blogger himself wrote: \"It is gratifying.\"\n");
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-before")]
    );
}

#[test]
fn a_word_glossed_by_meaning_is_a_term_not_a_quote() {
    let found = quotes(
        "On election day [Algerians]{NORP} tweeted under the hashtag #10MaiToz, \"toz\" meaning \
         nonsense.\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![]);
}

#[test]
fn the_name_of_a_page_after_the_page_is_not_a_quote() {
    let found = quotes(
        "Finally, on Facebook the page \"I am in favor of the law of gender identity\" \
         celebrated the vote.\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![]);
    // The words of a group, opening in lower case, are its words.
    let found = quotes(
        "The [NAACP]{ORG} put out a statement stating that the group \"looks forward to a full \
         and thorough investigation into this matter by federal agents\".\n",
    );
    assert_eq!(speakers_and_rules(&found).len(), 1, "{found:?}");
}

#[test]
fn wonders_and_asks_are_cues() {
    let found = quotes(
        "While Weblog Bahamas' [Edward Hutcheson]{PERSON} wonders \"what the nation would look \
         like now if a different choice was made in 1984\", others predict the result.\n\
         [Kurti]{PERSON} asks: \"Who will pay for it?\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Edward Hutcheson"), "direct:cue-before"),
            (Some("Kurti"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_quotation_joined_by_and_to_the_next_shares_its_cue() {
    let found = quotes(
        "\"She told me that a ventilator is not the will of God\" and that \"one must allow \
         the natural event to happen\", [Bustamante]{PERSON} recalled.\n\
         \"We will appeal against this ruling in every court\" and \"we will keep fighting for \
         the families who lost everything\", [Kurti]{PERSON} said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Bustamante"), "direct:cue-after"),
            (Some("Bustamante"), "direct:cue-after"),
            (Some("Kurti"), "direct:cue-after"),
            (Some("Kurti"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_role_noun_finds_the_person_whose_title_follows_the_name_not_a_name_inside_it() {
    // The model takes the diocese's place for a person; the title in apposition after
    // Fernández's name says who the bishop is.
    let found = quotes(
        "One criticism came from [Daniel Fernández]{PERSON}, bishop of the Diocese of \
         [Jujuy]{PERSON}, in Argentina:\n\n\
         \"The church from the beginning has made its opinion known\", the bishop has said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Daniel Fernández"), "direct:cue-after")]
    );
}

#[test]
fn a_quote_in_another_language_and_its_translation_share_a_speaker() {
    let found = quotes(
        "The bishop spoke against the law.\n\n\
         \u{201c}La identidad viene dada por el sexo que recibimos y por la identidad que \
         traemos\u{201d}, defendió el obispo argentino.\n\n\
         \"Identity is given from the sex that we receive and from the identity that we take \
         with us\", [Daniel Fernández]{PERSON} said.\n\n\
         Another paragraph follows in English, with a quote of its own.\n\n\
         \"This is a long quote with nobody named and nothing before it.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Daniel Fernández"), "direct:translation"),
            (Some("Daniel Fernández"), "direct:cue-after"),
            (None, "direct:no-cue")
        ]
    );
}

#[test]
fn a_name_inside_a_quoted_title_introduces_nobody() {
    // The model takes a capitalised word of the post's title for a person.
    let found = quotes(
        "In a post entitled \"A brave lady [Speaks]{PERSON} out about the Drone Strikes\", \
         blogger [Afrah Nasser]{PERSON} commended the activist:\n\n\
         \"How many people are you willing to sacrifice? Shame on you!\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Afrah Nasser"), "direct:introduced")]
    );
}

#[test]
fn a_quoted_headline_post_or_image_title_is_a_name_not_a_quote() {
    let found = direct(
        "Gist Only wrote a rather controversial headline \u{201c}Late Yekini's Wife blames the \
         Media for his Death\u{201d}:\n\n\
         The thumbnail image used in this post, \"Press freedom abandoned\", is by Mike.\n\n\
         As coauthor [Colette Heald]{PERSON} told The Huffington Post, \"The climate \
         projections are quite consistent.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "The climate projections are quite consistent.",
            Some("Colette Heald"),
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_body_before_an_office_for_something_and_a_comma_gives_the_officer() {
    let found = quotes(
        "\"The Commission also regrets that travellers were refused entry,\" said \
         [EU]{ORG} commissioner for [Home Affairs]{ORG}, [Cecilia Malmström]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Cecilia Malmström"), "direct:cue-after")]
    );
}

#[test]
fn a_phrase_opening_the_sentence_before_a_pronoun_holds_no_subject() {
    // The model takes the medal's name for a person.
    let found = quotes(
        "[Barack Obama]{PERSON} spoke on Monday. Speaking at a ceremony for winners of the \
         Medal of [Honor]{PERSON}, [Obama]{PERSON} praised the heroes. He said: \"We may not \
         always know their names.\"\n\n\
         According to analyst [Hazem al-Nuaeimi]{PERSON}, [Sadr]{PERSON} is a thorn in the \
         side of other groups. \"There is a need to minimize their strength,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Obama"), "direct:cue-before"),
            (Some("Hazem al-Nuaeimi"), "indirect:according-to"),
            (Some("Hazem al-Nuaeimi"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_name_in_a_sentence_that_she_opens_is_not_who_she_is() {
    let found = quotes(
        "Another voice actor, [Lauren Landa]{PERSON}, would list two dream roles. She was \
         given a chance to audition years later, when [Vizmedia]{PERSON} dubbed the series. \
         When she was cast, \"I swear to you, I was speechless,\" she told an audience.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Lauren Landa"), "direct:cue-after")]
    );
}

#[test]
fn a_past_participle_phrase_opening_the_sentence_holds_no_subject() {
    let found = quotes(
        "[Emma Caufield]{PERSON} talked of being cast in a pilot. Faced with losing the \
         character of [Anya Jenkins]{PERSON}, the producers made her a regular. \"It was a good \
         day,\" she recalls.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Emma Caufield"), "direct:cue-after")]
    );
}

#[test]
fn a_quotation_inside_a_paragraph_an_introduction_presents_is_the_introducers() {
    let found = quotes(
        "In the podcast, [Jay Rosen]{PERSON} made an interesting observation:\n\n\
         I was at the first meeting and when I came back I thought, \"wow, this is really cool, \
         this cult of bloggers.\" And I think we have to go global.\n\n\
         Blogger [Baki]{PERSON} tweeted:\n\n\
         @7our: Algerian proverb: \"When the polling station is empty the ballot box fills \
         up.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Jay Rosen"), "direct:blockquote"),
            (None, "direct:no-cue")
        ]
    );
}

#[test]
fn a_guillemet_before_punctuation_opens_no_quotation() {
    // French spaces its guillemets; `» .` is no opening `»…«`.
    let found = direct(
        "Il le considérait comme « dévalué ». Sa « préférence » allait vers l'agriculture.\n\
         \"...plied the detective with a grand conspiracy story,\" [Rathbun]{PERSON} said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "...plied the detective with a grand conspiracy story",
            Some("Rathbun"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_spanish_verb_of_saying_is_a_cue_right_after_its_quotation_only() {
    let found = quotes(
        "Por ello, dijo que a [Garatea]{PERSON} \u{201c}se le ha llamado la atención desde hace \
         seis años\u{201d} por sus opiniones.\n\n\
         \u{201c}No podemos juzgar abruptamente y decir que ha sido una decisión \
         intolerante\u{201d}, dijo [Chuquillanqui]{PERSON} en RPP.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (None, "direct:no-cue"),
            (Some("Chuquillanqui"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_participle_with_no_comma_before_it_takes_the_name_opening_its_sentence() {
    let found = quotes(
        "[Ban]{PERSON} criticized [Israel]{GPE} for the civilian death toll saying, \"Dozens more \
         civilians have been killed.\"\n\n\
         In response, [Germaine Richie]{PERSON} who is the owner of [Divi Divi Air]{ORG}, made a \
         comment saying: \"We reject any allegations.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Ban"), "direct:cue-before"),
            (Some("Germaine Richie"), "direct:cue-before")
        ]
    );
    assert_eq!(found[0].resolved_by.as_deref(), Some("participle"));
}

#[test]
fn present_tense_verbs_of_saying_are_cues() {
    let found = quotes(
        "As coauthor [Shayne McGregor]{PERSON} of the [University of New South Wales]{ORG} \
         explains, \"the main cause of the Pacific wind is the Atlantic.\"\n\n\
         \"It's an extraordinary challenge,\" admits [John Ostrower]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Shayne McGregor"), "direct:cue-before"),
            (Some("John Ostrower"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_cue_that_is_also_a_plural_noun_is_no_cue_after_a_preposition_or_a_possessive() {
    // "comments" and "remarks" are nouns here: the quotation is introduced by the colon, and its
    // speaker is the sentence's subject.
    let found = quotes(
        "[Seidenberg]{PERSON} defended the payments in comments on [Ballot Access News]{ORG}: \
         \"The advances were to cover hotels and travel.\"\n\n\
         [Tony Blair]{PERSON} said [Fallon]{PERSON}'s remarks hinted at desperation: \"The Tories \
         were up to their old tricks.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Seidenberg"), "direct:introduced"),
            (Some("Tony Blair"), "direct:introduced")
        ]
    );
}

#[test]
fn a_verb_of_saying_inside_a_quotation_makes_no_reported_quote_of_its_own() {
    let found = quotes(
        "Secretary of the Air Force [James Roche]{PERSON}: \"No, Sir, save it and blow him away. \
         He said that they were not technically qualified! Jim.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, QuoteKind::Direct);
    assert_eq!(found[0].speaker.as_deref(), Some("James Roche"));
}

#[test]
fn a_name_after_a_bodys_name_and_a_trade_speaks_rather_than_the_body() {
    let found = quotes(
        "\"Stay away from the beaches,\" warned [Coastguard Northern Region]{PERSON} duty officer \
         [John Cowan]{PERSON}.\n\n\
         Earlier, former [UN]{ORG} weapons inspector [Hans Blix]{ORG} recommended that the \
         [United States]{GPE} give a similar commitment, stating, \"regime changes from the \
         outside are not that much of a panacea.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("John Cowan"), "direct:cue-after"),
            (Some("Hans Blix"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_pronoun_after_a_sentence_opening_with_someone_unnamed_names_nobody() {
    let found = quotes(
        "[Michael Whitman]{PERSON} spoke first.\n\n\
         One of the victims from [Saraf Jidad]{PERSON}, who was around 80 years old, recalled the \
         attack. \"The attackers entered my house,\" he said.\n\n\
         [Michael Whitman]{PERSON} spoke again.\n\n\
         According to an [Army]{ORG} official, other contractors are interested. \"Besides, there \
         is no shortage of ammunition,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(None, "direct:cue-after"), (None, "direct:cue-after")]
    );
}

#[test]
fn an_indefinite_noun_phrase_after_the_cue_is_someone_unnamed_unless_a_document() {
    let found = quotes(
        "\"We are worried,\" said a [Delhi]{GPE} auto parts supplier.\n\n\
         \"Huber was exceptionally respected,\" reads an [AEW]{ORG} press release.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (None, "direct:cue-after"),
            (Some("AEW"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_title_with_a_subtitle_is_no_quote_even_ending_in_a_question_mark() {
    let found = quotes(
        "The Center will offer a course on \"Social Media and Human Rights: Can Smart Dissidents \
         Create Change?\" planned for June.\n\n\
         \"Togetha: Suddenly Inflicting Good!\"\n\n\
         \"Why are we still waiting?\" asked [Anna Berg]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Anna Berg"), "direct:cue-after")]
    );
}

#[test]
fn a_retweeted_tweet_opening_with_a_handle_is_the_handles() {
    let found = quotes(
        "Netizens discussed the elections on Twitter.\n\n\
         @TumiVolume: \"@KommandaObbs: It's annoying how a small country has over 17 political \
         parties.\" democracy\n\n\
         @Phooto: \"@Telegraph: 140 people injured when balloons explode at a concert\" why \
         hydrogen?\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("@KommandaObbs"), "direct:introduced"),
            (Some("@Telegraph"), "direct:introduced")
        ]
    );
}

#[test]
fn an_abbreviations_full_stop_inside_an_appositive_ends_nothing() {
    let found = quotes(
        "Lead author [Daniel Paluh]{PERSON}, a Ph.D. candidate at the [University of Florida]{ORG}, \
         said, \"Superficially, frogs may look similar.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Daniel Paluh"), "direct:cue-before")]
    );
}

#[test]
fn a_handle_after_the_cue_and_a_lone_uncommon_name_before_it_speak() {
    let found = quotes(
        "Attacks were repeated. \"The website isn't working,\" tweeted @tvrain on May 6.\n\n\
         Harutizwi asks, \"Where is our African identity?\":\n\n\
         Officials said, \"The roads are closed.\"\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("@tvrain"), "direct:cue-after"),
            (Some("Harutizwi"), "direct:cue-before"),
            (None, "direct:cue-before")
        ]
    );
}

#[test]
fn person_mentions_the_model_cut_one_space_apart_are_one_speaker() {
    let found = direct_with_the_model(
        "Assembly vote\n\n\
         Regional councillor Órla Nic Biorna tweeted, \"Shocked at the result tonight.\"\n\n\
         The ministry disagrees; Catherine Colonna, minister for European affairs, reacted that \
         \"It is the task of historians to clarify history.\"\n\n\
         \"The ceasefire holds in the south,\" Major-General Kevin Bergner told reporters.\n",
    );
    let speakers: Vec<_> = found.iter().map(|q| q.1.as_deref()).collect();
    // A title the model took for a person is no part of the name after it.
    assert_eq!(
        speakers,
        vec![
            Some("Órla Nic Biorna"),
            Some("Catherine Colonna"),
            Some("Kevin Bergner")
        ],
        "{found:?}"
    );
}

#[test]
fn a_month_after_the_cue_is_the_person_whose_name_ends_with_it() {
    let found = quotes(
        "Prime Minister [Theresa May]{PERSON} spoke on Sunday.\n\n\
         \"Enough is enough,\" said May. \"There is far too much tolerance of extremism.\"\n\n\
         \"We will vote,\" said Lena May 5.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("May"), "direct:cue-after"),
            (Some("May"), "direct:continuation"),
            (Some("Lena"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_titles_full_stop_between_the_quote_and_its_cue_ends_nothing() {
    let found = quotes(
        "Researchers studied the samples.\n\n\
         \"We have been able to compare two strains,\" Dr. [Worobey]{PERSON} said.\n\n\
         \"It might indicate they were flying too high,\" Mr. [Dale Oderman]{PERSON} said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Worobey"), "direct:cue-after"),
            (Some("Dale Oderman"), "direct:cue-after")
        ]
    );
}

#[test]
fn he_in_a_paragraph_opening_with_a_name_the_model_missed_is_that_name() {
    let found = quotes(
        "Centre back [Omar Jarun]{PERSON} was unhappy. \"We came out flat,\" he said.\n\n\
         Schmetzer was naturally delighted with his side. \"I think we played well,\" he said.\n\n\
         Schmetzer praised [Lena Ortiz]{PERSON} for her goal. \"It was a fine finish,\" she said.\n",
    );
    // A person named between the opening word and the pronoun is the one it stands for.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Omar Jarun"), "direct:cue-after"),
            (Some("Schmetzer"), "direct:cue-after"),
            (Some("Lena Ortiz"), "direct:cue-after")
        ]
    );
}

#[test]
fn the_and_a_person_noun_before_added_or_also_said_goes_on_with_the_speaker_before() {
    let found = quotes(
        "Manager [José Mourinho]{PERSON} said, \"I congratulate them.\" The \
         [Portuguese]{NORP} added, \"Every defeat hurts.\"\n\n\
         [Sheppard]{PERSON} said, \"Our other discovery is an oddball.\" The astronomer also \
         said, \"This is an unstable situation.\"\n\n\
         [Ana Lund]{PERSON} said, \"We won.\" The statement added, \"The club is proud.\"\n\n\
         [Ana Lund]{PERSON} said, \"We won.\" The paper added, \"The town is proud.\"\n\n\
         [Ana Lund]{PERSON} said, \"We won.\" The astronomer said, \"It was hard.\"\n",
    );
    // A document or a newspaper goes on with no one; "said" alone does not say the speaker goes
    // on.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("José Mourinho"), "direct:cue-before"),
            (Some("José Mourinho"), "direct:cue-before"),
            (Some("Sheppard"), "direct:cue-before"),
            (Some("Sheppard"), "direct:cue-before"),
            (Some("Ana Lund"), "direct:cue-before"),
            (None, "direct:cue-before"),
            (Some("Ana Lund"), "direct:cue-before"),
            (None, "direct:cue-before"),
            (Some("Ana Lund"), "direct:cue-before"),
            (None, "direct:cue-before")
        ]
    );
}

#[test]
fn a_name_after_a_lower_case_description_between_commas_speaks() {
    let found = quotes(
        "The study's lead author, doctoral candidate Maninder Thind, said, \"We looked at \
         emissions from every kind of plant.\"\n\n\
         The vote's loser, a candidate from Ohio, said, \"We lost.\"\n",
    );
    // A description opening with "a" names nobody.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Maninder Thind"), "direct:cue-before"),
            (None, "direct:cue-before")
        ]
    );
}

#[test]
fn she_after_an_honorific_and_a_name_the_model_missed_is_that_name() {
    let found = quotes(
        "A police spokesman gave no details.\n\n\
         After Ms Maliwal visited the hospital, she tweeted: \"How can the city sleep today?\"\n\n\
         After Ms Osei met [Ana Berg]{PERSON}, she tweeted: \"Nobody came to help.\"\n",
    );
    // A person named after the honorific's name is nearer.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Maliwal"), "direct:cue-before"),
            (Some("Ana Berg"), "direct:cue-before")
        ]
    );
}

#[test]
fn a_name_after_a_long_title_opening_the_sentence_is_its_subject() {
    let found = quotes(
        "Assistant Secretary of the [Air Force]{ORG} for Acquisition [Marvin Sambur]{PERSON} \
         defended the choice, saying, \"This was not a competitive bid process.\"\n\n\
         The memo of the [Air Force]{ORG} for Acquisition [Marvin Sambur]{PERSON} came back, \
         saying, \"We were never asked.\"\n",
    );
    // After a lower-case word ("memo") the words before the name are no title: it is in a
    // phrase.
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Marvin Sambur"), "direct:cue-before"),
            (None, "direct:cue-before")
        ]
    );
}

#[test]
fn a_title_word_that_ends_a_persons_name_in_the_document_is_that_persons_surname() {
    let found = quotes(
        "[Billy King]{PERSON} fired the coach yesterday.\n\n\
         \"We felt the main focus was the players,\" King said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("King"), "direct:cue-after")]
    );
    // With no "… King" in the document, "King" is a title and names nobody.
    let found = quotes("The coach was fired yesterday.\n\n\"We felt it was time,\" King said.\n");
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:cue-after")]);
}

#[test]
fn a_quote_written_one_sentence_per_line_runs_on_to_the_mark_that_closes_it() {
    assert_eq!(
        direct(
            "A close friend, [Ann Lee]{PERSON}, said: “I can't believe it.\n\n\
             They were so close.\n\n\
             “John was a good kid.\n\n\
             He idolised his sister.”\n\n\
             Alice was brought up in Millom.\n"
        ),
        vec![row(
            "I can't believe it. / They were so close. / John was a good kid. / He idolised his \
             sister.",
            Some("Ann Lee"),
            "direct:cue-before"
        )]
    );
    // A quote left open by a slip ends at its paragraph when the next quotation has marks of
    // its own: nothing closes the first one.
    assert_eq!(
        direct(
            "[Ann Lee]{PERSON} said: “We will win.\n\n\
             The crowd cheered.\n\n\
             “It is over,” said [Bob Day]{PERSON}.\n"
        ),
        vec![
            row("We will win.", Some("Ann Lee"), "direct:cue-before"),
            row("It is over", Some("Bob Day"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_quote_between_two_closing_curly_marks_is_a_quote() {
    // Swedish and Finnish typography, and copies whose marks were all turned the closing way.
    assert_eq!(
        direct("”Mission accomplished,” [Bruce Arians]{PERSON} said.\n"),
        vec![row(
            "Mission accomplished",
            Some("Bruce Arians"),
            "direct:cue-after"
        )]
    );
    // After a comma, or in a line that opens its quotes with “, the mark closes.
    assert_eq!(
        direct(
            "[Peter Cardillo]{PERSON} said: “We fell. The capitulation came at 8,000,” he \
             continued.\n"
        ),
        vec![row(
            "We fell. The capitulation came at 8,000",
            Some("Peter Cardillo"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn reported_after_a_quotation_credits_the_outlet_that_reports() {
    let found = quotes(
        "\"FBI agents have established that the bugging stemmed from spying,\" [The Washington \
         Post]{ORG} reported.\n\n\
         [The Herald]{ORG} reported that [Ana Berg]{PERSON} wanted \"a fair and open contest \
         for the seat,\" in its Tuesday editions.\n",
    );
    // "reported that …" reports someone else's words: no cue of the quotation inside.
    assert_eq!(
        speakers_and_rules(&found)[0],
        (Some("The Washington Post"), "direct:cue-after")
    );
    assert!(
        found[1..]
            .iter()
            .all(|q| q.speaker.as_deref() != Some("The Herald")),
        "{found:?}"
    );
}

#[test]
fn a_word_opening_a_quoted_paragraph_is_no_name_for_the_pronoun_after_it() {
    let found = quotes(
        "Mr [Steele]{PERSON} said the blaze was being treated as arson.\n\n\
         \"It's hard to say at this point.\n\n\
         Everything is just speculation,\" he said.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Steele"), "direct:cue-after")]
    );
}

#[test]
fn initials_in_a_name_after_a_quotation_end_no_sentence() {
    let found = quotes(
        "\"We're aware of the issue involving Vincent,\" team general manager [A.J. \
         Smith]{PERSON} said in a statement.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("A.J. Smith"), "direct:cue-after")]
    );
}

#[test]
fn verbs_of_boasting_conceding_and_notifying_are_cues() {
    let found = quotes(
        "\"I thought it was just impossible to get a gift like this,\" crowed Nvidia CEO \
         [Jen-Hsun Huang]{PERSON}.\n\n\
         \"We will be making no further payment,\" [Karen Olson]{PERSON}, president of the \
         dairy, notified the panel.\n\n\
         \"We made mistakes,\" [Ana Berg]{PERSON} conceded.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![
            (Some("Jen-Hsun Huang"), "direct:cue-after"),
            (Some("Karen Olson"), "direct:cue-after"),
            (Some("Ana Berg"), "direct:cue-after")
        ]
    );
}

#[test]
fn a_role_noun_after_the_cue_is_the_person_who_has_that_role() {
    let found = quotes(
        "A child died, [Ema Suryani]{PERSON}, a doctor at a clinic, told [AFP]{ORG}.\n\n\
         \"We have received around 50 people with injuries,\" added the doctor.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Ema Suryani"), "direct:cue-after")]
    );
    // Before a comma and a name, the name is the one speaking.
    let found = quotes(
        "[Jose Cordova]{PERSON} spoke first.\n\n\
         \"She was not seriously ill,\" said the health minister, [Ana Jorge]{PERSON}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Ana Jorge"), "direct:cue-after")]
    );
}

#[test]
fn an_opening_quote_is_said_by_the_person_the_next_paragraph_opens_with() {
    let found = quotes(
        "Co-worker speaks out\n\n\
         \"She's not a loose cannon. She's a hard worker.\"\n\n\
         [Kenneth Dorsey]{PERSON} says the woman accused of the shooting is a good person.\n",
    );
    assert_eq!(
        speakers_and_rules(&found),
        vec![(Some("Kenneth Dorsey"), "direct:named-after")]
    );
    // A name that opens a paragraph of narration without a verb of saying is no speaker.
    let found = quotes(
        "Co-worker speaks out\n\n\
         \"She's not a loose cannon. She's a hard worker.\"\n\n\
         [Kenneth Dorsey]{PERSON} worked with the woman for ten years.\n",
    );
    assert_eq!(speakers_and_rules(&found), vec![(None, "direct:no-cue")]);
}

#[test]
fn a_cue_after_an_exclamation_with_a_day_after_it_attributes_the_quote() {
    let found = quotes(
        "[Ellen DeGeneres]{PERSON} will host again, the [Academy]{ORG} said.\n\n\
         \"It's official: I'm hosting the Oscars!\" [DeGeneres]{PERSON} tweeted [Friday]{DATE}.\n",
    );
    assert_eq!(
        speakers_and_rules(&found).last().copied(),
        Some((Some("DeGeneres"), "direct:cue-after"))
    );
}

#[test]
fn an_opening_mark_typed_for_a_closing_one_before_the_cue_closes_the_quote() {
    assert_eq!(
        direct("“We are better than this, “said [Ed Stefanski]{PERSON}.\n"),
        vec![row(
            "We are better than this",
            Some("Ed Stefanski"),
            "direct:cue-after"
        )]
    );
    assert_eq!(
        direct("“Customers want to choose, “[Dirk Meyer]{PERSON} says.\n"),
        vec![row(
            "Customers want to choose",
            Some("Dirk Meyer"),
            "direct:cue-after"
        )]
    );
    // A pronoun and a verb after the mark are the words quoted.
    assert_eq!(
        direct(
            "[Billy King]{PERSON} said that when he broke the news, “He asked why, and I told \
             him.”\n"
        ),
        vec![row(
            "He asked why, and I told him.",
            Some("Billy King"),
            "direct:reported"
        )]
    );
}

#[test]
fn a_rank_written_short_before_the_name_is_passed_over() {
    let found = direct(
        "\"It's like a Greek tragedy,\" said retired Adm. [Eugene Carroll]{PERSON} of the \
         [Center for Defense Information]{ORG}.\n\n\
         \"That is over,\" said Maj. Gen. [Bill Lee]{PERSON}, the commander.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "It's like a Greek tragedy",
                Some("Eugene Carroll"),
                "direct:cue-after"
            ),
            row("That is over", Some("Bill Lee"), "direct:cue-after"),
        ]
    );
}

#[test]
fn someone_unnamed_stays_unnamed_through_the_role_noun_and_pronoun_that_go_back_to_them() {
    // Reagan is the latest person named; none of these words is his.
    let found = quotes(
        "[Reagan]{PERSON} will plead his case in a televised address next week.\n\n\
         \"We're falling by our own hand,\" said one [Republican]{NORP} political strategist.\n\n\
         But one top [Republican]{NORP} strategist warned against expecting a turnaround.\n\n\
         \"The White House has to avoid building expectations,\" said the strategist, who \
         requested anonymity.\n\n\
         \"I think it's a good measure,\" a senior foreign banker said. \"It's a faster way to \
         get the job done.\"\n\n\
         \"It shows that the political will is very strong,\" he added.\n\n\
         A [London]{GPE}-based [Nordic]{NORP} banking expert said liberalisation was too strong \
         a word.\n\n\
         \"It would probably result in new practices,\" he said.\n",
    );
    let direct: Vec<_> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.content.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        direct,
        vec![
            ("We're falling by our own hand", None),
            ("The White House has to avoid building expectations", None),
            ("I think it's a good measure", None),
            ("It's a faster way to get the job done.", None),
            ("It shows that the political will is very strong", None),
            ("It would probably result in new practices", None),
        ],
    );
}

#[test]
fn a_place_before_an_office_or_a_party_member_only_says_where_the_person_is_from() {
    let found = direct(
        "House Speaker [James Wright]{PERSON} said President [Reagan]{PERSON} should realize \
         there will be no way to meet the targets.\n\n\
         \"In my judgment there isn't any way,\" the [Texas]{GPE} Democrat told reporters.\n\n\
         \"We will see,\" the [Texas]{GPE} congressman added.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "In my judgment there isn't any way",
                Some("James Wright"),
                "direct:cue-after"
            ),
            row("We will see", Some("James Wright"), "direct:cue-after"),
        ]
    );
}

#[test]
fn initials_inside_a_relative_clause_end_no_sentence_before_the_cue() {
    let found = direct(
        "\"It is fine,\" said [Wertheim and Co]{ORG} analyst [Michael Ellman]{PERSON}.\n\n\
         But [Richard Schwarz]{PERSON}, who follows [Kodak]{ORG} for [E.F. Hutton]{ORG}, said the \
         company will find the margins slimmer. \"The critical problem will be turning a \
         profit,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![
            row("It is fine", Some("Michael Ellman"), "direct:cue-after"),
            row(
                "The critical problem will be turning a profit",
                Some("Richard Schwarz"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn the_place_of_a_wire_storys_dateline_never_speaks() {
    let found = direct(
        "PILLS HELP PREVENT CANCER - STUDY\n\n\
         [BOSTON]{GPE}, March 11 - The study was published today in a medical journal.\n\n\
         \"We may witness a declining incidence of this serious disease,\" they said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We may witness a declining incidence of this serious disease",
            None,
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_name_then_a_body_and_an_office_with_no_comma_before_the_cue_is_the_speaker() {
    // The wire's way: "Name, Body office said", no comma closing the appositive.
    let found = direct(
        "\"A pro-growth trade policy is the essential ingredient,\" [Red Cavaney]{PERSON}, \
         [American Paper Institute]{ORG} president said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "A pro-growth trade policy is the essential ingredient",
            Some("Red Cavaney"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_firms_word_left_out_of_its_mention_stands_between_it_and_the_office() {
    let found = direct(
        "\"You have to be impressed with the resiliency of bonds,\" said [Smith Barney \
         Harris]{PERSON} Upham analyst [Craig Sloane]{PERSON}.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "You have to be impressed with the resiliency of bonds",
            Some("Craig Sloane"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_pronoun_after_an_unnamed_office_that_spoke_is_nobody_named() {
    // "the spokesman added" goes back to "a spokesman for Suiker Unie": he is nobody named, and
    // "he" goes on with him, not with a name further back.
    let found = direct(
        "ROTTERDAM, April 8 - [Roughly]{PERSON} half of the crop is in the ground, a spokesman \
         for [Suiker Unie]{ORG}, the largest sugar processor in the [Netherlands]{GPE}, told \
         [Reuters]{ORG}.\n\nConditions are generally good, the spokesman added.\n\n\"It is far \
         too early yet to say what kind of output we can expect,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "It is far too early yet to say what kind of output we can expect",
            None,
            "direct:cue-after"
        )]
    );
    // So too "the source said" in the sentence before, with a name between.
    let found = direct(
        "A key Senate Budget Committee source told [Reuters]{ORG} he believes this was by \
         design.\n\nIn the coming weeks, the source said, Democrats will seek a budget with \
         [Reagan]{PERSON} -- who is opposed to the idea. But \"it is not clear how the \
         Republicans will act,\" he added.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "it is not clear how the Republicans will act",
            None,
            "direct:cue-after"
        )]
    );
    // An office a named person holds is that person.
    let found = direct(
        "Finance Minister [Onno Ruding]{PERSON} opened the debate. The budget is sound, the \
         minister added.\n\n\"We are ready for the vote,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We are ready for the vote",
            Some("Onno Ruding"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn the_official_goes_back_to_a_treasury_official_several_sentences_before() {
    let found = direct(
        "WASHINGTON, April 8 - A Treasury official said there are no plans to issue such \
         bonds.\n\n\"It simply isn't something that we are planning to do,\" the official \
         said.\n\nHe added the department was aware of reports about [Reagan]{PERSON}.\n\nBut \
         he said the situation was greatly different now.\n\nThe market is global, he \
         noted.\n\n\"If you look at the differences between the markets, it is a much more \
         global market now,\" the official said.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "It simply isn't something that we are planning to do",
                None,
                "direct:cue-after"
            ),
            row(
                "If you look at the differences between the markets, it is a much more global \
                 market now",
                None,
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn a_space_typed_before_the_closing_mark_still_closes_the_quote_for_its_cue() {
    let found = direct(
        "[Van Liemt]{PERSON} would not speculate on a price.\n\n\"We ought to be able to match \
         our German competitors on price earnings ratio, \" he said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We ought to be able to match our German competitors on price earnings ratio",
            Some("Van Liemt"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_document_by_its_author_speaks_for_the_author() {
    let found = direct(
        "The study by the non partisan Congressional Research Service ([CRS]{ORG}) said \"the \
         proposed merger appears to comply with the statutes.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "the proposed merger appears to comply with the statutes.",
            Some("CRS"),
            "direct:cue-before"
        )]
    );
    // Signed by its author after the cue, then the same noun alone.
    let found = direct(
        "\"Perhaps we are at the end of the beginning of the search,\" said the editorial, \
         signed by [John Durant]{PERSON} of [Chase Cancer Center]{ORG}.\n\n\"These \
         observations did not describe successful approaches,\" the editorial said.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "Perhaps we are at the end of the beginning of the search",
                Some("John Durant"),
                "direct:cue-after"
            ),
            row(
                "These observations did not describe successful approaches",
                Some("John Durant"),
                "direct:cue-after"
            ),
        ]
    );
}

#[test]
fn the_company_is_the_one_that_spoke_with_the_place_it_is_of() {
    let found = quotes(
        "DENVER, April 8 - [Public Service Co]{ORG} of Colorado said it has reached an \
         agreement with [Union Rural Electric Association]{ORG} of [Brighton]{GPE}.\n\nThe \
         company said, \"The tentative agreement protects [Union]{ORG}'s boundaries and would \
         lead to a vote of its members.\"\n",
    );
    let speakers: Vec<Option<&str>> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert!(
        speakers
            .last()
            .copied()
            .flatten()
            .is_some_and(|s| s.starts_with("Public Service Co")),
        "{speakers:?}"
    );
}

#[test]
fn a_name_then_an_open_description_with_an_office_before_the_cue_is_the_speaker() {
    // The wire leaves the appositive open: no comma between the office and the cue.
    let found = direct(
        "But [James Mandelbaum]{PERSON}, a [Los Angeles]{GPE}-based entertainment attorney said, \
         \"If they have enough money, they have a good chance of making it work.\"\n\n\"We are \
         currently pursuing discussions with the [IRS]{ORG},\" [Stephen G. Jerritts]{PERSON}, \
         president and chief operating officer said.\n",
    );
    assert_eq!(
        found,
        vec![
            row(
                "If they have enough money, they have a good chance of making it work.",
                Some("James Mandelbaum"),
                "direct:cue-before"
            ),
            row(
                "We are currently pursuing discussions with the IRS",
                Some("Stephen G. Jerritts"),
                "direct:cue-after"
            ),
        ]
    );
    // Someone named in a phrase before the clause is not its subject.
    let found = direct(
        "When asked about [Smith]{PERSON}, a senior attorney said, \"He has a good chance of \
         winning the case.\"\n",
    );
    assert_eq!(
        found,
        vec![row(
            "He has a good chance of winning the case.",
            None,
            "direct:cue-before"
        )]
    );
}

#[test]
fn a_closing_mark_glued_to_its_cue_still_closes_the_quote() {
    let found = direct(
        "\"So far G-6 has been a roaring success,\"said [James O'Neill]{PERSON}, an economist at \
         [Marine Midland Bank]{ORG}.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "So far G-6 has been a roaring success",
            Some("James O'Neill"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn a_quote_the_wire_left_unclosed_before_said_and_a_name_ends_at_the_comma() {
    let found = direct(
        "\"It's a rather gloomy outlook for the economy, said [David Wyss]{PERSON} of [Data \
         Resources Inc]{ORG}. \"I'm particularly impressed by the drop in orders.\"\n\n\"If the \
         refining sector can discipline itself, we have a chance to pull down inventories, said \
         [Archie Dunham]{PERSON}, executive vice president at [Conoco Inc]{ORG}.\n",
    );
    let speakers: Vec<(String, Option<String>)> = found
        .into_iter()
        .map(|(content, speaker, _)| (content, speaker))
        .collect();
    // (The part after the name goes on with the same speaker.)
    assert_eq!(
        speakers[0],
        (
            "It's a rather gloomy outlook for the economy / I'm particularly impressed by the \
             drop in orders."
                .to_owned(),
            Some("David Wyss".to_owned())
        )
    );
    assert!(
        speakers.iter().any(|(content, speaker)| content
            == "If the refining sector can discipline itself, we have a chance to pull down \
                inventories"
            && speaker.as_deref() == Some("Archie Dunham")),
        "{speakers:?}"
    );
}

#[test]
fn he_after_a_reported_sentence_credited_to_a_name_and_an_office_is_that_name() {
    let found = direct_with_the_model(
        "ZURICH, June 2 - The decision by Paul Volcker not to serve a third term as chairman of \
         the U.S. Federal Reserve Board is a shock for financial markets and the world economy, \
         Hans Mast, senior economic adviser to Credit Suisse First Boston, said.\n\n\"The \
         markets will believe there will be pressure for a more expansive policy,\" he said.\n",
    );
    assert_eq!(
        found,
        vec![(
            "The markets will believe there will be pressure for a more expansive policy"
                .to_owned(),
            Some("Hans Mast".to_owned())
        )]
    );
}

#[test]
fn a_name_then_a_possessor_and_a_capitalised_office_left_open_is_the_speaker() {
    let found = direct(
        "\"We have the capacity to produce the amount,\" [Rastam Hadi]{PERSON}, \
         [Petronas]{PERSON}'s Vice-President for Upstream Sector said.\n",
    );
    assert_eq!(
        found,
        vec![row(
            "We have the capacity to produce the amount",
            Some("Rastam Hadi"),
            "direct:cue-after"
        )]
    );
}

#[test]
fn an_office_described_unlike_the_titled_person_goes_back_to_someone_unnamed() {
    let found = direct_with_the_model(
        "\"In Japan there will be less damage than in the U.S.,\" said an economist at one of \
         Japan's major brokerage houses.\n\nOthers were more sanguine.\n\n\"U.S. Interest \
         rates are coming down, so there should be no direct impact,\" said Toshiaki Kakimoto, \
         Sumitomo Bank Ltd chief economist.\n\nSome economists suggested that the nations may \
         have to discuss lower rates.\n\n\"Until last week, a discussion of lower rates was \
         unthinkable, now it's not,\" said the foreign economist.\n",
    );
    let speakers: Vec<Option<String>> = found.into_iter().map(|(_, s)| s).collect();
    // Kakimoto's own words ("Sumitomo Bank Ltd chief economist") do not call him foreign.
    assert_eq!(speakers, [None, Some("Toshiaki Kakimoto".to_owned()), None]);
}

#[test]
fn an_age_or_a_people_after_the_names_again_the_person_named_before() {
    let found = direct(
        "Arsenal striker [Thierry Henry]{PERSON} has signed a new deal.\n\n\
         The 27-year-old said: \"I am very happy here.\" The Frenchman added: \"We can win.\"\n\n\
         Scotland coach [Matt Williams]{PERSON} was angry. \"We were poor,\" said the Australian. \
         \"We must improve,\" said the 33-year-old Australian.\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(
        speakers,
        vec![
            Some("Thierry Henry"),
            Some("Thierry Henry"),
            Some("Matt Williams"),
            Some("Matt Williams"),
        ],
        "{found:?}"
    );
}

#[test]
fn a_people_that_is_its_own_plural_or_one_inside_a_longer_phrase_is_no_persons_epithet() {
    let found = direct(
        "[Daniel Levy]{PERSON} praised the talks.\n\n\
         \"The Arabs came for an alliance,\" an adviser to the Palestinian team told reporters.\n\n\
         The French said: \"The debt must be reduced.\"\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(speakers, vec![None, None], "{found:?}");
}

#[test]
fn a_body_before_an_office_that_a_person_named_before_carries_names_that_person_again() {
    let found = direct(
        "Chelsea boss [Jose Mourinho]{PERSON} said: \"We are happy.\" \
         The [Chelsea]{ORG} boss added: \"We won.\"\n\n\
         A [Microsoft]{ORG} spokesman said: \"Fine.\"\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(
        speakers,
        vec![Some("Jose Mourinho"), Some("Jose Mourinho"), None],
        "{found:?}"
    );
}

#[test]
fn a_person_a_comma_and_the_body_they_speak_for_before_the_cue_is_the_person_and_the_joined_parts_go_on_with_them()
 {
    let found = direct(
        "[Colin Asplin]{PERSON}, [Blackpool Hotel Association]{ORG} said: \"We have tried very hard. \
         \"Obviously we have failed in that.\" The party left.\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(
        speakers,
        vec![Some("Colin Asplin"), Some("Colin Asplin")],
        "{found:?}"
    );
}

#[test]
fn an_office_with_a_hyphenated_word_goes_back_to_the_person_before_not_to_one_named_in_the_quote() {
    let found = direct(
        "British team member [Hayley Yelling]{PERSON} said the team would understand. \
         \"It would be fantastic to have [Paula]{PERSON} in the team,\" said the European \
         cross-country champion.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Hayley Yelling"), "{found:?}");
}

#[test]
fn the_bishop_named_by_his_see_speaks_as_the_bishop() {
    let found = direct_with_the_model(
        "The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as lousy history.\n\n\
         Writing his Christmas message in the Northern Echo, the Bishop said: \"Conspiracy theories \
         are always fun to read.\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Tom Wright"), "{found:?}");
}

#[test]
fn an_office_before_a_relative_clause_and_the_cue_names_the_person_before() {
    let found = direct(
        "[Liam Neeson]{PERSON} will star in a benefit.\n\n\
         The Oscar-nominated actor, whose films include [Michael Collins]{PERSON}, said: \
         \"The Lyric is too important to fall apart. \"It gave me a start professionally.\"\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(
        speakers,
        vec![Some("Liam Neeson"), Some("Liam Neeson")],
        "{found:?}"
    );
}

#[test]
fn a_closing_mark_typed_after_a_space_before_a_name_and_a_verb_of_saying_closes_the_quote() {
    let found = direct(
        "[Arthur Hailey]{PERSON} served in the war.\n\n\
         \"I was a rusty wartime pilot who hadn't flown for nine years... \" [Hailey]{PERSON} later \
         recalled. The broadcaster bought the play.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0,
        "I was a rusty wartime pilot who hadn't flown for nine years..."
    );
    assert_eq!(found[0].1.as_deref(), Some("Hailey"), "{found:?}");
}

#[test]
fn who_was_told_the_words_did_not_say_them() {
    let found = direct(
        "[Harriet Harman]{PERSON} spoke of hostility.\n\n\
         Another member of the Cabinet says she was told: \"Oh, who have you been sleeping with?\"\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None, "{found:?}");
}

#[test]
fn a_spokesman_no_one_named_carries_the_title_of_is_someone_unnamed() {
    let found = direct(
        "[Alastair Campbell]{PERSON} apologised by e-mail.\n\n\
         Later the prime minister's spokesman was asked about Mr [Campbell]{PERSON}'s language. \
         The spokesman said: \"He no longer works in government.\"\n\n\
         Downing Street spokesman [Tom Kelly]{PERSON} met reporters. The spokesman added: \
         \"We have nothing to add.\"\n",
    );
    let speakers = speakers_of(&found);
    assert_eq!(speakers, vec![None, Some("Tom Kelly")], "{found:?}");
}
