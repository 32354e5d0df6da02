import { DomainError } from "../domain/errors.js";

/** The audit trail cannot be written or read; an answer that cannot be recorded is not given. */
export class AuditUnavailableError extends DomainError {
  readonly code = "AUDIT_UNAVAILABLE";
  override name = "AuditUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The audit trail cannot record requests right now, so no answer is given; try again shortly", options);
  }
}
