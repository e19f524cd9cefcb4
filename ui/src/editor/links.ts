// Which links a board paper may carry, mirroring `is_allowed_link` in
// crates/boardwright-model/src/validate.rs: http, https and mailto only.

const SCHEMES = ["https://", "http://", "mailto:"];
// Whitespace or control characters anywhere after the scheme.
const BAD_CHAR = /[\s\u0000-\u001f\u007f-\u009f]/u;

/** True for an http(s) or mailto link with something after the scheme. */
export function isAllowedLink(href: string): boolean {
  const lower = href.trim().toLowerCase();
  const scheme = SCHEMES.find((s) => lower.startsWith(s));
  if (!scheme) return false;
  const rest = lower.slice(scheme.length);
  return rest.length > 0 && !BAD_CHAR.test(rest);
}

/**
 * Turns what an author typed into a link address, or null when it is not an
 * allowed link. "www.example.org" gains "https://"; a bare e-mail address
 * gains "mailto:". Anything with another scheme (javascript:, file:, data:) is
 * refused.
 */
export function normaliseLinkInput(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  let href = text;
  if (/^www\./i.test(text)) {
    href = `https://${text}`;
  } else if (/^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/.test(text)) {
    href = `mailto:${text}`;
  }
  return isAllowedLink(href) ? href : null;
}
