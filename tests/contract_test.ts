/**
 * The relay's black-box contract (tests/contract.ts, and the fleet's in
 * tests/fleet_contract.ts) against one relay on
 * its own; tests/cluster_contract_test.ts runs the same cases on two nodes.
 */

import { CONTRACT } from "./contract.ts";
import { FLEET_CONTRACT } from "./fleet_contract.ts";
import { startTestRelay } from "../testing/test_client.ts";

for (const contractCase of [...CONTRACT, ...FLEET_CONTRACT]) {
  Deno.test(`one relay: ${contractCase.name}`, async () => {
    await using relay = startTestRelay(contractCase.options);
    await contractCase.run({
      nodes: [{
        url: relay.url,
        httpUrl: relay.httpUrl,
        port: relay.running.addr.port,
        relay: relay.running.relay,
      }],
    });
  });
}
