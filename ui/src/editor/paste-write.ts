// Writes the clean block model as minimal HTML with createElement and
// createTextNode only: p, ul/li, strong, em, u, a[href], br, table/tr/th/td.

import type { CleanBlock, Run, RunStyle } from "./paste-model";


function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href;
}

function writeRuns(doc: Document, parent: Element, runs: Run[]): void {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (run.kind === "text" && last?.kind === "text" && sameStyle(last.style, run.style)) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else merged.push(run);
  }
  for (const run of merged) {
    if (run.kind === "br") {
      parent.appendChild(doc.createElement("br"));
      continue;
    }
    let node: Node = doc.createTextNode(run.text);
    const wrap = (tag: string) => {
      const el = doc.createElement(tag);
      el.appendChild(node);
      node = el;
    };
    // Links are underlined by their style already: no underline mark inside them.
    if (run.style.underline && !run.style.href) wrap("u");
    if (run.style.italic) wrap("em");
    if (run.style.bold) wrap("strong");
    if (run.style.href) {
      wrap("a");
      (node as Element).setAttribute("href", run.style.href);
    }
    parent.appendChild(node);
  }
}

export function writeBlocks(doc: Document, parent: Element, blocks: CleanBlock[]): void {
  for (const block of blocks) {
    if (block.kind === "p") {
      const p = doc.createElement("p");
      writeRuns(doc, p, block.runs);
      parent.appendChild(p);
    } else if (block.kind === "ul") {
      const ul = doc.createElement("ul");
      for (const item of block.items) {
        const li = doc.createElement("li");
        writeBlocks(doc, li, item.blocks);
        ul.appendChild(li);
      }
      parent.appendChild(ul);
    } else {
      const table = doc.createElement("table");
      for (const row of block.rows) {
        const tr = doc.createElement("tr");
        for (const cell of row) {
          const td = doc.createElement(cell.header ? "th" : "td");
          for (const runs of cell.paras) {
            const p = doc.createElement("p");
            writeRuns(doc, p, runs);
            td.appendChild(p);
          }
          tr.appendChild(td);
        }
        table.appendChild(tr);
      }
      parent.appendChild(table);
    }
  }
}
