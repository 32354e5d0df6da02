/**
 * The route map's time slider: two thumbs on one track, by month, over the years the API has
 * dated seizures for (`trends`). Moving a thumb says at once which period it shows; the period is
 * handed on (`onChange`) only once the thumbs have rested for `DEBOUNCE_MS`, so dragging across
 * ten years asks the API once, not once per month passed.
 */
export const DEBOUNCE_MS = 300;

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
}

function monthStart(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(days).padStart(2, "0")}`;
}

/** The month a YYYY-MM-DD date falls in, counted from year 0; null when it is not a date. */
function monthIndex(date: string | null): number | null {
  const match = /^(\d{4})-(\d{2})/.exec(date ?? "");
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

export class PeriodSlider {
  readonly element: HTMLDivElement;
  private readonly lower: HTMLInputElement;
  private readonly upper: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly fill: HTMLDivElement;
  private timer: number | undefined;
  private first = 0;
  private last = 0;

  constructor(private readonly onChange: (period: Period) => void) {
    this.element = document.createElement("div");
    this.element.className = "period";
    this.element.setAttribute("part", "period");
    this.element.hidden = true;
    this.element.innerHTML = `<span class="period-name">Period</span>
<div class="range">
  <div class="range-fill"></div>
  <input type="range" name="period-from" aria-label="Period from" step="1">
  <input type="range" name="period-to" aria-label="Period to" step="1">
</div>
<output class="period-label" aria-live="polite"></output>`;
    this.lower = this.element.querySelector("input[name=period-from]")!;
    this.upper = this.element.querySelector("input[name=period-to]")!;
    this.output = this.element.querySelector("output")!;
    this.fill = this.element.querySelector(".range-fill")!;
    for (const [input, other, isLower] of [
      [this.lower, this.upper, true],
      [this.upper, this.lower, false],
    ] as const) {
      input.addEventListener("input", () => {
        // The thumbs never cross: the one moved pushes the other.
        if (isLower && Number(input.value) > Number(other.value)) other.value = input.value;
        if (!isLower && Number(input.value) < Number(other.value)) other.value = input.value;
        this.showLabel();
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => {
          this.timer = undefined;
          this.onChange(this.period);
        }, DEBOUNCE_MS);
      });
    }
  }

  /** The years of the data, from the first to the last (inclusive). */
  setDomain(firstYear: number, lastYear: number): void {
    this.first = firstYear * 12;
    this.last = lastYear * 12 + 11;
    for (const input of [this.lower, this.upper]) {
      input.min = String(this.first);
      input.max = String(this.last);
    }
    this.element.hidden = false;
  }

  /** Whether a move is waiting to be handed on: the slider is not then set from outside. */
  get moving(): boolean {
    return this.timer !== undefined;
  }

  /** Shows a period given as dates (either may be missing: the data's first or last month). */
  show(from: string | null, to: string | null): void {
    if (this.element.hidden || this.moving) return;
    const clamp = (index: number) => Math.min(this.last, Math.max(this.first, index));
    this.lower.value = String(clamp(monthIndex(from) ?? this.first));
    this.upper.value = String(clamp(monthIndex(to) ?? this.last));
    this.showLabel();
  }

  get period(): Period {
    return { from: monthStart(Number(this.lower.value)), to: monthEnd(Number(this.upper.value)) };
  }

  private showLabel(): void {
    const { from, to } = this.period;
    this.output.textContent = `${from.slice(0, 7)} – ${to.slice(0, 7)}`;
    // The span between the thumbs, as shares of the track (a thumb's centre runs 7px in from each end).
    const span = Math.max(1, this.last - this.first);
    const at = (value: string) => (Number(value) - this.first) / span;
    this.fill.style.left = `calc(7px + (100% - 14px) * ${at(this.lower.value).toFixed(4)})`;
    this.fill.style.right = `calc(7px + (100% - 14px) * ${(1 - at(this.upper.value)).toFixed(4)})`;
  }
}
