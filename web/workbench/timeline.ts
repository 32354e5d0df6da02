/**
 * The timeline panel: every dated event of what is drawn (seizures by their date, shipments by
 * their departure, and the events the API's `timeline` gives for the persons and companies drawn:
 * arrests, convictions, incorporations), one mark per event on a time axis. Dragging across the
 * axis (the brush) chooses a period; the canvas then hides what is dated outside it.
 */
import { escapeHtml } from "../shared/graphql-client.js";

export interface DatedEvent {
  date: string;
  /** The drawn node the event is about, when it is drawn. */
  nodeId: string | null;
  kind: string;
  title: string;
  sources: string[];
}

export interface Period {
  from: string;
  to: string;
}

const WIDTH = 900;
const HEIGHT = 70;
const MARGIN = 24;

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOf = (days: number) => new Date(Math.round(days) * 86_400_000).toISOString().slice(0, 10);

const COLOURS: Record<string, string> = {
  SEIZURE: "#9b2226",
  SHIPMENT_DEPARTED: "#e59a1e",
  ARREST: "#d1495b",
  CONVICTION: "#5f0f40",
  COMPANY_INCORPORATED: "#2e6fba",
};

export class TimelinePanel {
  private events: DatedEvent[] = [];
  private range: [number, number] = [0, 1];
  private period: Period | null = null;
  private dragStart: number | null = null;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly list: HTMLElement,
    private readonly readout: HTMLElement,
    private readonly onPeriod: (period: Period | null) => void,
  ) {
    svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    svg.addEventListener("pointerdown", (event) => {
      this.dragStart = this.toDays(event);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (this.dragStart === null) return;
      this.drawBrush(this.dragStart, this.toDays(event));
    });
    svg.addEventListener("pointerup", (event) => {
      if (this.dragStart === null) return;
      const [a, b] = [this.dragStart, this.toDays(event)].sort((x, y) => x - y);
      this.dragStart = null;
      if (b - a < 1) this.setPeriod(null);
      else this.setPeriod({ from: dateOf(Math.floor(a)), to: dateOf(Math.ceil(b)) });
    });
  }

  get current(): Period | null {
    return this.period;
  }

  setEvents(events: DatedEvent[]): void {
    this.events = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    if (this.events.length > 0) {
      const first = day(this.events[0].date);
      const last = day(this.events.at(-1)!.date);
      const pad = Math.max(30, Math.round((last - first) * 0.05));
      this.range = [first - pad, last + pad];
    }
    this.render();
  }

  setPeriod(period: Period | null, notify = true): void {
    this.period = period;
    this.render();
    if (notify) this.onPeriod(period);
  }

  private toDays(event: PointerEvent): number {
    const box = this.svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    const share = Math.min(1, Math.max(0, (x - MARGIN) / (WIDTH - 2 * MARGIN)));
    return this.range[0] + share * (this.range[1] - this.range[0]);
  }

  private x(days: number): number {
    return MARGIN + ((days - this.range[0]) / (this.range[1] - this.range[0] || 1)) * (WIDTH - 2 * MARGIN);
  }

  private drawBrush(a: number, b: number): void {
    const brush = this.svg.querySelector(".brush");
    if (!brush) return;
    const [left, right] = [this.x(Math.min(a, b)), this.x(Math.max(a, b))];
    brush.setAttribute("x", String(left));
    brush.setAttribute("width", String(Math.max(0, right - left)));
  }

  private render(): void {
    const ticks: string[] = [];
    if (this.events.length > 0) {
      const firstYear = new Date(this.range[0] * 86_400_000).getUTCFullYear() + 1;
      const lastYear = new Date(this.range[1] * 86_400_000).getUTCFullYear();
      const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
      for (let year = firstYear; year <= lastYear; year += step) {
        const x = this.x(day(`${year}-01-01`));
        ticks.push(`<line x1="${x}" x2="${x}" y1="40" y2="46" stroke="#52606d"/><text x="${x}" y="58" font-size="10" text-anchor="middle" fill="#52606d">${year}</text>`);
      }
    }
    const marks = this.events.map((event) => {
      const inside = !this.period || (event.date >= this.period.from && event.date <= this.period.to);
      return `<circle cx="${this.x(day(event.date)).toFixed(1)}" cy="28" r="5" fill="${COLOURS[event.kind] ?? "#52606d"}" opacity="${inside ? 0.9 : 0.25}"><title>${escapeHtml(`${event.date} · ${event.title}`)}</title></circle>`;
    });
    const brush = this.period ? [this.x(day(this.period.from)), this.x(day(this.period.to))] : [0, 0];
    this.svg.innerHTML =
      `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#f5f7fa"/>` +
      `<line x1="${MARGIN}" x2="${WIDTH - MARGIN}" y1="40" y2="40" stroke="#9aa5b1"/>` +
      ticks.join("") +
      `<rect class="brush" x="${brush[0]}" y="8" width="${brush[1] - brush[0]}" height="40" fill="rgba(46,111,186,.18)" stroke="#2e6fba"/>` +
      marks.join("");
    // The axis's ends, for whoever needs to place a date on it (the browser tests).
    this.svg.dataset.axisStart = dateOf(this.range[0]);
    this.svg.dataset.axisEnd = dateOf(this.range[1]);
    this.svg.dataset.margin = String(MARGIN);
    this.svg.dataset.width = String(WIDTH);
    this.readout.textContent = this.period ? `Period: ${this.period.from} to ${this.period.to}` : "No period chosen: drag across the axis to choose one.";
    if (this.period) {
      this.readout.dataset.from = this.period.from;
      this.readout.dataset.to = this.period.to;
    } else {
      delete this.readout.dataset.from;
      delete this.readout.dataset.to;
    }
    this.list.innerHTML = this.events.length
      ? this.events
          .map((event) => {
            const inside = !this.period || (event.date >= this.period.from && event.date <= this.period.to);
            const sources = event.sources.length ? `<span class="sources">${escapeHtml(event.sources.join("; "))}</span>` : "";
            return `<li class="${inside ? "" : "outside"}" data-node="${escapeHtml(event.nodeId ?? "")}"><time>${event.date}</time> ${escapeHtml(event.title)} ${sources}</li>`;
          })
          .join("")
      : "<li>Nothing drawn has a date yet.</li>";
  }
}
