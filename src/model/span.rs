//! Char-offset spans.

use std::fmt;

/// A half-open range `[start, end)` of char offsets into a document's text.
///
/// Offsets count Unicode scalar values (Rust `char`s, Python `str` indices, as spaCy and brat count),
/// never bytes or UTF-16 code units. `start <= end` always holds for spans built with [`CharSpan::new`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

impl CharSpan {
    /// A span from `a` to `b`, in whichever order they are given.
    pub fn new(a: usize, b: usize) -> Self {
        Self {
            start: a.min(b),
            end: a.max(b),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether the char at `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains_span(&self, other: CharSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one char.
    pub fn overlaps(&self, other: CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn union(&self, other: CharSpan) -> CharSpan {
        CharSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl fmt::Display for CharSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_half_open() {
        let span = CharSpan::new(2, 5);
        assert!(span.contains(2));
        assert!(!span.contains(5));
        assert_eq!(span.len(), 3);
        assert!(!span.overlaps(CharSpan::new(5, 7)));
        assert!(span.overlaps(CharSpan::new(4, 7)));
    }

    #[test]
    fn new_orders_its_ends() {
        assert_eq!(CharSpan::new(7, 3), CharSpan { start: 3, end: 7 });
    }
}
