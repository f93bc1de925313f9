//! Arabic letters in their joining forms, since epaint draws each unit of a right-to-left paragraph
//! on its own and so never joins letters itself.
//!
//! Each letter becomes its isolated, final, initial or medial presentation form (Unicode's Arabic
//! Presentation Forms-A and -B) by the joining rules of Unicode's `ArabicShaping.txt`, and lam
//! followed by alef becomes the lam-alef ligature. The output has one entry per input char, so the
//! glyph drawn for a char always maps back to exactly that char: the alef of a lam-alef is
//! [`Shaped::Ligated`], drawn by the ligature of the lam before it.

use unicode_normalization::char::is_combining_mark;

/// What is drawn for one char of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shaped {
    /// This char: a presentation form, or the char itself when it has no joining forms.
    Char(char),
    /// Nothing of its own: an alef drawn by the lam-alef ligature of the nearest letter before it.
    Ligated,
}

/// How a char joins its neighbours (`ArabicShaping.txt`'s joining types, less left-joining, which
/// the Arabic script does not use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides: beh, seen, lam…
    Dual,
    /// Joins only the letter before it: alef, dal, reh, waw…
    Right,
    /// Joins both neighbours without changing form itself: tatweel, zero width joiner.
    Causing,
    /// Skipped when looking for a neighbour: harakat and other combining marks.
    Transparent,
    /// Breaks joining: spaces, punctuation, Latin, hamza, zero width non-joiner.
    None,
}

/// A letter with joining forms: isolated, final, initial, medial (0 for a form Unicode does not
/// encode). Sorted by letter. Forms-B (U+FE80–U+FEFC) for the Arabic letters, Forms-A for the
/// common Persian and Urdu ones.
const LETTERS: &[(char, [u16; 4])] = &[
    ('\u{0622}', [0xFE81, 0xFE82, 0, 0]), // alef with madda above
    ('\u{0623}', [0xFE83, 0xFE84, 0, 0]), // alef with hamza above
    ('\u{0624}', [0xFE85, 0xFE86, 0, 0]), // waw with hamza above
    ('\u{0625}', [0xFE87, 0xFE88, 0, 0]), // alef with hamza below
    ('\u{0626}', [0xFE89, 0xFE8A, 0xFE8B, 0xFE8C]), // yeh with hamza above
    ('\u{0627}', [0xFE8D, 0xFE8E, 0, 0]), // alef
    ('\u{0628}', [0xFE8F, 0xFE90, 0xFE91, 0xFE92]), // beh
    ('\u{0629}', [0xFE93, 0xFE94, 0, 0]), // teh marbuta
    ('\u{062A}', [0xFE95, 0xFE96, 0xFE97, 0xFE98]), // teh
    ('\u{062B}', [0xFE99, 0xFE9A, 0xFE9B, 0xFE9C]), // theh
    ('\u{062C}', [0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0]), // jeem
    ('\u{062D}', [0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4]), // hah
    ('\u{062E}', [0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8]), // khah
    ('\u{062F}', [0xFEA9, 0xFEAA, 0, 0]), // dal
    ('\u{0630}', [0xFEAB, 0xFEAC, 0, 0]), // thal
    ('\u{0631}', [0xFEAD, 0xFEAE, 0, 0]), // reh
    ('\u{0632}', [0xFEAF, 0xFEB0, 0, 0]), // zain
    ('\u{0633}', [0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4]), // seen
    ('\u{0634}', [0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8]), // sheen
    ('\u{0635}', [0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC]), // sad
    ('\u{0636}', [0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0]), // dad
    ('\u{0637}', [0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4]), // tah
    ('\u{0638}', [0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8]), // zah
    ('\u{0639}', [0xFEC9, 0xFECA, 0xFECB, 0xFECC]), // ain
    ('\u{063A}', [0xFECD, 0xFECE, 0xFECF, 0xFED0]), // ghain
    ('\u{0641}', [0xFED1, 0xFED2, 0xFED3, 0xFED4]), // feh
    ('\u{0642}', [0xFED5, 0xFED6, 0xFED7, 0xFED8]), // qaf
    ('\u{0643}', [0xFED9, 0xFEDA, 0xFEDB, 0xFEDC]), // kaf
    ('\u{0644}', [0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0]), // lam
    ('\u{0645}', [0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4]), // meem
    ('\u{0646}', [0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8]), // noon
    ('\u{0647}', [0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC]), // heh
    ('\u{0648}', [0xFEED, 0xFEEE, 0, 0]), // waw
    ('\u{0649}', [0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9]), // alef maksura
    ('\u{064A}', [0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4]), // yeh
    ('\u{0671}', [0xFB50, 0xFB51, 0, 0]), // alef wasla
    ('\u{0679}', [0xFB66, 0xFB67, 0xFB68, 0xFB69]), // tteh
    ('\u{067E}', [0xFB56, 0xFB57, 0xFB58, 0xFB59]), // peh
    ('\u{0686}', [0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D]), // tcheh
    ('\u{0688}', [0xFB88, 0xFB89, 0, 0]), // ddal
    ('\u{0691}', [0xFB8C, 0xFB8D, 0, 0]), // rreh
    ('\u{0698}', [0xFB8A, 0xFB8B, 0, 0]), // jeh
    ('\u{06A9}', [0xFB8E, 0xFB8F, 0xFB90, 0xFB91]), // keheh
    ('\u{06AF}', [0xFB92, 0xFB93, 0xFB94, 0xFB95]), // gaf
    ('\u{06BA}', [0xFB9E, 0xFB9F, 0, 0]), // noon ghunna
    ('\u{06BE}', [0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD]), // heh doachashmee
    ('\u{06C1}', [0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9]), // heh goal
    ('\u{06CC}', [0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF]), // farsi yeh
    ('\u{06D2}', [0xFBAE, 0xFBAF, 0, 0]), // yeh barree
];

const LAM: char = '\u{0644}';

/// Lam followed by these alefs is one ligature: its isolated and final forms.
const LAM_ALEF: &[(char, [u16; 2])] = &[
    ('\u{0622}', [0xFEF5, 0xFEF6]), // alef with madda above
    ('\u{0623}', [0xFEF7, 0xFEF8]), // alef with hamza above
    ('\u{0625}', [0xFEF9, 0xFEFA]), // alef with hamza below
    ('\u{0627}', [0xFEFB, 0xFEFC]), // alef
];

fn forms(c: char) -> Option<[u16; 4]> {
    LETTERS
        .binary_search_by_key(&c, |&(letter, _)| letter)
        .ok()
        .map(|i| LETTERS[i].1)
}

fn joining(c: char) -> Joining {
    match forms(c) {
        Some([_, _, 0, _]) => Joining::Right,
        Some(_) => Joining::Dual,
        None if c == '\u{0640}' || c == '\u{200D}' => Joining::Causing,
        // Zero width non-joiner is a format char, not a mark, so it lands in None below.
        None if is_combining_mark(c) => Joining::Transparent,
        None => Joining::None,
    }
}

/// Whether any char of `text` has joining forms, so that [`shape`] has something to do.
pub(crate) fn has_letters(text: &str) -> bool {
    text.chars().any(|c| forms(c).is_some())
}

/// The chars of a paragraph in logical order as they are drawn: one entry per char (see [`Shaped`]).
/// A form the fonts cannot draw (`drawable` says) is left as the plain letter, which reads better
/// than a missing glyph; a lam-alef ligature they cannot draw stays lam and alef.
pub(crate) fn shape(chars: &[char], drawable: &mut dyn FnMut(char) -> bool) -> Vec<Shaped> {
    let types: Vec<Joining> = chars.iter().map(|&c| joining(c)).collect();
    // The nearest char on each side that is not a mark.
    let before = |i: usize| (0..i).rev().find(|&j| types[j] != Joining::Transparent);
    let after = |i: usize| (i + 1..chars.len()).find(|&j| types[j] != Joining::Transparent);
    let joins_left =
        |j: Option<usize>| j.is_some_and(|j| matches!(types[j], Joining::Dual | Joining::Causing));
    let joins_right = |j: Option<usize>| {
        j.is_some_and(|j| matches!(types[j], Joining::Dual | Joining::Right | Joining::Causing))
    };

    let mut out: Vec<Shaped> = chars.iter().map(|&c| Shaped::Char(c)).collect();
    for (i, &c) in chars.iter().enumerate() {
        if out[i] == Shaped::Ligated {
            continue;
        }
        let Some(forms) = forms(c) else {
            continue;
        };
        let prev = joins_left(before(i));
        let next = after(i);
        if c == LAM
            && let Some(k) = next
            && let Some(&(_, ligature)) = LAM_ALEF.iter().find(|(alef, _)| *alef == chars[k])
            && let Some(ligature) = form(ligature[usize::from(prev)]).filter(|&l| drawable(l))
        {
            out[i] = Shaped::Char(ligature);
            out[k] = Shaped::Ligated;
            continue;
        }
        let next = types[i] == Joining::Dual && joins_right(next);
        let wanted = match (prev, next) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        // A letter without the form it needs falls back to the one that joins the same letter
        // before it: isolated for initial, final for medial.
        let code = match forms[wanted] {
            0 => forms[wanted % 2],
            code => code,
        };
        out[i] = Shaped::Char(form(code).filter(|&f| drawable(f)).unwrap_or(c));
    }
    out
}

fn form(code: u16) -> Option<char> {
    char::from_u32(u32::from(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::{decompose_canonical, decompose_compatible};

    /// Full compatibility decomposition, compared with the canonical decomposition of `letters`
    /// (alef with madda is alef and a combining madda either way).
    fn assert_form_of(code: u16, letters: &[char]) {
        let mut form = Vec::new();
        decompose_compatible(form_char(code), |c| form.push(c));
        let mut base = Vec::new();
        for &letter in letters {
            decompose_canonical(letter, |c| base.push(c));
        }
        assert_eq!(form, base, "U+{code:04X} is not a form of {letters:?}");
    }

    fn form_char(code: u16) -> char {
        form(code).unwrap()
    }

    fn shaped(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        shape(&chars, &mut |_| true)
            .into_iter()
            .filter_map(|s| match s {
                Shaped::Char(c) => Some(c),
                Shaped::Ligated => None,
            })
            .collect()
    }

    #[test]
    fn every_form_in_the_table_is_a_presentation_form_of_its_letter() {
        assert!(LETTERS.is_sorted_by_key(|&(c, _)| c));
        for &(letter, forms) in LETTERS {
            for code in forms.into_iter().filter(|&code| code != 0) {
                assert_form_of(code, &[letter]);
            }
        }
        for &(alef, forms) in LAM_ALEF {
            for code in forms {
                assert_form_of(code, &[LAM, alef]);
            }
        }
    }

    #[test]
    fn letters_take_their_initial_medial_final_and_isolated_forms() {
        // Muhammad: meem initial, hah medial, meem medial, dal final.
        assert_eq!(shaped("محمد"), "\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}");
        // Dal does not join the letter after it: "درس" is dal isolated, reh isolated, seen isolated.
        assert_eq!(shaped("درس"), "\u{FEA9}\u{FEAD}\u{FEB1}");
        // Words do not join across a space or Latin text.
        assert_eq!(shaped("بب ب"), "\u{FE91}\u{FE90} \u{FE8F}");
        assert_eq!(shaped("بa"), "\u{FE8F}a");
    }

    #[test]
    fn harakat_are_skipped_when_letters_join_and_keep_their_place() {
        // Muhammad with damma, fatha, shadda and fatha: the letters join as without them.
        assert_eq!(
            shaped("\u{645}\u{64F}\u{62D}\u{64E}\u{645}\u{651}\u{64E}\u{62F}"),
            "\u{FEE3}\u{064F}\u{FEA4}\u{064E}\u{FEE4}\u{0651}\u{064E}\u{FEAA}"
        );
    }

    #[test]
    fn lam_alef_is_one_ligature_and_the_alef_maps_to_nothing_of_its_own() {
        // "Salam": seen initial, lam-alef final, meem isolated (alef does not join what follows).
        let chars: Vec<char> = "سلام".chars().collect();
        assert_eq!(
            shape(&chars, &mut |_| true),
            [
                Shaped::Char('\u{FEB3}'),
                Shaped::Char('\u{FEFC}'),
                Shaped::Ligated,
                Shaped::Char('\u{FEE1}'),
            ]
        );
        // "La" at the start of a word: the isolated ligature.
        assert_eq!(shaped("لا"), "\u{FEFB}");
        assert_eq!(shaped("الأمر"), "\u{FE8D}\u{FEF7}\u{FEE3}\u{FEAE}");
    }

    #[test]
    fn forms_the_fonts_lack_stay_plain_letters() {
        let chars: Vec<char> = "سلام".chars().collect();
        let no_ligatures = shape(&chars, &mut |c| !('\u{FEF5}'..='\u{FEFC}').contains(&c));
        let plain: Vec<Shaped> = "\u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}"
            .chars()
            .map(Shaped::Char)
            .collect();
        assert_eq!(
            no_ligatures, plain,
            "lam medial and alef final instead of the ligature"
        );
        let nothing = shape(&chars, &mut |_| false);
        assert_eq!(
            nothing,
            chars.iter().copied().map(Shaped::Char).collect::<Vec<_>>()
        );
    }

    #[test]
    fn tatweel_and_zero_width_joiner_join_and_non_joiner_breaks() {
        assert_eq!(shaped("بـ"), "\u{FE91}\u{0640}");
        assert_eq!(shaped("ب\u{200D}"), "\u{FE91}\u{200D}");
        assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
    }

    #[test]
    fn persian_letters_join_too() {
        // "Persian" (فارسی): feh initial, alef final, reh isolated, seen initial, farsi yeh final.
        assert_eq!(shaped("فارسی"), "\u{FED3}\u{FE8E}\u{FEAD}\u{FEB3}\u{FBFD}");
        assert!(has_letters("فارسی") && !has_letters("שלום 2024"));
    }
}
