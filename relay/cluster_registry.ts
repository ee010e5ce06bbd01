/**
 * The Lua scripts that keep client ids unique across a cluster on Redis: the
 * id registry, apart from the bus that carries the messages (relay/cluster.ts
 * runs both; the key layout is described there).
 *
 * @module
 */

import { LUA_FRAMES } from "./cluster_frame.ts";

// Forgets what Redis holds for one node: its ids (those still carrying its token), its
// operators and its list.
const FORGET = `
local function dropOperator(prefix, id, node)
  if redis.call('HGET', prefix .. 'operators', id) == node then
    redis.call('HDEL', prefix .. 'operators', id)
  end
end
local function forget(prefix, ids, node)
  local list = prefix .. 'clients:' .. node
  for _, id in ipairs(redis.call('HKEYS', list)) do
    local token = redis.call('HGET', ids, id)
    if token and string.sub(token, 1, #node + 1) == node .. '#' then redis.call('HDEL', ids, id) end
    dropOperator(prefix, id, node)
  end
  redis.call('DEL', list)
end
-- Where the id's messages for operators only must go: the operators hash.
local function setRole(prefix, id, node, role)
  if role == 'operator' then
    redis.call('HSET', prefix .. 'operators', id, node)
  else
    redis.call('HDEL', prefix .. 'operators', id)
  end
end
local function nodeOf(token) return string.match(token, '^(.*)#[^#]*$') end
local function live(prefix, node) return redis.call('EXISTS', prefix .. 'node:' .. node) == 1 end
`;

// KEYS[1] ids; ARGV prefix, id, token, node, info, replace ('1'), channel, role.
// Returns {1, ''} when taken, {0, holderNode} when held elsewhere, {-1, ''} when this node's own
// lease lapsed (it must register again first).
const CLAIM = FORGET + LUA_FRAMES + `
local ids, prefix, id, token, node, info = KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if not live(prefix, node) then return {-1, ''} end
local holder = redis.call('HGET', ids, id)
if holder then
  local holderNode = nodeOf(holder)
  if holderNode ~= node and live(prefix, holderNode) then
    if ARGV[6] ~= '1' then return {0, holderNode} end
    redis.call('PUBLISH', ARGV[7], replaceFrame(node, holder))
  end
  redis.call('HDEL', prefix .. 'clients:' .. holderNode, id)
end
redis.call('HSET', ids, id, token)
redis.call('HSET', prefix .. 'clients:' .. node, id, info)
setRole(prefix, id, node, ARGV[8])
return {1, ''}
`;

// KEYS[1] ids; ARGV prefix, id, token, node.
const RELEASE = FORGET + `
if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[3] then
  redis.call('HDEL', KEYS[1], ARGV[2])
  redis.call('HDEL', ARGV[1] .. 'clients:' .. ARGV[4], ARGV[2])
  dropOperator(ARGV[1], ARGV[2], ARGV[4])
end
return 0
`;

// KEYS[1] ids; ARGV prefix, node, leaseMs, nodeInfo, then (id, token, info, role) per local
// client.
// Replaces whatever Redis remembers of this node with the local truth; returns the tokens of
// local clients whose id another live node took meanwhile.
const REJOIN = FORGET + `
local ids, prefix, node = KEYS[1], ARGV[1], ARGV[2]
forget(prefix, ids, node)
redis.call('SET', prefix .. 'node:' .. node, ARGV[4], 'PX', ARGV[3])
redis.call('SADD', prefix .. 'nodes', node)
local conflicts = {}
for i = 5, #ARGV, 4 do
  local id, token, info = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local holder = redis.call('HGET', ids, id)
  local holderNode = holder and nodeOf(holder)
  if holder and holderNode ~= node and live(prefix, holderNode) then
    conflicts[#conflicts + 1] = token
  else
    if holder then redis.call('HDEL', prefix .. 'clients:' .. holderNode, id) end
    redis.call('HSET', ids, id, token)
    redis.call('HSET', prefix .. 'clients:' .. node, id, info)
    setRole(prefix, id, node, ARGV[i + 3])
  end
end
return conflicts
`;

// KEYS[1] ids; ARGV prefix, node: a clean shutdown frees the node's ids at once.
const LEAVE = FORGET + `
forget(ARGV[1], KEYS[1], ARGV[2])
redis.call('DEL', ARGV[1] .. 'node:' .. ARGV[2])
redis.call('SREM', ARGV[1] .. 'nodes', ARGV[2])
return 0
`;

// KEYS[1] ids; ARGV prefix: forgets nodes whose lease lapsed; returns the live nodes.
const SWEEP = FORGET + `
local alive = {}
for _, node in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'nodes')) do
  if live(ARGV[1], node) then
    alive[#alive + 1] = node
  else
    forget(ARGV[1], KEYS[1], node)
    redis.call('SREM', ARGV[1] .. 'nodes', node)
  end
end
return alive
`;

/** The id registry's scripts, by the command name a node defines for each. */
export const ID_SCRIPTS = {
  relayClaim: CLAIM,
  relayRelease: RELEASE,
  relayRejoin: REJOIN,
  relayLeave: LEAVE,
  relaySweep: SWEEP,
} as const;
