//! The tagger's model file: what `gloss train` writes, what `project.ron`'s `ner_model` names and
//! what `assets/models/news.model` holds.
//!
//! Layout (little-endian): the magic `GLOSSNER`, a format version (u32, 1), the labels (a count,
//! then each as a length and UTF-8 bytes), tokens and documents trained on (u64 each), the weight
//! scale (f32), the transitions (`(tags + 1) × tags` f32), then the feature rows, sorted by hash:
//! a count, then each as its hash (u64) and `tags` weights (i16, times the scale). Quantising to
//! 16 bits and leaving out rows that round to zero keeps the shipped model at a few megabytes and
//! its loading to a few milliseconds, with the same predictions as the unrounded model to within
//! rounding.

use super::tagger::{FeatureRows, TaggerModel};

const MAGIC: &[u8; 8] = b"GLOSSNER";
const VERSION: u32 = 1;

/// Why bytes are not a model file. Offsets count bytes from the start of the file.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelFileError {
    #[error("not a Gloss tagger model (it should start with \"GLOSSNER\")")]
    NotAModel,
    #[error("model format version {0} is not one this Gloss reads (it reads version 1)")]
    Version(u32),
    #[error("the model file ends early, at byte {0}")]
    Truncated(usize),
    #[error("byte {0}: {1}")]
    Invalid(usize, &'static str),
}

impl TaggerModel {
    /// The model as a file's bytes. Feature rows whose weights are all below `min_weight` in
    /// absolute value are left out (0 keeps every row that does not round to zero).
    pub fn to_bytes(&self, min_weight: f32) -> Vec<u8> {
        let tags = self.tags();
        let max = self
            .weights
            .iter()
            .chain(&self.transitions)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut rows: Vec<(u64, u32)> = self.features.iter().map(|(h, r)| (*h, *r)).collect();
        rows.sort_unstable();
        let mut kept = Vec::with_capacity(rows.len());
        for (hash, row) in rows {
            let weights = &self.weights[row as usize * tags..(row as usize + 1) * tags];
            let quantised: Vec<i16> = weights
                .iter()
                .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            let strong = weights.iter().any(|w| w.abs() >= min_weight);
            if strong && quantised.iter().any(|&q| q != 0) {
                kept.push((hash, quantised));
            }
        }
        let mut out = Vec::with_capacity(64 + kept.len() * (8 + 2 * tags));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            out.extend_from_slice(&(label.len() as u32).to_le_bytes());
            out.extend_from_slice(label.as_bytes());
        }
        out.extend_from_slice(&(self.tokens as u64).to_le_bytes());
        out.extend_from_slice(&(self.documents as u64).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (hash, quantised) in kept {
            out.extend_from_slice(&hash.to_le_bytes());
            for q in quantised {
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file's bytes, checking every length against what is there.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelFileError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8).ok() != Some(MAGIC.as_slice()) {
            return Err(ModelFileError::NotAModel);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelFileError::Version(version));
        }
        let n_labels = r.u32()? as usize;
        if n_labels == 0 || n_labels > 1000 {
            return Err(ModelFileError::Invalid(
                r.at - 4,
                "expected 1 to 1000 labels",
            ));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = r.u32()? as usize;
            let at = r.at;
            let text = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelFileError::Invalid(at, "a label is not UTF-8"))?;
            labels.push(text.to_owned());
        }
        if labels.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelFileError::Invalid(
                r.at,
                "labels are not sorted and distinct",
            ));
        }
        let tokens = r.u64()? as usize;
        let documents = r.u64()? as usize;
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelFileError::Invalid(
                r.at - 4,
                "the weight scale is not positive",
            ));
        }
        let tags = 1 + 4 * labels.len();
        let mut transitions = Vec::with_capacity((tags + 1) * tags);
        for _ in 0..(tags + 1) * tags {
            let t = r.f32()?;
            if !t.is_finite() {
                return Err(ModelFileError::Invalid(
                    r.at - 4,
                    "a transition is not a number",
                ));
            }
            transitions.push(t);
        }
        let n_rows = r.u32()? as usize;
        let row_bytes = 8 + 2 * tags;
        if r.bytes.len() - r.at != n_rows * row_bytes {
            return Err(ModelFileError::Invalid(
                r.at - 4,
                "the feature count does not match the file's length",
            ));
        }
        let mut features = FeatureRows::with_capacity_and_hasher(n_rows, Default::default());
        let mut weights = Vec::with_capacity(n_rows * tags);
        // The rows fill the rest of the file exactly (checked above): read them a row at a time
        // rather than a checked byte at a time.
        for (row, bytes) in r.bytes[r.at..].chunks_exact(row_bytes).enumerate() {
            let (hash, quantised) = bytes.split_at(8);
            let mut hash_bytes = [0u8; 8];
            hash_bytes.copy_from_slice(hash);
            weights.extend(
                quantised
                    .chunks_exact(2)
                    .map(|q| f32::from(i16::from_le_bytes([q[0], q[1]])) * scale),
            );
            features.insert(u64::from_le_bytes(hash_bytes), row as u32);
        }
        Ok(TaggerModel {
            labels,
            features,
            weights,
            transitions,
            tokens,
            documents,
            temperature: 1.0,
        })
    }

    /// How many feature rows the model holds.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelFileError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(ModelFileError::Truncated(self.bytes.len()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelFileError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelFileError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, ModelFileError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, ModelFileError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CharSpan;
    use crate::suggest::context::analyse;
    use crate::suggest::tagger::TrainingOptions;
    use crate::suggest::training::{TrainingDocument, TrainingSet};

    fn small_model() -> Option<TaggerModel> {
        let documents = (0..6)
            .map(|i| {
                let text = format!("Minister Albin Kurti met Vucic in Brussels on day {i}.");
                TrainingDocument {
                    id: format!("d{i}"),
                    entities: vec![
                        (CharSpan::new(9, 20), "PERSON".to_owned()),
                        (CharSpan::new(25, 30), "PERSON".to_owned()),
                        (CharSpan::new(34, 42), "GPE".to_owned()),
                    ],
                    text,
                }
            })
            .collect();
        TaggerModel::train(
            &TrainingSet { documents },
            TrainingOptions::default(),
            &|| false,
        )
    }

    #[test]
    fn a_model_read_back_from_its_file_predicts_what_it_predicted() {
        let Some(model) = small_model() else {
            panic!("the small set should train");
        };
        let Ok(read) = TaggerModel::from_bytes(&model.to_bytes(0.0)) else {
            panic!("the written model should read back");
        };
        let (chars, words, _) = analyse("Minister Albin Kurti met Vucic in Brussels.");
        let spans = |m: &TaggerModel| -> Vec<(CharSpan, String)> {
            m.predict(&words, &chars)
                .into_iter()
                .map(|(span, label, _)| (span, label))
                .collect()
        };
        assert_eq!(spans(&read), spans(&model));
        assert_eq!(read.labels(), model.labels());
    }

    #[test]
    fn bytes_that_are_not_a_model_say_so() {
        assert_eq!(
            TaggerModel::from_bytes(b"hello").err(),
            Some(ModelFileError::NotAModel)
        );
        let Some(model) = small_model() else {
            panic!("the small set should train");
        };
        let bytes = model.to_bytes(0.0);
        let cut = &bytes[..bytes.len() - 3];
        assert!(matches!(
            TaggerModel::from_bytes(cut),
            Err(ModelFileError::Invalid(..) | ModelFileError::Truncated(_))
        ));
    }
}
