import type { Messages } from "./Messages.js";

type LeafPaths<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dictionary entry as a dotted path, e.g. "users.title". */
export type MessageKey = LeafPaths<Messages, "">;
