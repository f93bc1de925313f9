//! Texts for the examples that time or snapshot suggestions: a folder (its `.txt` files, in name
//! order), a `.txt` file, or a JSONL file (`{"text": ...}` a line), each text with a name (the
//! file's stem, and `-N` for the N-th line of a JSONL file).

use std::path::{Path, PathBuf};

/// Appends the texts at `path` to `texts`, named.
pub fn read_texts(
    path: &Path,
    texts: &mut Vec<(String, String)>,
) -> Result<(), Box<dyn std::error::Error>> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            read_texts(&file, texts)?;
        }
    } else if path.extension().is_some_and(|e| e == "jsonl") {
        for (i, line) in std::fs::read_to_string(path)?.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let text = value["text"]
                .as_str()
                .ok_or_else(|| format!("{}:{}: a line without text", path.display(), i + 1))?;
            texts.push((format!("{stem}-{}", i + 1), text.to_owned()));
        }
    } else {
        texts.push((stem, std::fs::read_to_string(path)?));
    }
    Ok(())
}
