import { createHash } from "node:crypto";
import { appendFile, mkdtemp, readFile, rename, rm, truncate, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { openAuditTrail, type AuditEntryInput, type AuditLogFile } from "../../src/audit/audit-trail.js";
import { verifyFile } from "../../src/audit/verify.js";
import { Role } from "../../src/auth/role.js";

/**
 * The trail file on its own: the hash chain, what verification finds when lines are edited,
 * removed, moved or added, retention, concurrent appends, recovery. Hashes are checked against a
 * canonical JSON written here (sorted keys, no spaces) rather than the code's own.
 */

let dir: string;
let file: string;
let clock: Date;
const trails: AuditLogFile[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "audit-unit-"));
  file = path.join(dir, "trail", "audit-log.jsonl");
  clock = new Date("2024-01-01T00:00:00.000Z");
});

afterEach(async () => {
  for (const trail of trails.splice(0)) await trail.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(retentionDays = 365): Promise<AuditLogFile> {
  const trail = await openAuditTrail({ path: file, retentionDays }, { now: () => clock });
  trails.push(trail);
  return trail;
}

function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    subject: "token:alice",
    role: Role.INVESTIGATOR,
    method: "token",
    operationName: "Lookup",
    query: "query Lookup { person(id: \"fixture-person-1\") { name } }",
    variables: {},
    disclosed: ["Person:fixture-person-1"],
    errorCodes: [],
    ...overrides,
  };
}

async function lines(): Promise<string[]> {
  return (await readFile(file, "utf8")).split("\n").filter((line) => line !== "");
}

async function writeLines(kept: string[]): Promise<void> {
  await writeFile(file, `${kept.join("\n")}\n`);
}

/** Sorted keys, no spaces: the canonical JSON the chain's hashes are defined over. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object).sort().map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function expectedHash(line: Record<string, unknown>): string {
  const { hash: _hash, ...fields } = line;
  return createHash("sha256").update(canonical(fields)).digest("hex");
}

async function recordSix(trail: AuditLogFile): Promise<void> {
  for (let i = 1; i <= 6; i++) await trail.record(entry({ operationName: `Op${i}` }));
}

describe("the chain", () => {
  test("a new file starts with an anchor; each record carries the previous hash and its own", async () => {
    const trail = await open();
    await recordSix(trail);
    const parsed = (await lines()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toHaveLength(7);
    expect(parsed[0]).toMatchObject({ kind: "anchor", firstSeq: 1, previousHash: "0".repeat(64) });
    for (const [index, line] of parsed.entries()) {
      expect(line.hash, `line ${index}`).toBe(expectedHash(line));
      if (index === 0) continue;
      expect(line).toMatchObject({ kind: "operation", seq: index, operationName: `Op${index}` });
      expect(line.previousHash).toBe(index === 1 ? parsed[0].previousHash : parsed[index - 1].hash);
    }
    expect(await verifyFile(file)).toEqual({
      valid: true,
      records: 6,
      firstBadIndex: null,
      reason: null,
      head: { seq: 6, hash: parsed[6].hash },
    });
    expect((await trail.verify()).valid).toBe(true);
  });

  test("a record holds who, role, when, the query's SHA-256 and the disclosed ids, never the query text", async () => {
    const trail = await open();
    const query = 'query Lookup { person(id: "fixture-person-1") { name } }';
    await trail.record(entry({ query, disclosed: ["Person:b", "Company:a", "Person:b"], errorCodes: ["FORBIDDEN"] }));
    const text = await readFile(file, "utf8");
    const record = JSON.parse((await lines())[1]) as Record<string, unknown>;
    expect(record).toMatchObject({
      seq: 1,
      at: "2024-01-01T00:00:00.000Z",
      subject: "token:alice",
      role: "INVESTIGATOR",
      method: "token",
      operationName: "Lookup",
      queryHash: createHash("sha256").update(query).digest("hex"),
      disclosed: ["Company:a", "Person:b"],
      errorCodes: ["FORBIDDEN"],
    });
    expect(text).not.toContain("fixture-person-1");
  });

  test("records that arrive together are all written, in one unbroken chain", async () => {
    const trail = await open();
    await Promise.all(Array.from({ length: 40 }, (_, i) => trail.record(entry({ operationName: `Concurrent${i}` }))));
    const records = (await lines()).slice(1).map((line) => JSON.parse(line) as { seq: number; operationName: string });
    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(records.map((record) => record.operationName).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Concurrent${i}`).sort());
    expect((await verifyFile(file)).valid).toBe(true);
  });

  test("a reopened trail continues the chain from the file's last record", async () => {
    const first = await open();
    await recordSix(first);
    await first.close();
    const second = await open();
    await second.record(entry({ operationName: "AfterRestart" }));
    const last = JSON.parse((await lines()).at(-1)!) as { seq: number };
    expect(last.seq).toBe(7);
    expect(await verifyFile(file)).toMatchObject({ valid: true, records: 7 });
  });

  test("a torn last line (a write cut short) is cut off when the trail opens", async () => {
    const first = await open();
    await recordSix(first);
    await first.close();
    await appendFile(file, '{"seq":7,"kind":"operation","at":"2024-01-0');
    const second = await open();
    await second.record(entry());
    expect(await verifyFile(file)).toMatchObject({ valid: true, records: 7 });
  });

  test("a closed trail refuses to record with AUDIT_UNAVAILABLE", async () => {
    const trail = await open();
    await trail.close();
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
  });
});

describe("fail closed: a file that is not as the writer left it is refused, not written around", () => {
  test("deleted while open: records are refused and no new chain is started", async () => {
    const trail = await open();
    await recordSix(trail);
    await unlink(file);
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
    await expect(readFile(file)).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("cut short while open: refused", async () => {
    const trail = await open();
    await recordSix(trail);
    const all = await lines();
    await truncate(file, Buffer.byteLength(`${all.slice(0, 4).join("\n")}\n`));
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
    expect(await lines()).toEqual(all.slice(0, 4));
  });

  test("written to by someone else: refused", async () => {
    const trail = await open();
    await recordSix(trail);
    await appendFile(file, "{}\n");
    await expect(trail.record(entry())).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
  });

  test("moved away and back: refused meanwhile, then the chain goes on", async () => {
    const trail = await open();
    await recordSix(trail);
    await rename(file, `${file}.moved`);
    await expect(trail.record(entry({ operationName: "Refused" }))).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
    await rename(`${file}.moved`, file);
    await trail.record(entry({ operationName: "Accepted" }));
    const last = JSON.parse((await lines()).at(-1)!) as { seq: number; operationName: string };
    expect(last).toMatchObject({ seq: 7, operationName: "Accepted" });
    expect(await trail.verify()).toMatchObject({ valid: true, records: 7 });
  });
});

describe("tampering is found at the first line that no longer verifies", () => {
  type Tamper = (lines: string[]) => string[];
  const edit = (index: number, change: (line: Record<string, unknown>) => void, rehash: boolean): Tamper => (all) => {
    const copy = [...all];
    const line = JSON.parse(copy[index]) as Record<string, unknown>;
    change(line);
    if (rehash) line.hash = expectedHash(line);
    copy[index] = JSON.stringify(line);
    return copy;
  };
  const cases: { name: string; tamper: Tamper; index: number }[] = [
    { name: "a field edited", tamper: edit(3, (line) => void (line.subject = "token:mallory"), false), index: 3 },
    { name: "a disclosed id removed", tamper: edit(4, (line) => void (line.disclosed = []), false), index: 4 },
    { name: "a field edited and the record's hash recomputed", tamper: edit(3, (line) => void (line.role = "PUBLIC"), true), index: 4 },
    { name: "a line deleted", tamper: (all) => all.filter((_, i) => i !== 3), index: 3 },
    { name: "two lines swapped", tamper: (all) => [...all.slice(0, 2), all[3], all[2], ...all.slice(4)], index: 2 },
    { name: "a line repeated", tamper: (all) => [...all.slice(0, 3), all[2], ...all.slice(3)], index: 3 },
    { name: "the first record deleted", tamper: (all) => [all[0], ...all.slice(2)], index: 1 },
    { name: "the anchor deleted", tamper: (all) => all.slice(1), index: 0 },
    { name: "the anchor edited", tamper: edit(0, (line) => void (line.firstSeq = 2), false), index: 0 },
    { name: "a line made into something else", tamper: (all) => [...all.slice(0, 5), "not json", ...all.slice(6)], index: 5 },
  ];

  test.each(cases)("$name", async ({ tamper, index }) => {
    const trail = await open();
    await recordSix(trail);
    await trail.close();
    await writeLines(tamper(await lines()));
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.firstBadIndex).toBe(index);
    expect(report.records).toBe(Math.max(index - 1, 0));
  });

  test("records cut off the end are found by the writer, which knows the last seq it wrote", async () => {
    const trail = await open();
    await recordSix(trail);
    const all = await lines();
    await writeLines(all.slice(0, -2));
    // The file alone still verifies: only a head noted elsewhere can tell.
    expect((await verifyFile(file)).valid).toBe(true);
    expect(await trail.verify()).toMatchObject({ valid: false, firstBadIndex: 5, records: 4 });
  });
});

describe("retention", () => {
  test("records older than retentionDays are removed; the new anchor keeps the chain verifiable", async () => {
    const trail = await open(10);
    await trail.record(entry({ operationName: "Old1" }));
    await trail.record(entry({ operationName: "Old2" }));
    await trail.record(entry({ operationName: "Old3" }));
    clock = new Date("2024-01-20T00:00:00.000Z");
    await trail.record(entry({ operationName: "New4" }));
    await trail.record(entry({ operationName: "New5" }));
    const before = (await lines()).map((line) => JSON.parse(line) as Record<string, unknown>);

    clock = new Date("2024-01-25T00:00:00.000Z"); // cut-off: 2024-01-15
    expect(await trail.prune()).toEqual({ removed: 3 });

    const after = (await lines()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(after.map((line) => line.operationName ?? line.kind)).toEqual(["anchor", "New4", "New5"]);
    expect(after[0]).toMatchObject({ kind: "anchor", firstSeq: 4, previousHash: before[3].hash, at: "2024-01-25T00:00:00.000Z" });
    expect(after[0].hash).toBe(expectedHash(after[0]));
    expect(after.slice(1)).toEqual(before.slice(4));
    expect(await verifyFile(file)).toMatchObject({ valid: true, records: 2, head: { seq: 5, hash: before[5].hash } });

    await trail.record(entry({ operationName: "New6" }));
    expect(await trail.verify()).toMatchObject({ valid: true, records: 3, head: { seq: 6 } });
    expect((await trail.list({ first: 10 })).records.map((record) => record.seq)).toEqual([6, 5, 4]);
  });

  test("opening a trail removes what is past retention; removing everything keeps the chain's end", async () => {
    const first = await open(10);
    await recordSix(first);
    const last = JSON.parse((await lines()).at(-1)!) as { hash: string };
    await first.close();
    clock = new Date("2024-03-01T00:00:00.000Z");
    const second = await open(10);
    expect((await lines()).map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ kind: "anchor", firstSeq: 7, previousHash: last.hash }),
    ]);
    await second.record(entry());
    expect(await verifyFile(file)).toMatchObject({ valid: true, records: 1, head: { seq: 7 } });
  });

  test("a file that does not verify is not pruned: the damage stays to be found", async () => {
    const trail = await open(10);
    await recordSix(trail);
    await trail.close();
    const tampered = await lines();
    tampered[2] = tampered[2].replace("token:alice", "token:mallory");
    await writeLines(tampered);
    clock = new Date("2024-03-01T00:00:00.000Z");
    await open(10);
    expect(await lines()).toEqual(tampered);
    expect(await verifyFile(file)).toMatchObject({ valid: false, firstBadIndex: 2 });
  });
});

describe("list", () => {
  test("newest first, paged by seq, filtered by subject and by disclosed entity", async () => {
    const trail = await open();
    await trail.record(entry({ subject: "token:alice", disclosed: ["Person:p1"] }));
    await trail.record(entry({ subject: "token:bob", disclosed: ["Company:c1"] }));
    await trail.record(entry({ subject: "token:alice", disclosed: [] }));
    await trail.record(entry({ subject: "token:alice", disclosed: ["Person:p1", "Company:c1"] }));
    const seqs = async (query: Parameters<AuditLogFile["list"]>[0]) => {
      const page = await trail.list(query);
      return { seqs: page.records.map((record) => record.seq), hasMore: page.hasMore, totalCount: page.totalCount };
    };
    expect(await seqs({ first: 2 })).toEqual({ seqs: [4, 3], hasMore: true, totalCount: 4 });
    expect(await seqs({ first: 2, beforeSeq: 3 })).toEqual({ seqs: [2, 1], hasMore: false, totalCount: 4 });
    expect(await seqs({ first: 10, subject: "token:alice" })).toEqual({ seqs: [4, 3, 1], hasMore: false, totalCount: 3 });
    expect(await seqs({ first: 10, entity: "Person:p1" })).toEqual({ seqs: [4, 1], hasMore: false, totalCount: 2 });
  });
});
