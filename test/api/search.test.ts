import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { readCsv } from "../import/helpers/import-context.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * The search root field over real HTTP, on a generated world with the Chinese species names
 * imported into it. Expected hits come from the generator's CSV rows and the Chinese names table,
 * read here with csv-parse and folded by a few lines of this file, not by the code under test.
 * Other test files' nodes share the database, so hits are narrowed to this world's ids.
 */
const ZH_MAPPING = path.join(projectRoot, "mappings", "species-names-zh.yaml");
const ZH_TABLE = path.join(projectRoot, "data", "species-names-zh", "species-names-zh.csv");

let api: TestApi;
let world: GeneratedWorld;
let reportDir: string;

beforeAll(async () => {
  world = await importGeneratedWorld("search", { seed: "search", shipments: 300 });
  reportDir = await mkdtemp(path.join(tmpdir(), "search-test-"));
  const report = await importFiles(world.executor, ZH_MAPPING, [ZH_TABLE], { registry: world.registry, reportDir, idPrefix: world.prefix });
  expect(report.rowsRejected).toBe(0);
  api = await startTestApi();
}, 180_000);

afterAll(async () => {
  await api?.close();
  await world?.remove();
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

interface Hit {
  id: string;
  kind: string;
  label: string;
  score: number;
  matched: string | null;
  entity: { __typename: string; id: string };
}

const SEARCH = `query ($query: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
  search(query: $query, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind label score matched entity { __typename ... on Person { id } ... on Company { id }
      ... on Place { id } ... on Country { code } ... on Species { id } ... on Identifier { id } } } }
  }
}`;

async function search(query: string, options: { kinds?: string[]; first?: number; after?: string } = {}) {
  const response = await api.post(SEARCH, { query, first: 100, ...options });
  expect(response.errors, query).toBeUndefined();
  const connection = response.data!.search;
  return {
    hits: connection.edges.map((edge: { node: Hit }) => edge.node) as Hit[],
    cursors: connection.edges.map((edge: { cursor: string }) => edge.cursor) as string[],
    totalCount: connection.totalCount as number,
    pageInfo: connection.pageInfo as { hasNextPage: boolean; endCursor: string | null },
  };
}

/** The hits of this world, in the order the API gave them. */
async function worldHits(query: string, kinds?: string[]): Promise<Hit[]> {
  return (await search(query, { kinds })).hits.filter((hit) => hit.id.startsWith(world.prefix));
}

/** Lower case without diacritics: written here, apart from the code under test. */
function plain(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

function words(text: string): string[] {
  return plain(text).split(/[^a-z0-9]+/).filter(Boolean);
}

describe("persons", () => {
  /**
   * A Vietnamese person whose name has diacritics, a family name of four letters or more (to put a
   * typo in), and whose every name word no other person's or company's name or alias has all of.
   */
  function vietnamesePerson() {
    const { persons, companies } = world.network.rows;
    const namesOf = new Map<string, string[]>([
      ...persons.map((row) => [row.id, [row.name, ...row.aliases.split(";").filter(Boolean)]] as [string, string[]]),
      ...companies.map((row) => [row.id, [row.name]] as [string, string[]]),
    ]);
    const person = persons.find((row) => {
      const parts = words(row.name);
      if (plain(row.name) === row.name.toLowerCase() || parts.length !== 3 || parts[0].length < 4) return false;
      return [...namesOf].every(([id, names]) => id === row.id || names.every((name) => !parts.every((part) => words(name).includes(part))));
    });
    if (!person) throw new Error("the generated world has no Vietnamese person with a name of its own");
    return person;
  }

  it("finds a Vietnamese name with or without diacritics, in capitals, and with a typo, ranked first", async () => {
    const person = vietnamesePerson();
    const unaccented = plain(person.name);
    const [family, ...rest] = unaccented.split(" ");
    const typo = [family.slice(0, -1) + (family.endsWith("x") ? "q" : "x"), ...rest].join(" ");
    for (const query of [person.name, unaccented, unaccented.toUpperCase(), typo]) {
      const hits = await worldHits(query);
      expect(hits[0]?.id, query).toBe(world.id(person.id));
      expect(hits[0].kind).toBe("Person");
      expect(hits[0].entity).toEqual({ __typename: "Person", id: world.id(person.id) });
      expect(hits[0].label).toBe(person.name);
      expect(plain(hits[0].matched ?? "")).toBe(unaccented);
      expect(hits[0].score).toBeGreaterThan(0);
      expect(hits[0].score).toBeLessThanOrEqual(1);
    }
  });

  it("finds a family name written without diacritics in every name that has it (Nguyen finds Nguyễn)", async () => {
    const withFamily = world.network.rows.persons.filter((row) => words(row.name).includes("nguyen"));
    expect(withFamily.length).toBeGreaterThan(0);
    const found = new Set((await worldHits("Nguyen", ["Person"])).map((hit) => hit.id));
    for (const row of withFamily) expect(found, row.name).toContain(world.id(row.id));
  });
});

describe("species", () => {
  const table = readCsv(ZH_TABLE);
  const speciesId = (scientificName: string) => world.prefix + scientificName.toLowerCase().replaceAll(" ", "-");

  it("finds species by Chinese characters, Simplified and Traditional", async () => {
    const pangolins = table.filter((row) => `${row.zhHans};${row.zhHant}`.includes("穿山甲")).map((row) => speciesId(row.scientificName));
    expect(pangolins.length).toBe(6);
    const hits = await worldHits("穿山甲", ["Species"]);
    expect(hits.map((hit) => hit.id).sort()).toEqual(pangolins.sort());
    expect(hits.every((hit) => hit.matched?.includes("穿山甲"))).toBe(true);

    expect((await worldHits("马来穿山甲"))[0]?.id).toBe(speciesId("Manis javanica"));
    expect((await worldHits("馬來穿山甲"))[0]?.id).toBe(speciesId("Manis javanica"));
    expect((await worldHits("中華穿山甲"))[0]?.id).toBe(speciesId("Manis pentadactyla"));
    expect((await worldHits("亚洲象"))[0]?.id).toBe(speciesId("Elephas maximus"));
  });

  it("finds a species by an English common name, and by a misspelt one", async () => {
    const javanica = world.network.rows.species.find((row) => row.scientificName === "Manis javanica")!;
    const english = javanica.commonNamesEn.split(";")[0];
    const hits = await worldHits(english, ["Species"]);
    expect(hits[0]?.id).toBe(world.id(javanica.id));
    expect(hits[0].matched).toBe(english);

    const pangolins = world.network.rows.species.filter((row) => /pangolin/i.test(row.commonNamesEn)).map((row) => world.id(row.id));
    const misspelt = (await worldHits("pangolni", ["Species"])).map((hit) => hit.id);
    expect(misspelt.slice(0, pangolins.length).sort()).toEqual(pangolins.sort());
  });
});

describe("identifiers", () => {
  it("finds an identifier by its value", async () => {
    const kinds = ["PHONE", "EMAIL", "ADDRESS"].filter((kind) => world.network.rows.identifiers.some((row) => row.kind === kind));
    expect(kinds).toContain("PHONE");
    for (const kind of kinds) {
      const identifier = world.network.rows.identifiers.find((row) => row.kind === kind)!;
      const hits = await worldHits(identifier.value);
      expect(hits[0]?.id, kind).toBe(world.id(identifier.id));
      expect(hits[0].kind).toBe("Identifier");
      expect(hits[0].entity.__typename).toBe("Identifier");
    }
  });

  it("finds a phone number typed with spaces, or in national form with a trunk 0", async () => {
    const phone = world.network.rows.identifiers.find((row) => row.kind === "PHONE" && row.value.startsWith("+84"));
    expect(phone).toBeDefined();
    const digits = phone!.value.slice(1);
    const spaced = `+${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
    const national = `0${digits.slice(2)}`;
    for (const query of [spaced, national]) {
      const hits = await worldHits(query, ["Identifier"]);
      expect(hits[0]?.id, query).toBe(world.id(phone!.id));
      expect(hits[0].matched).toBe(phone!.value);
    }
  });
});

describe("kinds, ranking and pages", () => {
  it("keeps only the kinds asked for", async () => {
    const company = world.network.rows.companies[0];
    const query = `${words(company.name)[0]} Nguyen`;
    for (const kinds of [["Person"], ["Company"], ["Person", "Company"]]) {
      const { hits } = await search(query, { kinds });
      for (const hit of hits) expect(kinds).toContain(hit.kind);
      expect(new Set(hits.map((hit) => hit.kind))).toEqual(new Set(kinds));
    }
  });

  it("ranks by score, ties by id", async () => {
    const { hits } = await search("Nguyen Van");
    for (let i = 1; i < hits.length; i++) {
      const [before, after] = [hits[i - 1], hits[i]];
      expect(before.score > after.score || (before.score === after.score && before.id < after.id), `${i}`).toBe(true);
    }
  });

  it("pages without overlap, joining to the whole ranked list, with its totalCount", async () => {
    const whole = await search("穿山甲", { kinds: ["Species"] });
    expect(whole.totalCount).toBe(whole.hits.length);
    expect(whole.hits.length).toBeGreaterThanOrEqual(6);
    const pages: Hit[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const next = await search("穿山甲", { kinds: ["Species"], first: 2, after });
      expect(next.totalCount).toBe(whole.totalCount);
      expect(next.hits.length).toBeLessThanOrEqual(2);
      pages.push(...next.hits);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor!;
    }
    expect(pages.map((hit) => hit.id)).toEqual(whole.hits.map((hit) => hit.id));
  });
});

describe("bad input", () => {
  async function badInput(variables: Record<string, unknown>): Promise<string | undefined> {
    const response = await api.post(SEARCH, variables);
    expect(response.data?.search ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    return response.errors![0].extensions!.argument;
  }

  it("names the argument at fault", async () => {
    expect(await badInput({ query: "" })).toBe("query");
    expect(await badInput({ query: "   " })).toBe("query");
    expect(await badInput({ query: "x".repeat(201) })).toBe("query");
    expect(await badInput({ query: "*" })).toBe("query");
    expect(await badInput({ query: "()~" })).toBe("query");
    expect(await badInput({ query: "tiger", kinds: ["Seizure"] })).toBe("kinds");
    expect(await badInput({ query: "tiger", kinds: [] })).toBe("kinds");
    expect(await badInput({ query: "tiger", first: 0 })).toBe("first");
    expect(await badInput({ query: "tiger", first: 101 })).toBe("first");
    expect(await badInput({ query: "tiger", after: "not a cursor" })).toBe("after");
  });

  it("refuses a cursor of another list or of another search", async () => {
    const persons = await api.post(`{ persons(first: 1) { edges { cursor } } }`);
    const listCursor = persons.data!.persons.edges[0].cursor as string;
    expect(await badInput({ query: "tiger", after: listCursor })).toBe("after");
    const { cursors } = await search("穿山甲", { first: 1 });
    expect(await badInput({ query: "象", after: cursors[0] })).toBe("after");
  });

  it("never reads the query as Lucene syntax", async () => {
    const person = world.network.rows.persons[0];
    for (const query of [
      "a AND (b", '"unclosed', "name:x", "x~", "x^", "x\\", "OR", "NOT x", "[a TO b]", "a && b || !c", "/regex/",
      "{x}", "-x", "+x", "x?", "x*", "x:*", `${person.name} ("`,
    ]) {
      const response = await api.post(SEARCH, { query });
      expect(response.errors, query).toBeUndefined();
    }
    // The person is still found when their name comes with syntax characters.
    expect((await worldHits(`${person.name} ("`))[0]?.id).toBe(world.id(person.id));
  });
});
