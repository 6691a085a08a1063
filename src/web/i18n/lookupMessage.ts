import type { Messages } from "./Messages.js";

/**
 * The entry at a dotted path with `{name}` placeholders filled in, or undefined when the path
 * names no string (only dynamic keys, such as an audit action from the server, can miss).
 */
export function lookupMessage(
  messages: Messages,
  key: string,
  values?: Record<string, string | number>,
): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== "string") return undefined;
  if (!values) return node;
  return node.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
