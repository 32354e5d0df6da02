/**
 * Which country labels of the route map to show: the busiest first, each where it overlaps no label
 * already placed, else left out. Labels keep their size on screen whatever the zoom, so zooming in
 * spreads the points apart and more of them find room (the Mekong's capitals, which share a few
 * hundred pixels at world scale, all show once the map is zoomed onto the region).
 */
export interface LabelCandidate {
  id: string;
  /** The point labelled, in screen units of the map's drawing. */
  x: number;
  y: number;
  /** The label's size in the same units. */
  width: number;
  height: number;
  /** Higher first: the busiest countries win the room. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  /** The text's anchor (start of the baseline). */
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Distance between a point and its label. */
const GAP = 4;

/** The places tried around a point, in order: right above, right below, left above, left below, above, below. */
function positions(candidate: LabelCandidate): { box: Box; label: PlacedLabel }[] {
  const { id, x, y, width, height } = candidate;
  const descent = height * 0.25;
  const at = (left: number, baseline: number, anchor: PlacedLabel["anchor"], textX: number) => ({
    box: { left, top: baseline - height + descent, right: left + width, bottom: baseline + descent },
    label: { id, x: textX, y: baseline, anchor },
  });
  return [
    at(x + GAP, y - GAP, "start", x + GAP),
    at(x + GAP, y + GAP + height - descent, "start", x + GAP),
    at(x - GAP - width, y - GAP, "end", x - GAP),
    at(x - GAP - width, y + GAP + height - descent, "end", x - GAP),
    at(x - width / 2, y - GAP - 2, "middle", x),
    at(x - width / 2, y + GAP + height, "middle", x),
  ];
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box, bounds: Box): boolean {
  return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

/**
 * Places labels greedily by priority (ties by id, so the same map always shows the same labels):
 * each takes the first of its positions that stays inside `bounds` and clear of the obstacles, of
 * the labels placed before it and of every point (so that a label never hides another country's dot).
 * Points outside the bounds get no label.
 */
export function placeLabels(candidates: readonly LabelCandidate[], bounds: Box, pointRadius = 3, obstacles: readonly Box[] = []): PlacedLabel[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // What lies over the map (its legend, buttons, a panel) is room taken already.
  const placed: Box[] = [...obstacles];
  const dots: Box[] = candidates.map(({ x, y }) => ({ left: x - pointRadius, top: y - pointRadius, right: x + pointRadius, bottom: y + pointRadius }));
  const shown: PlacedLabel[] = [];
  for (const candidate of ordered) {
    if (candidate.x < bounds.left || candidate.x > bounds.right || candidate.y < bounds.top || candidate.y > bounds.bottom) continue;
    for (const { box, label } of positions(candidate)) {
      if (!inside(box, bounds)) continue;
      if (placed.some((other) => overlaps(box, other))) continue;
      if (dots.some((dot) => overlaps(box, dot))) continue;
      placed.push(box);
      shown.push(label);
      break;
    }
  }
  return shown;
}
