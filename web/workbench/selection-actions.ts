/**
 * The toolbar's actions on the selected nodes (expand by a relationship type, hide, show, remove,
 * pin, collapse a hub), each undoable through the canvas's history, and the keyboard's undo/redo.
 */
import type { Core, NodeSingular, SingularElementReturnValue } from "cytoscape";

import type { UndoRedo } from "../embed/network.js";
import { $, canvas, caption, core, history, hubThreshold, say } from "./page.js";

interface ClassChange {
  ids: string[];
  className: string;
  on: boolean;
  before?: boolean[];
}
interface PinChange {
  ids: string[];
  on: boolean;
  before?: boolean[];
}

/** The workbench's own undoable actions, registered on each new drawing's history. */
export function registerActions(history: UndoRedo, cy: Core): void {
  const setClass = (change: ClassChange): ClassChange => {
    const before = change.ids.map((id) => cy.getElementById(id).hasClass(change.className));
    change.ids.forEach((id) => cy.getElementById(id).toggleClass(change.className, change.on));
    return { ...change, before };
  };
  const unsetClass = (change: ClassChange): ClassChange => {
    change.ids.forEach((id, index) => cy.getElementById(id).toggleClass(change.className, change.before?.[index] ?? false));
    return { ...change, before: undefined };
  };
  history.action<ClassChange>("classes", setClass, unsetClass);
  const pin = (change: PinChange): PinChange => {
    const before = change.ids.map((id) => cy.getElementById(id).hasClass("pinned"));
    change.ids.forEach((id) => setPinned(cy.getElementById(id), change.on));
    return { ...change, before };
  };
  const unpin = (change: PinChange): PinChange => {
    change.ids.forEach((id, index) => setPinned(cy.getElementById(id), change.before?.[index] ?? false));
    return { ...change, before: undefined };
  };
  history.action<PinChange>("pin", pin, unpin);
}

function setPinned(node: SingularElementReturnValue, on: boolean): void {
  if (node.empty() || !node.isNode()) return;
  node.toggleClass("pinned", on);
  if (on) node.lock();
  else node.unlock();
}

export function selectedNodes(): NodeSingular[] {
  return core()?.nodes(":selected").toArray() as NodeSingular[] ?? [];
}
/** Runs a toolbar action on the selection (expand, hide, show, remove, pin, collapse, undo, redo). */
export async function act(action: string): Promise<void> {
  const cy = core();
  const ur = history();
  if (!cy || !ur) return;
  const chosen = selectedNodes();
  const ids = chosen.map((node) => node.id());
  switch (action) {
    case "expand": {
      if (ids.length === 0) return say("Select a node to expand.", true);
      const type = $<HTMLSelectElement>("#expand-type").value;
      for (const id of ids) await canvas.expand(id, { types: type ? [type] : undefined, hubThreshold: hubThreshold() });
      if (canvas.state === "error") canvas.dismissError();
      else say(`Expanded ${ids.map(caption).join(", ")}${type ? ` by ${type}` : ""}.`);
      return;
    }
    case "hide":
      if (ids.length) ur.do<ClassChange>("classes", { ids, className: "hidden", on: true });
      return;
    case "show": {
      const hidden = cy.nodes(".hidden").map((node) => node.id());
      if (hidden.length) ur.do<ClassChange>("classes", { ids: hidden, className: "hidden", on: false });
      return;
    }
    case "remove":
      if (ids.length) ur.do("remove", cy.nodes(":selected"));
      return;
    case "pin":
      if (ids.length) ur.do<PinChange>("pin", { ids, on: !chosen.every((node) => node.hasClass("pinned")) });
      return;
    case "collapse":
      return collapse(chosen);
    case "undo":
      canvas.undo();
      return;
    case "redo":
      canvas.redo();
      return;
  }
}

document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).closest("input, select, textarea")) return;
  if (event.key === "z" && !event.shiftKey) canvas.undo();
  else if (event.key === "y" || (event.key === "z" && event.shiftKey)) canvas.redo();
  else return;
  event.preventDefault();
});

/**
 * Collapsing a hub hides the neighbours that hang on it alone (drawn through it only, not pinned,
 * not put there by a search); collapsing it again shows them. Undoable like every change.
 */
function collapse(hubs: NodeSingular[]): void {
  const ur = history();
  if (!ur || hubs.length === 0) return say("Select a hub to collapse.", true);
  for (const hub of hubs) {
    const collapsed = hub.neighborhood().nodes(".collapsed").filter((node) => node.data("collapsedBy") === hub.id());
    if (collapsed.nonempty()) {
      ur.do<ClassChange>("classes", { ids: collapsed.map((node) => node.id()), className: "collapsed", on: false });
      continue;
    }
    const leaves = hub
      .neighborhood()
      .nodes()
      .filter((node) => !node.data("seed") && !node.hasClass("pinned") && node.neighborhood().nodes().every((other) => (other as NodeSingular).id() === hub.id()));
    leaves.forEach((node) => void node.data("collapsedBy", hub.id()));
    if (leaves.nonempty()) ur.do<ClassChange>("classes", { ids: leaves.map((node) => node.id()), className: "collapsed", on: true });
    say(`${caption(hub.id())}: ${leaves.length} neighbours collapsed.`);
  }
}
