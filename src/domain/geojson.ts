/**
 * Flows as GeoJSON (RFC 7946) for maps: one LineString per flow, from its source's coordinates to
 * its target's, with the flow's figures as properties. Positions are [longitude, latitude].
 */

export interface GeoPoint {
  latitude: number | null | undefined;
  longitude: number | null | undefined;
}

export interface GeoFlow {
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface LineFeature {
  type: "Feature";
  geometry: { type: "LineString"; coordinates: [number, number][] };
  properties: Record<string, unknown>;
}

export interface FlowFeatureCollection {
  type: "FeatureCollection";
  features: LineFeature[];
  /** Not GeoJSON: what was left out because an end has no usable coordinates (foreign members are allowed). */
  properties: { featureCount: number; omittedCount: number; omitted: { source: string; target: string }[] };
}

/** A position when both coordinates are numbers within range, else null. */
export function position(point: GeoPoint | null | undefined): [number, number] | null {
  const latitude = point?.latitude;
  const longitude = point?.longitude;
  if (typeof latitude !== "number" || typeof longitude !== "number") return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return null;
  return [longitude, latitude];
}

/**
 * The flows as a FeatureCollection, in the order given. `points` gives each node's coordinates;
 * a flow whose source or target has none (or has them out of range) is left out and listed.
 */
export function flowFeatureCollection(flows: readonly GeoFlow[], points: ReadonlyMap<string, GeoPoint>): FlowFeatureCollection {
  const features: LineFeature[] = [];
  const omitted: { source: string; target: string }[] = [];
  for (const flow of flows) {
    const from = position(points.get(flow.source));
    const to = position(points.get(flow.target));
    if (!from || !to) {
      omitted.push({ source: flow.source, target: flow.target });
      continue;
    }
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates: [from, to] },
      properties: { source: flow.source, target: flow.target, ...flow.properties },
    });
  }
  return { type: "FeatureCollection", features, properties: { featureCount: features.length, omittedCount: omitted.length, omitted } };
}
