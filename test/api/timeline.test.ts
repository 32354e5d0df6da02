import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * `timeline` over a generated network. A person's expected events are worked out here from the
 * generator's CSV rows (parties, shipments, seizures, arrests, officers, companies), each with the
 * rows of the file that tie it to the person, and put in the documented order. Each event once: rows
 * giving the same kind, date, entity and detail are one event with every role and every row.
 */
let api: TestApi;
let world: GeneratedWorld;

/** One row's event, before the rows of one event are gathered. */
interface Stated {
  date: string;
  kind: string;
  entity: string;
  role: string | null;
  detail?: string | null;
  row: number | null;
}

interface Expected {
  date: string;
  kind: string;
  entity: string;
  roles: string[];
  detail: string | null;
  rows: (number | null)[];
}

const RANK: Record<string, number> = { COMPANY_INCORPORATED: 0, SHIPMENT_DEPARTED: 1, SEIZURE: 2, ARREST: 3, CONVICTION: 4 };

const QUERY = `query($id: ID!, $from: LocalDate, $to: LocalDate, $first: Int) {
  timeline(id: $id, from: $from, to: $to, first: $first) {
    date kind title roles detail
    entity { id kind label }
    citations { row source { id } }
  }
}`;

beforeAll(async () => {
  [api, world] = await Promise.all([startTestApi(), importGeneratedWorld("timeline", { seed: "paths", shipments: 300 })]);
}, 420_000);

afterAll(async () => {
  await world?.remove();
  await api?.close();
});

/** Rows' events gathered into events (roles and rows distinct and sorted), in the documented order. */
function ordered(stated: Stated[]): Expected[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const events = new Map<string, Expected>();
  for (const one of stated.filter((event) => event.date !== "")) {
    const detail = one.detail ?? null;
    const key = JSON.stringify([one.date, one.kind, one.entity, detail]);
    const event = events.get(key) ?? { date: one.date, kind: one.kind, entity: one.entity, roles: [], detail, rows: [] };
    if (one.role !== null && !event.roles.includes(one.role)) event.roles.push(one.role);
    if (!event.rows.includes(one.row)) event.rows.push(one.row);
    events.set(key, event);
  }
  return [...events.values()]
    .map((event) => ({ ...event, roles: event.roles.sort(text), rows: event.rows.sort((a, b) => (a ?? 0) - (b ?? 0)) }))
    .sort((a, b) => text(a.date, b.date) || RANK[a.kind] - RANK[b.kind] || text(a.entity, b.entity) || text(a.detail ?? "", b.detail ?? ""));
}

/** A person's events from the CSV rows (generated ids), in order. Convictions are not imported (see below). */
function expectedPersonTimeline(personId: string): Expected[] {
  const { parties, shipments, seizures, arrests, officers, companies } = world.network.rows;
  const shipment = new Map(shipments.map((row) => [row.id, row]));
  const company = new Map(companies.map((row) => [row.id, row]));
  const seizureDate = new Map(seizures.map((row) => [row.id, row.date]));
  const events: Stated[] = [];
  parties.forEach((party, i) => {
    if (party.partyId !== personId) return;
    events.push({ date: shipment.get(party.shipmentId)!.departedOn, kind: "SHIPMENT_DEPARTED", entity: party.shipmentId, role: party.role, row: i + 1 });
    seizures.forEach((seized, j) => {
      if (seized.shipmentId === party.shipmentId) events.push({ date: seized.date, kind: "SEIZURE", entity: seized.id, role: party.role, row: j + 1 });
    });
  });
  arrests.forEach((arrest, i) => {
    if (arrest.personId === personId) {
      events.push({ date: seizureDate.get(arrest.seizureId)!, kind: "ARREST", entity: arrest.seizureId, role: null, detail: arrest.charge || null, row: i + 1 });
    }
  });
  officers.forEach((office, i) => {
    if (office.personId === personId) {
      events.push({ date: company.get(office.companyId)!.incorporatedOn, kind: "COMPANY_INCORPORATED", entity: office.companyId, role: office.role, row: i + 1 });
    }
  });
  return ordered(events.filter((event) => event.date !== "").map((event) => ({ ...event, entity: world.id(event.entity) })));
}

function simplify(events: any[]): Expected[] {
  return events.map((event) => ({
    date: event.date,
    kind: event.kind,
    entity: event.entity.id,
    roles: event.roles,
    detail: event.detail,
    rows: event.citations.map((citation: { row: number | null }) => citation.row),
  }));
}

/** Persons with the most kinds of event: arrested, and officers where there are such. */
function busyPersons(count: number): string[] {
  const { arrests, officers } = world.network.rows;
  const arrested = new Set(arrests.map((row) => row.personId));
  const officer = new Set(officers.map((row) => row.personId));
  return [...arrested].sort((a, b) => Number(officer.has(b)) - Number(officer.has(a)) || (a < b ? -1 : 1)).slice(0, count);
}

describe("a person's timeline", () => {
  it("equals the events computed from the CSV rows, in order", async () => {
    const persons = busyPersons(5);
    expect(persons.length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    for (const person of persons) {
      const expected = expectedPersonTimeline(person);
      expected.forEach((event) => kinds.add(event.kind));
      const response = await api.post(QUERY, { id: world.id(person), first: 500 });
      expect(response.errors).toBeUndefined();
      expect(simplify(response.data!.timeline)).toEqual(expected);
    }
    expect([...kinds].sort()).toEqual(["ARREST", "COMPANY_INCORPORATED", "SEIZURE", "SHIPMENT_DEPARTED"]);
  });

  it("cites the world's source, and titles each event", async () => {
    const [person] = busyPersons(1);
    const response = await api.post(QUERY, { id: world.id(person) });
    const events = response.data!.timeline;
    const charges = new Map(world.network.rows.arrests.filter((row) => row.personId === person).map((row) => [world.id(row.seizureId), row.charge]));
    for (const event of events) {
      expect(event.citations.length).toBeGreaterThan(0);
      for (const citation of event.citations) expect(citation.source.id).toBe(world.id("generated-network"));
      expect(event.title.length).toBeGreaterThan(0);
      if (event.kind === "ARREST") {
        expect(event.detail).toBe(charges.get(event.entity.id) || null);
        expect(event.entity.kind).toBe("Seizure");
      }
    }
  });

  it("keeps the window [from, to], both ends included, and `first` the earliest", async () => {
    const person = busyPersons(5).find((id) => new Set(expectedPersonTimeline(id).map((event) => event.date)).size >= 3)!;
    const all = expectedPersonTimeline(person);
    const dates = [...new Set(all.map((event) => event.date))];
    const from = dates[1];
    const to = dates[dates.length - 2] ?? dates[1];
    const response = await api.post(QUERY, { id: world.id(person), from, to, first: 500 });
    expect(simplify(response.data!.timeline)).toEqual(all.filter((event) => event.date >= from && event.date <= to));
    const firstTwo = await api.post(QUERY, { id: world.id(person), first: 2 });
    expect(simplify(firstTwo.data!.timeline)).toEqual(all.slice(0, 2));
  });

  it("a recorded conviction is an event of its own, after the arrest", async () => {
    // The generated mappings do not load `convicted` (no boolean normaliser): record one here.
    const [person] = busyPersons(1);
    const arrest = world.network.rows.arrests.find((row) => row.personId === person)!;
    await api.driver.executeQuery(
      `MATCH (:Seizure {id: $seizure})-[a:ARRESTED]->(:Person {id: $person}) SET a.convicted = true, a.sentence = "4 years"`,
      { seizure: world.id(arrest.seizureId), person: world.id(person) },
    );
    const response = await api.post(QUERY, { id: world.id(person), first: 500 });
    const events = response.data!.timeline;
    const i = events.findIndex((event: any) => event.kind === "CONVICTION");
    expect(events[i]).toMatchObject({ entity: { id: world.id(arrest.seizureId) }, detail: "4 years", title: "Convicted: 4 years" });
    expect(events[i - 1]).toMatchObject({ kind: "ARREST", entity: { id: world.id(arrest.seizureId) } });
    expect(events.filter((event: any) => event.kind === "CONVICTION")).toHaveLength(1);
  });
});

describe("other kinds", () => {
  it("a company: its incorporation, its shipments and their seizures", async () => {
    const { parties, shipments, seizures, companies } = world.network.rows;
    const seized = new Set(seizures.map((row) => row.shipmentId));
    const companyId = parties.find((row) => row.partyKind === "Company" && seized.has(row.shipmentId))!.partyId;
    const companyRow = companies.findIndex((row) => row.id === companyId);
    const departed = new Map(shipments.map((row) => [row.id, row.departedOn]));
    const expected: Stated[] = [
      { date: companies[companyRow].incorporatedOn, kind: "COMPANY_INCORPORATED", entity: companyId, role: null, row: companyRow + 1 },
    ];
    parties.forEach((party, i) => {
      if (party.partyId !== companyId) return;
      expected.push({ date: departed.get(party.shipmentId)!, kind: "SHIPMENT_DEPARTED", entity: party.shipmentId, role: party.role, row: i + 1 });
      seizures.forEach((seizure, j) => {
        if (seizure.shipmentId === party.shipmentId) expected.push({ date: seizure.date, kind: "SEIZURE", entity: seizure.id, role: party.role, row: j + 1 });
      });
    });
    const response = await api.post(QUERY, { id: world.id(companyId), first: 500 });
    expect(response.errors).toBeUndefined();
    expect(simplify(response.data!.timeline)).toEqual(ordered(expected.map((event) => ({ ...event, entity: world.id(event.entity) }))));
  });

  it("a seized shipment: its departure, its seizure, the arrests", async () => {
    const { arrests, seizures, shipments } = world.network.rows;
    const arrest = arrests[0];
    const seizureRow = seizures.findIndex((row) => row.id === arrest.seizureId);
    const seizure = seizures[seizureRow];
    const shipmentRow = shipments.findIndex((row) => row.id === seizure.shipmentId);
    const expected: Stated[] = [
      { date: shipments[shipmentRow].departedOn, kind: "SHIPMENT_DEPARTED", entity: seizure.shipmentId, role: null, row: shipmentRow + 1 },
      { date: seizure.date, kind: "SEIZURE", entity: seizure.id, role: null, row: seizureRow + 1 },
    ];
    arrests.forEach((row, i) => {
      if (row.seizureId === seizure.id) expected.push({ date: seizure.date, kind: "ARREST", entity: row.personId, role: null, detail: row.charge || null, row: i + 1 });
    });
    const response = await api.post(QUERY, { id: world.id(seizure.shipmentId), first: 500 });
    expect(response.errors).toBeUndefined();
    const events = simplify(response.data!.timeline).filter((event) => event.kind !== "CONVICTION");
    expect(events).toEqual(ordered(expected.map((event) => ({ ...event, entity: world.id(event.entity) }))));
  });
});

describe("arguments", () => {
  it.each([
    { case: "from after to", variables: { from: "2020-01-02", to: "2020-01-01" }, argument: "from" },
    { case: "first of 0", variables: { first: 0 }, argument: "first" },
    { case: "first over 500", variables: { first: 501 }, argument: "first" },
  ])("$case: BAD_USER_INPUT naming $argument", async ({ variables, argument }) => {
    const response = await api.post(QUERY, { id: world.id(busyPersons(1)[0]), ...variables });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument });
  });

  it("a kind without a timeline (an identifier): BAD_USER_INPUT naming id", async () => {
    const response = await api.post(QUERY, { id: world.id(world.network.rows.identifiers[0].id) });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "id" });
  });

  it("an unknown id: NOT_FOUND naming id, without the id", async () => {
    const id = `${world.prefix}no-such-entity`;
    const response = await api.post(QUERY, { id });
    expect(response.errors?.[0].extensions).toEqual({ code: "NOT_FOUND", argument: "id" });
    expect(response.errors?.[0].message).not.toContain(id);
  });
});
