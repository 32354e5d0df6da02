/**
 * Readable captions for nodes whose stored properties hold no name: a seizure, a shipment or a
 * commodity line is labelled by the API with its id (`routes-707`), which tells a reader nothing.
 * Their captions are made from what the API says about them (one request of aliased lookups per
 * batch): "Seizure 2015-04-22 · Dubai · raw ivory", "Shipment 2019-03-02 · Apapa → Hai Phong ·
 * cashew nuts"; a commodity line by its own quantity and product ("8.3 tonnes scales"). Seizures, shipments, commodity lines,
 * places and species are seen in clear by every role, so these captions name no person.
 */
import { postGraphQL } from "../shared/graphql-client.js";

export interface LabelledNode {
  id: string;
  kind: string;
  properties: Record<string, unknown>;
}

/** Kinds whose caption needs a lookup. */
export const LOOKED_UP_KINDS = new Set(["Seizure", "Shipment"]);

/** Aliases per request: the API allows 30. */
const BATCH = 25;

const FIELDS: Record<string, string> = {
  Seizure: "seizure(id: $ID) { date locationText place { name } country { name } commodities { product } }",
  Shipment: "shipment(id: $ID) { departedOn mode declaredContents route { place { name } country { name } } }",
};

interface Named {
  name: string | null;
}
interface SeizureAnswer {
  date: string | null;
  locationText: string | null;
  place: Named | null;
  country: Named | null;
  commodities: { product: string }[];
}
interface ShipmentAnswer {
  departedOn: string | null;
  mode: string;
  declaredContents: string | null;
  route: { place: Named | null; country: Named | null }[];
}

/** A product as words: RAW_IVORY → raw ivory. */
export function productWords(product: unknown): string {
  return typeof product === "string" ? product.toLowerCase().replace(/_/g, " ") : "";
}

function joined(parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join(" · ");
}

/** The caption a node gets from its own properties, before (or without) a lookup. */
export function captionFromProperties(node: LabelledNode, label: string): string {
  const p = node.properties;
  if (node.kind === "Seizure") return joined([`Seizure ${(p.date as string) ?? "undated"}`, p.locationText as string]);
  if (node.kind === "Shipment") return joined([`Shipment ${(p.departedOn as string) ?? "undated"}`, productWords(p.mode), p.declaredContents as string]);
  if (node.kind === "CommodityLine") {
    const amount = (p.quantityText as string | undefined) ?? (typeof p.quantity === "number" ? `${p.quantity} ${productWords(p.unit)}` : null);
    return [amount, productWords(p.product)].filter(Boolean).join(" ") || label;
  }
  return label;
}

function seizureCaption(answer: SeizureAnswer): string {
  const where = answer.place?.name ?? answer.locationText ?? answer.country?.name ?? null;
  const products = [...new Set(answer.commodities.map((line) => productWords(line.product)))].join(", ");
  return joined([`Seizure ${answer.date ?? "undated"}`, where, products]);
}

function shipmentCaption(answer: ShipmentAnswer): string {
  const stop = (s: ShipmentAnswer["route"][number] | undefined) => s?.place?.name ?? s?.country?.name ?? null;
  const route = answer.route.length > 0 ? `${stop(answer.route[0]) ?? "?"} → ${stop(answer.route.at(-1)) ?? "?"}` : null;
  return joined([`Shipment ${answer.departedOn ?? "undated"}`, route, answer.declaredContents]);
}

/**
 * The captions of the nodes of LOOKED_UP_KINDS, by id. A lookup that fails leaves its nodes out
 * (they keep the caption from their properties); nothing here throws.
 */
export async function lookUpCaptions(api: string, credential: string | null, nodes: readonly LabelledNode[]): Promise<Map<string, string>> {
  const wanted = nodes.filter((node) => LOOKED_UP_KINDS.has(node.kind));
  const captions = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += BATCH) {
    const batch = wanted.slice(start, start + BATCH);
    const variables: Record<string, string> = {};
    const selections = batch.map((node, index) => {
      variables[`i${index}`] = node.id;
      return `n${index}: ${FIELDS[node.kind].replace("$ID", `$i${index}`)}`;
    });
    const query = `query NodeCaptions(${batch.map((_, index) => `$i${index}: ID!`).join(", ")}) {\n  ${selections.join("\n  ")}\n}`;
    try {
      const data = await postGraphQL<Record<string, unknown>>(api, credential, query, variables);
      batch.forEach((node, index) => {
        const answer = data[`n${index}`];
        if (!answer) return;
        if (node.kind === "Seizure") captions.set(node.id, seizureCaption(answer as SeizureAnswer));
        if (node.kind === "Shipment") captions.set(node.id, shipmentCaption(answer as ShipmentAnswer));
      });
    } catch {
      // Captions are a convenience: the nodes keep their captions from their properties.
    }
  }
  return captions;
}
