// The ProseMirror schema of one section's body. Node and mark names, content
// rules and JSON match docs/paper-format.md exactly, so a section's
// `paragraphs` array is the content of this schema's `doc`.

import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";
import { isAllowedLink } from "./links";

const tables = tableNodes({
  tableGroup: "block",
  cellContent: "paragraph+",
  cellAttributes: {},
});

// The "block" group is what may follow the first paragraph of a numbered
// paragraph: paragraph | bullet_list | table.
const nodes: Record<string, NodeSpec> = {
  doc: { content: "numbered_paragraph+" },

  numbered_paragraph: {
    content: "paragraph block*",
    defining: true,
    parseDOM: [{ tag: "div.numbered-paragraph" }],
    // data-number is set by the live numbering plugin (numbering.ts).
    toDOM: (): DOMOutputSpec => ["div", { class: "numbered-paragraph" }, 0],
  },

  paragraph: {
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: "p" }],
    toDOM: (): DOMOutputSpec => ["p", 0],
  },

  bullet_list: {
    content: "list_item+",
    group: "block",
    parseDOM: [{ tag: "ul" }, { tag: "ol" }],
    toDOM: (): DOMOutputSpec => ["ul", 0],
  },

  list_item: {
    content: "paragraph (paragraph | bullet_list)*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: (): DOMOutputSpec => ["li", 0],
  },

  table: tables.table,
  table_row: tables.table_row,
  table_cell: tables.table_cell,
  table_header: tables.table_header,

  text: { group: "inline" },

  hard_break: {
    inline: true,
    group: "inline",
    selectable: false,
    leafText: () => " ",
    parseDOM: [{ tag: "br" }],
    toDOM: (): DOMOutputSpec => ["br"],
  },
};

const marks: Record<string, MarkSpec> = {
  bold: {
    parseDOM: [
      { tag: "strong" },
      // Google Docs wraps whole documents in <b style="font-weight:normal">.
      { tag: "b", getAttrs: (node) => (node as HTMLElement).style.fontWeight !== "normal" && null },
      { style: "font-weight=400", clearMark: (m) => m.type.name === "bold" },
      { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[5-9]\d{2})$/.test(value as string) && null },
    ],
    toDOM: (): DOMOutputSpec => ["strong", 0],
  },

  italic: {
    parseDOM: [
      { tag: "em" },
      { tag: "i" },
      { style: "font-style=italic" },
      { style: "font-style=normal", clearMark: (m) => m.type.name === "italic" },
    ],
    toDOM: (): DOMOutputSpec => ["em", 0],
  },

  underline: {
    parseDOM: [{ tag: "u" }, { style: "text-decoration=underline" }, { style: "text-decoration-line=underline" }],
    toDOM: (): DOMOutputSpec => ["u", 0],
  },

  link: {
    attrs: { href: {}, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        // A link that is not http(s) or mailto is not a link: its text stays.
        getAttrs: (node) => {
          const href = (node as HTMLElement).getAttribute("href") ?? "";
          if (!isAllowedLink(href)) return false;
          return { href: href.trim(), title: (node as HTMLElement).getAttribute("title") };
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const href = String(mark.attrs.href);
      // Never render an address the model would refuse (defence in depth).
      const attrs: Record<string, string> = { rel: "noopener noreferrer nofollow" };
      if (isAllowedLink(href)) attrs.href = href;
      if (mark.attrs.title) attrs.title = String(mark.attrs.title);
      return ["a", attrs, 0];
    },
  },
};

export const schema = new Schema({ nodes, marks });

export const nodeTypes = {
  doc: schema.nodes.doc!,
  numberedParagraph: schema.nodes.numbered_paragraph!,
  paragraph: schema.nodes.paragraph!,
  bulletList: schema.nodes.bullet_list!,
  listItem: schema.nodes.list_item!,
  table: schema.nodes.table!,
  tableRow: schema.nodes.table_row!,
  tableCell: schema.nodes.table_cell!,
  tableHeader: schema.nodes.table_header!,
  hardBreak: schema.nodes.hard_break!,
};

export const markTypes = {
  bold: schema.marks.bold!,
  italic: schema.marks.italic!,
  underline: schema.marks.underline!,
  link: schema.marks.link!,
};
