import { Field, Int, ObjectType } from "type-graphql";

import { connectionType } from "./connection.js";

@ObjectType({ description: "One GraphQL operation as the audit trail recorded it, before its response was sent." })
export class AuditRecord {
  @Field(() => Int, { description: "The record's number in the trail: 1, 2, 3, ... (retention does not renumber)." })
  seq: number;

  @Field(() => String, { description: "When it was recorded: an ISO 8601 instant in UTC." })
  at: string;

  @Field(() => String, { description: "Who asked: `token:<sub>`, `key:<key id>` or `demo:<address>`." })
  subject: string;

  @Field(() => String, { description: "The role the request had: PUBLIC, ANALYST, INVESTIGATOR or ADMIN." })
  role: string;

  @Field(() => String, { description: "How the caller authenticated: token, api-key or demo." })
  method: string;

  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Field(() => String, {
    nullable: true,
    description: "SHA-256 (hex) of the query text; the text is not kept. Null when the request had none.",
  })
  queryHash: string | null;

  @Field(() => String, {
    description:
      "The variables as a JSON object. Numbers, booleans, enum values, country codes and dates are kept; every other " +
      "value is `hmac:<hex>`, a keyed hash equal for equal values.",
  })
  variables: string;

  @Field(() => [String], { description: "`Person:<id>` and `Company:<id>` of each person and company the response showed in clear." })
  disclosed: string[];

  @Field(() => [String], { description: "The `extensions.code` of each error of the response." })
  errorCodes: string[];

  @Field(() => String, { description: "The hash of the record before (for the first record of a trail, 64 zeros)." })
  previousHash: string;

  @Field(() => String, { description: "SHA-256 (hex) of the canonical JSON of this record's other fields." })
  hash: string;
}

export const AuditRecordConnection = connectionType("AuditRecord", AuditRecord);
