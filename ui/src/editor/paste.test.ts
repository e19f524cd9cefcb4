import { describe, expect, it } from "vitest";
import { DOMParser as PMDOMParser, type Node } from "prosemirror-model";
import { cleanPastedHtml } from "./paste";
import { schema } from "./schema";
import { fixture } from "./__fixtures__/state";
import { hostileSamples } from "./__fixtures__/hostile";

const WORD_FIXTURES = [
  "word-paragraphs.html",
  "word-list-two-level.html",
  "word-list-three-level.html",
  "word-hyperlink.html",
  "word-table.html",
  "word-mac-list.html",
];

const ALLOWED_TAGS = new Set(["P", "UL", "LI", "STRONG", "EM", "U", "A", "BR", "TABLE", "TBODY", "TR", "TD", "TH"]);

/** The cleaned HTML, parsed back (inertly) to inspect it. */
function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
}

/** Every element is allowed, and only <a> has an attribute: an http(s) or mailto href. */
function expectMinimal(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll("*"))) {
    expect(ALLOWED_TAGS, el.tagName).toContain(el.tagName);
    const attrs = Array.from(el.attributes).map((a) => a.name);
    if (el.tagName === "A") {
      expect(attrs).toEqual(["href"]);
      expect(el.getAttribute("href")).toMatch(/^(https?:\/\/|mailto:)\S+$/i);
    } else {
      expect(attrs, el.tagName).toEqual([]);
    }
  }
}

/** The depth of each <li>'s own text: 1 for a top-level bullet. */
function bulletDepths(root: HTMLElement): Array<[string, number]> {
  return Array.from(root.querySelectorAll("li")).map((li) => {
    let depth = 0;
    for (let e: Element | null = li; e && e !== root; e = e.parentElement) if (e.tagName === "UL") depth++;
    return [li.querySelector(":scope > p")?.textContent ?? "", depth];
  });
}

function parseIntoSchema(html: string) {
  const dom = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  return PMDOMParser.fromSchema(schema).parseSlice(dom);
}

/** Each bullet_list node's nesting depth (1 = a list not inside another list). */
function listDepths(node: Node, depth = 0, out: number[] = []): number[] {
  node.forEach((child) => {
    if (child.type.name === "bullet_list") {
      out.push(depth + 1);
      listDepths(child, depth + 1, out);
    } else listDepths(child, depth, out);
  });
  return out;
}

describe("cleaning Word's clipboard HTML", () => {
  for (const name of WORD_FIXTURES) {
    it(`${name}: only minimal tags, no styles, classes, fonts or comments`, () => {
      const raw = fixture(name);
      expect(raw).toMatch(/mso-|Mso/); // the fixture really is Word-like
      const html = cleanPastedHtml(raw);
      expectMinimal(parse(html));
      for (const gone of ["style=", "class=", "<font", "<span", "font-family", "mso", "<!--", "o:p", "Calibri", "Arial", "color", "StartFragment", "&nbsp;", "supportLists", "·", "<![", "xml"]) {
        expect(html, gone).not.toContain(gone);
      }
      expect(html.length).toBeGreaterThan(20);
    });
  }

  it("keeps bold, italic, underline and line breaks; drops spacer paragraphs", () => {
    const root = parse(cleanPastedHtml(fixture("word-paragraphs.html")));
    const ps = Array.from(root.querySelectorAll(":scope > p"));
    expect(ps.map((p) => p.textContent)).toEqual([
      "The Board is invited to note the content of this report and the PEEL 2025 findings.",
      "Fieldwork took place in April and May 2026. Inspectors reviewed 120 crime files and listened to 400 calls from the public.",
      "A lineafter a manual line break, and a styled bold run.",
    ]);
    expect(root.querySelector("strong")?.textContent).toBe("note");
    expect(root.querySelector("em")?.textContent).toBe("PEEL 2025");
    expect(root.querySelector("u")?.textContent).toBe("120 crime files");
    expect(Array.from(root.querySelectorAll("strong")).map((s) => s.textContent)).toEqual(["note", "styled bold"]);
    // mso-bidi-font-weight:bold is not bold.
    expect(ps[1]!.querySelector("strong")).toBeNull();
    expect(ps[2]!.querySelector("br")).not.toBeNull();
  });

  it("turns a two-level Word list into nested bullets without the typed bullet characters", () => {
    const root = parse(cleanPastedHtml(fixture("word-list-two-level.html")));
    expect(bulletDepths(root)).toEqual([
      ["answers emergency calls quickly", 1],
      ["90 per cent within 10 seconds", 2],
      ["but not non-emergency calls", 2],
      ["records crime accurately", 1],
    ]);
    expect(root.querySelectorAll(":scope > ul").length).toBe(1);
    expect(root.querySelector("li strong")?.textContent).toBe("quickly");
    expect(root.querySelector("li em")?.textContent).toBe("non-emergency");
    expect(Array.from(root.querySelectorAll(":scope > p")).map((p) => p.textContent)).toEqual([
      "The inspection found that the force:",
      "These findings are set out below.",
    ]);
  });

  it("turns a three-level Word list into three levels, and separates lists by their lN id", () => {
    const root = parse(cleanPastedHtml(fixture("word-list-three-level.html")));
    expect(bulletDepths(root)).toEqual([
      ["Effectiveness", 1],
      ["Investigating crime", 2],
      ["Supervision of investigations", 3],
      ["Victim updates", 3],
      ["Protecting vulnerable people", 2],
      ["Efficiency", 1],
      ["Legitimacy", 1],
      ["A numbered list item", 1],
    ]);
    // l0, then a paragraph, then l1 and l2 straight after each other: three lists.
    const top = Array.from(root.children).map((c) => c.tagName);
    expect(top).toEqual(["UL", "P", "UL", "UL"]);
    expect(root.textContent).not.toMatch(/[·§]|^o\s|1\.\s/);
  });

  it("reads Word's newer comment markers and an indented paragraph inside a bullet", () => {
    const root = parse(cleanPastedHtml(fixture("word-mac-list.html")));
    expect(bulletDepths(root)).toEqual([
      ["Neighbourhood policing", 1],
      ["Ward panels", 2],
    ]);
    const first = root.querySelector("li")!;
    expect(Array.from(first.querySelectorAll(":scope > p")).map((p) => p.textContent)).toEqual([
      "Neighbourhood policing",
      "A second paragraph inside this bullet.",
    ]);
  });

  it("keeps http(s) and mailto links, and makes bookmarks, internal and file links plain text", () => {
    const root = parse(cleanPastedHtml(fixture("word-hyperlink.html")));
    const links = Array.from(root.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["HMICFRS guide to PEEL assessments", "https://hmicfrs.justiceinspectorates.gov.uk/our-work/article/peel-assessments/"],
      ["alex.morgan@northshire.police.uk", "mailto:alex.morgan@northshire.police.uk"],
      ["intranet page", "http://intranet.northshire.police.uk/peel"],
    ]);
    expect(root.textContent).toContain("See also section 4 and the shared drive copy.");
    // The link's own underline style does not become an underline mark.
    expect(root.querySelector("u")).toBeNull();
    expect(root.querySelector("a strong")?.textContent).toBe("intranet page");
  });

  it("keeps a Word table as rows of cells, the first row as header cells, merged cells split", () => {
    const root = parse(cleanPastedHtml(fixture("word-table.html")));
    const rows = Array.from(root.querySelectorAll("tr")).map((tr) =>
      Array.from(tr.children).map((c) => `${c.tagName}:${c.textContent}`),
    );
    expect(rows).toEqual([
      ["TH:Area", "TH:2023 grade", "TH:2025 grade"],
      ["TD:Recording data about crime", "TD:Good", "TD:Requires improvement"],
      ["TD:Responding to the public(merged cell)", "TD:", "TD:Adequate"],
    ]);
    expect(root.querySelector("table")!.attributes.length).toBe(0);
  });
});

describe("hostile clipboard HTML", () => {
  for (const sample of hostileSamples) {
    it(`${sample.name}: nothing active survives, the harmless text does`, () => {
      const html = cleanPastedHtml(sample.html);
      expect(html).not.toMatch(/<script|<img|<iframe|<svg|<object|<embed|<style|<math|<form|<input|<meta|<base/i);
      expect(html).not.toMatch(/\son\w+\s*=/i);
      expect(html).not.toMatch(/javascript:|vbscript:|data:|file:|expression\(/i);
      expect(html).not.toMatch(/alert\(/);
      expectMinimal(parse(html));
      const text = parse(html).textContent ?? "";
      for (const keep of sample.keeps) expect(text).toContain(keep);
    });
  }
});

describe("the cleaned HTML through the schema", () => {
  it("gives nested bullet_list nodes at the Word list's depth", () => {
    const three = parseIntoSchema(cleanPastedHtml(fixture("word-list-three-level.html")));
    expect(listDepths(three.content as unknown as Node)).toEqual([1, 2, 3, 1, 1]);
    const first = three.content.firstChild!;
    expect(first.type.name).toBe("bullet_list");
    expect(first.child(0).child(0).textContent).toBe("Effectiveness");
    expect(first.child(0).child(1).child(0).child(1).child(0).child(0).textContent).toBe("Supervision of investigations");

    const two = parseIntoSchema(cleanPastedHtml(fixture("word-list-two-level.html")));
    expect(listDepths(two.content as unknown as Node)).toEqual([1, 2]);
  });

  it("keeps marks and links as schema marks", () => {
    const slice = parseIntoSchema(cleanPastedHtml(fixture("word-hyperlink.html")));
    const marks: string[] = [];
    slice.content.descendants((n) => {
      if (n.isText) marks.push(`${n.text}:${n.marks.map((m) => (m.type.name === "link" ? `link(${m.attrs.href})` : m.type.name)).join("+")}`);
    });
    expect(marks).toContain("HMICFRS guide to PEEL assessments:link(https://hmicfrs.justiceinspectorates.gov.uk/our-work/article/peel-assessments/)");
    expect(marks).toContain("intranet page:bold+link(http://intranet.northshire.police.uk/peel)");
  });

  it("gives a table of paragraphs", () => {
    const slice = parseIntoSchema(cleanPastedHtml(fixture("word-table.html")));
    const table = slice.content.child(1);
    expect(table.type.name).toBe("table");
    expect(table.childCount).toBe(3);
    table.forEach((row) => expect(row.childCount).toBe(3));
    expect(table.child(0).child(0).type.name).toBe("table_header");
  });

  it("the schema itself refuses a javascript: link even in uncleaned HTML", () => {
    const slice = parseIntoSchema('<p><a href="javascript:alert(1)">x</a> <a href="https://ok.example/">y</a></p>');
    const hrefs: string[] = [];
    slice.content.descendants((n) => {
      n.marks.forEach((m) => hrefs.push(String(m.attrs.href)));
    });
    expect(hrefs).toEqual(["https://ok.example/"]);
  });
});
