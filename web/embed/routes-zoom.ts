/**
 * Zoom and pan of the route map, by d3-zoom (wheel, drag, double click, pinch, and the buttons'
 * steps), in the drawing's own units (its viewBox). d3-zoom rather than hand-written handlers: it
 * tells a click from a drag (so a flow can be clicked on a map that pans), handles touch and
 * trackpad pinch, and keeps the map inside its frame. It costs about 55 kB of the minified script
 * (with d3-selection, d3-transition, d3-interpolate and d3-color): routes.js went from 143 to 221 kB.
 */
import type { GeoProjection } from "d3-geo";
import { select, type Selection } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from "d3-zoom";

/** Named views of the map: west, south, east, north in degrees. */
export const REGIONS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  // Myanmar, Thailand, Laos, Cambodia, Viet Nam and the south of China (Yunnan, Guangxi).
  mekong: [91, 5, 112, 28],
  "southeast-asia": [90, -11, 142, 29],
  africa: [-20, -36, 53, 38],
};

/** The deepest zoom: a country of a few dozen kilometres fills the frame. */
export const MAX_SCALE = 40;

export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

export class MapZoom {
  private readonly behaviour: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly target: Selection<SVGSVGElement, unknown, null, undefined>;
  private transform: ZoomTransform = zoomIdentity;

  constructor(
    svg: SVGSVGElement,
    private readonly width: number,
    private readonly height: number,
    onZoom: (transform: ZoomTransform) => void,
    onZoomEnd: (transform: ZoomTransform) => void,
  ) {
    this.target = select(svg);
    this.behaviour = zoom<SVGSVGElement, unknown>()
      .extent([
        [0, 0],
        [width, height],
      ])
      .scaleExtent([1, MAX_SCALE])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      // A press that moves less than this is a click (on a flow, a country), not a pan.
      .clickDistance(4)
      .on("zoom", (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        onZoom(event.transform);
      })
      .on("end", (event: { transform: ZoomTransform }) => onZoomEnd(event.transform));
    this.target.call(this.behaviour);
  }

  get state(): ZoomState {
    const { k, x, y } = this.transform;
    return { k, x, y };
  }

  /** Zooms in (factor above 1) or out about the middle of the frame. */
  zoomBy(factor: number): void {
    this.behaviour.scaleBy(this.target, factor);
  }

  reset(): void {
    this.behaviour.transform(this.target, zoomIdentity);
  }

  /** Fits a box of longitudes and latitudes to the frame. */
  zoomToBounds(bounds: readonly [number, number, number, number], projection: GeoProjection): void {
    const [west, south, east, north] = bounds;
    const xs: number[] = [];
    const ys: number[] = [];
    // The box's edges, sampled: a curved projection bulges between the corners.
    for (let step = 0; step <= 8; step += 1) {
      const longitude = west + ((east - west) * step) / 8;
      const latitude = south + ((north - south) * step) / 8;
      for (const point of [
        [longitude, south],
        [longitude, north],
        [west, latitude],
        [east, latitude],
      ] as [number, number][]) {
        const projected = projection(point);
        if (projected) {
          xs.push(projected[0]);
          ys.push(projected[1]);
        }
      }
    }
    if (xs.length === 0) return;
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min(MAX_SCALE, 0.95 * Math.min(this.width / (x1 - x0), this.height / (y1 - y0)));
    this.behaviour.transform(
      this.target,
      zoomIdentity
        .translate(this.width / 2, this.height / 2)
        .scale(k)
        .translate(-(x0 + x1) / 2, -(y0 + y1) / 2),
    );
  }
}

/** A region's name or "west,south,east,north" in degrees; null for anything else. */
export function regionBounds(value: string): readonly [number, number, number, number] | null {
  const named = REGIONS[value.trim().toLowerCase()];
  if (named) return named;
  const numbers = value.split(",").map((part) => Number(part.trim()));
  if (numbers.length !== 4 || numbers.some((number) => !Number.isFinite(number))) return null;
  const [west, south, east, north] = numbers;
  if (west >= east || south >= north || south < -90 || north > 90 || west < -180 || east > 180) return null;
  return [west, south, east, north];
}
