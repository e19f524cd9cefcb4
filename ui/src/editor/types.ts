// The JSON of a section's body (docs/paper-format.md), as generated from the
// Rust model by ts-rs (src/lib/bindings; never edit those by hand). The
// generated node types keep their JSON names (`paragraph`, `bullet_list` …);
// here they get the names the editor code uses.

import type { Inline as GeneratedInline } from "../lib/bindings/Inline";

export type { Mark } from "../lib/bindings/Mark";
export type { Inline } from "../lib/bindings/Inline";
export type { paragraph as Paragraph } from "../lib/bindings/paragraph";
export type { list_item as ListItem } from "../lib/bindings/list_item";
export type { bullet_list as BulletList } from "../lib/bindings/bullet_list";
export type { table_cell as TableCell } from "../lib/bindings/table_cell";
export type { table_row as TableRow } from "../lib/bindings/table_row";
export type { table as Table } from "../lib/bindings/table";
export type { Block } from "../lib/bindings/Block";
export type { numbered_paragraph as NumberedParagraph } from "../lib/bindings/numbered_paragraph";

export type TextNode = Extract<GeneratedInline, { type: "text" }>;
export type HardBreak = Extract<GeneratedInline, { type: "hard_break" }>;
