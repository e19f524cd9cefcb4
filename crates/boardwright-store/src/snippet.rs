//! Search snippets: a few words around the best match, matching words marked.
//!
//! Made here rather than by FTS5's `snippet()`, whose time grows with the
//! square of the matches in a paper (a 150-page paper that says "control
//! room" 4,000 times took a third of a second); this is linear. Words are
//! matched as FTS5's `unicode61` tokenizer sees them: runs of letters and
//! digits, ignoring case and common Latin accents.

use crate::search::{SNIPPET_CLOSE, SNIPPET_OPEN};

/// Words of context in a snippet.
const WINDOW: usize = 12;

/// A word of the query as the tokenizer sees it.
#[derive(Debug, PartialEq)]
pub(crate) struct Needle {
    text: String,
    prefix: bool,
}

/// The needles of the user's search text, as `search::fts_query` reads it; each once.
pub(crate) fn needles(text: &str) -> Vec<Needle> {
    let mut needles: Vec<Needle> = Vec::new();
    for word in text.split_whitespace() {
        let tokens = tokens(word);
        let whole_only = word.chars().filter(|c| c.is_alphanumeric()).count() <= 1;
        let last = tokens.len().saturating_sub(1);
        for (i, (start, end)) in tokens.into_iter().enumerate() {
            let needle = Needle { text: folded(&word[start..end]).collect(), prefix: i == last && !whole_only };
            if !needles.contains(&needle) {
                needles.push(needle);
            }
        }
    }
    needles
}

/// The byte ranges of the tokens of `text`: runs of letters and digits.
fn token_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let end = chars.find(|(_, c)| !c.is_alphanumeric()).map_or(text.len(), |(i, _)| i);
        Some((start, end))
    })
}

fn tokens(text: &str) -> Vec<(usize, usize)> {
    token_ranges(text).collect()
}

/// Lower case, without the accents of Latin-1 letters.
fn folded(token: &str) -> impl Iterator<Item = char> + '_ {
    token.chars().flat_map(char::to_lowercase).map(strip_accent)
}

fn strip_accent(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// Which needle, if any, `token` matches (without allocating: this runs on every word).
fn matching(token: &str, needles: &[Needle]) -> Option<usize> {
    needles.iter().position(|needle| {
        let mut token = folded(token);
        needle.text.chars().all(|c| token.next() == Some(c)) && (needle.prefix || token.next().is_none())
    })
}

/// The best window of `text`: (distinct needles in it, the snippet).
fn best_window(text: &str, needles: &[Needle]) -> Option<(usize, String)> {
    // Tokens and hits (token, needle), read up to a window past the first window
    // that holds every needle: a long paper is rarely read to its end.
    let mut tokens = Vec::new();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut stop_at = usize::MAX;
    let mut cut = false;
    let mut seen = vec![false; needles.len()];
    for (t, (s, e)) in token_ranges(text).enumerate() {
        if t >= stop_at {
            cut = true;
            break;
        }
        tokens.push((s, e));
        let Some(n) = matching(&text[s..e], needles) else { continue };
        hits.push((t, n));
        if stop_at == usize::MAX {
            seen.iter_mut().for_each(|s| *s = false);
            hits.iter().rev().take_while(|(h, _)| h + WINDOW > t).for_each(|(_, n)| seen[*n] = true);
            if seen.iter().all(|s| *s) {
                stop_at = t + WINDOW;
            }
        }
    }
    // The window starting at each hit: how many different needles it holds, and its last hit.
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, (first, _)) in hits.iter().enumerate() {
        seen.iter_mut().for_each(|s| *s = false);
        // `last`: where the window's last new needle is, so the words it holds are centred.
        let mut last = *first;
        for (t, n) in hits[i..].iter().take_while(|(t, _)| *t < first + WINDOW) {
            if !seen[*n] {
                seen[*n] = true;
                last = *t;
            }
        }
        let score = seen.iter().filter(|s| **s).count();
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, *first, last));
            if score == needles.len() {
                break;
            }
        }
    }
    let (score, first, last) = best?;
    // Centre the matched words in the window.
    let slack = WINDOW.saturating_sub(last - first + 1);
    let start = first.saturating_sub(slack / 2);
    let end = (start + WINDOW).min(tokens.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = tokens[start].0;
    for (s, e) in &tokens[start..end] {
        out.push_str(&text[at..*s]);
        if matching(&text[*s..*e], needles).is_some() {
            out.push_str(SNIPPET_OPEN);
            out.push_str(&text[*s..*e]);
            out.push_str(SNIPPET_CLOSE);
        } else {
            out.push_str(&text[*s..*e]);
        }
        at = *e;
    }
    // The punctuation after the last word, then "…" if the text goes on.
    match tokens.get(end) {
        Some((next, _)) => {
            out.push_str(text[at..*next].trim_end());
            out.push('…');
        }
        None if cut => out.push('…'),
        None => out.push_str(&text[at..]),
    }
    Some((score, out.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// The snippet of a hit: from the body, or from the title if it holds more of
/// the words; `None` if neither holds any.
pub(crate) fn snippet(title: &str, body: &str, needles: &[Needle]) -> Option<String> {
    match (best_window(title, needles), best_window(body, needles)) {
        (Some((t, title)), Some((b, _))) if t > b => Some(title),
        (_, Some((_, body))) => Some(body),
        (Some((_, title)), None) => Some(title),
        (None, None) => None,
    }
}

/// The first words of `text`, for a hit whose words this module cannot place.
pub(crate) fn opening(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out = words.by_ref().take(WINDOW).collect::<Vec<_>>().join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(title: &str, body: &str, query: &str) -> String {
        snippet(title, body, &needles(query)).unwrap_or_else(|| opening(body))
    }

    #[test]
    fn reads_the_query_as_the_tokenizer_does() {
        let n = needles("Café e-mail a");
        let texts: Vec<(&str, bool)> = n.iter().map(|n| (n.text.as_str(), n.prefix)).collect();
        assert_eq!(texts, [("cafe", true), ("e", false), ("mail", true), ("a", false)]);
    }

    #[test]
    fn marks_matches_in_a_window_around_the_best_place() {
        let body = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen. \
                    The control room is staffed. Fifteen sixteen seventeen eighteen nineteen twenty.";
        assert_eq!(
            snip("T", body, "control room"),
            "…eleven twelve thirteen fourteen. The [control] [room] is staffed. Fifteen sixteen seventeen…"
        );
        assert_eq!(snip("T", "Short text.", "TEXT"), "Short [text].");
        assert_eq!(snip("T", "Le café est ouvert", "cafe"), "Le [café] est ouvert");
        assert_eq!(snip("T", "controlled controls", "control"), "[controlled] [controls]");
        assert_eq!(snip("T", "a an ant", "a"), "[a] an ant", "one letter matches whole words only");
    }

    #[test]
    fn prefers_the_window_with_most_of_the_words() {
        let filler = "word ".repeat(30);
        let body = format!("room {filler} control then room {filler} control");
        assert!(
            snip("T", &body, "control room").contains("[control] then [room]"),
            "{}",
            snip("T", &body, "control room")
        );
        assert_eq!(snip("Fleet review", "nothing here", "fleet"), "[Fleet] review");
        assert_eq!(snip("Fleet", "A fleet of vans", "fleet"), "A [fleet] of vans", "the body gives context");
        assert_eq!(snip("T", "no match at all", "zebra"), "no match at all");
    }

    #[test]
    fn stops_early_or_reads_a_long_text_once() {
        let body = "The control room staffing model. ".repeat(20_000);
        let started = std::time::Instant::now();
        let s = snip("T", &body, "control room");
        assert!(s.starts_with("The [control] [room] staffing"), "{s}");
        // "zebra" is nowhere: every word is read, once.
        let s = snip("T", &body, "control zebra");
        assert!(s.starts_with("The [control] room"), "{s}");
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
    }
}
