/**
 * <trafficking-routes>: the `flows` between countries, drawn on a world outline, that answers
 * questions: zoom onto a region, click a flow or a country for the seizures behind it, filter by
 * species and product by name and by period with a slider.
 *
 *   <script src="https://api.example.org/embed/routes.js"></script>
 *   <trafficking-routes species="Sunda pangolin" from="2010-01-01" to="2016-12-31" token="mtk_..."></trafficking-routes>
 *
 * Attributes: api (GraphQL URL; default: /graphql next to this script), token or api-key (sent as
 * a Bearer credential), species (an id such as manis-javanica, or a scientific or common name,
 * resolved through the API's species search), product (a product's name such as "raw ivory", or
 * its value RAW_IVORY), from and to (the period, YYYY-MM-DD), first (how many flows, the largest
 * first, 1 to 1000; default 200), height (CSS length, default 520px), focus (the view: world,
 * mekong, southeast-asia, africa, or "west,south,east,north" in degrees); url-options (no value)
 * takes them from the page's URL query instead, for an iframe page.
 *
 * The filter form and the period slider change the attributes in place; the map zooms and pans by
 * wheel, drag and its buttons; a click on a flow, a country's dot or a country lists the seizures
 * behind it in a panel. An error shows over the map, can be dismissed, and never stops the form.
 *
 * Events: routes-load, routes-error, routes-select, routes-evidence, routes-zoom (see README).
 * Country shapes: Natural Earth 1:110m (public domain) as TopoJSON from the world-atlas package
 * (ISC), bundled into this script: no tiles, nothing fetched but the API's answers.
 */
import { geoContains, geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import type { ZoomTransform } from "d3-zoom";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

import { apiNextToScript, attributesFromQuery, credentialOf, download, escapeHtml, GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";
import { countrySeizures, flowSeizures, nextSeizures, type EvidenceList, type TradeFilterValues } from "./routes-evidence.js";
import { placeLabels, type Box } from "./routes-labels.js";
import { evidenceHtml } from "./routes-panel.js";
import { PeriodSlider } from "./routes-period.js";
import { PRODUCTS, productName, productValue } from "./routes-products.js";
import { resolveSpecies, speciesLabel, type ResolvedSpecies, type SpeciesResolution } from "./routes-species.js";
import { MapZoom, regionBounds, type ZoomState } from "./routes-zoom.js";

const DEFAULT_API = apiNextToScript();
const WIDTH = 960;
const HEIGHT = 500;
const SVG_NS = "http://www.w3.org/2000/svg";
/** Country labels' size in the drawing's units, whatever the zoom. */
const LABEL_SIZE = 9;

const FLOWS_QUERY = `query EmbedFlows($filter: TradeFilter, $first: Int!) {
  flows(level: COUNTRY, filter: $filter, first: $first) {
    totals { seizureCount shipmentCount linkCount }
    nodes { id name latitude longitude }
    links { source target seizureCount shipmentCount totalWeightKg }
  }
}`;

const YEARS_QUERY = `query EmbedSeizureYears { trends(interval: YEAR) { period } }`;

const COUNTRY_QUERY = `query EmbedCountryByName($query: String!) {
  search(query: $query, kinds: [Country], first: 1) { edges { node { id label score } } }
}`;

interface FlowLink {
  source: string;
  target: string;
  seizureCount: number;
  shipmentCount: number;
  totalWeightKg: number | null;
}

interface FlowsAnswer {
  flows: {
    totals: { seizureCount: number; shipmentCount: number; linkCount: number };
    nodes: { id: string; name: string | null; latitude: number | null; longitude: number | null }[];
    links: FlowLink[];
  };
}

export type RoutesViewState = "idle" | "loading" | "ready" | "error";

type Selected = { kind: "flow"; source: string; target: string } | { kind: "country"; country: string; name: string };

/** An error of the component's own (an unknown species or product), told like the API's. */
class FilterError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const world = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const COUNTRY_SHAPES = (feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>).features as Feature<
  Geometry,
  { name: string }
>[];
const baseProjection = geoNaturalEarth1().fitExtent(
  [
    [6, 6],
    [WIDTH - 6, HEIGHT - 6],
  ],
  { type: "Sphere" },
);
const basePath = geoPath(baseProjection);
const BASE_SCALE = baseProjection.scale();
const BASE_TRANSLATE = baseProjection.translate();

/** The projection as the zoom shows it: the same map, scaled and moved, so lines and labels keep their size. */
function zoomedProjection(transform: ZoomState): GeoProjection {
  return geoNaturalEarth1()
    .scale(BASE_SCALE * transform.k)
    .translate([transform.x + transform.k * BASE_TRANSLATE[0], transform.y + transform.k * BASE_TRANSLATE[1]]);
}

const STYLE = `
:host { display: block; font: 13px/1.4 system-ui, sans-serif; color: #1f2933; }
.frame { position: relative; border: 1px solid #cbd2d9; border-radius: 6px; overflow: hidden; background: #fff; }
form { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: end; padding: 6px 8px; border-bottom: 1px solid #e4e7eb; background: #f5f7fa; }
label { display: flex; flex-direction: column; font-size: 11px; color: #52606d; }
input { font: inherit; padding: 2px 4px; border: 1px solid #9aa5b1; border-radius: 4px; }
input[name=species] { width: 14em; }
input[name=product] { width: 9em; }
button { font: inherit; padding: 2px 9px; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { background: #e4e7eb; }
.summary { flex: 1; text-align: right; font-size: 12px; color: #52606d; min-width: 12em; }
.period { display: flex; align-items: center; gap: 10px; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; font-size: 11px; color: #52606d; }
.period[hidden] { display: none; }
.range { position: relative; flex: 1; height: 20px; }
.range input { position: absolute; left: 0; right: 0; top: 0; width: 100%; margin: 0; padding: 0; border: 0; height: 20px; background: none; pointer-events: none; -webkit-appearance: none; appearance: none; }
.range input::-webkit-slider-runnable-track { height: 4px; background: transparent; }
.range::before { content: ""; position: absolute; left: 0; right: 0; top: 8px; height: 4px; border-radius: 2px; background: #cbd2d9; }
.range input::-webkit-slider-thumb { pointer-events: auto; -webkit-appearance: none; width: 14px; height: 14px; margin-top: -5px; border-radius: 50%; background: #c0392b; border: 2px solid #fff; box-shadow: 0 0 0 1px #7b1d12; cursor: pointer; }
.range input:focus { outline: none; }
.range input:focus-visible::-webkit-slider-thumb { box-shadow: 0 0 0 3px #f0b4ad, 0 0 0 4px #7b1d12; }
.range-fill { position: absolute; top: 8px; height: 4px; border-radius: 2px; background: #c0392b; pointer-events: none; }
.period-label { min-width: 9em; font-variant-numeric: tabular-nums; color: #1f2933; }
.resolved { padding: 3px 8px; font-size: 12px; color: #52606d; border-bottom: 1px solid #e4e7eb; }
.resolved:empty { display: none; }
.resolved button { font-size: 11px; padding: 0 6px; margin-left: 4px; }
.map { position: relative; width: 100%; overflow: hidden; }
.map > svg { display: block; width: 100%; height: 100%; cursor: grab; touch-action: none; }
.map > svg:active { cursor: grabbing; }
.sphere { fill: #eef4f8; stroke: #cbd2d9; vector-effect: non-scaling-stroke; }
.graticule { fill: none; stroke: #dde6ee; stroke-width: .5; vector-effect: non-scaling-stroke; }
.country { fill: #f3efe6; stroke: #b8b2a7; stroke-width: .5; vector-effect: non-scaling-stroke; cursor: pointer; }
.country:hover { fill: #ebe3d3; }
.country.selected { fill: #f6d7a7; }
.flow-hit { fill: none; stroke: transparent; stroke-linecap: round; cursor: pointer; }
.flow-line { fill: none; stroke: #c0392b; stroke-opacity: .5; stroke-linecap: round; pointer-events: none; }
.flow-line.hover, .flow-line.selected { stroke: #7b1d12; stroke-opacity: 1; }
.flows.focused .flow-line:not(.selected):not(.touching) { stroke-opacity: .15; }
.stop { fill: #1f2933; stroke: #fff; stroke-width: 1; cursor: pointer; }
.stop.selected { fill: #c0392b; }
.stop-label { font-size: ${LABEL_SIZE}px; fill: #1f2933; paint-order: stroke; stroke: #fff; stroke-width: 2px; cursor: pointer; }
.controls { position: absolute; left: 8px; top: 8px; display: flex; flex-direction: column; gap: 4px; }
.controls button { width: 30px; height: 26px; padding: 0; background: rgba(255,255,255,.95); font-size: 15px; line-height: 1; }
.controls button[data-action=mekong] { width: auto; padding: 0 6px; font-size: 11px; }
.legend { position: absolute; left: 8px; bottom: 8px; padding: 6px 8px; background: rgba(255,255,255,.92); border: 1px solid #e4e7eb; border-radius: 4px; font-size: 11px; }
.legend:empty { display: none; }
.legend div { display: flex; align-items: center; gap: 6px; }
.tooltip { position: absolute; z-index: 2; max-width: 280px; padding: 6px 8px; background: #1f2933; color: #f5f7fa; border-radius: 4px; font-size: 11px; pointer-events: none; }
.panel { position: absolute; z-index: 3; top: 0; right: 0; bottom: 0; width: min(360px, 70%); overflow: auto; background: #fff; border-left: 1px solid #cbd2d9; box-shadow: -2px 0 6px rgba(0,0,0,.08); padding: 0 10px 10px; font-size: 12px; }
.panel header { position: sticky; top: 0; display: flex; align-items: start; justify-content: space-between; gap: 8px; padding: 8px 0 4px; background: #fff; }
.panel h2 { margin: 0; font-size: 14px; }
.panel p { margin: 2px 0 6px; color: #52606d; }
.panel .restricted { color: #9b2226; }
.panel ol { margin: 0; padding: 0; list-style: none; }
.panel .seizure { padding: 6px 0; border-top: 1px solid #e4e7eb; }
.panel .goods { color: #1f2933; }
.panel .sources { color: #52606d; font-size: 11px; }
.panel details { margin-bottom: 6px; }
.panel ul { margin: 4px 0; padding-left: 18px; }
.panel .more { margin-top: 6px; font: inherit; }
.status { position: absolute; inset: 0; z-index: 4; display: flex; align-items: center; justify-content: center; text-align: center; padding: 16px; font-size: 14px; }
.status.loading { background: rgba(255,255,255,.55); pointer-events: none; }
.status.error { background: rgba(255,255,255,.6); }
.status .message { display: flex; align-items: center; gap: 10px; max-width: 36em; padding: 10px 14px; background: #fff; border: 1px solid #e4e7eb; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.1); }
.status.error .message { color: #9b2226; border-color: #f0b4ad; }
.status[hidden], .tooltip[hidden], .panel[hidden] { display: none; }
.spinner { width: 18px; height: 18px; border: 3px solid #cbd2d9; border-top-color: #c0392b; border-radius: 50%; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
`;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const number = new Intl.NumberFormat("en");

interface DrawnNode {
  id: string;
  name: string;
  at: [number, number];
  /** Seizures on the flows in and out of it: its dot's size and its label's claim to room. */
  traffic: number;
}

interface Drawing {
  nodes: Map<string, DrawnNode>;
  links: FlowLink[];
  maxSeizures: number;
  maxTraffic: number;
}

export class TraffickingRoutesElement extends HTMLElement {
  static readonly observedAttributes = ["api", "token", "api-key", "species", "product", "from", "to", "first", "height", "focus"];

  private readonly root: ShadowRoot;
  private readonly map: HTMLDivElement;
  private readonly svgRoot: SVGSVGElement;
  private readonly baseLayer: SVGGElement;
  private readonly flowLayer: SVGGElement;
  private readonly form: HTMLFormElement;
  private readonly summary: HTMLSpanElement;
  private readonly resolvedLine: HTMLDivElement;
  private readonly legend: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly panel: HTMLElement;
  private readonly slider: PeriodSlider;
  private readonly zoom: MapZoom;
  private readonly shapes: SVGPathElement[] = [];
  private loadTimer: number | undefined;
  private request: AbortController | null = null;
  private evidenceRequest: AbortController | null = null;
  /** The list the panel shows, its title and kind, for its next page. */
  private evidence: { title: string; kind: "flow" | "country"; list: EvidenceList } | null = null;
  private current: RoutesViewState = "idle";
  private drawn = 0;
  private drawing: Drawing | null = null;
  private selected: Selected | null = null;
  private appliedFilter: TradeFilterValues = {};
  private readonly speciesCache = new Map<string, SpeciesResolution>();
  private resolved: ResolvedSpecies | null = null;
  private yearsAsked = false;
  private labelWidths = new Map<string, number>();

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.root.innerHTML = `<style>${STYLE}</style>
<div class="frame" part="frame">
  <form part="filter">
    <label>Species <input name="species" placeholder="any: a name or an id" autocomplete="off" spellcheck="false"></label>
    <label>Product <input name="product" list="routes-products" placeholder="any" autocomplete="off" spellcheck="false"></label>
    <datalist id="routes-products">${PRODUCTS.map((product) => `<option value="${escapeHtml(product.name)}" data-value="${product.value}"></option>`).join("")}</datalist>
    <label>From <input name="from" type="date"></label>
    <label>To <input name="to" type="date"></label>
    <button type="submit">Apply</button>
    <button type="button" data-action="reset">Clear</button>
    <button type="button" data-action="svg" title="Save the map as an SVG image">SVG</button>
    <span class="summary" aria-live="polite"></span>
  </form>
  <div class="resolved" aria-live="polite"></div>
  <div class="map" part="map">
    <div class="controls" part="zoom-controls">
      <button type="button" data-action="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
      <button type="button" data-action="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
      <button type="button" data-action="world" title="The whole world" aria-label="The whole world">⌂</button>
      <button type="button" data-action="mekong" title="Zoom onto the Mekong region">Mekong</button>
    </div>
    <div class="legend" aria-label="Legend"></div>
    <div class="tooltip" role="tooltip" hidden></div>
    <aside class="panel" part="evidence" aria-label="Seizures" hidden></aside>
    <div class="status" role="status" hidden></div>
  </div>
</div>`;
    this.map = this.root.querySelector(".map")!;
    this.form = this.root.querySelector("form")!;
    this.summary = this.root.querySelector(".summary")!;
    this.resolvedLine = this.root.querySelector(".resolved")!;
    this.legend = this.root.querySelector(".legend")!;
    this.tooltip = this.root.querySelector(".tooltip")!;
    this.status = this.root.querySelector(".status")!;
    this.panel = this.root.querySelector(".panel")!;
    this.slider = new PeriodSlider((period) => {
      this.setAttribute("from", period.from);
      this.setAttribute("to", period.to);
    });
    this.resolvedLine.before(this.slider.element);

    this.svgRoot = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Flows between countries" });
    const defs = svg("defs", {});
    // Arrowheads of one size whatever the line's width, so that thick lines do not hide the map.
    const marker = svg("marker", {
      id: "arrow",
      viewBox: "0 0 10 10",
      refX: 9,
      refY: 5,
      markerWidth: 9,
      markerHeight: 9,
      markerUnits: "userSpaceOnUse",
      orient: "auto-start-reverse",
    });
    marker.append(svg("path", { d: "M0,0L10,5L0,10z", fill: "#7b1d12" }));
    defs.append(marker);
    // The outline zooms as a whole (a transform); the flows are drawn again at each step, so their
    // widths, arrows and labels keep their size.
    this.baseLayer = svg("g", { class: "base" });
    this.baseLayer.append(svg("path", { class: "sphere", d: basePath({ type: "Sphere" }) ?? "" }));
    this.baseLayer.append(svg("path", { class: "graticule", d: basePath(geoGraticule10()) ?? "" }));
    COUNTRY_SHAPES.forEach((shape, index) => {
      const country = svg("path", { class: "country", d: basePath(shape) ?? "", "data-shape": index });
      const title = svg("title", {});
      title.textContent = shape.properties.name;
      country.append(title);
      this.baseLayer.append(country);
      this.shapes.push(country);
    });
    this.flowLayer = svg("g", { class: "flows" });
    this.svgRoot.append(defs, this.baseLayer, this.flowLayer);
    this.map.prepend(this.svgRoot);

    this.zoom = new MapZoom(
      this.svgRoot,
      WIDTH,
      HEIGHT,
      (transform) => this.onZoom(transform),
      (transform) => {
        const { k, x, y } = transform;
        this.dispatchEvent(new CustomEvent("routes-zoom", { detail: { k, x, y } }));
      },
    );

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(this.form);
      for (const name of ["species", "product", "from", "to"]) {
        const value = String(data.get(name) ?? "").trim();
        if (value === "") this.removeAttribute(name);
        else this.setAttribute(name, value);
      }
      this.scheduleLoad();
    });
    this.root.addEventListener("click", (event) => this.onClick(event as MouseEvent));
    this.root.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Escape") {
        if (!this.status.hidden && this.current === "error") this.dismissError();
        else if (!this.panel.hidden) this.closeEvidence();
      }
    });
  }

  get state(): RoutesViewState {
    return this.current;
  }

  /** How many flow lines the map shows. */
  get lineCount(): number {
    return this.drawn;
  }

  /** The zoom: scale (1 = the whole world) and translation, in the drawing's units. */
  get zoomState(): ZoomState {
    return this.zoom.state;
  }

  /** The species the `species` attribute was resolved to; null without one. */
  get species(): ResolvedSpecies | null {
    return this.resolved;
  }

  connectedCallback(): void {
    if (this.hasAttribute("url-options")) {
      this.removeAttribute("url-options");
      attributesFromQuery(this, TraffickingRoutesElement.observedAttributes);
    }
    this.applyHeight();
    this.applyFocus();
    this.scheduleLoad();
  }

  disconnectedCallback(): void {
    this.request?.abort();
    this.evidenceRequest?.abort();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === "height") this.applyHeight();
    else if (name === "focus") this.applyFocus();
    else this.scheduleLoad();
  }

  /** Zooms in (a factor above 1) or out (below 1) about the middle of the map. */
  zoomBy(factor: number): void {
    this.zoom.zoomBy(factor);
  }

  /** Shows the whole world again. */
  resetZoom(): void {
    this.zoom.reset();
  }

  /** Zooms onto a named region (mekong, southeast-asia, africa) or "west,south,east,north" in degrees. */
  zoomTo(region: string): void {
    const bounds = regionBounds(region);
    if (bounds) this.zoom.zoomToBounds(bounds, baseProjection);
  }

  /** Lists the seizures behind the flow from one country to another (ISO codes), as a click on it does. */
  selectFlow(source: string, target: string): void {
    this.select({ kind: "flow", source, target });
  }

  /** Lists the seizures made in a country (ISO code), as a click on it does. */
  selectCountry(code: string): void {
    this.select({ kind: "country", country: code, name: this.drawing?.nodes.get(code)?.name ?? code });
  }

  closeEvidence(): void {
    this.evidenceRequest?.abort();
    this.selected = null;
    this.evidence = null;
    this.panel.hidden = true;
    this.panel.replaceChildren();
    this.redraw();
  }

  /** The map as a standalone SVG document. */
  exportSvg(): string {
    const copy = this.svgRoot.cloneNode(true) as SVGSVGElement;
    copy.setAttribute("xmlns", SVG_NS);
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = STYLE;
    copy.prepend(style);
    return new XMLSerializer().serializeToString(copy);
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const action = target.closest("button")?.dataset.action;
    switch (action) {
      case "reset":
        for (const name of ["species", "product", "from", "to"]) this.removeAttribute(name);
        this.scheduleLoad();
        return;
      case "svg":
        this.saveSvg();
        return;
      case "zoom-in":
        this.zoomBy(2);
        return;
      case "zoom-out":
        this.zoomBy(0.5);
        return;
      case "world":
        this.resetZoom();
        return;
      case "mekong":
        this.zoomTo("mekong");
        return;
      case "dismiss":
        this.dismissError();
        return;
      case "close-panel":
        this.closeEvidence();
        return;
      case "more-seizures":
        void this.showMoreEvidence();
        return;
      case "species":
        this.setAttribute("species", target.closest("button")!.dataset.species!);
        return;
    }
    const flow = target.closest(".flow");
    if (flow instanceof SVGElement) {
      this.selectFlow(flow.dataset.source!, flow.dataset.target!);
      return;
    }
    const stop = target.closest("[data-country]");
    if (stop instanceof SVGElement) {
      this.selectCountry(stop.dataset.country!);
      return;
    }
    const shape = target.closest(".country");
    if (shape instanceof SVGPathElement) void this.selectShape(Number(shape.dataset.shape));
  }

  /** A country shape clicked: the flows' country inside it, else the graph's country of that name. */
  private async selectShape(index: number): Promise<void> {
    const shape = COUNTRY_SHAPES[index];
    for (const node of this.drawing?.nodes.values() ?? []) {
      if (geoContains(shape, node.at)) {
        this.select({ kind: "country", country: node.id, name: node.name });
        return;
      }
    }
    try {
      const answer = await postGraphQL<{ search: { edges: { node: { id: string; label: string; score: number } }[] } }>(
        this.api(),
        credentialOf(this),
        COUNTRY_QUERY,
        { query: shape.properties.name },
      );
      const hit = answer.search.edges[0]?.node;
      if (hit && hit.score >= 0.5) this.select({ kind: "country", country: hit.id, name: hit.label });
      else this.showPanel(`<header><h2>${escapeHtml(shape.properties.name)}</h2><button type="button" data-action="close-panel" aria-label="Close the list">×</button></header><p>No country of the graph has this name.</p>`);
    } catch {
      // The map keeps working; the click simply lists nothing.
    }
  }

  private saveSvg(): void {
    download(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.exportSvg())}`, "routes.svg", this.root);
  }

  private api(): string {
    return this.getAttribute("api") || DEFAULT_API;
  }

  private applyHeight(): void {
    this.map.style.height = this.getAttribute("height") ?? "520px";
  }

  private applyFocus(): void {
    const focus = this.getAttribute("focus");
    if (!focus || focus === "world") this.zoom.reset();
    else this.zoomTo(focus);
  }

  private scheduleLoad(): void {
    // The state says at once that a load is coming, so nobody reads the last drawing as the new one.
    this.setState("loading", "Loading flows…");
    window.clearTimeout(this.loadTimer);
    this.loadTimer = window.setTimeout(() => void this.load(), 0);
  }

  private async load(): Promise<void> {
    this.applyHeight();
    for (const name of ["species", "product", "from", "to"]) {
      (this.form.elements.namedItem(name) as HTMLInputElement).value = this.getAttribute(name) ?? "";
    }
    this.slider.show(this.getAttribute("from"), this.getAttribute("to"));
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.setState("loading", "Loading flows…");
    const api = this.api();
    const credential = credentialOf(this);
    if (!this.yearsAsked) void this.loadYears(api, credential);
    try {
      const filter = await this.filter(api, credential, request.signal);
      const first = Math.min(1000, Math.max(1, Number(this.getAttribute("first") ?? 200) || 200));
      const answer = await postGraphQL<FlowsAnswer>(api, credential, FLOWS_QUERY, { filter, first }, request.signal);
      this.appliedFilter = filter;
      this.draw(answer);
      this.setState("ready");
      const { totals, links } = answer.flows;
      this.dispatchEvent(new CustomEvent("routes-load", { detail: { linkCount: links.length, lineCount: this.drawn, totals, filter, species: this.resolved } }));
      if (this.selected) void this.showEvidence(this.selected);
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      const known = error instanceof GraphQLRequestError || error instanceof FilterError;
      const code = known ? (error as GraphQLRequestError | FilterError).code : "CLIENT_ERROR";
      const message = error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : known ? (error as Error).message : "The flows could not be drawn.";
      this.flowLayer.replaceChildren();
      this.drawing = null;
      this.drawn = 0;
      this.summary.textContent = "";
      this.legend.replaceChildren();
      this.setState("error", message);
      this.dispatchEvent(new CustomEvent("routes-error", { detail: { message, code } }));
    }
  }

  /** The years the API has dated seizures for: the slider's range. Without them the slider stays hidden. */
  private async loadYears(api: string, credential: string | null): Promise<void> {
    this.yearsAsked = true;
    try {
      const answer = await postGraphQL<{ trends: { period: string }[] }>(api, credential, YEARS_QUERY, {});
      const years = answer.trends.map((point) => Number(point.period)).filter((year) => Number.isInteger(year));
      if (years.length === 0) return;
      this.slider.setDomain(Math.min(...years), Math.max(...years));
      this.slider.show(this.getAttribute("from"), this.getAttribute("to"));
    } catch {
      // Asked again at the next load (a token given later, an API back up).
      this.yearsAsked = false;
    }
  }

  /** The trade filter of the attributes, with the species and the product resolved from their names. */
  private async filter(api: string, credential: string | null, signal: AbortSignal): Promise<TradeFilterValues> {
    const filter: TradeFilterValues = {};
    const speciesText = this.getAttribute("species")?.trim();
    const productText = this.getAttribute("product")?.trim();
    const from = this.getAttribute("from")?.trim();
    const to = this.getAttribute("to")?.trim();
    if (productText) {
      const product = productValue(productText);
      if (!product) {
        throw new FilterError(`No product is called “${productText}”: choose one of ${PRODUCTS.map((item) => item.name).join(", ")}.`, "UNKNOWN_PRODUCT");
      }
      filter.product = product;
    }
    this.resolved = null;
    this.resolvedLine.replaceChildren();
    if (speciesText) {
      let resolution = this.speciesCache.get(speciesText);
      if (!resolution) {
        resolution = await resolveSpecies(api, credential, speciesText, signal);
        this.speciesCache.set(speciesText, resolution);
      }
      if (!resolution.species) {
        throw new FilterError(`No species is called “${speciesText}”: type a scientific or common name (such as Manis javanica or Sunda pangolin) or an id, or clear the species.`, "UNKNOWN_SPECIES");
      }
      this.resolved = resolution.species;
      filter.species = resolution.species.id;
      this.resolvedLine.innerHTML =
        `Species: <b>${escapeHtml(speciesLabel(resolution.species))}</b>` +
        (resolution.alternatives.length > 0
          ? ` · also matching:${resolution.alternatives
              .map((other) => `<button type="button" data-action="species" data-species="${escapeHtml(other.id)}">${escapeHtml(speciesLabel(other))}</button>`)
              .join("")}`
          : "");
    }
    if (from) filter.dateFrom = from;
    if (to) filter.dateTo = to;
    return filter;
  }

  private setState(state: RoutesViewState, message = ""): void {
    this.current = state;
    this.setAttribute("state", state);
    this.status.hidden = state === "ready" || state === "idle";
    this.status.className = `status ${state}`;
    this.status.setAttribute("role", state === "error" ? "alert" : "status");
    if (state === "loading") this.status.innerHTML = `<div class="message"><span class="spinner"></span>${escapeHtml(message)}</div>`;
    else if (state === "error") {
      this.status.innerHTML = `<div class="message"><span class="text">${escapeHtml(message)}</span><button type="button" data-action="dismiss">Dismiss</button></div>`;
    } else this.status.replaceChildren();
  }

  /** Hides the error over the map: the form, the zoom and the outline stay as they were. */
  private dismissError(): void {
    this.status.hidden = true;
  }

  private draw(answer: FlowsAnswer): void {
    const { nodes, links, totals } = answer.flows;
    const points = new Map<string, DrawnNode>();
    for (const node of nodes) {
      if (node.latitude === null || node.longitude === null) continue;
      points.set(node.id, { id: node.id, name: node.name ?? node.id, at: [node.longitude, node.latitude], traffic: 0 });
    }
    const drawnLinks = [...links].filter((link) => points.has(link.source) && points.has(link.target));
    for (const link of drawnLinks) {
      points.get(link.source)!.traffic += link.seizureCount;
      points.get(link.target)!.traffic += link.seizureCount;
    }
    const used = new Map([...points].filter(([, node]) => node.traffic > 0));
    const maxSeizures = Math.max(1, ...links.map((link) => link.seizureCount));
    this.drawing = { nodes: used, links: drawnLinks, maxSeizures, maxTraffic: Math.max(1, ...[...used.values()].map((node) => node.traffic)) };
    const steps = [...new Set([maxSeizures, Math.max(1, Math.round(maxSeizures / 4)), 1])];
    // The legend first: the labels are placed clear of it.
    this.legend.innerHTML =
      drawnLinks.length === 0
        ? "No flow under this filter."
        : `<b>Seizures per flow</b>` +
          steps
            .map(
              (count) =>
                `<div><svg width="36" height="12"><line x1="2" y1="6" x2="34" y2="6" stroke="#c0392b" stroke-width="${this.lineWidth(count).toFixed(1)}" stroke-linecap="round"/></svg>${number.format(count)}</div>`,
            )
            .join("") +
          `<div>Click a flow or a country for its seizures</div>`;
    this.drawn = 0;
    this.redraw();
    const drawn = this.drawn;
    const omitted = links.length - drawn;
    this.summary.textContent =
      `${number.format(totals.seizureCount)} seizures · ${drawn} flow${drawn === 1 ? "" : "s"} drawn` +
      (totals.linkCount > links.length ? ` (largest ${links.length} of ${totals.linkCount})` : "") +
      (omitted > 0 ? ` · ${omitted} without coordinates` : "");
  }

  /** Area-like: width grows with the square root of the seizures, from 1.5 to 9 units. */
  private lineWidth(count: number): number {
    const max = this.drawing?.maxSeizures ?? 1;
    return max === 1 ? 2.5 : 1.5 + 7.5 * Math.sqrt(count / max);
  }

  private onZoom(transform: ZoomTransform): void {
    this.baseLayer.setAttribute("transform", transform.toString());
    this.tooltip.hidden = true;
    this.redraw();
  }

  /** Draws the flows, dots and labels for the current zoom. */
  private redraw(): void {
    const layer = this.flowLayer;
    layer.replaceChildren();
    const drawing = this.drawing;
    if (!drawing) return;
    const projection = zoomedProjection(this.zoom.state);
    const path = geoPath(projection);
    let drawn = 0;
    const lines = svg("g", { class: "flow-lines" });
    const hits: SVGPathElement[] = [];
    // Thick lines first, so thin ones stay visible on top.
    for (const link of [...drawing.links].sort((a, b) => b.seizureCount - a.seizureCount)) {
      const from = drawing.nodes.get(link.source)!;
      const to = drawing.nodes.get(link.target)!;
      const d = path({ type: "LineString", coordinates: [from.at, to.at] });
      if (!d) continue;
      const width = this.lineWidth(link.seizureCount);
      const detail =
        `${from.name} → ${to.name}: ${number.format(link.seizureCount)} seizure${link.seizureCount === 1 ? "" : "s"}, ` +
        `${number.format(link.shipmentCount)} shipment${link.shipmentCount === 1 ? "" : "s"}` +
        (link.totalWeightKg !== null ? `, ${number.format(Math.round(link.totalWeightKg))} kg` : "");
      const line = svg("path", {
        class: "flow-line",
        d,
        "stroke-width": width.toFixed(2),
        "marker-end": "url(#arrow)",
        "data-source": link.source,
        "data-target": link.target,
        "data-seizures": link.seizureCount,
      });
      lines.append(line);
      // A wider, invisible twin takes the clicks, so that a thin line is easy to hit.
      const hit = svg("path", { class: "flow flow-hit", d, "stroke-width": (width + 5).toFixed(2), "data-source": link.source, "data-target": link.target });
      const title = svg("title", {});
      title.textContent = `${detail} (click for the seizures)`;
      hit.append(title);
      hit.addEventListener("mouseenter", () => {
        line.classList.add("hover");
        this.showTooltip(line, detail);
      });
      hit.addEventListener("mouseleave", () => {
        line.classList.remove("hover");
        this.tooltip.hidden = true;
      });
      hits.push(hit);
      drawn += 1;
    }
    // The busiest flows take the clicks where lines cross or run side by side: drawn thick first,
    // a busy line would otherwise be covered along its whole length by the thin lines beside it.
    const hitLayer = svg("g", { class: "flow-hits" });
    hitLayer.append(...hits.reverse());
    layer.append(lines, hitLayer);
    const candidates = [];
    const labelLayer = svg("g", { class: "labels" });
    for (const node of drawing.nodes.values()) {
      const at = projection(node.at);
      if (!at) continue;
      const [x, y] = at;
      const radius = 2 + 3 * Math.sqrt(node.traffic / drawing.maxTraffic);
      const dot = svg("circle", { class: "stop", cx: x.toFixed(1), cy: y.toFixed(1), r: radius.toFixed(1), "data-country": node.id });
      const title = svg("title", {});
      title.textContent = `${node.name}: ${number.format(node.traffic)} seizures on its flows (click for the seizures made there)`;
      dot.append(title);
      layer.append(dot);
      candidates.push({ id: node.id, x, y, width: this.labelWidth(node.name), height: LABEL_SIZE + 1, priority: node.traffic });
    }
    for (const placed of placeLabels(candidates, { left: 0, top: 0, right: WIDTH, bottom: HEIGHT }, 5, this.obstacles())) {
      const node = drawing.nodes.get(placed.id)!;
      const label = svg("text", { class: "stop-label", x: placed.x.toFixed(1), y: placed.y.toFixed(1), "text-anchor": placed.anchor, "data-country": node.id });
      label.textContent = node.name;
      labelLayer.append(label);
    }
    layer.append(labelLayer);
    this.drawn = drawn;
    this.markSelection();
  }

  /** The legend, the zoom buttons and the open panel, in the drawing's units: no label goes under them. */
  private obstacles(): Box[] {
    const matrix = this.svgRoot.getScreenCTM();
    if (!matrix) return [];
    const inverse = matrix.inverse();
    const covering = [this.legend, this.root.querySelector<HTMLElement>(".controls")!, this.panel];
    return covering
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        const topLeft = new DOMPoint(box.left, box.top).matrixTransform(inverse);
        const bottomRight = new DOMPoint(box.right, box.bottom).matrixTransform(inverse);
        return { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y };
      });
  }

  /** A label's width in the drawing's units, measured once per name. */
  private labelWidth(name: string): number {
    let width = this.labelWidths.get(name);
    if (width === undefined) {
      const probe = svg("text", { class: "stop-label", x: 0, y: 0, visibility: "hidden" });
      probe.textContent = name;
      this.svgRoot.append(probe);
      width = probe.getComputedTextLength();
      probe.remove();
      // Not laid out (the element is hidden): a typical width per character of the label's font.
      if (!(width > 0)) width = name.length * LABEL_SIZE * 0.55;
      else this.labelWidths.set(name, width);
    }
    return width + 2;
  }

  private markSelection(): void {
    const selected = this.selected;
    this.flowLayer.classList.toggle("focused", selected !== null);
    for (const element of this.flowLayer.querySelectorAll<SVGPathElement>(".flow-line, .flow-hit")) {
      const { source, target } = element.dataset;
      const isSelected = selected?.kind === "flow" && selected.source === source && selected.target === target;
      element.classList.toggle("selected", isSelected);
      element.classList.toggle("touching", selected?.kind === "country" && (selected.country === source || selected.country === target));
    }
    for (const dot of this.flowLayer.querySelectorAll<SVGCircleElement>(".stop")) {
      dot.classList.toggle("selected", selected?.kind === "country" && selected.country === dot.dataset.country);
    }
    const shapeIndex = selected?.kind === "country" ? this.shapeOf(selected.country) : -1;
    this.shapes.forEach((shape, index) => shape.classList.toggle("selected", index === shapeIndex));
  }

  private shapeOf(country: string): number {
    const node = this.drawing?.nodes.get(country);
    return node ? COUNTRY_SHAPES.findIndex((shape) => geoContains(shape, node.at)) : -1;
  }

  private select(selection: Selected): void {
    this.selected = selection;
    this.markSelection();
    this.dispatchEvent(new CustomEvent("routes-select", { detail: { ...selection } }));
    void this.showEvidence(selection);
  }

  private filterText(): string {
    const parts: string[] = [];
    if (this.resolved) parts.push(speciesLabel(this.resolved));
    if (this.appliedFilter.product) parts.push(productName(this.appliedFilter.product));
    const { dateFrom, dateTo } = this.appliedFilter;
    if (dateFrom || dateTo) parts.push(`${dateFrom ?? "…"} to ${dateTo ?? "…"}`);
    return parts.length > 0 ? `Under the filter: ${parts.join(" · ")}` : "All seizures, every period";
  }

  private showPanel(html: string): void {
    const opening = this.panel.hidden;
    this.panel.innerHTML = html;
    this.panel.hidden = false;
    // The labels under the panel find room elsewhere.
    if (opening) this.redraw();
  }

  private async showEvidence(selection: Selected): Promise<void> {
    this.evidenceRequest?.abort();
    const request = new AbortController();
    this.evidenceRequest = request;
    this.evidence = null;
    const title =
      selection.kind === "flow"
        ? `${this.drawing?.nodes.get(selection.source)?.name ?? selection.source} → ${this.drawing?.nodes.get(selection.target)?.name ?? selection.target}`
        : selection.name;
    const close = `<button type="button" data-action="close-panel" aria-label="Close the list" title="Close">×</button>`;
    this.showPanel(`<header><h2>${escapeHtml(title)}</h2>${close}</header><p class="panel-loading">Loading the seizures…</p>`);
    this.panel.setAttribute("state", "loading");
    const api = this.api();
    const credential = credentialOf(this);
    try {
      let list: EvidenceList;
      if (selection.kind === "flow") {
        const link = this.drawing?.links.find((candidate) => candidate.source === selection.source && candidate.target === selection.target);
        if (!link) {
          this.showPanel(`<header><h2>${escapeHtml(title)}</h2>${close}</header><p class="panel-count">No seizure behind this flow under the filter.</p>`);
          this.panel.setAttribute("state", "ready");
          this.dispatchEvent(new CustomEvent("routes-evidence", { detail: { ...selection, listed: 0, total: 0, withSources: true } }));
          return;
        }
        list = await flowSeizures(api, credential, link, this.appliedFilter, request.signal);
      } else {
        list = await countrySeizures(api, credential, selection.country, this.appliedFilter, request.signal);
      }
      this.evidence = { title, kind: selection.kind, list };
      this.showEvidenceList(selection);
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      const message = error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : "The seizures could not be listed.";
      this.showPanel(`<header><h2>${escapeHtml(title)}</h2>${close}</header><p class="restricted">${escapeHtml(message)}</p>`);
      this.panel.setAttribute("state", "error");
    }
  }

  private showEvidenceList(selection: Selected): void {
    const { title, kind, list } = this.evidence!;
    const scrolled = this.panel.scrollTop;
    this.showPanel(evidenceHtml(title, this.filterText(), list, kind));
    this.panel.scrollTop = scrolled;
    this.panel.setAttribute("state", "ready");
    this.dispatchEvent(
      new CustomEvent("routes-evidence", {
        detail: { ...selection, listed: list.seizures.length, total: list.total, withSources: list.withSources, seizureIds: list.seizures.map((seizure) => seizure.id) },
      }),
    );
  }

  /** The next page of the panel's seizures, added below those listed. */
  private async showMoreEvidence(): Promise<void> {
    const shown = this.evidence;
    const selection = this.selected;
    if (!shown || !selection || shown.list.after === null) return;
    this.evidenceRequest?.abort();
    const request = new AbortController();
    this.evidenceRequest = request;
    const button = this.panel.querySelector<HTMLButtonElement>("button[data-action=more-seizures]");
    if (button) {
      button.disabled = true;
      button.textContent = "Loading…";
    }
    this.panel.setAttribute("state", "loading");
    try {
      const list = await nextSeizures(this.api(), credentialOf(this), shown.list, request.signal);
      if (this.evidence !== shown) return;
      this.evidence = { ...shown, list };
      this.showEvidenceList(selection);
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      const message = error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : "The next seizures could not be listed.";
      this.panel.insertAdjacentHTML("beforeend", `<p class="restricted">${escapeHtml(message)}</p>`);
      button?.remove();
      this.panel.setAttribute("state", "error");
    }
  }

  private showTooltip(line: SVGPathElement, detail: string): void {
    const box = line.getBoundingClientRect();
    const frame = this.map.getBoundingClientRect();
    this.tooltip.textContent = detail;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.max(0, box.left - frame.left + box.width / 2 - 60)}px`;
    this.tooltip.style.top = `${box.top - frame.top + box.height / 2 + 10}px`;
  }
}

if (!customElements.get("trafficking-routes")) customElements.define("trafficking-routes", TraffickingRoutesElement);
