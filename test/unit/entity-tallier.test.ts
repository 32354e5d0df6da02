import { describe, expect, it } from "vitest";

import { seededRandom } from "../../src/analysis/seeded-random.js";
import { ANY, EntityTallier, EVIDENCE_LIMIT, type MemberSeizure } from "../../src/domain/trade-tallies.js";

/** Members of one entity: dates over three years (one in ten undated, many sharing a date), two modes, up to two shipments. */
function members(count: number, seed: number): MemberSeizure[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const undated = random() < 0.1;
    const date = undated ? null : `${2020 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-0${1 + Math.floor(random() * 3)}`;
    const shipments = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, shipment) => ({
      id: `shipment-${index}-${shipment}`,
      mode: random() < 0.5 ? "SEA" : "AIR",
      seizureCount: 1,
      origins: [],
      destinations: [],
    }));
    return { seizure: `seizure-${String(index).padStart(5, "0")}`, date, sources: ["source-a"], shipments, lines: [] };
  });
}

/** The latest EVIDENCE_LIMIT of some members, sorted whole: dated before undated, latest first, then by id. */
function latest(of: readonly MemberSeizure[]): { id: string; date: string | null }[] {
  return of
    .map((member) => ({ id: member.seizure, date: member.date }))
    .sort((a, b) => {
      if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
      return a.id < b.id ? -1 : 1;
    })
    .slice(0, EVIDENCE_LIMIT);
}

/**
 * The tallier counts members one at a time and keeps only their figures: its evidence must be what
 * sorting all members would keep, and its counts what counting them by hand gives.
 */
describe("EntityTallier", () => {
  const all = members(5_000, 7);

  it("keeps as evidence the latest members that a sort of all of them would keep, per cell and month", () => {
    const tallier = new EntityTallier();
    all.forEach((member) => tallier.add(member));
    const { tallies } = tallier.tallies();
    expect(tallier.members).toBe(all.length);
    expect(tallies.get(`any|${ANY}`)!.get(ANY)!.evidence).toEqual(latest(all));
    const month = "2021-06";
    expect(tallies.get(`any|${ANY}`)!.get(month)!.evidence).toEqual(latest(all.filter((member) => member.date?.startsWith(month))));
    const bySea = all.filter((member) => member.shipments.some((shipment) => shipment.mode === "SEA"));
    expect(tallies.get("mode|SEA")!.get(ANY)!.evidence).toEqual(latest(bySea));
  });

  it("counts seizures and shipments per cell as counting them by hand does", () => {
    const tallier = new EntityTallier();
    all.forEach((member) => tallier.add(member));
    const { tallies } = tallier.tallies();
    for (const mode of ["SEA", "AIR"]) {
      const ofMode = all.filter((member) => member.shipments.some((shipment) => shipment.mode === mode));
      const shipments = all.flatMap((member) => member.shipments).filter((shipment) => shipment.mode === mode);
      const tally = tallies.get(`mode|${mode}`)!.get(ANY)!;
      expect([tally.seizureCount, tally.shipmentCount]).toEqual([ofMode.length, shipments.length]);
    }
  });

  it("keeps no evidence when told, and the same figures", () => {
    const keeping = new EntityTallier();
    const notKeeping = new EntityTallier(false);
    for (const member of all) {
      keeping.add(member);
      notKeeping.add(member);
    }
    const kept = keeping.tallies().tallies;
    const bare = notKeeping.tallies().tallies;
    expect([...bare.keys()]).toEqual([...kept.keys()]);
    for (const [cell, periods] of bare) {
      for (const [period, tally] of periods) {
        expect(tally.evidence).toEqual([]);
        expect({ ...tally, evidence: [] }).toEqual({ ...kept.get(cell)!.get(period)!, evidence: [] });
      }
    }
  });
});
