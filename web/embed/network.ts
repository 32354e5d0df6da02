/**
 * <trafficking-network>: the `network` around one or more entities, drawn with Cytoscape.
 *
 *   <script src="https://api.example.org/embed/network.js"></script>
 *   <trafficking-network entity="fixture-person-1" depth="2" token="mtk_..."></trafficking-network>
 *
 * Attributes: api (GraphQL URL; default: /graphql next to this script), entity (ids, comma
 * separated), depth (1 to 3, default 2), token or api-key (sent as a Bearer credential), limit,
 * hub-threshold, types (relationship types, comma separated), reference-kinds (kinds drawn but not
 * expanded through, comma separated; the API's default is Place,Country, "none" expands every kind),
 * height (CSS length of the view below the toolbar, default 480px: the drawing, and the strip below it that
 * holds the legend and the counts, so that they never cover a node);
 * url-options (no value) takes them from the page's URL query instead, for an iframe page;
 * tap="select" makes a click select a node instead of adding its neighbours (an application then
 * calls expand()); allow-empty (no value) draws an empty canvas when no entity is given, to be
 * filled with add().
 * It draws what the API answers for the credential's role, nothing more. Clicking a node adds its
 * neighbours; hovering shows its details; Undo and Redo take back and redo additions (a hub's
 * expansion included), removals and moves. Events: network-load, network-expand, network-error,
 * network-change (after every change of the drawing, undo and redo included).
 */
import cytoscape, { type CollectionReturnValue, type Core, type ElementDefinition, type EventObject, type Position } from "cytoscape";
import undoRedo from "cytoscape-undo-redo";

import { apiNextToScript, attributesFromQuery, credentialOf, download, escapeHtml, GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";
import { captionFromProperties, lookUpCaptions } from "./network-labels.js";
import { kindStyle, KIND_STYLES, legendSwatch, networkStylesheet } from "./network-style.js";

cytoscape.use(undoRedo);

/** The parts of cytoscape-undo-redo's instance (`cy.undoRedo()`) the views use. */
export interface UndoRedo {
  action<T>(name: string, run: (args: T) => T, undo: (args: T) => T): UndoRedo;
  do<T>(name: string, args: T): T;
  undo(): unknown;
  redo(): unknown;
  isUndoStackEmpty(): boolean;
  isRedoStackEmpty(): boolean;
  reset(): void;
}

/** What one growth of the drawing (new nodes and edges, marks on nodes) needs to be undone and redone. */
interface Growth {
  definitions: ElementDefinition[];
  /** Data set on existing nodes (such as `expanded`), and what it was before. */
  marks: { id: string; after: Record<string, unknown>; before?: Record<string, unknown> }[];
  /** The node the new ones came from, for their first positions. */
  around?: string;
  /** Whether to lay the drawing out again (default true). */
  layout?: boolean;
  added?: CollectionReturnValue;
  before?: Record<string, Position>;
  after?: Record<string, Position>;
  firstTime?: boolean;
}

/** Options of add() and expand(). */
export interface GrowOptions {
  /** Relationship types to follow (default: the element's `types`, else all). */
  types?: string[];
  depth?: number;
  limit?: number;
  /** Overrides the element's `hub-threshold` for this request. */
  hubThreshold?: number;
}

const DEFAULT_API = apiNextToScript();

const NETWORK_QUERY = `query EmbedNetwork($ids: [ID!]!, $depth: Int!, $limit: Int, $hubThreshold: Int, $types: [RelationshipType!], $referenceKinds: [EntityKind!]) {
  network(ids: $ids, depth: $depth, limit: $limit, hubThreshold: $hubThreshold, types: $types, referenceKinds: $referenceKinds) {
    nodeCount edgeCount truncated
    nodes { id kind label neighbourCount synthetic properties }
    edges { id type source target properties citations { row source { id title } } }
  }
}`;

export interface NetworkNode {
  id: string;
  kind: string;
  label: string;
  neighbourCount: number | null;
  synthetic: boolean;
  properties: Record<string, unknown>;
}
export interface NetworkEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  /** Empty below ANALYST. */
  citations: { row: number | null; source: { id: string; title: string } }[];
}
interface NetworkAnswer {
  network: { nodeCount: number; edgeCount: number; truncated: boolean; nodes: NetworkNode[]; edges: NetworkEdge[] };
}

export type NetworkViewState = "idle" | "loading" | "ready" | "error";

const STYLE = `
:host { display: block; position: relative; font: 13px/1.4 system-ui, sans-serif; color: #1f2933; }
.frame { position: relative; border: 1px solid #cbd2d9; border-radius: 6px; overflow: hidden; background: #fff; }
.toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #e4e7eb; background: #f5f7fa; }
.toolbar .title { flex: 1; font-weight: 600; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.toolbar button { font: inherit; padding: 2px 9px; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; cursor: pointer; }
.toolbar button:hover { background: #e4e7eb; }
.toolbar button:disabled { opacity: .5; cursor: default; }
.view { display: flex; flex-direction: column; }
.canvas { position: relative; width: 100%; flex: 1 1 auto; min-height: 0; }
/* The legend and the counts sit in a strip below the drawing, so they never cover a node. */
.footer { flex: none; display: flex; align-items: flex-start; gap: 10px; padding: 4px 8px; min-height: 24px; border-top: 1px solid #e4e7eb; background: #f5f7fa; }
.legend { flex: 1; min-width: 0; font-size: 11px; display: flex; flex-wrap: wrap; gap: 2px 10px; }
.legend span { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
.tooltip { position: absolute; z-index: 2; max-width: 300px; padding: 6px 8px; background: #1f2933; color: #f5f7fa; border-radius: 4px;
  font-size: 11px; pointer-events: none; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.tooltip b { color: #fff; } .tooltip dl { margin: 4px 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; }
.tooltip dt { color: #9aa5b1; } .tooltip dd { margin: 0; overflow-wrap: anywhere; }
.status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center; padding: 16px;
  background: rgba(255,255,255,.8); font-size: 14px; }
.status[hidden], .tooltip[hidden] { display: none; }
.status.error { color: #9b2226; }
.spinner { width: 18px; height: 18px; margin-right: 8px; border: 3px solid #cbd2d9; border-top-color: #2e6fba; border-radius: 50%; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.note { font-size: 11px; color: #52606d; white-space: nowrap; }
.note:empty { display: none; }
`;

export class TraffickingNetworkElement extends HTMLElement {
  static readonly observedAttributes = ["api", "entity", "depth", "token", "api-key", "limit", "hub-threshold", "types", "reference-kinds", "height"];

  private readonly root: ShadowRoot;
  private readonly canvas: HTMLDivElement;
  private readonly view: HTMLDivElement;
  private readonly legend: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly note: HTMLDivElement;
  private readonly titleBox: HTMLSpanElement;
  private core: Core | null = null;
  private loadTimer: number | undefined;
  private request: AbortController | null = null;
  private current: NetworkViewState = "idle";
  private truncated = false;
  private history: UndoRedo | null = null;
  private pendingCaptions = 0;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.root.innerHTML = `<style>${STYLE}</style>
<div class="frame" part="frame">
  <div class="toolbar" part="toolbar">
    <span class="title"></span>
    <button type="button" data-action="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
    <button type="button" data-action="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
    <button type="button" data-action="undo" title="Undo the last change (an expansion, a removal, a move)">Undo</button>
    <button type="button" data-action="redo" title="Redo what was undone">Redo</button>
    <button type="button" data-action="fit" title="Fit the network in view">Fit</button>
    <button type="button" data-action="png" title="Save the network as a PNG image">PNG</button>
  </div>
  <div class="view" part="view">
    <div class="canvas" part="canvas"></div>
    <div class="footer" part="footer">
      <div class="legend" part="legend" aria-label="Legend"></div>
      <div class="note" part="note"></div>
    </div>
  </div>
  <div class="tooltip" role="tooltip" hidden></div>
  <div class="status" role="status" hidden></div>
</div>`;
    this.canvas = this.root.querySelector(".canvas")!;
    this.view = this.root.querySelector(".view")!;
    // The drawing takes what the legend strip leaves (it grows when the legend wraps).
    new ResizeObserver(() => this.core?.resize()).observe(this.canvas);
    this.legend = this.root.querySelector(".legend")!;
    this.tooltip = this.root.querySelector(".tooltip")!;
    this.status = this.root.querySelector(".status")!;
    this.note = this.root.querySelector(".note")!;
    this.titleBox = this.root.querySelector(".title")!;
    this.root.querySelector(".toolbar")!.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest("button")?.dataset.action;
      if (action === "fit") this.core?.fit(undefined, 24);
      if (action === "zoom-in") this.zoomBy(1.25);
      if (action === "zoom-out") this.zoomBy(0.8);
      if (action === "png") this.savePng();
      if (action === "undo") this.undo();
      if (action === "redo") this.redo();
    });
  }

  /** The undo history of the drawing (cytoscape-undo-redo), for apps that add undoable actions. */
  get undoRedo(): UndoRedo | null {
    return this.history;
  }

  /** Takes back the last change of the drawing; false when there is none. */
  undo(): boolean {
    if (!this.history || this.history.isUndoStackEmpty() || this.current === "loading") return false;
    this.history.undo();
    return true;
  }

  /** Redoes the last change undone; false when there is none. */
  redo(): boolean {
    if (!this.history || this.history.isRedoStackEmpty() || this.current === "loading") return false;
    this.history.redo();
    return true;
  }

  /** The Cytoscape instance once a network is drawn (for apps that want more than the toolbar). */
  get cy(): Core | null {
    return this.core;
  }

  get state(): NetworkViewState {
    return this.current;
  }

  connectedCallback(): void {
    // An iframe page (network.html) takes the attributes from its URL's query.
    if (this.hasAttribute("url-options")) {
      this.removeAttribute("url-options");
      attributesFromQuery(this, TraffickingNetworkElement.observedAttributes);
    }
    this.scheduleLoad();
  }

  disconnectedCallback(): void {
    this.request?.abort();
    this.core?.destroy();
    this.core = null;
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === "height") this.applyHeight();
    else this.scheduleLoad();
  }

  /** The drawn network as a PNG data URL (the whole network, at twice the screen's scale). */
  exportPng(): string {
    if (!this.core) throw new Error("no network is drawn yet");
    return this.core.png({ full: true, scale: 2, bg: "#ffffff", output: "base64uri" });
  }

  /**
   * Adds the neighbours of a drawn node (one step out), as a click on it does; with `types`, only
   * those reached by relationships of these types (a node can then be expanded again by others).
   * Undoable as one change, however many nodes it adds.
   */
  async expand(id: string, options: GrowOptions = {}): Promise<void> {
    const core = this.core;
    const node = core?.getElementById(id);
    if (!core || !node || node.empty() || node.data("expanded")) return;
    const types = options.types?.map((type) => type.toUpperCase());
    const done: string[] = node.data("expandedTypes") ?? [];
    if (types && types.every((type) => done.includes(type))) return;
    this.setState("loading", "Adding neighbours…");
    try {
      const answer = await this.fetchNetwork([id], 1, { ...options, types });
      if (this.core !== core) return;
      const shown = { hub: false, caption: node.data("title") ?? node.data("label") };
      const after = types ? { expandedTypes: [...new Set([...done, ...types])], ...shown } : { expanded: true, ...shown };
      const growth = this.grow(core, answer, new Set([id]), [{ id, after }], id);
      this.truncated = this.truncated || answer.network.truncated;
      this.setState("ready");
      this.dispatchEvent(
        new CustomEvent("network-expand", {
          detail: { id, types: types ?? null, addedNodes: growth.nodes().length, addedEdges: growth.edges().length, ...this.counts() },
        }),
      );
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      this.fail(error);
    }
  }

  /**
   * Adds entities and what joins them to what is drawn (by default the entities alone: `depth` 1
   * cut at `limit` = their number). Undoable as one change. Resolves to the ids of the nodes added.
   */
  async add(ids: string[], options: GrowOptions = {}): Promise<string[]> {
    const core = this.core;
    if (!core || ids.length === 0) return [];
    this.setState("loading", "Adding to the drawing…");
    try {
      const answer = await this.fetchNetwork(ids, options.depth ?? 1, { limit: ids.length, ...options });
      if (this.core !== core) return [];
      const seeds = new Set(ids);
      const marks = ids.filter((id) => core.getElementById(id).nonempty()).map((id) => ({ id, after: { seed: true } }));
      const growth = this.grow(core, answer, seeds, marks);
      this.setState("ready");
      return growth.nodes().map((node) => node.id());
    } catch (error) {
      if ((error as Error).name === "AbortError") return [];
      this.fail(error);
      return [];
    }
  }

  /**
   * Adds nodes and edges an application got from the API itself (a path, a saved workspace), shaped
   * as the `network` field's, as one undoable change; those already drawn are left as they are.
   */
  addGraph(nodes: NetworkNode[], edges: NetworkEdge[], options: { layout?: boolean } = {}): CollectionReturnValue | null {
    const core = this.core;
    if (!core) return null;
    const answer: NetworkAnswer = { network: { nodeCount: nodes.length, edgeCount: edges.length, truncated: false, nodes, edges } };
    const definitions = this.elements(answer, new Set(core.nodes().map((node) => node.id())), new Set());
    const result = this.history!.do<Growth>("grow", { definitions, marks: [], layout: options.layout ?? true });
    this.captionNodes(result.added!.nodes());
    return result.added!;
  }

  /** After a failed add() or expand(), shows the drawing again (the message stays with the caller). */
  dismissError(): void {
    if (this.core && this.current === "error") this.setState("ready");
  }

  /** Removes everything drawn and forgets the undo history. */
  clear(): void {
    if (!this.core) return;
    this.core.elements().remove();
    this.history?.reset();
    this.truncated = false;
    this.renderLegend();
    this.setState("ready");
    this.dispatchEvent(new CustomEvent("network-change", { detail: { action: "clear", ...this.counts() } }));
  }

  /** Adds the answer's new elements through the undo history, lays them out and captions them. */
  private grow(core: Core, answer: NetworkAnswer, seeds: Set<string>, marks: Growth["marks"], around?: string): CollectionReturnValue {
    const definitions = this.elements(answer, new Set(core.nodes().map((n) => n.id())), seeds);
    const result = this.history!.do<Growth>("grow", { definitions, marks, around });
    this.captionNodes(result.added!.nodes());
    return result.added!;
  }

  private registerActions(core: Core): void {
    const history = (core as unknown as { undoRedo(options: object): UndoRedo }).undoRedo({ undoableDrag: true, stackSizeLimit: 200 });
    const positions = (): Record<string, Position> => Object.fromEntries(core.nodes().map((node) => [node.id(), { ...node.position() }]));
    const place = (saved: Record<string, Position> | undefined) =>
      saved && core.nodes().forEach((node) => void (saved[node.id()] && node.position(saved[node.id()])));
    history.action<Growth>(
      "grow",
      (growth) => {
        const before = positions();
        const marks = growth.marks.map((mark) => {
          const node = core.getElementById(mark.id);
          const previous = Object.fromEntries(Object.keys(mark.after).map((key) => [key, node.data(key)]));
          node.data(mark.after);
          return { ...mark, before: previous };
        });
        let added: CollectionReturnValue;
        if (growth.added) {
          added = growth.added.restore();
          place(growth.after);
        } else {
          added = core.add(growth.definitions);
          this.renderLegend();
          if (added.nodes().nonempty() && growth.layout !== false) {
            this.layout(core, added, growth.around ? core.getElementById(growth.around) : undefined);
          }
        }
        this.renderLegend();
        return { ...growth, marks, added, before, after: positions() };
      },
      (growth) => {
        growth.added?.remove();
        for (const mark of growth.marks) core.getElementById(mark.id).data(mark.before ?? {});
        place(growth.before);
        this.renderLegend();
        return growth;
      },
    );
    core.on("afterDo afterUndo afterRedo", (_event, name: string) => {
      this.updateButtons();
      this.note.textContent = this.noteText();
      this.dispatchEvent(new CustomEvent("network-change", { detail: { action: name, ...this.counts() } }));
    });
    this.history = history;
  }

  /** Gives nodes without a name a readable caption: from their properties at once, then from a lookup. */
  private captionNodes(nodes: cytoscape.NodeCollection): void {
    const plain = nodes.map((node) => ({ id: node.id(), kind: node.data("kind") as string, properties: (node.data("properties") ?? {}) as Record<string, unknown> }));
    if (plain.length === 0) return;
    const core = this.core;
    const api = this.getAttribute("api") || DEFAULT_API;
    // While captions are being looked up the element says so (captioning), for apps and tests that wait.
    this.pendingCaptions += 1;
    this.setAttribute("captioning", "");
    void lookUpCaptions(api, credentialOf(this), plain).then((captions) => {
      this.pendingCaptions -= 1;
      if (this.pendingCaptions === 0) this.removeAttribute("captioning");
      if (this.core !== core || !core) return;
      core.batch(() => {
        for (const [id, title] of captions) {
          const node = core.getElementById(id);
          if (node.nonempty()) node.data({ title, caption: this.caption(title, node.data("hub"), node.data("neighbourCount")) });
        }
      });
      this.dispatchEvent(new CustomEvent("network-captions", { detail: { count: captions.size } }));
    });
  }

  private caption(title: string, hub: boolean, neighbourCount: number | null): string {
    return hub ? `${title} (${neighbourCount})` : title;
  }

  private zoomBy(factor: number): void {
    const core = this.core;
    if (!core) return;
    core.zoom({ level: core.zoom() * factor, renderedPosition: { x: core.width() / 2, y: core.height() / 2 } });
  }

  private savePng(): void {
    if (!this.core) return;
    const name = (this.getAttribute("entity") ?? "network").replace(/[^A-Za-z0-9_.-]+/g, "_").slice(0, 60);
    download(this.exportPng(), `network-${name}.png`, this.root);
  }

  private applyHeight(): void {
    this.view.style.height = this.getAttribute("height") ?? "480px";
    this.core?.resize();
  }

  private scheduleLoad(): void {
    // The state says at once that a load is coming, so nobody reads the last drawing as the new one.
    this.setState("loading", "Loading the network…");
    window.clearTimeout(this.loadTimer);
    this.loadTimer = window.setTimeout(() => void this.load(), 0);
  }

  private ids(): string[] {
    return (this.getAttribute("entity") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
  }

  private integer(name: string): number | undefined {
    const value = this.getAttribute(name);
    if (value === null || value.trim() === "") return undefined;
    const parsed = Number(value);
    return Number.isInteger(parsed) ? parsed : undefined;
  }

  private async fetchNetwork(ids: string[], depth: number, options: GrowOptions = {}): Promise<NetworkAnswer> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const types =
      options.types ??
      this.getAttribute("types")
        ?.split(",")
        .map((type) => type.trim().toUpperCase())
        .filter((type) => type !== "");
    const variables: Record<string, unknown> = { ids, depth };
    const limit = options.limit ?? this.integer("limit");
    if (limit !== undefined) variables.limit = limit;
    const hubThreshold = options.hubThreshold ?? this.integer("hub-threshold");
    if (hubThreshold !== undefined) variables.hubThreshold = hubThreshold;
    if (types && types.length > 0) variables.types = types;
    const reference = this.getAttribute("reference-kinds");
    if (reference !== null) {
      const kinds = reference.split(",").map((kind) => kind.trim()).filter((kind) => kind !== "");
      variables.referenceKinds = kinds.length === 1 && kinds[0].toLowerCase() === "none" ? [] : kinds;
    }
    const api = this.getAttribute("api") || DEFAULT_API;
    return postGraphQL<NetworkAnswer>(api, credentialOf(this), NETWORK_QUERY, variables, request.signal);
  }

  private async load(): Promise<void> {
    this.applyHeight();
    const ids = this.ids();
    this.titleBox.textContent = ids.length > 0 ? `Network around ${ids.join(", ")}` : "Network";
    if (ids.length === 0) {
      this.core?.destroy();
      this.core = null;
      if (this.hasAttribute("allow-empty")) {
        this.truncated = false;
        this.draw([]);
        this.setState("ready");
        this.dispatchEvent(new CustomEvent("network-load", { detail: { ...this.counts(), truncated: false } }));
      } else this.setState("error", "No entity given: set the entity attribute to an id.");
      return;
    }
    this.setState("loading", "Loading the network…");
    try {
      const depth = Math.min(3, Math.max(1, this.integer("depth") ?? 2));
      const answer = await this.fetchNetwork(ids, depth);
      this.core?.destroy();
      this.truncated = answer.network.truncated;
      const core = this.draw(this.elements(answer, new Set(), new Set(ids)));
      for (const id of ids) core.getElementById(id).data({ seed: true, expanded: true });
      // The legend first: the drawing's height is what its strip leaves.
      this.renderLegend();
      this.layout(core, null);
      this.captionNodes(core.nodes());
      if (answer.network.nodes.length === 0) this.setState("error", "The API returned no node for this entity.");
      else this.setState("ready");
      this.dispatchEvent(new CustomEvent("network-load", { detail: { ...this.counts(), truncated: answer.network.truncated } }));
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      this.fail(error);
    }
  }

  /** A new Cytoscape instance with these elements, its events and its undo history. */
  private draw(elements: ElementDefinition[]): Core {
    const core = cytoscape({
      container: this.canvas,
      elements,
      style: networkStylesheet(),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 6,
    });
    this.core = core;
    this.wire(core);
    this.registerActions(core);
    return core;
  }

  private counts(): { nodeCount: number; edgeCount: number } {
    return { nodeCount: this.core?.nodes().length ?? 0, edgeCount: this.core?.edges().length ?? 0 };
  }

  private fail(error: unknown): void {
    const message =
      error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : "The network could not be drawn.";
    this.setState("error", message);
    this.dispatchEvent(new CustomEvent("network-error", { detail: { message, code: error instanceof GraphQLRequestError ? error.code : "CLIENT_ERROR" } }));
  }

  private setState(state: NetworkViewState, message = ""): void {
    this.current = state;
    this.setAttribute("state", state);
    this.status.hidden = state === "ready" || state === "idle";
    this.status.className = `status ${state}`;
    this.status.innerHTML = state === "loading" ? `<span class="spinner"></span>${escapeHtml(message)}` : escapeHtml(message);
    this.updateButtons();
    this.note.textContent = this.noteText();
  }

  private noteText(): string {
    if (this.current !== "ready") return "";
    return `${this.counts().nodeCount} nodes · ${this.counts().edgeCount} edges${this.truncated ? " · cut (limit or hubs)" : ""}`;
  }

  private updateButtons(): void {
    this.root.querySelectorAll<HTMLButtonElement>(".toolbar button").forEach((button) => {
      const action = button.dataset.action;
      button.disabled =
        this.current === "loading" ||
        !this.core ||
        (action === "undo" && (this.history?.isUndoStackEmpty() ?? true)) ||
        (action === "redo" && (this.history?.isRedoStackEmpty() ?? true));
    });
  }

  /** Cytoscape elements for the nodes and edges not drawn yet. */
  private elements(answer: NetworkAnswer, drawn: Set<string>, seeds: Set<string>): ElementDefinition[] {
    const nodes: ElementDefinition[] = answer.network.nodes
      .filter((node) => !drawn.has(node.id))
      .map((node) => {
        const style = kindStyle(node.kind);
        const hub = node.neighbourCount !== null && !seeds.has(node.id);
        const title = captionFromProperties(node, node.label);
        return {
          group: "nodes",
          data: {
            id: node.id,
            kind: node.kind,
            label: node.label,
            title,
            synthetic: node.synthetic,
            ...(seeds.has(node.id) ? { seed: true } : {}),
            caption: this.caption(title, hub, node.neighbourCount),
            color: style.color,
            shape: style.shape,
            hub,
            neighbourCount: node.neighbourCount,
            properties: node.properties,
          },
        };
      });
    const known = new Set([...drawn, ...answer.network.nodes.map((node) => node.id)]);
    const existingEdges = new Set(this.core?.edges().map((edge) => edge.id()) ?? []);
    const edges: ElementDefinition[] = answer.network.edges
      .filter((edge) => !existingEdges.has(edge.id) && known.has(edge.source) && known.has(edge.target))
      .map((edge) => ({
        group: "edges",
        data: { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties, citations: edge.citations ?? [] },
      }));
    return [...nodes, ...edges];
  }

  private layout(core: Core, added: cytoscape.CollectionReturnValue | null, around?: cytoscape.NodeSingular): void {
    if (added && !around) {
      // Entities added on their own start near the middle of the view.
      const extent = core.extent();
      added.nodes().forEach((node, index) => {
        node.position({ x: (extent.x1 + extent.x2) / 2 + 60 * (index % 5), y: (extent.y1 + extent.y2) / 2 + 60 * Math.floor(index / 5) });
      });
    }
    if (added && around) {
      // New nodes start on a ring around the node they came from; the force layout then settles all.
      const { x, y } = around.position();
      const fresh = added.nodes();
      fresh.forEach((node, index) => {
        const angle = (2 * Math.PI * index) / Math.max(1, fresh.length);
        node.position({ x: x + 90 * Math.cos(angle), y: y + 90 * Math.sin(angle) });
      });
    }
    core
      .layout({
        name: "cose",
        animate: false,
        randomize: added === null,
        fit: true,
        padding: 24,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 70,
        numIter: 1500,
      } as cytoscape.LayoutOptions)
      .run();
  }

  private wire(core: Core): void {
    core.on("tap", "node", (event: EventObject) => {
      if (this.getAttribute("tap") !== "select") void this.expand(event.target.id());
    });
    core.on("mouseover", "node, edge", (event: EventObject) => {
      event.target.addClass("hovered");
      this.showTooltip(event);
    });
    core.on("mousemove", "node, edge", (event: EventObject) => this.placeTooltip(event));
    core.on("mouseout", "node, edge", (event: EventObject) => {
      event.target.removeClass("hovered");
      this.tooltip.hidden = true;
    });
    core.on("pan zoom", () => (this.tooltip.hidden = true));
  }

  private showTooltip(event: EventObject): void {
    const data = event.target.data();
    const rows = Object.entries((data.properties ?? {}) as Record<string, unknown>)
      .filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))
      .slice(0, 10)
      .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(Array.isArray(value) ? value.join(", ") : String(value))}</dd>`)
      .join("");
    const select = this.getAttribute("tap") === "select";
    const head = event.target.isNode()
      ? `<b>${escapeHtml(data.title ?? data.label)}</b><br>${escapeHtml(data.kind)} · ${escapeHtml(data.id)}` +
        (select ? "" : data.hub ? `<br>${data.neighbourCount} neighbours: click to add them` : data.expanded ? "" : "<br>Click to add its neighbours")
      : `<b>${escapeHtml(data.type)}</b><br>${escapeHtml(data.source)} → ${escapeHtml(data.target)}`;
    this.tooltip.innerHTML = `${head}${rows ? `<dl>${rows}</dl>` : ""}`;
    this.tooltip.hidden = false;
    this.placeTooltip(event);
  }

  private placeTooltip(event: EventObject): void {
    const position = event.renderedPosition ?? event.target.renderedPosition?.();
    if (!position) return;
    const top = this.canvas.offsetTop;
    const x = Math.min(position.x + 14, Math.max(0, this.canvas.clientWidth - this.tooltip.offsetWidth - 4));
    this.tooltip.style.left = `${x}px`;
    this.tooltip.style.top = `${top + position.y + 14}px`;
  }

  private renderLegend(): void {
    const counts = new Map<string, number>();
    this.core?.nodes().forEach((node) => void counts.set(node.data("kind"), (counts.get(node.data("kind")) ?? 0) + 1));
    const order = Object.keys(KIND_STYLES);
    this.legend.innerHTML = [...counts]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([kind, count]) => `<span data-kind="${escapeHtml(kind)}">${legendSwatch(kind)}${escapeHtml(kind)} ${count}</span>`)
      .join("");
    // A legend that wraps onto another line takes height from the drawing: Cytoscape reads its new size now.
    this.core?.resize();
  }
}

if (!customElements.get("trafficking-network")) customElements.define("trafficking-network", TraffickingNetworkElement);
