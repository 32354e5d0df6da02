/**
 * The products the route map filters by, with the names a reader types: the API's `Product` enum
 * (schema/schema.graphql), each value with its name in words. The browser test checks that this
 * list holds exactly the enum's values.
 */
export const PRODUCTS: readonly { value: string; name: string }[] = [
  { value: "BONE", name: "bone" },
  { value: "EGGS", name: "eggs" },
  { value: "HORN", name: "horn" },
  { value: "LIVE", name: "live animals" },
  { value: "MEAT", name: "meat" },
  { value: "OTHER", name: "other" },
  { value: "RAW_IVORY", name: "raw ivory" },
  { value: "SCALES", name: "scales" },
  { value: "SKIN", name: "skin" },
  { value: "SWIM_BLADDER", name: "swim bladder" },
  { value: "WORKED_IVORY", name: "worked ivory" },
];

function folded(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/** The enum value a product name or value stands for (any case, spaces or underscores); null when none. */
export function productValue(text: string): string | null {
  const wanted = folded(text);
  if (wanted === "") return null;
  const hit = PRODUCTS.find((product) => folded(product.name) === wanted || folded(product.value) === wanted);
  // "live" for "live animals", "ivory" is ambiguous and so not accepted.
  return hit?.value ?? PRODUCTS.find((product) => folded(product.name).split(" ")[0] === wanted && wanted !== "ivory")?.value ?? null;
}

/** The name of a product value, for the map's text. */
export function productName(value: string): string {
  return PRODUCTS.find((product) => product.value === value)?.name ?? value.toLowerCase().replace(/_/g, " ");
}
