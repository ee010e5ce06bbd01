/**
 * Which nodes of a cluster a client message must reach: every node, through
 * the shared `bus` channel, or only the nodes that hold someone who may
 * receive it, each through its own channel `bus:<node>`.
 *
 * Operators receive every message, so a message that only named ids or the
 * operators may receive (addressed to ids, or a device's message without
 * `"to"`) goes to the nodes holding those ids and the nodes holding an
 * operator: addressed traffic then grows with the nodes it concerns, not with
 * the size of the cluster. Everything else (an operator's message without
 * `"to"`, `"to": "*"`) goes on the bus to every node.
 *
 * Where an id is held is the `ids` hash the cluster already keeps to refuse
 * duplicates (relay/cluster.ts); where operators are is the `operators` hash
 * (id → node) kept beside it. The choice of channels is made in Redis, in the
 * script that publishes, so it sees every claim made before it and a
 * sender's messages leave in its order whatever their channels: a node reads
 * both of its channels on one connection, in the order Redis ran the
 * publishes.
 *
 * @example
 * ```ts
 * import { routeOf } from "./cluster_route.ts";
 * import { parseAddress } from "./routing.ts";
 *
 * routeOf({ id: "console", role: "operator" }, parseAddress('{"to":"esp32-1"}', 65536));
 * // { kind: "nodes", ids: ["esp32-1"] }
 * ```
 * @module
 */

import type { Address, Party } from "./routing.ts";

/** Where a message goes: every node, or the nodes holding `ids` or an operator. */
export type Route = { kind: "all" } | { kind: "nodes"; ids: string[] };

const ALL: Route = { kind: "all" };
const OPERATORS_ONLY: Route = { kind: "nodes", ids: [] };

/** The route of a message `sender` sent with `address` (relay/routing.ts decides who receives). */
export function routeOf(sender: Party, address: Address): Route {
  switch (address.kind) {
    case "all":
      return ALL;
    case "none":
      return sender.role === "operator" ? ALL : OPERATORS_ONLY;
    case "ids":
      return address.ids.size === 0 ? OPERATORS_ONLY : { kind: "nodes", ids: [...address.ids] };
  }
}

/** The arguments a publishing script takes for a route: `'0'`, or `'1'` then the ids. */
export function routeArgs(route: Route): string[] {
  return route.kind === "all" ? ["0"] : ["1", ...route.ids];
}

/**
 * Lua: `routeTargets(prefix, node, ids, operators)` lists, once each, the
 * nodes other than `node` that hold one of `ids` or an operator (`operators`:
 * the values of the operators hash, read once by the caller).
 */
export const ROUTE_TARGETS = `
local function routeTargets(prefix, node, ids, operators)
  local seen, targets = {[node] = true}, {}
  local function to(target)
    if target and not seen[target] then
      seen[target] = true
      targets[#targets + 1] = target
    end
  end
  for _, id in ipairs(ids) do
    local token = redis.call('HGET', prefix .. 'ids', id)
    if token then to(string.match(token, '^(.*)#[^#]*$')) end
  end
  for _, target in ipairs(operators) do to(target) end
  return targets
end
`;

/**
 * Lua: `publishRouted(prefix, node, frame, at)` publishes `frame` as the
 * route in ARGV[at..] says (see {@linkcode routeArgs}); a node's own channel
 * is left out, since it delivered to its own clients already. Returns the
 * number of channels published on.
 */
export const PUBLISH_ROUTED = ROUTE_TARGETS + `
local function publishRouted(prefix, node, frame, at)
  local bus = prefix .. 'bus'
  if ARGV[at] ~= '1' then
    redis.call('PUBLISH', bus, frame)
    return 1
  end
  local ids = {}
  for i = at + 1, #ARGV do ids[#ids + 1] = ARGV[i] end
  local targets = routeTargets(prefix, node, ids, redis.call('HVALS', prefix .. 'operators'))
  for _, target in ipairs(targets) do redis.call('PUBLISH', bus .. ':' .. target, frame) end
  return #targets
end
`;
