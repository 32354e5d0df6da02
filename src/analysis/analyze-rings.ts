import { randomBytes } from "node:crypto";

import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { BadInputError } from "../domain/errors.js";
import { MatchKind } from "../domain/match-kind.js";
import { RingRepository, type RingRecord } from "../repositories/ring.repository.js";
import { clusterRepresentatives } from "../resolution/cluster-representatives.js";
import { DecisionStore } from "../resolution/decision-store.js";
import { DEFAULT_LINK_WEIGHTS, PartyGraphBuilder, type LinkWeights, type PartyRef } from "./party-graph.js";
import { DEFAULT_DETECTION, detectRings, type RingDetectionOptions } from "./ring-detection.js";

export interface AnalyzeRingsOptions extends Partial<RingDetectionOptions> {
  /**
   * Only parties whose id starts with this prefix ('' or absent: the whole graph). Each scope keeps
   * its own latest results, so analyses of different scopes do not replace each other's.
   */
  readonly scope?: string;
  readonly weights?: Partial<LinkWeights>;
  /** Rows per page of the export queries. */
  readonly pageSize?: number;
  /**
   * The resolved view (the default): persons (and companies) joined by live SAME decisions are one
   * party, the member of the lowest id standing for the cluster; false: every record its own party.
   */
  readonly resolved?: boolean;
}

export interface AnalyzeRingsResult {
  readonly runId: string;
  readonly scope: string;
  readonly computedAt: Date;
  readonly rings: number;
  readonly parties: number;
  readonly links: number;
  readonly communities: number;
  readonly modularity: number;
  /** Identifiers left out for having more holders than weights.maxIdentifierHolders. */
  readonly skippedIdentifiers: number;
  readonly durationMs: number;
  readonly exportMs: number;
  readonly detectMs: number;
  readonly storeMs: number;
}

export const DEFAULT_PAGE_SIZE = 10_000;
export const MAX_SCOPE_LENGTH = 200;
/** Each stability run is a whole detection: ten take ten times as long. */
export const MAX_STABILITY_RUNS = 10;

/**
 * The ring analysis: exports the party graph (shared identifiers, shared shipments, officers) page
 * by page, finds the rings in process (Louvain, seeded, then trimmed; see ring-detection.ts), ranks
 * their brokers, and stores the results with the time they were computed, replacing the scope's
 * earlier results in one transaction. `npm run analyze` runs it; the rings root field reads what it
 * stored. Neo4j Community has no graph algorithms, hence the export.
 */
export async function analyzeRings(
  executor: CypherExecutor,
  registry: CypherRegistry,
  options: AnalyzeRingsOptions = {},
): Promise<AnalyzeRingsResult> {
  const settings = checked(options);
  const repository = new RingRepository(executor, registry);
  const started = performance.now();

  const represent = clusterRepresentatives(options.resolved === false ? [] : await new DecisionStore(executor).samePairs(settings.scope));
  const standing = (party: PartyRef): PartyRef => ({ ...party, id: represent(party.kind === "Person" ? MatchKind.PERSON : MatchKind.COMPANY, party.id) });
  const builder = new PartyGraphBuilder(settings.weights);
  for await (const page of repository.identifierHolders(settings.scope, settings.weights.maxIdentifierHolders, settings.pageSize)) {
    for (const holders of page) builder.addIdentifier(holders.map(standing));
  }
  for await (const page of repository.shipmentParties(settings.scope, settings.pageSize)) {
    for (const parties of page) builder.addShipment(parties.map(standing));
  }
  for await (const page of repository.officers(settings.scope, settings.pageSize)) {
    for (const [person, company] of page) builder.addOfficer(standing({ id: person, kind: "Person" }), standing({ id: company, kind: "Company" }));
  }
  const exported = performance.now();

  const detection = detectRings(builder.build(), settings.detection);
  const detected = performance.now();

  const computedAt = new Date();
  const runId = `${computedAt.getTime().toString(36)}-${randomBytes(4).toString("hex")}`;
  const rings: RingRecord[] = detection.rings.map((ring, index) => ({
    id: `${settings.scope}ring-${runId}-${index + 1}`,
    rank: index + 1,
    members: ring.members,
    quality: ring.quality,
  }));
  await repository.store(
    {
      id: `${settings.scope}rings-run-${runId}`,
      scope: settings.scope,
      computedAt,
      parameters: JSON.stringify({ ...settings.detection, weights: settings.weights }),
      durationMs: detected - started,
      partyCount: detection.parties,
      linkCount: detection.links,
      communityCount: detection.communities,
    },
    rings,
  );
  const stored = performance.now();

  return {
    runId: `${settings.scope}rings-run-${runId}`,
    scope: settings.scope,
    computedAt,
    rings: rings.length,
    parties: detection.parties,
    links: detection.links,
    communities: detection.communities,
    modularity: detection.modularity,
    skippedIdentifiers: builder.skipped,
    durationMs: stored - started,
    exportMs: exported - started,
    detectMs: detected - exported,
    storeMs: stored - detected,
  };
}

interface Settings {
  scope: string;
  detection: RingDetectionOptions;
  weights: LinkWeights;
  pageSize: number;
}

/** The options with their defaults, or a BadInputError naming the first wrong one. */
function checked(options: AnalyzeRingsOptions): Settings {
  const scope = options.scope ?? "";
  if (scope.length > MAX_SCOPE_LENGTH) throw new BadInputError("scope", `at most ${MAX_SCOPE_LENGTH} characters`);
  // Each detection option as given, or its default (an option given as undefined takes the default too).
  const detection = Object.fromEntries(
    (Object.keys(DEFAULT_DETECTION) as (keyof RingDetectionOptions)[]).map((name) => [name, options[name] ?? DEFAULT_DETECTION[name]]),
  ) as unknown as RingDetectionOptions;
  const weights: LinkWeights = { ...DEFAULT_LINK_WEIGHTS, ...options.weights };
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new BadInputError(name, `a whole number of at least ${min}`);
  };
  const between = (name: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) throw new BadInputError(name, `a number from ${min} to ${max}`);
  };
  whole("minSize", detection.minSize, 2);
  whole("smallSize", detection.smallSize, 2);
  whole("seed", detection.seed, 0);
  whole("stabilityRuns", detection.stabilityRuns, 1);
  whole("overlapMembers", detection.overlapMembers, 1);
  if (detection.stabilityRuns > MAX_STABILITY_RUNS) throw new BadInputError("stabilityRuns", `at most ${MAX_STABILITY_RUNS}`);
  whole("pageSize", pageSize, 1);
  whole("weights.maxIdentifierHolders", weights.maxIdentifierHolders, 2);
  whole("weights.hubPartners", weights.hubPartners, 1);
  between("resolution", detection.resolution, 0.01, 100);
  between("trim", detection.trim, 0, 1);
  between("insideShare", detection.insideShare, 0, 1);
  for (const name of ["closure", "density", "smallDensity", "smallClosure", "exclusiveShare", "overlapShare", "overlapTie"] as const) {
    between(name, detection[name], 0, 1);
  }
  for (const name of ["exclusiveTie", "pendantTie"] as const) between(name, detection[name], 0, 1000);
  for (const name of ["identifier", "shipment", "officer"] as const) between(`weights.${name}`, weights[name], 0, 1000);
  return { scope, detection, weights, pageSize };
}
