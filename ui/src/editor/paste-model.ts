// The small block model that pasted HTML is read into (paste.ts) and
// written out from (paste-write.ts): paragraphs of styled runs, bullet
// lists and simple tables, nothing else.

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  href: string | null;
}
export type Run = { kind: "text"; text: string; style: RunStyle } | { kind: "br" };
export interface ListBlock {
  kind: "ul";
  items: Array<{ blocks: CleanBlock[] }>;
}
export interface TableBlock {
  kind: "table";
  rows: Array<Array<{ header: boolean; paras: Run[][] }>>;
}
export type CleanBlock = { kind: "p"; runs: Run[] } | ListBlock | TableBlock;
