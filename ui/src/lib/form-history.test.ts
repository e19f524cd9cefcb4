import { afterEach, describe, expect, it } from "vitest";
import { EditHistory } from "./edit-history";
import { FieldHistory, historyKeyListener } from "./form-history";

let root: HTMLElement;
afterEach(() => root?.remove());

/** A form like the editor's: fields with ids in a root that listens as the screens do. */
function form(html: string) {
  root = document.body.appendChild(document.createElement("section"));
  root.innerHTML = html;
  const typed: string[] = [];
  const history: EditHistory = new EditHistory({ text: () => false, field: (id, value) => fields.set(id, value) });
  const fields = new FieldHistory(() => history, () => root);
  root.addEventListener("focusin", fields.remember);
  root.addEventListener("input", (e) => {
    fields.record(e);
    typed.push((e.target as HTMLInputElement).value);
  });
  root.addEventListener("change", fields.record);
  const type = (id: string, value: string) => {
    const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
    field.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return { history, fields, typed, type, value: (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!.value };
}

describe("FieldHistory", () => {
  it("records typing by field id and undoes it as if typed, so the form's handlers run", () => {
    const f = form(`<input id="title" value="Budget"><select id="marking"><option>OFFICIAL</option><option>OFFICIAL-SENSITIVE</option></select>`);
    f.type("title", "Budget 2027");
    f.type("marking", "OFFICIAL-SENSITIVE");
    f.history.undo();
    expect(f.value("marking")).toBe("OFFICIAL");
    f.history.undo();
    expect(f.value("title")).toBe("Budget");
    // The undo reached the page's own input handler (which updates the document), and was not recorded again.
    expect(f.typed.at(-1)).toBe("Budget");
    expect(f.history.canUndo).toBe(false);
    f.history.redo();
    expect(f.value("title")).toBe("Budget 2027");
  });

  it("leaves out radios, checkboxes, search boxes and fields without an id", () => {
    const f = form(`<input id="publish" type="checkbox"><input class="no-id"><input id="find" type="search">`);
    f.type("find", "inspection");
    const box = root.querySelector<HTMLInputElement>("#publish")!;
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    const plain = root.querySelector<HTMLInputElement>(".no-id")!;
    plain.value = "x";
    plain.dispatchEvent(new Event("input", { bubbles: true }));
    expect(f.history.canUndo).toBe(false);
  });

  it("skips a field that is no longer on the screen", () => {
    const f = form(`<input id="title"><input id="reason">`);
    f.type("title", "Budget");
    f.type("reason", "FOIA s31");
    root.querySelector("#reason")!.remove();
    expect(f.history.undo()).toMatchObject({ field: "title" });
    expect(f.value("title")).toBe("");
  });
});

describe("historyKeyListener", () => {
  it("takes Ctrl+Z and Ctrl+Y in the root (or with nothing focused) before the field, and leaves keys elsewhere", () => {
    root = document.body.appendChild(document.createElement("section"));
    root.innerHTML = `<input id="inside"><input id="find" type="search">`;
    const dialog = document.body.appendChild(document.createElement("input"));
    const steps: string[] = [];
    const listener = historyKeyListener(() => root, (which) => steps.push(which));
    window.addEventListener("keydown", listener, true);
    const press = (target: EventTarget, init: KeyboardEventInit) => {
      const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    try {
      expect(press(root.querySelector("#inside")!, { key: "z", ctrlKey: true })).toBe(true);
      expect(press(document.body, { key: "y", ctrlKey: true })).toBe(true);
      expect(press(dialog, { key: "z", ctrlKey: true })).toBe(false);
      expect(press(root.querySelector("#inside")!, { key: "b", ctrlKey: true })).toBe(false);
      // A search box in the root keeps its own undo: the paper's is not stepped.
      expect(press(root.querySelector("#find")!, { key: "z", ctrlKey: true })).toBe(false);
      expect(steps).toEqual(["undo", "redo"]);
    } finally {
      window.removeEventListener("keydown", listener, true);
      dialog.remove();
    }
  });
});
