import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { openAuditTrail, type AuditTrail } from "../../src/audit/audit-trail.js";
import { verifyFile } from "../../src/audit/verify.js";
import type { AuditRecord } from "../../src/audit/audit-record.js";
import { Role } from "../../src/auth/role.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * The audit trail over real HTTP: each operation is in the trail file the moment its response
 * arrives (read at once, without waiting), failed ones too; the chain verifies; personal values
 * are not in the file; auditLog is for ADMIN; a trail that cannot write withholds the answer.
 * Expected values come from the fixture graph (cypher/seed/fixture.cypher) and from hashes
 * computed here with node:crypto.
 */
const PERSON_ID = "fixture-person-1";
const PERSON_NAME = "Nguyễn Văn An";
const PHONE = "+84912000111";


let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
}, 180_000);

afterAll(async () => {
  await api?.close();
});

/** The trail file's lines, read synchronously: what is on disk right now. */
function linesNow(file = api.config.audit.path): string[] {
  return readFileSync(file, "utf8").split("\n").filter((line) => line !== "");
}

function recordsNow(file?: string): AuditRecord[] {
  return linesNow(file)
    .map((line) => JSON.parse(line) as AuditRecord)
    .filter((line) => line.kind === "operation");
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function hmacOf(value: unknown): Promise<string> {
  const key = Buffer.from((await readFile(`${api.config.audit.path}.key`, "utf8")).trim(), "hex");
  return `hmac:${createHmac("sha256", key).update(JSON.stringify(value)).digest("hex")}`;
}

/** Posts and returns the response with the records the trail file gained, read the moment it arrived. */
async function postAndRead(query: string, variables?: Record<string, unknown>, as: Role = Role.ADMIN) {
  const before = recordsNow().length;
  const response = await api.post(query, variables, as);
  const added = recordsNow().slice(before);
  return { response, added };
}

const PERSON = `query PersonById($id: ID!) { person(id: $id) { id name } }`;

describe("every operation is recorded before its response is sent", () => {
  test("a lookup: who, role, method, operation name, the query's SHA-256, hashed variables", async () => {
    const { response, added } = await postAndRead(PERSON, { id: PERSON_ID }, Role.INVESTIGATOR);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person).toEqual({ id: PERSON_ID, name: PERSON_NAME });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      subject: "token:test-investigator",
      role: "INVESTIGATOR",
      method: "token",
      operationName: "PersonById",
      queryHash: sha256(PERSON),
      variables: { id: await hmacOf(PERSON_ID) },
      errorCodes: [],
    });
    expect(Date.now() - Date.parse(added[0].at)).toBeLessThan(60_000);
  });

  test("the response waits for its record: a slow write delays the response, it never overtakes it", async () => {
    const trail = api.security.audit as AuditTrail;
    const record = trail.record.bind(trail);
    trail.record = async (entry) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return record(entry);
    };
    try {
      const started = Date.now();
      const { response, added } = await postAndRead(`query Slow { __typename }`, undefined, Role.PUBLIC);
      expect(response.data).toEqual({ __typename: "Query" });
      expect(added.map((stored) => stored.operationName)).toEqual(["Slow"]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      delete (trail as Partial<AuditTrail>).record;
    }
  });

  test("the persons and companies a response shows are recorded by id", async () => {
    const { response, added } = await postAndRead(PERSON, { id: PERSON_ID }, Role.INVESTIGATOR);
    expect(response.data?.person?.id).toBe(PERSON_ID);
    expect(added[0].disclosed).toEqual([`Person:${PERSON_ID}`]);

    const companies = await postAndRead(`{ companies(first: 3) { edges { node { id } } } }`, undefined, Role.ANALYST);
    const ids = (companies.response.data?.companies.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(companies.added[0].disclosed).toEqual(ids.map((id) => `Company:${id}`).sort());
  });

  test.each([
    { name: "FORBIDDEN", query: `query Trail { auditLog(first: 1) { totalCount } }`, as: Role.INVESTIGATOR, code: "FORBIDDEN", operationName: "Trail" },
    { name: "a validation error", query: `query Nope { noSuchField }`, as: Role.ADMIN, code: "GRAPHQL_VALIDATION_FAILED", operationName: "Nope" },
    { name: "a parse error", query: `query {`, as: Role.PUBLIC, code: "GRAPHQL_PARSE_FAILED", operationName: null },
    { name: "a bad argument", query: `{ persons(first: 1000) { totalCount } }`, as: Role.INVESTIGATOR, code: "BAD_USER_INPUT", operationName: null },
  ])("a failed operation is recorded too: $name", async ({ query, as, code, operationName }) => {
    const { response, added } = await postAndRead(query, undefined, as);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ role: as, operationName, queryHash: sha256(query), errorCodes: [code], disclosed: [] });
  });
});

describe("personal values are not stored in clear", () => {
  test("a name inline in the query and a phone number in a variable appear only as hashes", async () => {
    const query = `query Find($phone: String!, $first: Int) {
      byName: search(query: "${PERSON_NAME}", first: $first) { totalCount }
      byPhone: search(query: $phone, first: $first) { totalCount }
    }`;
    const { response, added } = await postAndRead(query, { phone: PHONE, first: 5 }, Role.INVESTIGATOR);
    expect(response.errors).toBeUndefined();
    expect(response.data?.byName.totalCount).toBeGreaterThan(0);
    expect(added[0].variables).toEqual({ phone: await hmacOf(PHONE), first: 5 });
    expect(added[0].queryHash).toBe(sha256(query));

    const text = await readFile(api.config.audit.path, "utf8");
    for (const personal of [PERSON_NAME, "Nguyen Van An", "Văn An", PHONE, "84912000111", "0912 000 111"]) {
      expect(text.includes(personal), personal).toBe(false);
    }
  });
});

describe("auditLog", () => {
  const LOG = `query Log($first: Int, $after: String, $subject: String, $disclosed: String) {
    auditLog(first: $first, after: $after, subject: $subject, disclosed: $disclosed) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { seq at subject role method operationName queryHash variables disclosed errorCodes previousHash hash } }
    }
  }`;

  test.each([Role.PUBLIC, Role.ANALYST, Role.INVESTIGATOR])("is FORBIDDEN for %s", async (role) => {
    const response = await api.post(LOG, { first: 5 }, role);
    expect(response.data?.auditLog ?? null).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  test("gives ADMIN the records as the file holds them, newest first, paged and filtered", async () => {
    await api.post(PERSON, { id: PERSON_ID }, Role.INVESTIGATOR);
    const stored = recordsNow().reverse();
    const first = await api.post(LOG, { first: 3 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.auditLog;
    expect(page.totalCount).toBe(stored.length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      stored.slice(0, 3).map(({ kind: _kind, ...record }) => ({ ...record, variables: JSON.stringify(record.variables) })),
    );

    const second = await api.post(LOG, { first: 3, after: page.pageInfo.endCursor });
    expect(second.data!.auditLog.edges.map((edge: { node: { seq: number } }) => edge.node.seq)).toEqual(
      stored.slice(3, 6).map((record) => record.seq),
    );

    const bySubject = await api.post(LOG, { first: 100, subject: "token:test-investigator" });
    const expectedSeqs = recordsNow()
      .filter((record) => record.subject === "token:test-investigator")
      .map((record) => record.seq)
      .reverse();
    expect(bySubject.data!.auditLog.edges.map((edge: { node: { seq: number } }) => edge.node.seq)).toEqual(expectedSeqs);

    const byPerson = await api.post(LOG, { first: 100, disclosed: `Person:${PERSON_ID}` });
    expect(byPerson.data!.auditLog.totalCount).toBe(recordsNow().filter((record) => record.disclosed.includes(`Person:${PERSON_ID}`)).length);
  });

  test("refuses a cursor it did not give", async () => {
    const response = await api.post(LOG, { first: 3, after: "bm90LWEtY3Vyc29y" });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "after" });
  });
});

describe("the chain", () => {
  test("verifies, as the file and as the running trail", async () => {
    const lines = linesNow();
    expect(lines.length).toBeGreaterThan(10);
    expect(await verifyFile(api.config.audit.path)).toMatchObject({ valid: true, records: lines.length - 1, firstBadIndex: null });
    expect(await api.security.audit.verify()).toMatchObject({ valid: true, firstBadIndex: null });
  });

  test("an edited copy of the file is found out at the edited line", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "audit-copy-"));
    try {
      const lines = linesNow();
      const copy = path.join(dir, "copy.jsonl");
      const edited = [...lines];
      edited[2] = edited[2].replace(/"subject":"[^"]+"/, '"subject":"token:mallory"');
      expect(edited[2]).not.toBe(lines[2]);
      await writeFile(copy, `${edited.join("\n")}\n`);
      expect(await verifyFile(copy)).toMatchObject({ valid: false, firstBadIndex: 2, records: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("fail closed", () => {
  test.each([
    { name: "the trail is closed", breakTrail: (broken: TestApi) => broken.security.audit.close() },
    { name: "the trail file was deleted", breakTrail: (broken: TestApi) => unlink(broken.config.audit.path) },
  ])("when the trail cannot record ($name), the response carries no data, only AUDIT_UNAVAILABLE", async ({ breakTrail }) => {
    const closedApi = await startTestApi();
    try {
      await breakTrail(closedApi);
      const response = await fetch(closedApi.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await closedApi.token(Role.INVESTIGATOR)}` },
        body: JSON.stringify({ query: PERSON, variables: { id: PERSON_ID } }),
      });
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: "AUDIT_UNAVAILABLE" } }],
      });
      expect(text).not.toContain(PERSON_NAME);
    } finally {
      await closedApi.close();
    }
  }, 120_000);
});

describe("retention", () => {
  test("records older than AUDIT_RETENTION_DAYS are removed when the trail opens; the rest verifies", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "audit-retention-"));
    const file = path.join(dir, "audit-log.jsonl");
    try {
      const old = await openAuditTrail({ path: file, retentionDays: 30 }, { now: () => new Date("2020-01-01T00:00:00Z") });
      for (let i = 0; i < 3; i++) {
        await old.record({ subject: "token:old", role: Role.ADMIN, operationName: `Old${i}`, query: "{ __typename }", variables: {}, disclosed: [] });
      }
      await old.close();
      const lastOld = JSON.parse(linesNow(file).at(-1)!) as AuditRecord;

      const retainingApi = await startTestApi({ env: { AUDIT_LOG_PATH: file, AUDIT_RETENTION_DAYS: "30" } });
      try {
        await retainingApi.post(`query Fresh { __typename }`, undefined, Role.PUBLIC);
        const lines = linesNow(file).map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(lines.map((line) => line.operationName ?? line.kind)).toEqual(["anchor", "Fresh"]);
        expect(lines[0]).toMatchObject({ firstSeq: 4, previousHash: lastOld.hash });
        expect(lines[1]).toMatchObject({ seq: 4, previousHash: lastOld.hash });
        expect(await verifyFile(file)).toMatchObject({ valid: true, records: 1 });
      } finally {
        await retainingApi.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
