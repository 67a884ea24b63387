//! A posting's description as plain text: HTML read by a small tokenizer written here.
//!
//! Descriptions arrive as HTML (JSON-LD `description`), as HTML escaped once more
//! (`&lt;p&gt;`, as Greenhouse writes it), or as the text the collector took with `innerText`.
//! Only what a reader needs is done: tags dropped, block elements and `<br>` made line
//! breaks, list items bulleted, the contents of `script`, `style` and the like dropped,
//! entities decoded, white space collapsed. An HTML parser crate (html5ever, scraper) would
//! build a tree and bring hundreds of kilobytes into the WebAssembly for text that is only
//! shown, never trusted; this scan is linear, allocates one output and stops at the cap.
//! The result is text for `textContent`: a `<` in it is a character, never markup.

use super::MAX_DESCRIPTION_BYTES;

/// The longest tag read, attributes included.
const MAX_TAG_CHARS: usize = 4096;

/// Elements whose content is never text.
const SKIPPED: [&str; 9] = [
    "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
];

/// Elements after which a line ends.
const LINE: [&str; 12] = [
    "br", "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "pre", "hr",
];

/// Elements set apart by an empty line.
const PARAGRAPH: [&str; 13] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "figure",
];

/// HTML or text to plain text of at most [`MAX_DESCRIPTION_BYTES`].
pub fn description_text(html_or_text: &str) -> String {
    text_capped(html_or_text, MAX_DESCRIPTION_BYTES).0
}

/// The text and whether it was cut at `cap` bytes.
pub(super) fn text_capped(input: &str, cap: usize) -> (String, bool) {
    // Escaped twice: no tag at all, but escaped ones. Decoded once, then read as HTML.
    if !input.contains('<') && input.contains("&lt;") {
        let decoded = decode_entities(input);
        return Reader::new(&decoded, cap).run();
    }
    Reader::new(input, cap).run()
}

/// Text taken with `innerText` to at most `cap` bytes: its line breaks kept (two at most in a
/// row), other white space collapsed, and nothing in it read as markup or entities.
pub(super) fn plain_capped(input: &str, cap: usize) -> (String, bool) {
    let mut reader = Reader::new("", cap);
    let mut blank = 0;
    for line in input.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        reader.line_break(if blank > 0 { 2 } else { 1 });
        blank = 0;
        reader.text(line);
        if reader.cut {
            break;
        }
    }
    (reader.out, reader.cut)
}

/// `&amp;`, `&#39;`, `&#x2019;` and the common named entities decoded; anything else kept.
pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match entity(&rest[at..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[at + len..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `s` stands for, and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(34).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        }
    } else {
        named(name)?
    };
    Some((c, end + 1))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "Eacute" => 'É',
        "agrave" => 'à',
        "aacute" => 'á',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        _ => return None,
    })
}

struct Reader<'a> {
    input: &'a str,
    /// `input` in ASCII lower case: the same byte offsets, for finding end tags.
    lower: String,
    out: String,
    cap: usize,
    cut: bool,
    space: bool,
    /// Line breaks owed before the next character (0, 1 or 2).
    breaks: u8,
}

impl<'a> Reader<'a> {
    fn new(input: &'a str, cap: usize) -> Reader<'a> {
        Reader {
            input,
            lower: input.to_ascii_lowercase(),
            out: String::new(),
            cap,
            cut: false,
            space: false,
            breaks: 0,
        }
    }

    fn run(mut self) -> (String, bool) {
        let mut at = 0;
        while at < self.input.len() && !self.cut {
            let rest = &self.input[at..];
            let Some(next) = rest.find(['<', '&']) else {
                self.text(rest);
                break;
            };
            self.text(&rest[..next]);
            at += next;
            at = if self.input[at..].starts_with('&') {
                match entity(&self.input[at..]) {
                    Some((c, len)) => {
                        self.push(c);
                        at + len
                    }
                    None => {
                        self.push('&');
                        at + 1
                    }
                }
            } else {
                self.markup(at)
            };
        }
        (self.out, self.cut)
    }

    /// Reads the markup starting with `<` at `at`; returns where text resumes.
    fn markup(&mut self, at: usize) -> usize {
        let rest = &self.lower[at..];
        if let Some(cdata) = rest.strip_prefix("<![cdata[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            let start = at + 9;
            self.text(&self.input[start..start + end]);
            return (start + end + 3).min(self.input.len());
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            return comment
                .find("-->")
                .map_or(self.input.len(), |e| at + 4 + e + 3);
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let first = rest[name_start..].chars().next();
        let is_tag = first.is_some_and(|c| c.is_ascii_alphabetic())
            || (!closing && matches!(first, Some('!' | '?')));
        let Some(end) = tag_end(rest).filter(|_| is_tag) else {
            self.push('<');
            return at + 1;
        };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = at + end + 1;
        if !closing && SKIPPED.contains(&name.as_str()) && !rest[..end].ends_with('/') {
            let close = format!("</{name}");
            return match self.lower[after..].find(&close) {
                Some(c) => tag_end(&self.lower[after + c..])
                    .map_or(self.input.len(), |e| after + c + e + 1),
                None => self.input.len(),
            };
        }
        if PARAGRAPH.contains(&name.as_str()) {
            self.line_break(2);
        } else if LINE.contains(&name.as_str()) {
            self.line_break(1);
            if name == "li" && !closing {
                self.text("• ");
            }
        }
        after
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.cut {
                return;
            }
            self.push(c);
        }
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
            return;
        }
        if c.is_control() {
            return;
        }
        let mut owed = String::new();
        if !self.out.is_empty() {
            if self.breaks > 0 {
                owed.push_str(if self.breaks > 1 { "\n\n" } else { "\n" });
            } else if self.space {
                owed.push(' ');
            }
        }
        if self.out.len() + owed.len() + c.len_utf8() > self.cap {
            self.cut = true;
            return;
        }
        self.out.push_str(&owed);
        self.out.push(c);
        self.breaks = 0;
        self.space = false;
    }

    fn line_break(&mut self, n: u8) {
        self.breaks = self.breaks.max(n);
        self.space = false;
    }
}

/// The offset of the `>` that ends the tag starting `s`, quoted attribute values skipped.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    // A tag longer than this is not one: the `<` is text (and a page of unclosed quotes
    // cannot make the scan quadratic).
    for (i, c) in s.char_indices().skip(1).take(MAX_TAG_CHARS) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_breaks_entities_and_skipped_elements() {
        let html = "<div>One<br>two&nbsp;&amp; three</div><p>Four &#x2019;&#39; &bogus;</p>\
                    <script>no()</script><style>p{}</style><!-- no --><ol><li>a</li><li>b</li></ol>";
        assert_eq!(
            description_text(html),
            "One\ntwo & three\n\nFour ’' &bogus;\n\n• a\n• b"
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text_and_escaped_markup_is_read_once() {
        assert_eq!(description_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(
            description_text("&lt;p&gt;x&lt;/p&gt;&lt;p&gt;y&lt;/p&gt;"),
            "x\n\ny"
        );
        assert_eq!(
            description_text("<![CDATA[kept]]> <b unclosed"),
            "kept <b unclosed"
        );
    }

    #[test]
    fn plain_text_keeps_its_lines_and_its_angle_brackets() {
        let (text, cut) = plain_capped("  a  b \n\n\n c <i>&amp;\n", 100);
        assert_eq!(text, "a b\n\nc <i>&amp;");
        assert!(!cut);
        let (text, cut) = plain_capped("abcdef", 3);
        assert_eq!((text.as_str(), cut), ("abc", true));
    }
}
