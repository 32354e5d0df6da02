import { afterAll, beforeAll, expect, it } from "vitest";

import { nodesByIds } from "../../src/db/queries.generated.js";
import { DatabaseUnavailableError } from "../../src/domain/errors.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * A field that reads nodes through a loader, whose one query fails while the rest of the request
 * succeeded (the database going away mid-request): the answer says so with the failure's code; it
 * never leaves the lost nodes out and answers as if the list were whole.
 */
let api: TestApi;
let failNodeLookups = false;
/** The lookup's text up to its label slot: what every label's lookup starts with. */
const NODE_LOOKUP = nodesByIds.text.slice(0, nodesByIds.text.indexOf("{{"));

beforeAll(async () => {
  api = await startTestApi({
    beforeQuery: (query) => {
      if (failNodeLookups && query.startsWith(NODE_LOOKUP)) throw new DatabaseUnavailableError();
    },
  });
});

afterAll(async () => {
  await api?.close();
});

const FIELDS: Record<string, string> = {
  "routes' evidence": `{ routes(from: "NG", to: "VN") { observed { evidence { id } } } }`,
  "flows' countries": `{ flows { nodes { id } links { source target } } }`,
  "transit hubs' countries": `{ transitHubs(origins: ["NG"]) { country { name } place { name } } }`,
};

it.each(Object.entries(FIELDS))("%s: a failed lookup fails the field with its code, never a shorter list", async (_name, query) => {
  const whole = await api.post(query);
  expect(whole.errors).toBeUndefined();
  expect(JSON.stringify(whole.data).length, "the fixture gives this field something to look up").toBeGreaterThan(40);

  failNodeLookups = true;
  try {
    const failed = await api.post(query);
    expect(failed.errors?.map((error) => error.extensions?.code)).toContain("DATABASE_UNAVAILABLE");
    expect(failed.data, "no answer that looks whole").not.toEqual(whole.data);
  } finally {
    failNodeLookups = false;
  }
});
