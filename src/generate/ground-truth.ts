import { RelType } from "../domain/graph-schema.js";
import { isoDate, PERIOD } from "./dates.js";
import type { DoubleSet } from "./duplicates.js";
import type { IdSpace } from "./ids.js";
import { holderId, type Plan } from "./plan.js";
import type { PathNode } from "./paths.js";
import type { Member, MemberRole } from "./rings.js";
import type { HubCounts } from "./write-shipments.js";

/** What `ground-truth.json` holds; `README.md` documents each field. */
export interface GroundTruth {
  readonly generator: string;
  readonly seed: string;
  readonly shipments: number;
  readonly idPrefix: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly files: Record<string, number>;
  readonly summary: {
    readonly rings: number;
    readonly ringMembers: number;
    readonly brokers: number;
    readonly plantedPaths: number;
    readonly ringShipments: number;
    readonly seizedShipments: number;
    readonly sharedIdentifiers: number;
    /** Only when duplicates were asked for: clusters of persons and companies, and records beyond the originals. */
    readonly duplicateClusters?: number;
    readonly duplicateRecords?: number;
    /** Only when ring variants were asked for: small rings, shared brokers and single-link members planted. */
    readonly smallRings?: number;
    readonly sharedBrokers?: number;
    readonly singleLinkMembers?: number;
  };
  readonly rings: readonly GroundTruthRing[];
  readonly brokers: readonly {
    readonly id: string;
    readonly ring: string;
    readonly bridges: readonly [string, string];
    readonly via: string;
    /** A shared broker (`--shared-brokers`): a full member of both rings of `bridges`; present only then. */
    readonly memberOfBoth?: true;
  }[];
  readonly plantedPaths: readonly GroundTruthPath[];
  readonly identifierSharers: Readonly<Record<string, { readonly purpose: string; readonly holders: readonly string[] }>>;
  readonly noiseLinks: readonly { readonly ring: string; readonly member: string; readonly outsider: string; readonly identifier: string }[];
  readonly hubs: {
    readonly places: readonly { readonly id: string; readonly stops: number }[];
    readonly species: readonly { readonly id: string; readonly lines: number }[];
    readonly forwarders: readonly { readonly id: string; readonly shipments: number }[];
  };
  /** Only when duplicates were asked for (`--duplicates`), so that runs without them keep their bytes. */
  readonly duplicates?: GroundTruthDuplicates;
}

/** One real entity written as several records: the original first, then its doubles. */
export interface DuplicateCluster {
  readonly id: string;
  readonly members: readonly { readonly id: string; readonly variant: string; readonly sharesIdentifier: boolean }[];
}

export interface GroundTruthDuplicates {
  readonly share: number;
  readonly persons: readonly DuplicateCluster[];
  readonly companies: readonly DuplicateCluster[];
}

export interface GroundTruthRing {
  readonly id: string;
  readonly corridor: string;
  readonly members: readonly {
    readonly id: string;
    readonly kind: string;
    readonly role: MemberRole;
    readonly exposed: boolean;
    /** Duplicate records of the member (same entity, other nodes); present only when there are some. */
    readonly doubles?: readonly string[];
    /** A single-link member (`--single-link-members`): tied to the ring only through `handler`'s shipments; present only then. */
    readonly singleLink?: { readonly handler: string; readonly shipments: number };
  }[];
  /** A small ring (`--small-rings`); present only then. */
  readonly small?: true;
  readonly brokers: readonly string[];
  readonly sharedIdentifiers: readonly string[];
  readonly focusSpecies: readonly string[];
  readonly active: { readonly from: string; readonly to: string };
  readonly shipments: number;
  readonly shipmentsWithOutsiders: number;
}

export interface GroundTruthPath {
  readonly from: string;
  readonly to: string;
  readonly fromRing: string;
  readonly toRing: string;
  readonly length: number;
  /** The relationship types under which this is the only shortest path between its ends. */
  readonly uniqueUnder: readonly RelType[];
  readonly nodes: readonly { readonly id: string; readonly label: string }[];
  readonly edges: readonly { readonly type: RelType; readonly from: string; readonly to: string }[];
}

export const GENERATOR_VERSION = "mekong-synthetic-network/1";

/** Every relationship type but SOURCED_FROM (provenance links everything to the one Source). */
const ALL_BUT_PROVENANCE = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom);
const PARTY_LINKS = [RelType.HasIdentifier, RelType.OfficerOf, RelType.PartyTo];

function top<T>(entries: [string, number][], count: number, shape: (id: string, value: number) => T): T[] {
  return entries
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, count)
    .map(([id, value]) => shape(id, value));
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildGroundTruth(plan: Plan, files: Record<string, number>, counts: HubCounts): GroundTruth {
  const memberId = (member: Member): string =>
    member.kind === "Person" ? plan.personIds.id(member.logical) : plan.companyIds.id(member.logical);
  const ringId = (index: number): string => plan.rings[index].id;
  const doublesOf = (member: Member): string[] =>
    member.kind === "Person"
      ? plan.duplicates.persons.of(member.logical).map((double) => plan.personIds.id(double.logical))
      : plan.duplicates.companies.of(member.logical).map((double) => plan.companyIds.id(double.logical));

  const rings: GroundTruthRing[] = plan.rings.map((ring) => ({
    id: ring.id,
    ...(ring.small ? { small: true as const } : {}),
    corridor: ring.corridor.id,
    members: ring.members
      .map((member) => {
        const doubles = doublesOf(member).sort();
        const link = ring.singleLinks.find((entry) => entry.member === member);
        return {
          id: memberId(member),
          kind: member.kind,
          role: member.role,
          exposed: member.exposed,
          ...(doubles.length > 0 ? { doubles } : {}),
          ...(link ? { singleLink: { handler: memberId(link.handler), shipments: link.shipments } } : {}),
        };
      })
      .sort(byId),
    brokers: ring.byRole.BROKER.map(memberId).sort(),
    sharedIdentifiers: [...ring.sharedIdentifierIds].sort(),
    focusSpecies: ring.focusSpecies.map((species) => species.id),
    active: { from: isoDate(ring.window[0]), to: isoDate(ring.window[1]) },
    shipments: ring.shipments,
    shipmentsWithOutsiders: ring.externalShipments,
  }));

  const brokers = plan.rings
    .flatMap((ring) => ring.bridgesOut)
    .map((bridge) => ({
      id: memberId(bridge.broker),
      ring: ringId(bridge.fromRing),
      bridges: [ringId(bridge.fromRing), ringId(bridge.toRing)] as [string, string],
      via: bridge.identifierId,
      ...(bridge.shipmentSlot < 0 ? { memberOfBoth: true as const } : {}),
    }))
    .sort(byId);

  const nodeRef = (node: PathNode): { id: string; label: string } => {
    switch (node.kind) {
      case "Person":
        return { id: plan.personIds.id(node.logical), label: "Person" };
      case "Company":
        return { id: plan.companyIds.id(node.logical), label: "Company" };
      case "Identifier":
        return { id: node.id, label: "Identifier" };
      case "Shipment":
        return { id: `${plan.prefix}shipment-${node.index + 1}`, label: "Shipment" };
    }
  };
  const plantedPaths: GroundTruthPath[] = plan.paths.map((path) => {
    const nodes = path.nodes.map(nodeRef);
    return {
      from: nodes[0].id,
      to: nodes[nodes.length - 1].id,
      fromRing: ringId(path.fromRing),
      toRing: ringId(path.toRing),
      length: path.length,
      uniqueUnder: path.length === 2 ? ALL_BUT_PROVENANCE : PARTY_LINKS,
      nodes,
      edges: path.edges.map((edge) => ({ type: edge.type, from: nodes[edge.from].id, to: nodes[edge.to].id })),
    };
  });

  const identifierSharers: Record<string, { purpose: string; holders: string[] }> = {};
  const shared = [...plan.holdings.all].filter((entry) => entry.holders.length > 1).sort((a, b) => (a.value.id < b.value.id ? -1 : 1));
  for (const entry of shared) {
    identifierSharers[entry.value.id] = { purpose: entry.purpose, holders: entry.holders.map((key) => holderId(plan, key)).sort() };
  }

  const noiseLinks = plan.noiseLinks.map((link) => ({
    ring: link.ring.id,
    member: memberId(link.member),
    outsider: holderId(plan, link.outsider),
    identifier: link.identifierId,
  }));

  const duplicates = plan.duplicates.share > 0 ? duplicateClusters(plan) : null;
  const duplicateSummary = duplicates
    ? {
        duplicateClusters: duplicates.persons.length + duplicates.companies.length,
        duplicateRecords: plan.duplicates.persons.size + plan.duplicates.companies.size,
      }
    : {};

  const { variants } = plan;
  const variantSummary =
    variants.smallRings + variants.sharedBrokers + variants.singleLinkMembers > 0
      ? {
          smallRings: plan.rings.filter((ring) => ring.small).length,
          sharedBrokers: brokers.filter((broker) => broker.memberOfBoth).length,
          singleLinkMembers: plan.rings.reduce((sum, ring) => sum + ring.singleLinks.length, 0),
        }
      : {};

  return {
    generator: GENERATOR_VERSION,
    seed: plan.seed,
    shipments: plan.shipments,
    idPrefix: plan.prefix,
    period: { from: isoDate(PERIOD.from), to: isoDate(PERIOD.to) },
    files,
    summary: {
      rings: rings.length,
      ringMembers: rings.reduce((sum, ring) => sum + ring.members.length, 0),
      brokers: brokers.length,
      plantedPaths: plantedPaths.length,
      ringShipments: counts.ringShipments,
      seizedShipments: counts.seizedShipments,
      sharedIdentifiers: shared.length,
      ...duplicateSummary,
      ...variantSummary,
    },
    rings,
    brokers,
    plantedPaths,
    identifierSharers,
    noiseLinks,
    hubs: {
      places: top([...counts.placeStops.entries()], 10, (id, stops) => ({ id, stops })),
      species: top([...counts.speciesLines.entries()], 10, (id, lines) => ({ id, lines })),
      forwarders: top(
        counts.forwarderShipments.map((shipments, hub) => [plan.companyIds.id(plan.companies.length + hub), shipments] as [string, number]),
        10,
        (id, shipments) => ({ id, shipments }),
      ),
    },
    ...(duplicates ? { duplicates } : {}),
  };
}

/** Clusters by the original's id; in each, the original first, then its doubles by id. */
function duplicateClusters(plan: Plan): GroundTruthDuplicates {
  const clusters = <Double extends { logical: number; original: number; variant: string; sharesIdentifier: boolean }>(
    set: DoubleSet<Double>,
    ids: IdSpace,
  ): DuplicateCluster[] =>
    set
      .originals()
      .map((original) => {
        const doubles = set.of(original);
        const members = doubles
          .map((double) => ({ id: ids.id(double.logical), variant: double.variant, sharesIdentifier: double.sharesIdentifier }))
          .sort(byId);
        const head = { id: ids.id(original), variant: "original", sharesIdentifier: doubles.some((double) => double.sharesIdentifier) };
        return { id: head.id, members: [head, ...members] };
      })
      .sort(byId);
  return {
    share: plan.duplicates.share,
    persons: clusters(plan.duplicates.persons, plan.personIds),
    companies: clusters(plan.duplicates.companies, plan.companyIds),
  };
}
