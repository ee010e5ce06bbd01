/**
 * Roles and addressing: which clients receive a message, decided from the
 * sender's role and id, the message's `"to"`, and the receiver's role and id.
 * Pure functions, testable without a network.
 *
 * - An operator (the default role) receives every message but its own.
 * - A device receives what is addressed to it (its id, an array holding it,
 *   or `"*"`) and an operator's message without `"to"`.
 * - A message without `"to"` (binary, non-JSON text, JSON without `"to"`)
 *   from an operator goes to everyone; from a device, to the operators only.
 *
 * @example
 * ```ts
 * import { parseAddress, receives } from "./routing.ts";
 *
 * const address = parseAddress('{"to":"esp32-1","cmd":"status"}', 65536);
 * const sender = { id: "console", role: "operator" } as const;
 * receives(sender, address, { id: "esp32-1", role: "device" }); // true
 * receives(sender, address, { id: "esp32-2", role: "device" }); // false
 * ```
 * @module
 */

/** A client's role: a device receives only what concerns it; an operator sees everything. */
export type Role = "device" | "operator";

/** Every {@linkcode Role}. */
export const ROLES: readonly Role[] = ["device", "operator"];

/** Who a message is for, as read from its `"to"`. */
export type Address =
  /** No `"to"` (or not a JSON object): the rule for an unaddressed message applies. */
  | { kind: "none" }
  /** `"to": "*"`: every client. */
  | { kind: "all" }
  /** `"to"` named ids (one, or an array); an unusable `"to"` names none. */
  | { kind: "ids"; ids: ReadonlySet<string> };

/** What the routing reads of a message: its address and whether it asks to be retained. */
export interface ParsedMessage {
  /** Who it is for. */
  address: Address;
  /** True when it is a JSON object carrying `"retain": true`. */
  retain: boolean;
}

/** One end of a delivery. */
export interface Party {
  /** The client's id. */
  readonly id: string;
  /** The client's role. */
  readonly role: Role;
}

const UNADDRESSED: ParsedMessage = { address: { kind: "none" }, retain: false };

/**
 * Reads the address (and the retain flag) of a message. Only text that starts
 * with `{` and is at most `maxBytes` long is parsed; anything else (binary,
 * other text, invalid JSON) is unaddressed.
 */
export function parseMessage(data: string | ArrayBuffer, maxBytes: number): ParsedMessage {
  // A UTF-8 string is at least as many bytes as UTF-16 code units: longer than maxBytes is over it.
  if (typeof data !== "string" || data.charCodeAt(0) !== 0x7b || data.length > maxBytes) {
    return UNADDRESSED;
  }
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return UNADDRESSED;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return UNADDRESSED;
  const object = value as Record<string, unknown>;
  const retain = object.retain === true;
  if (!Object.hasOwn(object, "to")) {
    return retain ? { address: UNADDRESSED.address, retain } : UNADDRESSED;
  }
  return { address: addressOf(object.to), retain };
}

/** {@linkcode parseMessage}'s address alone. */
export function parseAddress(data: string | ArrayBuffer, maxBytes: number): Address {
  return parseMessage(data, maxBytes).address;
}

/** The address a `"to"` value names: `"*"`, an id, or an array of ids (other entries ignored). */
export function addressOf(to: unknown): Address {
  if (to === "*") return { kind: "all" };
  if (typeof to === "string") return { kind: "ids", ids: new Set([to]) };
  if (Array.isArray(to)) {
    return { kind: "ids", ids: new Set(to.filter((id): id is string => typeof id === "string")) };
  }
  return { kind: "ids", ids: new Set() };
}

/** Whether `receiver` gets a message `sender` sent with `address`. */
export function receives(sender: Party, address: Address, receiver: Party): boolean {
  if (receiver.id === sender.id) return false;
  if (receiver.role === "operator") return true;
  switch (address.kind) {
    case "all":
      return true;
    case "ids":
      return address.ids.has(receiver.id);
    case "none":
      return sender.role === "operator";
  }
}
