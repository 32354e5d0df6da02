import { describe, expect, it } from "vitest";

import { MatchKind } from "../../src/domain/match-kind.js";
import { clusterRepresentatives, type SamePair } from "../../src/resolution/cluster-representatives.js";

const person = (a: string, b: string): SamePair => ({ kind: MatchKind.PERSON, a, b });

describe("clusterRepresentatives", () => {
  it("gives every member of a cluster its lowest id, in any order of the pairs", () => {
    const pairs = [person("p-5", "p-3"), person("p-9", "p-5"), person("p-7", "p-8")];
    for (const order of [pairs, [...pairs].reverse(), [pairs[1]!, pairs[2]!, pairs[0]!]]) {
      const stand = clusterRepresentatives(order);
      expect(["p-3", "p-5", "p-9", "p-7", "p-8"].map((id) => stand(MatchKind.PERSON, id))).toStrictEqual(["p-3", "p-3", "p-3", "p-7", "p-7"]);
    }
  });

  it("leaves an entity in no cluster to itself, and keeps kinds apart", () => {
    const stand = clusterRepresentatives([person("x-2", "x-1"), { kind: MatchKind.COMPANY, a: "x-2", b: "x-3" }]);
    expect(stand(MatchKind.PERSON, "x-2")).toBe("x-1");
    expect(stand(MatchKind.COMPANY, "x-2")).toBe("x-2");
    expect(stand(MatchKind.COMPANY, "x-3")).toBe("x-2");
    expect(stand(MatchKind.PERSON, "x-9")).toBe("x-9");
  });

  it("joins clusters a later pair bridges, and survives a cycle", () => {
    const stand = clusterRepresentatives([person("b", "c"), person("d", "e"), person("e", "a"), person("c", "e"), person("a", "d")]);
    expect(["a", "b", "c", "d", "e"].map((id) => stand(MatchKind.PERSON, id))).toStrictEqual(["a", "a", "a", "a", "a"]);
  });
});
