/**
 * The project's error family. Each class has a stable `code`, which the GraphQL edge puts in
 * `extensions.code`. Messages are written for clients: they never carry personal values.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class BadInputError extends DomainError {
  readonly code = "BAD_USER_INPUT";
  override name = "BadInputError";

  /** `argument` is the path of the offending argument, such as `filter.country`. */
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(`Invalid argument "${argument}": ${reason}`);
  }
}

export class DatabaseUnavailableError extends DomainError {
  readonly code = "DATABASE_UNAVAILABLE";
  override name = "DatabaseUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The graph database cannot be reached; try again shortly", options);
  }
}

export class QueryTimeoutError extends DomainError {
  readonly code = "QUERY_TIMEOUT";
  override name = "QueryTimeoutError";

  constructor(options?: { cause?: unknown }) {
    super("The query took longer than the database allows; narrow it down", options);
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  override name = "NotFoundError";

  /**
   * `argument` names the argument that held the unknown id, such as `from`. The id itself is not
   * repeated: ids of persons can be personal data.
   */
  constructor(
    readonly argument: string,
    what = "entity",
  ) {
    super(`No ${what} has the id given in "${argument}"`);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
  override name = "UnauthenticatedError";

  /** `reason` says what is wrong with the credentials (never their content). */
  constructor(reason = "This API needs credentials: a bearer token or an API key in the Authorization header") {
    super(reason);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  override name = "ForbiddenError";

  /** `what` names the field or argument; `needed` the least role cleared for it. */
  constructor(what: string, needed: string) {
    super(`Your role may not read ${what}; it needs ${needed} or above`);
  }
}

export class DatabaseBudgetExhaustedError extends DomainError {
  readonly code = "DATABASE_BUDGET_EXHAUSTED";
  override name = "DatabaseBudgetExhaustedError";

  /** `budgetMs` is the database time one request may spend (the sum of its queries' times). */
  constructor(budgetMs: number, options?: { cause?: unknown }) {
    super(`The request used up its ${budgetMs} ms of database time; ask for less in one request`, options);
  }
}

export class ResponseTooLargeError extends DomainError {
  readonly code = "RESPONSE_TOO_LARGE";
  override name = "ResponseTooLargeError";

  /** `maxBytes` is the largest response body allowed. */
  constructor(maxBytes: number) {
    super(`The response would be over ${maxBytes} bytes; ask for less in one request`);
  }
}

/**
 * A `mutation` or `subscription`: this API only reads, and its schema has neither type. Refused
 * with HTTP 400 before anything runs.
 */
export class OperationNotSupportedError extends DomainError {
  readonly code = "OPERATION_NOT_SUPPORTED";
  override name = "OperationNotSupportedError";

  constructor(operation: string) {
    super(`This API answers queries only; ${operation} operations are not supported`);
  }
}

/** A subscription sent over HTTP: subscriptions are served over WebSocket only. */
export class SubscriptionOverHttpError extends DomainError {
  readonly code = "OPERATION_NOT_SUPPORTED";
  override name = "SubscriptionOverHttpError";

  constructor() {
    super("Subscriptions are served over WebSocket at /graphql (protocol graphql-transport-ws), not over HTTP");
  }
}

/** A client address that failed to authenticate too often this minute (HTTP 429). */
export class TooManyAuthFailuresError extends DomainError {
  readonly code = "TOO_MANY_AUTH_FAILURES";
  override name = "TooManyAuthFailuresError";

  constructor() {
    super("Too many failed authentications from this address; wait before trying again");
  }
}

/** Variables whose values nest objects and lists deeper than the limit (HTTP 400). */
export class VariablesTooDeepError extends DomainError {
  readonly code = "VARIABLES_TOO_DEEP";
  override name = "VariablesTooDeepError";

  constructor(readonly max: number) {
    super(`The request's variables nest objects and lists deeper than ${max} levels`);
  }
}
