import { describe, expect, it } from "vitest";

import { flowFeatureCollection, position, type GeoPoint } from "../../src/domain/geojson.js";
import { chainLegs } from "../../src/domain/trade-analysis.js";

describe("position", () => {
  const cases: [GeoPoint | undefined, [number, number] | null][] = [
    [{ latitude: 10.5, longitude: 106.7 }, [106.7, 10.5]],
    [{ latitude: -90, longitude: 180 }, [180, -90]],
    [{ latitude: 90.1, longitude: 0 }, null],
    [{ latitude: 0, longitude: -180.5 }, null],
    [{ latitude: null, longitude: 10 }, null],
    [{ latitude: 10, longitude: undefined }, null],
    [{ latitude: Number.NaN, longitude: 10 }, null],
    [undefined, null],
  ];
  for (const [point, expected] of cases) {
    it(`${JSON.stringify(point)} → ${JSON.stringify(expected)}`, () => expect(position(point)).toEqual(expected));
  }
});

describe("flowFeatureCollection", () => {
  const points = new Map<string, GeoPoint>([
    ["KE", { latitude: 1, longitude: 38 }],
    ["CN", { latitude: 35, longitude: 105 }],
    ["AE", { latitude: 24, longitude: 54 }],
    ["XX", { latitude: null, longitude: null }],
  ]);

  it("makes one LineString per flow, [longitude, latitude], with the flow's figures as properties", () => {
    const collection = flowFeatureCollection(
      [
        { source: "KE", target: "AE", properties: { seizureCount: 3, totalWeightKg: null } },
        { source: "AE", target: "CN", properties: { seizureCount: 2, totalWeightKg: 12.5 } },
      ],
      points,
    );
    expect(collection).toEqual({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "LineString", coordinates: [[38, 1], [54, 24]] },
          properties: { source: "KE", target: "AE", seizureCount: 3, totalWeightKg: null },
        },
        {
          type: "Feature",
          geometry: { type: "LineString", coordinates: [[54, 24], [105, 35]] },
          properties: { source: "AE", target: "CN", seizureCount: 2, totalWeightKg: 12.5 },
        },
      ],
      properties: { featureCount: 2, omittedCount: 0, omitted: [] },
    });
  });

  it("leaves out and lists the flows with an end without coordinates", () => {
    const collection = flowFeatureCollection(
      [
        { source: "KE", target: "XX", properties: {} },
        { source: "ZZ", target: "CN", properties: {} },
        { source: "KE", target: "CN", properties: {} },
      ],
      points,
    );
    expect(collection.features.map((feature) => feature.properties)).toEqual([{ source: "KE", target: "CN" }]);
    expect(collection.properties).toEqual({
      featureCount: 1,
      omittedCount: 2,
      omitted: [
        { source: "KE", target: "XX" },
        { source: "ZZ", target: "CN" },
      ],
    });
  });
});

describe("chainLegs", () => {
  const leg = (from: string, to: string, seizureCount: number) => ({ from, to, seizureCount });
  const legs = [leg("MZ", "KE", 5), leg("KE", "VN", 2), leg("MZ", "ET", 4), leg("ET", "AE", 3), leg("AE", "VN", 9), leg("MZ", "VN", 1), leg("KE", "MZ", 7)];

  it("chains two or three legs, ranked by the weakest leg, without a country twice or a direct leg", () => {
    const chains = chainLegs("MZ", "VN", legs, []);
    expect(chains.map((chain) => [chain.countries.join(">"), Math.min(...chain.legs.map((l) => l.seizureCount))])).toEqual([
      ["MZ>ET>AE>VN", 3],
      ["MZ>KE>VN", 2],
    ]);
  });

  it("leaves out a chain that an observed route holds as a whole", () => {
    expect(chainLegs("MZ", "VN", legs, [["TZ", "MZ", "KE", "VN"]]).map((chain) => chain.countries.join(">"))).toEqual(["MZ>ET>AE>VN"]);
    expect(chainLegs("MZ", "VN", legs, [["MZ", "KE"]]).map((chain) => chain.countries.join(">"))).toEqual(["MZ>ET>AE>VN", "MZ>KE>VN"]);
  });

  it("goes no further than three legs", () => {
    const long = [leg("A", "B", 1), leg("B", "C", 1), leg("C", "D", 1), leg("D", "E", 1)];
    expect(chainLegs("A", "E", long, [])).toEqual([]);
    expect(chainLegs("A", "D", long, []).map((chain) => chain.countries)).toEqual([["A", "B", "C", "D"]]);
  });
});
