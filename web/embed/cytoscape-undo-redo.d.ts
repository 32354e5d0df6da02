/** cytoscape-undo-redo 1.3.x ships no types: its registration function (see UndoRedo in network.ts). */
declare module "cytoscape-undo-redo" {
  import type cytoscape from "cytoscape";

  const register: cytoscape.Ext;
  export default register;
}
