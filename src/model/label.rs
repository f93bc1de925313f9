//! Interned labels and names: entity labels, event types, role names, annotators and recommenders.
//!
//! A project holds a few dozen distinct labels and names, each repeated on hundreds of thousands of
//! annotations; a [`Label`] is a 4-byte number standing for its string in one table for the whole
//! process, so an annotation carries no string of its own. The strings are never freed (they live
//! as long as the process, which holds few of them).

use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{OnceLock, PoisonError, RwLock};

/// An interned string: copies are free, equality is a comparison of numbers, and it reads as the
/// `str` it stands for (`Deref`, `Display`). Ordered and hashed by its string, as `String` is, so
/// that sorted output stays alphabetical and `str` keys find it in maps (`Borrow<str>`).
///
/// On disk and in `Debug` it is its string.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Label(u32);

/// An annotator's or a recommender's name: the same interned string as a [`Label`].
pub type Name = Label;

/// The first slots of the table hold `FIRST` strings, each further one twice the one before, so
/// that a slot once filled never moves and is read without a lock.
const FIRST: usize = 64;
const CHUNKS: usize = 27;

struct Table {
    /// Slot `i` of the table (see [`place`]); set once, when the string is interned.
    chunks: [OnceLock<Box<[OnceLock<&'static str>]>>; CHUNKS],
    /// String → its label, and the next free number; reading a label's string takes no lock.
    index: RwLock<(FxHashMap<&'static str, Label>, u32)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table {
        chunks: std::array::from_fn(|_| OnceLock::new()),
        // Label 0 is the empty string (the default), without an entry in the table.
        index: RwLock::new((FxHashMap::from_iter([("", Label(0))]), 1)),
    })
}

/// The chunk and the place in it of slot `i`: chunk `k` holds `FIRST << k` slots.
fn place(i: u32) -> (usize, usize) {
    let n = i as usize + FIRST;
    let k = (usize::BITS - 1 - n.leading_zeros()) as usize - FIRST.trailing_zeros() as usize;
    (k, n - (FIRST << k))
}

impl Label {
    /// The label standing for `name`, interned on first use.
    pub fn new(name: &str) -> Self {
        // Each thread remembers the labels it has seen: reading a project interns the same few
        // strings millions of times on every core, and the shared table's lock, even read, is
        // then a cache line the cores keep taking from each other. A label never changes or goes
        // away, so a remembered one stays right.
        thread_local! {
            static SEEN: std::cell::RefCell<FxHashMap<&'static str, Label>> =
                std::cell::RefCell::new(FxHashMap::default());
        }
        if let Some(label) = SEEN.with_borrow(|seen| seen.get(name).copied()) {
            return label;
        }
        let label = Self::intern(name);
        SEEN.with_borrow_mut(|seen| seen.insert(label.as_str(), label));
        label
    }

    /// The label standing for `name` in the shared table, added to it on first use.
    fn intern(name: &str) -> Self {
        let table = table();
        // A poisoned lock only means another thread panicked while holding it; the table itself is
        // always consistent (a slot is filled before its label is handed out).
        if let Some(&label) = table
            .index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .0
            .get(name)
        {
            return label;
        }
        let mut index = table.index.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&label) = index.0.get(name) {
            return label;
        }
        let number = index.1;
        let (k, slot) = place(number);
        let chunk =
            table.chunks[k].get_or_init(|| (0..FIRST << k).map(|_| OnceLock::new()).collect());
        let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let _ = chunk[slot].set(name);
        let label = Label(number);
        index.0.insert(name, label);
        index.1 += 1;
        label
    }

    pub fn as_str(&self) -> &'static str {
        if self.0 == 0 {
            return "";
        }
        let (k, slot) = place(self.0);
        // Every label but 0 was handed out by `new` after its slot was filled.
        table().chunks[k]
            .get()
            .and_then(|chunk| chunk[slot].get())
            .copied()
            .unwrap_or("")
    }
}

impl Default for Label {
    /// The empty string.
    fn default() -> Self {
        Label(0)
    }
}

impl Deref for Label {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Label {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for Label {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Ord for Label {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.0 == other.0 {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Label {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Label {
    fn from(name: &str) -> Self {
        Label::new(name)
    }
}

impl From<&String> for Label {
    fn from(name: &String) -> Self {
        Label::new(name)
    }
}

impl From<String> for Label {
    fn from(name: String) -> Self {
        Label::new(&name)
    }
}

impl From<&Label> for Label {
    fn from(label: &Label) -> Self {
        *label
    }
}

impl From<Label> for String {
    fn from(label: Label) -> Self {
        label.as_str().to_owned()
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Label> for str {
    fn eq(&self, other: &Label) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Label> for &str {
    fn eq(&self, other: &Label) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Label> for String {
    fn eq(&self, other: &Label) -> bool {
        self == other.as_str()
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Label, E> {
                Ok(Label::new(name))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_its_string() {
        let person = Label::new("PERSON");
        assert_eq!(person, Label::from("PERSON".to_owned()));
        assert_eq!(person, "PERSON");
        assert_eq!(person.to_string(), "PERSON");
        assert_eq!(format!("{person:?}"), "\"PERSON\"");
        assert_eq!(Label::default(), "");
        assert_eq!(Label::new(""), Label::default());
        assert_eq!(size_of::<Label>(), 4);
    }

    #[test]
    fn labels_sort_alphabetically_whatever_order_they_were_interned_in() {
        let mut labels: Vec<Label> = ["zz-last", "aa-first", "Вучић", "mm-middle"]
            .into_iter()
            .map(Label::new)
            .collect();
        labels.sort();
        let names: Vec<&str> = labels.iter().map(|l| l.as_str()).collect();
        assert_eq!(names, ["aa-first", "mm-middle", "zz-last", "Вучић"]);
    }

    #[test]
    fn slots_cover_the_number_range_without_gaps() {
        assert_eq!(place(0), (0, 0));
        assert_eq!(place(63), (0, 63));
        assert_eq!(place(64), (1, 0));
        assert_eq!(place(191), (1, 127));
        assert_eq!(place(192), (2, 0));
        assert_eq!(place(u32::MAX).0, CHUNKS - 1);
    }
}
