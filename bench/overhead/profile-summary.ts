import path from "node:path";

/** The parts of a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` or the inspector writes it) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time went: a package, a file of this project, a Node.js module, or V8's own (idle, GC, program). */
export function areaOf(url: string, functionName: string): string {
  if (url === "") return `(${functionName.replace(/^\(|\)$/g, "") || "native"})`;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return inPackage[1]!;
  if (url.startsWith("node:")) return url;
  const inProject = /\/dist\/(.*)$/.exec(url);
  return inProject ? inProject[1]! : path.basename(url);
}

interface Share {
  name: string;
  ms: number;
  share: number;
}

/**
 * Self time by area and by function, and total time (self and callees) of the functions whose
 * names match `inclusive`, as shares of the busy (not idle) time of the profile.
 */
export function summariseProfile(profile: CpuProfile, top = 25, inclusive?: RegExp): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const timeOf = new Map<number, number>();
  profile.samples.forEach((id, index) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || "(anonymous)"} ${areaOf(url, functionName)}:${lineNumber + 1}`;
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const totals = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, micros] of timeOf) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") {
      idle += micros;
      continue;
    }
    busy += micros;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    functions.set(label(id), (functions.get(label(id)) ?? 0) + micros);
    if (inclusive) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const name = label(at);
        if (seen.has(name) || !inclusive.test(name)) continue;
        seen.add(name);
        totals.set(name, (totals.get(name) ?? 0) + micros);
      }
    }
  }
  const ranked = (map: Map<string, number>): Share[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / busy }));
  const table = (title: string, rows: Share[]) => [
    title,
    ...rows.map((row) => `${(100 * row.share).toFixed(1).padStart(6)}%  ${row.ms.toFixed(1).padStart(8)} ms  ${row.name}`),
  ];
  return [
    `busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`,
    ...table("self time by area:", ranked(areas)),
    ...table("self time by function:", ranked(functions)),
    ...(inclusive ? table(`total time of functions matching ${inclusive}:`, ranked(totals)) : []),
  ].join("\n");
}
