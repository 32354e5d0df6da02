import type DataLoader from "dataloader";

import type { AlertBus } from "./alerts/alert-bus.js";
import type { AlertStore, StoredWatch } from "./alerts/alert-store.js";
import type { AuditTrail } from "./audit/audit-trail.js";
import type { Access } from "./auth/access.js";
import type { Viewer } from "./auth/viewer.js";
import type { Loaders } from "./loaders/create-loaders.js";
import type { FlowRepository } from "./repositories/flow.repository.js";
import type { ListRepository } from "./repositories/list.repository.js";
import type { NestedReadRepository } from "./repositories/nested-read.js";
import type { NetworkRepository } from "./repositories/network.repository.js";
import type { PathRepository } from "./repositories/path.repository.js";
import type { RingRepository } from "./repositories/ring.repository.js";
import type { RouteRepository } from "./repositories/route.repository.js";
import type { SearchRepository } from "./repositories/search.repository.js";
import type { SharedIdentifierRepository } from "./repositories/shared-identifier.repository.js";
import type { TimelineRepository } from "./repositories/timeline.repository.js";
import type { TrendRepository } from "./repositories/trend.repository.js";
import type { CandidateStore } from "./resolution/candidate-store.js";
import type { DecisionStore } from "./resolution/decision-store.js";

/** What every resolver gets for one request. Made fresh per request by the server's context factory. */
export interface Context {
  /** Who is asking, and with which role. */
  viewer: Viewer;
  /** What the viewer may see: role checks, pseudonyms, and the record of persons and companies shown. */
  access: Access;
  audit: AuditTrail;
  loaders: Loaders;
  /** Root fields read with what their selection asks below them, in one query each. */
  nested: NestedReadRepository;
  lists: ListRepository;
  search: SearchRepository;
  network: NetworkRepository;
  paths: PathRepository;
  sharedIdentifiers: SharedIdentifierRepository;
  timeline: TimelineRepository;
  routes: RouteRepository;
  flows: FlowRepository;
  trends: TrendRepository;
  rings: RingRepository;
  /** Resolution candidates stored by `npm run resolve`. */
  resolution: CandidateStore;
  /** Investigators' decisions on candidates: confirm, reject, link, undo. */
  decisions: DecisionStore;
  /** The viewer's watches and alerts. */
  alerts: AlertStore;
  /** The viewer's watches by id, for alerts' `watch`. */
  alertWatches: DataLoader<string, StoredWatch | null>;
  /** New alerts as imports publish them (subscriptions listen to it). */
  alertBus: AlertBus;
  /**
   * Starts a new response in this context: a new record of what is disclosed, new loaders. A
   * subscription calls it before each event, so that each delivery is audited for what it showed
   * and reads the graph as it is then.
   */
  renew(): void;
}
