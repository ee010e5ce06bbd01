/**
 * The relay's black-box contract (tests/contract.ts, and the fleet's in
 * tests/fleet_contract.ts) against a cluster: two
 * nodes on one redis-server, client i on node i mod 2, so that every case's
 * exchanges cross nodes. What cannot hold in a cluster is in docs/scaling.md.
 */

import { CONTRACT } from "./contract.ts";
import { FLEET_CONTRACT } from "./fleet_contract.ts";
import { clusterTest, startNode } from "./cluster_nodes.ts";

for (const contractCase of [...CONTRACT, ...FLEET_CONTRACT]) {
  clusterTest(`two nodes: ${contractCase.name}`, async (redis) => {
    await using a = await startNode(redis, "node-a", contractCase.options);
    await using b = await startNode(redis, "node-b", contractCase.options);
    await contractCase.run({
      nodes: [a, b].map((node) => ({
        url: node.url,
        httpUrl: node.httpUrl,
        port: node.running.addr.port,
        relay: node.running.relay,
      })),
    });
  });
}
