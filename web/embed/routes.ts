/**
 * <trafficking-routes>: the `flows` between countries, drawn on a world outline.
 *
 *   <script src="https://api.example.org/embed/routes.js"></script>
 *   <trafficking-routes species="loxodonta-africana" from="2010-01-01" to="2016-12-31" token="mtk_..."></trafficking-routes>
 *
 * Attributes: api (GraphQL URL; default: /graphql next to this script), token or api-key (sent as
 * a Bearer credential), species (a species id), from and to (the period, YYYY-MM-DD), first (how
 * many flows, the largest first, 1 to 1000; default 200), height (CSS length, default 520px);
 * url-options (no value) takes them from the page's URL query instead, for an iframe page. The
 * filter form changes species and period in place. A line's width grows with its seizures.
 *
 * Country shapes: Natural Earth 1:110m (public domain) as TopoJSON from the world-atlas package
 * (ISC), bundled into this script: no tiles, nothing fetched but the API's answer.
 * Events: routes-load, routes-error.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

import { apiNextToScript, attributesFromQuery, credentialOf, download, escapeHtml, GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";

const DEFAULT_API = apiNextToScript();
const WIDTH = 960;
const HEIGHT = 500;
const SVG_NS = "http://www.w3.org/2000/svg";

const FLOWS_QUERY = `query EmbedFlows($filter: TradeFilter, $first: Int!) {
  flows(level: COUNTRY, filter: $filter, first: $first) {
    totals { seizureCount shipmentCount linkCount }
    nodes { id name latitude longitude }
    links { source target seizureCount shipmentCount totalWeightKg }
  }
}`;

interface FlowsAnswer {
  flows: {
    totals: { seizureCount: number; shipmentCount: number; linkCount: number };
    nodes: { id: string; name: string | null; latitude: number | null; longitude: number | null }[];
    links: { source: string; target: string; seizureCount: number; shipmentCount: number; totalWeightKg: number | null }[];
  };
}

export type RoutesViewState = "idle" | "loading" | "ready" | "error";

const world = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const COUNTRY_SHAPES = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const projection = geoNaturalEarth1().fitExtent(
  [
    [6, 6],
    [WIDTH - 6, HEIGHT - 6],
  ],
  { type: "Sphere" },
);
const path = geoPath(projection);

const STYLE = `
:host { display: block; font: 13px/1.4 system-ui, sans-serif; color: #1f2933; }
.frame { position: relative; border: 1px solid #cbd2d9; border-radius: 6px; overflow: hidden; background: #fff; }
form { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: end; padding: 6px 8px; border-bottom: 1px solid #e4e7eb; background: #f5f7fa; }
label { display: flex; flex-direction: column; font-size: 11px; color: #52606d; }
input { font: inherit; padding: 2px 4px; border: 1px solid #9aa5b1; border-radius: 4px; }
input[name=species] { width: 15em; }
button { font: inherit; padding: 2px 9px; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { background: #e4e7eb; }
.summary { flex: 1; text-align: right; font-size: 12px; color: #52606d; min-width: 12em; }
.map { position: relative; width: 100%; }
svg { display: block; width: 100%; height: 100%; }
.sphere { fill: #eef4f8; stroke: #cbd2d9; }
.graticule { fill: none; stroke: #dde6ee; stroke-width: .5; }
.country { fill: #f3efe6; stroke: #b8b2a7; stroke-width: .5; }
.flow-line { fill: none; stroke: #c0392b; stroke-opacity: .5; stroke-linecap: round; cursor: pointer; }
.flow-line:hover { stroke: #7b1d12; stroke-opacity: 1; }
.stop { fill: #1f2933; stroke: #fff; stroke-width: 1; }
.stop-label { font-size: 9px; fill: #1f2933; paint-order: stroke; stroke: #fff; stroke-width: 2px; pointer-events: none; }
.legend { position: absolute; left: 8px; bottom: 8px; padding: 6px 8px; background: rgba(255,255,255,.92); border: 1px solid #e4e7eb; border-radius: 4px; font-size: 11px; }
.legend:empty { display: none; }
.legend div { display: flex; align-items: center; gap: 6px; }
.tooltip { position: absolute; z-index: 2; max-width: 280px; padding: 6px 8px; background: #1f2933; color: #f5f7fa; border-radius: 4px; font-size: 11px; pointer-events: none; }
.status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center; padding: 16px; background: rgba(255,255,255,.8); font-size: 14px; }
.status[hidden], .tooltip[hidden] { display: none; }
.status.error { color: #9b2226; }
.spinner { width: 18px; height: 18px; margin-right: 8px; border: 3px solid #cbd2d9; border-top-color: #c0392b; border-radius: 50%; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
`;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const number = new Intl.NumberFormat("en");

export class TraffickingRoutesElement extends HTMLElement {
  static readonly observedAttributes = ["api", "token", "api-key", "species", "from", "to", "first", "height"];

  private readonly root: ShadowRoot;
  private readonly map: HTMLDivElement;
  private readonly svgRoot: SVGSVGElement;
  private readonly flowLayer: SVGGElement;
  private readonly form: HTMLFormElement;
  private readonly summary: HTMLSpanElement;
  private readonly legend: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private loadTimer: number | undefined;
  private request: AbortController | null = null;
  private current: RoutesViewState = "idle";
  private drawn = 0;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.root.innerHTML = `<style>${STYLE}</style>
<div class="frame" part="frame">
  <form part="filter">
    <label>Species <input name="species" placeholder="any, or an id such as manis-javanica" autocomplete="off" spellcheck="false"></label>
    <label>From <input name="from" type="date"></label>
    <label>To <input name="to" type="date"></label>
    <button type="submit">Apply</button>
    <button type="button" data-action="reset">Clear</button>
    <button type="button" data-action="svg" title="Save the map as an SVG image">SVG</button>
    <span class="summary" aria-live="polite"></span>
  </form>
  <div class="map" part="map"></div>
  <div class="legend" aria-label="Legend"></div>
  <div class="tooltip" role="tooltip" hidden></div>
  <div class="status" role="status" hidden></div>
</div>`;
    this.map = this.root.querySelector(".map")!;
    this.form = this.root.querySelector("form")!;
    this.summary = this.root.querySelector(".summary")!;
    this.legend = this.root.querySelector(".legend")!;
    this.tooltip = this.root.querySelector(".tooltip")!;
    this.status = this.root.querySelector(".status")!;

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
    const base = svg("g", { class: "base" });
    base.append(svg("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }));
    base.append(svg("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }));
    for (const shape of COUNTRY_SHAPES.features as Feature<Geometry, { name: string }>[]) {
      const country = svg("path", { class: "country", d: path(shape) ?? "" });
      const title = svg("title", {});
      title.textContent = shape.properties.name;
      country.append(title);
      base.append(country);
    }
    this.flowLayer = svg("g", { class: "flows" });
    this.svgRoot.append(defs, base, this.flowLayer);
    this.map.append(this.svgRoot);

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(this.form);
      for (const name of ["species", "from", "to"]) {
        const value = String(data.get(name) ?? "").trim();
        if (value === "") this.removeAttribute(name);
        else this.setAttribute(name, value);
      }
      this.scheduleLoad();
    });
    this.form.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest("button")?.dataset.action;
      if (action === "reset") {
        for (const name of ["species", "from", "to"]) this.removeAttribute(name);
        this.scheduleLoad();
      }
      if (action === "svg") this.saveSvg();
    });
  }

  get state(): RoutesViewState {
    return this.current;
  }

  /** How many flow lines the map shows. */
  get lineCount(): number {
    return this.drawn;
  }

  connectedCallback(): void {
    if (this.hasAttribute("url-options")) {
      this.removeAttribute("url-options");
      attributesFromQuery(this, TraffickingRoutesElement.observedAttributes);
    }
    this.scheduleLoad();
  }

  disconnectedCallback(): void {
    this.request?.abort();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === "height") this.applyHeight();
    else this.scheduleLoad();
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

  private saveSvg(): void {
    download(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.exportSvg())}`, "routes.svg", this.root);
  }

  private applyHeight(): void {
    this.map.style.height = this.getAttribute("height") ?? "520px";
  }

  private scheduleLoad(): void {
    // The state says at once that a load is coming, so nobody reads the last drawing as the new one.
    this.setState("loading", "Loading flows…");
    window.clearTimeout(this.loadTimer);
    this.loadTimer = window.setTimeout(() => void this.load(), 0);
  }

  private filter(): Record<string, string> {
    const filter: Record<string, string> = {};
    const species = this.getAttribute("species")?.trim();
    const from = this.getAttribute("from")?.trim();
    const to = this.getAttribute("to")?.trim();
    if (species) filter.species = species;
    if (from) filter.dateFrom = from;
    if (to) filter.dateTo = to;
    return filter;
  }

  private async load(): Promise<void> {
    this.applyHeight();
    for (const name of ["species", "from", "to"]) {
      (this.form.elements.namedItem(name) as HTMLInputElement).value = this.getAttribute(name) ?? "";
    }
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.setState("loading", "Loading flows…");
    try {
      const first = Math.min(1000, Math.max(1, Number(this.getAttribute("first") ?? 200) || 200));
      const api = this.getAttribute("api") || DEFAULT_API;
      const answer = await postGraphQL<FlowsAnswer>(api, credentialOf(this), FLOWS_QUERY, { filter: this.filter(), first }, request.signal);
      this.draw(answer);
      this.setState("ready");
      const { totals, links } = answer.flows;
      this.dispatchEvent(new CustomEvent("routes-load", { detail: { linkCount: links.length, lineCount: this.drawn, totals } }));
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      const message = error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : "The flows could not be drawn.";
      this.flowLayer.replaceChildren();
      this.drawn = 0;
      this.setState("error", message);
      this.dispatchEvent(new CustomEvent("routes-error", { detail: { message, code: error instanceof GraphQLRequestError ? error.code : "CLIENT_ERROR" } }));
    }
  }

  private setState(state: RoutesViewState, message = ""): void {
    this.current = state;
    this.setAttribute("state", state);
    this.status.hidden = state === "ready" || state === "idle";
    this.status.className = `status ${state}`;
    this.status.innerHTML = state === "loading" ? `<span class="spinner"></span>${escapeHtml(message)}` : escapeHtml(message);
  }

  private draw(answer: FlowsAnswer): void {
    const { nodes, links, totals } = answer.flows;
    const points = new Map<string, { name: string; at: [number, number] }>();
    for (const node of nodes) {
      if (node.latitude === null || node.longitude === null) continue;
      points.set(node.id, { name: node.name ?? node.id, at: [node.longitude, node.latitude] });
    }
    const max = Math.max(1, ...links.map((link) => link.seizureCount));
    // Area-like: width grows with the square root of the seizures, from 1.5 to 9 units.
    const width = (count: number) => (max === 1 ? 2.5 : 1.5 + 7.5 * Math.sqrt(count / max));
    const layer = this.flowLayer;
    layer.replaceChildren();
    const used = new Set<string>();
    let drawn = 0;
    // Thick lines first, so thin ones stay visible on top.
    for (const link of [...links].sort((a, b) => b.seizureCount - a.seizureCount)) {
      const from = points.get(link.source);
      const to = points.get(link.target);
      if (!from || !to) continue;
      const d = path({ type: "LineString", coordinates: [from.at, to.at] });
      if (!d) continue;
      const line = svg("path", {
        class: "flow-line",
        d,
        "stroke-width": width(link.seizureCount).toFixed(2),
        "marker-end": "url(#arrow)",
        "data-source": link.source,
        "data-target": link.target,
        "data-seizures": link.seizureCount,
      });
      const detail =
        `${from.name} → ${to.name}: ${number.format(link.seizureCount)} seizure${link.seizureCount === 1 ? "" : "s"}, ` +
        `${number.format(link.shipmentCount)} shipment${link.shipmentCount === 1 ? "" : "s"}` +
        (link.totalWeightKg !== null ? `, ${number.format(Math.round(link.totalWeightKg))} kg` : "");
      const title = svg("title", {});
      title.textContent = detail;
      line.append(title);
      line.addEventListener("mouseenter", () => this.showTooltip(line, detail));
      line.addEventListener("mouseleave", () => (this.tooltip.hidden = true));
      layer.append(line);
      used.add(link.source).add(link.target);
      drawn += 1;
    }
    for (const id of used) {
      const point = points.get(id)!;
      const [x, y] = projection(point.at) ?? [0, 0];
      layer.append(svg("circle", { class: "stop", cx: x.toFixed(1), cy: y.toFixed(1), r: 2.5 }));
      const label = svg("text", { class: "stop-label", x: (x + 4).toFixed(1), y: (y - 4).toFixed(1) });
      label.textContent = point.name;
      layer.append(label);
    }
    this.drawn = drawn;
    const omitted = links.length - drawn;
    this.summary.textContent =
      `${number.format(totals.seizureCount)} seizures · ${drawn} flow${drawn === 1 ? "" : "s"} drawn` +
      (totals.linkCount > links.length ? ` (largest ${links.length} of ${totals.linkCount})` : "") +
      (omitted > 0 ? ` · ${omitted} without coordinates` : "");
    const steps = [...new Set([max, Math.max(1, Math.round(max / 4)), 1])];
    this.legend.innerHTML =
      drawn === 0
        ? "No flow under this filter."
        : `<b>Seizures per flow</b>` +
          steps
            .map((count) => `<div><svg width="36" height="12"><line x1="2" y1="6" x2="34" y2="6" stroke="#c0392b" stroke-width="${width(count).toFixed(1)}" stroke-linecap="round"/></svg>${number.format(count)}</div>`)
            .join("");
  }

  private showTooltip(line: SVGPathElement, detail: string): void {
    const box = line.getBoundingClientRect();
    const frame = this.map.getBoundingClientRect();
    this.tooltip.textContent = detail;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.max(0, box.left - frame.left + box.width / 2 - 60)}px`;
    this.tooltip.style.top = `${box.top - frame.top + this.map.offsetTop + box.height / 2 + 10}px`;
  }
}

if (!customElements.get("trafficking-routes")) customElements.define("trafficking-routes", TraffickingRoutesElement);
