import type { Loaders } from "./loaders/create-loaders.js";
import type { ListRepository } from "./repositories/list.repository.js";

/** What every resolver gets for one request. Made fresh per request by the server's context factory. */
export interface Context {
  loaders: Loaders;
  lists: ListRepository;
}
