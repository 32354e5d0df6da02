/**
 * The route map's evidence panel as HTML: what was clicked, its figures, and each seizure with its
 * date, place, goods (product, quantity, species) and sources, latest first, with a button for the
 * next page while there is one. Every value from the API is escaped.
 */
import { escapeHtml } from "../shared/graphql-client.js";
import { SEIZURE_PAGE, type EvidenceList, type SeizureEvidence } from "./routes-evidence.js";
import { productName } from "./routes-products.js";

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

function plural(count: number, word: string): string {
  return `${number.format(count)} ${word}${count === 1 ? "" : "s"}`;
}

function place(seizure: SeizureEvidence): string {
  const where = seizure.place?.name ?? seizure.locationText ?? null;
  const country = seizure.country?.name ?? null;
  if (where && country && !where.includes(country)) return `${where}, ${country}`;
  return where ?? country ?? "place not recorded";
}

function goods(seizure: SeizureEvidence): string {
  if (seizure.commodities.length === 0) return "goods not recorded";
  return seizure.commodities
    .map((line) => {
      const amount =
        line.weightKg !== null
          ? `${number.format(line.weightKg)} kg`
          : line.quantity !== null
            ? `${number.format(line.quantity)} ${line.unit.toLowerCase()}`
            : (line.quantityText ?? "");
      const species = line.species?.scientificName ?? line.speciesText;
      return `${escapeHtml(productName(line.product))}${amount ? ` ${escapeHtml(amount)}` : ""}${species ? ` <i>${escapeHtml(species)}</i>` : ""}`;
    })
    .join("; ");
}

function sources(seizure: SeizureEvidence): string {
  if (!seizure.sources) return "";
  if (seizure.sources.length === 0) return `<div class="sources">No source recorded</div>`;
  const cited = seizure.sources.map(({ row, source }) => {
    const title = source.url
      ? `<a href="${escapeHtml(source.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(source.title)}</a>`
      : escapeHtml(source.title);
    return `${title}${row !== null ? `, row ${row}` : ""}`;
  });
  return `<div class="sources">Source: ${cited.join("; ")}</div>`;
}

export function seizureItem(seizure: SeizureEvidence): string {
  return `<li class="seizure" data-id="${escapeHtml(seizure.id)}">
  <div><b class="date">${escapeHtml(seizure.date ?? seizure.dateText ?? "date unknown")}</b> · <span class="place">${escapeHtml(place(seizure))}</span></div>
  <div class="goods">${goods(seizure)}</div>
  ${sources(seizure)}
</li>`;
}

/** The panel's body for a flow or a country. */
export function evidenceHtml(title: string, filterText: string, list: EvidenceList, kind: "flow" | "country"): string {
  const routes =
    list.routes.length > 0
      ? `<details class="routes"><summary>${plural(list.routes.length, "observed route")} through this flow</summary><ul>${list.routes
          .map(
            (route) =>
              `<li>${route.countries.map((country) => escapeHtml(country.name)).join(" → ")}: ${plural(route.seizureCount, "seizure")}` +
              `${route.lastSeen ? `, last ${escapeHtml(route.lastSeen)}` : ""}</li>`,
          )
          .join("")}</ul></details>`
      : "";
  const listed = list.seizures.length;
  const what = kind === "flow" ? "behind this flow" : "made in this country";
  const count =
    listed >= list.total
      ? `${plural(list.total, "seizure")} ${what}`
      : `The latest ${number.format(listed)} of ${plural(list.total, "seizure")} ${what}`;
  const restricted = list.withSources ? "" : `<p class="restricted">Sources are shown to analysts and above.</p>`;
  const more =
    list.after !== null
      ? `<button type="button" class="more" data-action="more-seizures">Show ${number.format(Math.min(SEIZURE_PAGE, list.total - listed))} more</button>`
      : "";
  return `<header><h2>${escapeHtml(title)}</h2><button type="button" data-action="close-panel" aria-label="Close the list" title="Close">×</button></header>
<p class="panel-filter">${escapeHtml(filterText)}</p>
<p class="panel-count">${count}</p>
${restricted}${routes}
<ol class="seizures">${list.seizures.map(seizureItem).join("")}</ol>
${more}`;
}
