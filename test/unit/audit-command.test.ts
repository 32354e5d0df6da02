import { createHmac } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { runAuditCli, type CommandOutput } from "../../src/audit/audit-command.js";
import { openAuditTrail } from "../../src/audit/audit-trail.js";
import { Role } from "../../src/auth/role.js";

/** `npm run audit -- verify | hash` on a trail file of its own. */
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "audit-command-"));
  file = path.join(dir, "audit-log.jsonl");
  const trail = await openAuditTrail({ path: file, retentionDays: 365 });
  for (const name of ["A", "B", "C"]) {
    await trail.record({ subject: "token:cli", role: Role.ADMIN, operationName: name, query: "{ __typename }", variables: {}, disclosed: [] });
  }
  await trail.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], input = ""): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandOutput = { out: (line) => void out.push(line), err: (line) => void err.push(line), input: async () => input };
  return { code: await runAuditCli(argv, io), out, err };
}

describe("npm run audit", () => {
  test("verify prints the head of a sound chain and exits 0", async () => {
    const last = JSON.parse((await readFile(file, "utf8")).trim().split("\n").at(-1)!) as { hash: string };
    expect(await run(["verify", "--file", file])).toEqual({
      code: 0,
      out: [`valid: 3 records; head seq 3 hash ${last.hash}`],
      err: [],
    });
  });

  test("verify names the first bad line and exits 1", async () => {
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    const copy = path.join(dir, "edited.jsonl");
    await writeFile(copy, `${[lines[0], lines[1], lines[3]].join("\n")}\n`);
    const result = await run(["verify", "--file", copy]);
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe("broken at line 3 (index 2): the record's previousHash is not the hash of the record before it");
  });

  test("hash prints the hmac a String variable with that value is recorded as", async () => {
    const key = Buffer.from((await readFile(`${file}.key`, "utf8")).trim(), "hex");
    const expected = `hmac:${createHmac("sha256", key).update(JSON.stringify("+84912000111")).digest("hex")}`;
    expect(await run(["hash", "--file", file], "+84912000111\n")).toEqual({ code: 0, out: [expected], err: [] });
  });

  test("a missing file or an unknown command exits 2", async () => {
    expect((await run(["verify", "--file", path.join(dir, "none.jsonl")])).code).toBe(2);
    expect((await run(["rewrite"])).code).toBe(2);
  });
});
