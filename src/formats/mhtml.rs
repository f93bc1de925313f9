//! MHTML ("Save page as… Webpage, single file" in Chrome and Edge): a MIME multipart/related message
//! whose first `text/html` part is the page. Only that part is read; images and styles are skipped.

/// The page of an MHTML archive, decoded to text, and its `Content-Location` (the page's URL).
pub(crate) fn html_part(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) =
        split_headers(&text).ok_or("an MHTML archive without a blank line after its headers")?;
    let boundary = header_parameter(head, "boundary").ok_or(
        "an MHTML archive without a boundary in its Content-Type (expected multipart/related)",
    )?;
    let delimiter = format!("--{boundary}");
    for part in body.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let Some((headers, content)) = split_headers(part.trim_start_matches(['\r', '\n'])) else {
            continue;
        };
        let content_type = header(headers, "content-type").unwrap_or_default();
        if !content_type.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let encoding = header(headers, "content-transfer-encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let raw = match encoding.as_str() {
            "quoted-printable" => quoted_printable(content),
            "base64" => {
                base64(content).ok_or("the page part of the MHTML archive is not valid base64")?
            }
            _ => content.as_bytes().to_vec(),
        };
        let html = super::html::decode(&raw, Some(&content_type));
        return Ok((html, header(headers, "content-location")));
    }
    Err("no text/html part in the MHTML archive".to_owned())
}

/// Headers and the rest, split at the first blank line (CRLF or LF).
fn split_headers(text: &str) -> Option<(&str, &str)> {
    let crlf = text.find("\r\n\r\n").map(|at| (at, 4));
    let lf = text.find("\n\n").map(|at| (at, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&text[..at], &text[at + len..]))
}

/// A header's value, its folded continuation lines joined.
fn header(headers: &str, name: &str) -> Option<String> {
    let mut value: Option<String> = None;
    for line in headers.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(value) = value.as_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if value.is_some() {
            break;
        }
        if let Some((key, rest)) = line.split_once(':')
            && key.trim().eq_ignore_ascii_case(name)
        {
            value = Some(rest.trim().to_owned());
        }
    }
    value
}

fn header_parameter(headers: &str, name: &str) -> Option<String> {
    let content_type = header(headers, "content-type")?;
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = content_type[at..].trim_start_matches('"');
    let end = rest.find(['"', ';']).unwrap_or(rest.len());
    Some(rest[..end].trim().to_owned()).filter(|b| !b.is_empty())
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            // A soft line break.
            if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_part_is_found_and_decoded() {
        let archive = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/a\r\n\r\n<html><head><meta charset=3D\"utf-8\"></head><body><p>Vu=C4=8Di=C4=87 met Kurti in a long meeting that went =\r\non.</p></body></html>\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n";
        let (html, location) = html_part(archive.as_bytes()).unwrap();
        assert!(
            html.contains("Vučić met Kurti in a long meeting that went on."),
            "{html}"
        );
        assert_eq!(location.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn base64_decodes() {
        assert_eq!(base64("UHJpc2h0aW7Dqw==").unwrap(), "Prishtinë".as_bytes());
    }
}
