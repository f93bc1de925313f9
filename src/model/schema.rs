//! The schema: which entity labels, quote settings, event types with roles, and attributes a project uses.

use std::fmt;

/// An sRGB colour, `#rrggbb` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// Parses `#rrggbb` (the `#` is optional).
    pub fn parse_hex(hex: &str) -> Option<Self> {
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self::rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// A default colour for the `index`-th label, from a palette that reads on light and dark backgrounds.
    pub fn palette(index: usize) -> Self {
        const PALETTE: [Color; 12] = [
            Color::rgb(0x1f, 0x77, 0xb4),
            Color::rgb(0xd6, 0x27, 0x28),
            Color::rgb(0x2c, 0xa0, 0x2c),
            Color::rgb(0xff, 0x7f, 0x0e),
            Color::rgb(0x94, 0x67, 0xbd),
            Color::rgb(0x8c, 0x56, 0x4b),
            Color::rgb(0xe3, 0x77, 0xc2),
            Color::rgb(0x17, 0xbe, 0xcf),
            Color::rgb(0xbc, 0xbd, 0x22),
            Color::rgb(0x7f, 0x7f, 0x7f),
            Color::rgb(0x39, 0x3b, 0x79),
            Color::rgb(0xad, 0x49, 0x4a),
        ];
        PALETTE[index % PALETTE.len()]
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EntityLabel {
    /// Upper case by convention (`PERSON`); unique among entity labels.
    pub name: String,
    pub color: Color,
    /// The key that applies this label to the selection in the window.
    pub hotkey: Option<char>,
    pub description: String,
}

/// How quotes are annotated (PARC-style attribution: source, cue, content).
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteSettings {
    pub enabled: bool,
    pub hotkey: Option<char>,
    pub color: Color,
    /// Entity labels a speaker mention may carry; empty means any.
    pub speaker_labels: Vec<String>,
}

impl Default for QuoteSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            hotkey: Some('q'),
            color: Color::rgb(0x6a, 0x3d, 0x9a),
            speaker_labels: Vec::new(),
        }
    }
}

/// A role an event argument may fill.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleDef {
    pub name: String,
    /// Entity labels (or event types) a filler may carry; empty means any.
    pub labels: Vec<String>,
    pub required: bool,
    /// How many arguments may fill this role; `None` means any number.
    pub max: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventType {
    /// Unique among event types (`MEET`, `Conflict.Attack`).
    pub name: String,
    pub description: String,
    pub color: Color,
    pub hotkey: Option<char>,
    pub roles: Vec<RoleDef>,
}

impl EventType {
    pub fn role(&self, name: &str) -> Option<&RoleDef> {
        self.roles.iter().find(|role| role.name == name)
    }
}

/// Which annotations an attribute applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttributeTarget {
    Entities,
    Quotes,
    Events,
}

impl AttributeTarget {
    pub fn name(self) -> &'static str {
        match self {
            AttributeTarget::Entities => "entities",
            AttributeTarget::Quotes => "quotes",
            AttributeTarget::Events => "events",
        }
    }
}

/// An attribute such as polarity (positive / negative) with its allowed values.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeDef {
    pub name: String,
    pub target: AttributeTarget,
    /// Labels or event types it applies to; empty means all of the target kind.
    pub labels: Vec<String>,
    /// Allowed values; empty means free text.
    pub values: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    pub entity_labels: Vec<EntityLabel>,
    pub quotes: QuoteSettings,
    pub event_types: Vec<EventType>,
    pub attributes: Vec<AttributeDef>,
}

impl Schema {
    pub fn entity_label(&self, name: &str) -> Option<&EntityLabel> {
        self.entity_labels.iter().find(|label| label.name == name)
    }

    pub fn event_type(&self, name: &str) -> Option<&EventType> {
        self.event_types.iter().find(|ty| ty.name == name)
    }

    pub fn attribute(&self, target: AttributeTarget, name: &str) -> Option<&AttributeDef> {
        self.attributes
            .iter()
            .find(|attr| attr.target == target && attr.name == name)
    }

    /// The entity label whose hotkey is `key`.
    pub fn label_for_hotkey(&self, key: char) -> Option<&EntityLabel> {
        self.entity_labels
            .iter()
            .find(|label| label.hotkey == Some(key))
    }

    /// Problems that make the schema itself unusable: duplicate names or hotkeys, bad role labels.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for label in &self.entity_labels {
            if label.name.trim().is_empty() {
                problems.push("an entity label has an empty name".to_owned());
            }
            if !seen.insert(label.name.as_str()) {
                problems.push(format!("entity label {} is defined twice", label.name));
            }
        }
        let mut types = std::collections::BTreeSet::new();
        for ty in &self.event_types {
            if !types.insert(ty.name.as_str()) {
                problems.push(format!("event type {} is defined twice", ty.name));
            }
            let mut roles = std::collections::BTreeSet::new();
            for role in &ty.roles {
                if !roles.insert(role.name.as_str()) {
                    problems.push(format!(
                        "event type {} has role {} twice",
                        ty.name, role.name
                    ));
                }
                for label in &role.labels {
                    if self.entity_label(label).is_none() && self.event_type(label).is_none() {
                        problems.push(format!(
                            "role {} of event type {} allows label {label}, which the schema does not define",
                            role.name, ty.name
                        ));
                    }
                }
            }
        }
        let mut keys = std::collections::BTreeMap::new();
        let hotkeys = self
            .entity_labels
            .iter()
            .map(|l| (l.hotkey, l.name.as_str()))
            .chain(self.event_types.iter().map(|t| (t.hotkey, t.name.as_str())))
            .chain(std::iter::once((self.quotes.hotkey, "quotes")));
        for (key, owner) in hotkeys {
            if let Some(key) = key
                && let Some(first) = keys.insert(key, owner)
            {
                problems.push(format!("hotkey {key} is used by both {first} and {owner}"));
            }
        }
        for label in &self.quotes.speaker_labels {
            if self.entity_label(label).is_none() {
                problems.push(format!(
                    "quote speakers allow label {label}, which the schema does not define"
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_round_trip_through_hex() {
        let color = Color::rgb(0x1f, 0x77, 0xb4);
        assert_eq!(color.to_hex(), "#1f77b4");
        assert_eq!(Color::parse_hex("#1f77b4"), Some(color));
        assert_eq!(Color::parse_hex("#1f77"), None);
        assert_eq!(Color::parse_hex("#zz77b4"), None);
    }

    #[test]
    fn a_hotkey_used_twice_is_a_problem() {
        let label = |name: &str| EntityLabel {
            name: name.to_owned(),
            color: Color::palette(0),
            hotkey: Some('p'),
            description: String::new(),
        };
        let schema = Schema {
            entity_labels: vec![label("PERSON"), label("PLACE")],
            ..Schema::default()
        };
        assert_eq!(
            schema.problems(),
            vec!["hotkey p is used by both PERSON and PLACE"]
        );
    }
}
