//! A small Rust scanner for the architecture rules: which paths a source file names, and where.
//!
//! Not a parser: comments and literals are blanked out, then identifiers and `::` are read as paths,
//! and `use` trees are flattened. That is enough to see which crates and layers a file reaches for.

/// A path named in a source file: `std::fs::read`, or one flattened branch of a `use` tree.
#[derive(Debug)]
pub struct PathMention {
    pub segments: Vec<String>,
    /// 1-based.
    pub line: usize,
    /// Whether the path comes from a `use` (or `extern crate`) item.
    pub in_use: bool,
    /// The name a `use … as NAME` or `extern crate … as NAME` gives the path.
    pub alias: Option<String>,
    /// Whether the `use` is `pub` (any visibility but private): a re-export.
    pub public: bool,
    /// The inline modules (`mod tests { … }`) the path sits in, outermost first.
    pub inline: Vec<String>,
}

/// Where code reaches past the paths: `#[path = …] mod`, `include!`, `#[macro_export]` (which puts
/// a macro at the crate root, outside every layer). Each with its line.
pub fn escape_hatches(source: &str) -> Vec<(String, usize)> {
    let tokens = tokenize(&strip_comments_and_literals(source));
    let mut found = Vec::new();
    for (i, (token, line)) in tokens.iter().enumerate() {
        let Token::Ident(word) = token else {
            continue;
        };
        let next = tokens.get(i + 1).map(|(t, _)| t);
        let before = i.checked_sub(1).and_then(|j| tokens.get(j)).map(|(t, _)| t);
        let hatch = match word.as_str() {
            "path" => {
                matches!(before, Some(Token::Punct('['))) && matches!(next, Some(Token::Punct('=')))
            }
            "include" => matches!(next, Some(Token::Punct('!'))),
            "macro_export" => true,
            _ => false,
        };
        if hatch {
            found.push((word.clone(), *line));
        }
    }
    found
}

/// Where a path points inside this crate, as segments under the crate root; `None` for paths into
/// other crates (or local names). `module` is the module the path sits in (a mod.rs file's is its
/// folder, plus any inline `mod tests`); `super` climbs from it.
pub fn crate_path(module: &[String], segments: &[String]) -> Option<Vec<String>> {
    crate_path_with(module, segments, &[])
}

/// As [`crate_path`], with the file's aliases of crate paths (`use crate as g;`, `extern crate self
/// as g;`, `use super::super as up;`): a path starting with an alias starts where the alias points.
pub fn crate_path_with(
    module: &[String],
    segments: &[String],
    aliases: &[(String, Vec<String>)],
) -> Option<Vec<String>> {
    let first = segments.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" | "gloss" => Vec::new(),
        "self" | "super" => module.to_vec(),
        name => aliases.iter().find(|(alias, _)| alias == name)?.1.clone(),
    };
    let mut rest = &segments[1..];
    if first == "super" {
        base.pop();
    }
    // `self::super::x`, `super::super::x`: climb while the path climbs.
    while let Some(next) = rest.first() {
        match next.as_str() {
            "super" => {
                base.pop();
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(base)
}

#[derive(Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// Every path mentioned in `source`, with its line (1-based).
pub fn scan(source: &str) -> Vec<PathMention> {
    let tokens = tokenize(&strip_comments_and_literals(source));
    let mut paths: Vec<PathMention> = Vec::new();
    // Inline modules open at this point, each with the brace depth outside it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let (token, line) = &tokens[i];
        let seen = paths.len();
        match token {
            Token::Ident(word) if word == "mod" => {
                if let (Some((Token::Ident(name), _)), Some((Token::Punct('{'), _))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                } else {
                    i += 1;
                }
            }
            Token::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Token::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, outside)| *outside == depth) {
                    inline.pop();
                }
                i += 1;
            }
            Token::Ident(word) if word == "use" => {
                let public = is_public(&tokens, i);
                let mut flat = Vec::new();
                i += 1;
                parse_use_tree(&tokens, &mut i, Vec::new(), &mut flat);
                paths.extend(flat.into_iter().filter(|(s, _)| !s.is_empty()).map(
                    |(segments, alias)| PathMention {
                        segments,
                        line: *line,
                        in_use: true,
                        alias,
                        public,
                        inline: Vec::new(),
                    },
                ));
            }
            Token::Ident(word) if word == "extern" => {
                // `extern crate egui;`, `extern crate self as g;`
                if let (Some((Token::Ident(k), _)), Some((Token::Ident(name), _))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                    && k == "crate"
                {
                    let alias = match (tokens.get(i + 3), tokens.get(i + 4)) {
                        (Some((Token::Ident(as_), _)), Some((Token::Ident(alias), _)))
                            if as_ == "as" =>
                        {
                            Some(alias.clone())
                        }
                        _ => None,
                    };
                    let segments = if name == "self" {
                        vec!["crate".to_owned()]
                    } else {
                        vec![name.clone()]
                    };
                    paths.push(PathMention {
                        segments,
                        line: *line,
                        in_use: true,
                        alias,
                        public: is_public(&tokens, i),
                        inline: Vec::new(),
                    });
                }
                i += 1;
            }
            Token::Ident(_) | Token::PathSep => {
                let mut segments = Vec::new();
                while let Some((token, _)) = tokens.get(i) {
                    match token {
                        Token::Ident(word) => segments.push(word.clone()),
                        Token::PathSep => {}
                        Token::Punct(_) => break,
                    }
                    let next_is_sep = matches!(tokens.get(i + 1), Some((Token::PathSep, _)));
                    let this_is_sep = matches!(token, Token::PathSep);
                    i += 1;
                    if !next_is_sep && !this_is_sep {
                        break;
                    }
                }
                if !segments.is_empty() {
                    paths.push(PathMention {
                        segments,
                        line: *line,
                        in_use: false,
                        alias: None,
                        public: false,
                        inline: Vec::new(),
                    });
                }
            }
            Token::Punct(_) => i += 1,
        }
        let names: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
        for path in &mut paths[seen..] {
            path.inline.clone_from(&names);
        }
    }
    paths
}

/// Whether the item whose keyword is at `i` is `pub` or `pub(…)`.
fn is_public(tokens: &[(Token, usize)], i: usize) -> bool {
    let ident = |j: usize| match tokens.get(j) {
        Some((Token::Ident(word), _)) => Some(word.as_str()),
        _ => None,
    };
    if i >= 1 && ident(i - 1) == Some("pub") {
        return true;
    }
    // `pub(crate) use`, `pub(in crate::ui) use`: walk back over the parenthesis.
    if i >= 1 && matches!(tokens.get(i - 1), Some((Token::Punct(')'), _))) {
        let mut j = i - 1;
        while j > 0 && !matches!(tokens.get(j), Some((Token::Punct('('), _))) {
            j -= 1;
        }
        return j >= 1 && ident(j - 1) == Some("pub");
    }
    false
}

/// Flattens one use tree (after `use`) into full paths, each with its `as` alias: `a::{b, c::{d, *}}`
/// gives `a::b`, `a::c::d`, `a::c::*`. Stops after the tree, before `;` or `,` or `}`.
fn parse_use_tree(
    tokens: &[(Token, usize)],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut path = prefix;
    loop {
        match tokens.get(*i).map(|(t, _)| t) {
            Some(Token::PathSep) => *i += 1,
            Some(Token::Ident(name)) => {
                // `use a::{self}` names `a` itself.
                if name != "self" || path.is_empty() {
                    path.push(name.clone());
                }
                *i += 1;
                if matches!(tokens.get(*i), Some((Token::PathSep, _))) {
                    continue;
                }
                let mut alias = None;
                if matches!(tokens.get(*i), Some((Token::Ident(word), _)) if word == "as") {
                    if let Some((Token::Ident(name), _)) = tokens.get(*i + 1) {
                        alias = Some(name.clone());
                    }
                    *i += 2; // `as alias`
                }
                out.push((path, alias));
                return;
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                path.push("*".to_owned());
                out.push((path, None));
                return;
            }
            Some(Token::Punct('{')) => {
                *i += 1;
                loop {
                    match tokens.get(*i).map(|(t, _)| t) {
                        None => return,
                        Some(Token::Punct('}')) => {
                            *i += 1;
                            return;
                        }
                        Some(Token::Punct(',')) => *i += 1,
                        Some(_) => {
                            let before = *i;
                            parse_use_tree(tokens, i, path.clone(), out);
                            if *i == before {
                                *i += 1; // Not a use tree after all (e.g. `use<'a>`); move on.
                            }
                        }
                    }
                }
            }
            _ => return,
        }
    }
}

/// Identifiers, `::` and single punctuation chars, each with its line.
fn tokenize(code: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push((Token::PathSep, line));
            i += 2;
        } else {
            tokens.push((Token::Punct(c), line));
            i += 1;
        }
    }
    tokens
}

/// The source with comments, string and char literals blanked out (newlines kept, so lines still
/// match). Lifetimes (`'a`) stay.
fn strip_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev_is_ident = i > 0 && is_ident(chars[i - 1]);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if !prev_is_ident
            && matches!(c, 'r' | 'b' | 'c')
            && raw_string_start(&chars, i).is_some()
        {
            let (hashes, body) = raw_string_start(&chars, i).unwrap_or((0, i));
            out.extend(chars[i..body].iter().map(|_| ' '));
            i = body;
            // The body runs to a quote followed by the same number of hashes.
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    out.extend(std::iter::repeat_n(' ', hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    out.push(blank(ch));
                }
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped char literal: '\n', '\'', '\u{1F600}'.
            out.push_str("  ");
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// For a raw string starting at `i` (`r"`, `r#"`, `br"`, `cr#"`, …): its number of hashes and where
/// its body starts. Plain `b"…"` and `c"…"` strings count too, with no hashes.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if matches!(chars.get(j), Some('b' | 'c')) {
        j += 1;
        if chars.get(j) == Some(&'"') {
            return None; // b"…": handled as an ordinary string once the prefix is passed.
        }
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    (chars.get(j) == Some(&'"')).then_some((hashes, j + 1))
}

// --- The scanner's own specification ------------------------------------------------------------

#[test]
fn grouped_use_trees_are_flattened() {
    let paths = scan("use std::{fs, io::{self, Write}};\nuse crate::formats as f;");
    let flat: Vec<String> = paths.iter().map(|p| p.segments.join("::")).collect();
    assert_eq!(
        flat,
        ["std::fs", "std::io", "std::io::Write", "crate::formats"]
    );
    assert_eq!(paths[3].line, 2);
}

#[test]
fn comments_and_strings_do_not_count() {
    let paths = scan(
        "// egui::Ui in a comment\n/* eframe::run /* nested */ */\nlet s = \"rfd::FileDialog\";\n\
         let r = r#\"egui::Context\"#; let c = '\"'; fn f<'a>(x: &'a str) {}",
    );
    assert!(
        paths
            .iter()
            .all(|p| !super::WINDOW_CRATES.contains(&p.segments[0].as_str())),
        "{paths:?}"
    );
}

#[test]
fn code_paths_are_found_with_their_lines() {
    let paths = scan("fn main() {\n    let t = jiff::Timestamp::now();\n}");
    let now = paths
        .iter()
        .find(|p| p.segments.last().map(String::as_str) == Some("now"))
        .unwrap();
    assert_eq!(now.segments.join("::"), "jiff::Timestamp::now");
    assert_eq!(now.line, 2);
}

#[test]
fn inline_modules_are_tracked() {
    let paths = scan("mod tests {\n    use super::*;\n    fn f() { if x { y(); } }\n}\nuse a::b;");
    assert_eq!(paths[0].inline, ["tests"]);
    let last = paths.last().unwrap();
    assert_eq!(last.segments.join("::"), "a::b");
    assert!(last.inline.is_empty());
}

#[test]
fn super_and_self_resolve_against_the_file_module() {
    let module = ["storage".to_owned(), "load".to_owned()];
    let segments = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        crate_path(&module, &segments("super::super::formats::txt")),
        Some(segments("formats::txt"))
    );
    assert_eq!(
        crate_path(&module[..1], &segments("super::workbench")),
        Some(segments("workbench"))
    );
    assert_eq!(
        crate_path(&module, &segments("gloss::ui::run")),
        Some(segments("ui::run"))
    );
    assert_eq!(crate_path(&module, &segments("std::fs")), None);
}
