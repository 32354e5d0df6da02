/** What an import tells the API processes of one new alert: enough to route it to its owner's sockets. */
export interface AlertEvent {
  id: string;
  /** The watch's owner, a viewer's subject: only their subscriptions receive it. */
  owner: string;
  /** Its place in the order of all alerts (the read-back's cursor). */
  seq: number;
}

/** Whether a value received from Redis is an alert event (anything else on the channel is dropped). */
export function isAlertEvent(value: unknown): value is AlertEvent {
  const event = value as Partial<AlertEvent> | null;
  return (
    typeof event === "object" &&
    event !== null &&
    typeof event.id === "string" &&
    typeof event.owner === "string" &&
    typeof event.seq === "number" &&
    Number.isInteger(event.seq)
  );
}
