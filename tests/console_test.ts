/**
 * The browser console at `/` and `GET /clients`: the page is driven in a real
 * headless Chromium (Debian's `chromium` through `npm:playwright-core`)
 * against a relay on an ephemeral port, with Deno `WebSocket` clients on the
 * other end.
 *
 * Without /usr/bin/chromium the browser tests are skipped with a warning,
 * except in CI (`CI=true`), where they fail: CI must install it.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Locator, Page } from "npm:playwright-core@1.65.1";
import { generateCertificates } from "../relay/certs.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import {
  ARTIFACTS,
  connect,
  openConsole,
  skipBrowser,
  waitForState,
} from "../testing/console_browser.ts";

const TOKEN = "console-s3cret";

/** The log entry holding `text`, once it is there. */
async function logEntry(page: Page, text: string): Promise<Locator> {
  const entry = page.getByRole("log").locator("li", { hasText: text });
  await entry.waitFor();
  return entry;
}

/** The row of the client list for `id`. */
function clientRow(page: Page, id: string): Locator {
  return page.locator("#client-list li").filter({
    has: page.locator(".client-id", { hasText: new RegExp(`^${id}( \\(you\\))?$`) }),
  });
}

async function nextText(client: TestClient): Promise<string> {
  const message = await client.next(5000);
  assert.equal(typeof message, "string", "expected a text message");
  return message as string;
}

Deno.test("GET /clients lists connected clients with their counters", async () => {
  await using relay = startTestRelay();
  await using a = await TestClient.open(`${relay.url}alpha`);
  await using b = await TestClient.open(`${relay.url}beta`);
  a.socket.send("one");
  assert.equal(await b.next(), "one");
  const response = await fetch(`${relay.httpUrl}/clients`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /application\/json/);
  const clients = await response.json();
  assert.deepEqual(clients.map((c: { id: string }) => c.id), ["alpha", "beta"]);
  const [alpha, beta] = clients;
  assert.match(alpha.remote, /^127\.0\.0\.1:\d+$/);
  assert.ok(!Number.isNaN(Date.parse(alpha.connectedSince)));
  assert.equal(alpha.messagesIn, 1);
  assert.equal(alpha.messagesOut, 0);
  assert.equal(beta.messagesIn, 0);
  assert.equal(beta.messagesOut, 1);
});

Deno.test("GET /clients needs the token when one is set, like /metrics", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  await using _device = await TestClient.open(`${relay.url}dev?token=${TOKEN}`);
  const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }];
  for (const headers of attempts) {
    const denied = await fetch(`${relay.httpUrl}/clients`, { headers });
    assert.equal(denied.status, 401);
    await denied.body?.cancel();
  }
  const byHeader = await fetch(`${relay.httpUrl}/clients`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.deepEqual((await byHeader.json()).map((c: { id: string }) => c.id), ["dev"]);
  const byQuery = await fetch(`${relay.httpUrl}/clients?token=${TOKEN}`);
  assert.equal(byQuery.status, 200);
  await byQuery.body?.cancel();
});

Deno.test("the console's files are served with a policy that allows nothing from elsewhere", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  // The page itself holds no secret: it loads without the token and asks for it.
  for (
    const [path, type] of [
      ["/", "text/html"],
      ["/console/console.js", "text/javascript"],
      ["/console/console.css", "text/css"],
      ["/console/ota_transfer.js", "text/javascript"],
      ["/console/vendor/sha256.js", "text/javascript"],
    ]
  ) {
    const response = await fetch(`${relay.httpUrl}${path}`);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get("content-type") ?? "", new RegExp(type));
    assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    // The license at the top of a vendored file names its author's site: a comment loads nothing.
    const body = (await response.text()).replace(/^\/\*![^]*?\*\/\n/, "");
    assert.doesNotMatch(body, /https?:\/\//, `${path} must not load anything remote`);
  }
  // A WebSocket on a path that looks like a file name is still just a client id.
  await using _client = await TestClient.open(`${relay.url}console.js?token=${TOKEN}`);
});

Deno.test("console.js type-checks against the browser's DOM types", async () => {
  // `deno check .` uses Deno's types, which have no DOM, so the browser script is checked here.
  const dir = await Deno.makeTempDir();
  try {
    const config = `${dir}/deno.json`;
    await Deno.writeTextFile(
      config,
      JSON.stringify({
        compilerOptions: { checkJs: true, lib: ["dom", "dom.iterable", "esnext"] },
      }),
    );
    const script = new URL("../relay/console/console.js", import.meta.url);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--config", config, script.pathname],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(output.stderr);
    assert.ok(output.success, `deno check failed:\n${text}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "the page loads from / alone, connects by keyboard and lists clients as they come and go",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using session = await openConsole(relay);
    const { page } = session;

    // Every form control has a label.
    const unlabelled = await page.evaluate(
      `[...document.querySelectorAll("input, textarea, select, button")]
        .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.textContent.trim()))
        .map((el) => el.id || el.outerHTML)`,
    );
    assert.deepEqual(unlabelled, []);

    await page.getByLabel("Client id").fill("console-1");
    await page.getByLabel("Client id").press("Enter");
    await waitForState(page, "Open");
    await waitFor(
      "the relay to hold console-1",
      () => !!relay.running.relay.hub.holder("console-1"),
    );
    await clientRow(page, "console-1").filter({ hasText: "(you)" }).waitFor();

    // Another client appears without touching the page (it polls /clients).
    const device = await TestClient.open(`${relay.url}device-7`);
    await clientRow(page, "device-7").waitFor();
    assert.match(await page.locator("#client-count").innerText(), /\(2\)/);
    device.socket.close();
    await device.closed;
    await clientRow(page, "device-7").waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Disconnect", exact: true }).click();
    await waitForState(page, "Closed");
    await logEntry(page, "Connection closed (1000: closed from the console)");
    await waitFor(
      "the relay to let go of console-1",
      () => relay.running.relay.hub.connectedCount === 0,
    );

    const origin = new URL(relay.httpUrl);
    assert.ok(session.requests.some((url) => url.endsWith("/console/console.js")));
    assert.ok(session.requests.some((url) => url.startsWith(`ws://${origin.host}/console-1`)));
    for (const url of session.requests) {
      assert.equal(new URL(url).host, origin.host, `${url} left the relay's origin`);
    }
  },
});

Deno.test({
  name: "text, JSON and files typed in the page reach a WebSocket client; bad JSON is not sent",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using listener = await TestClient.open(`${relay.url}listener`);
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-send");
    await waitForState(page, "Open");

    const message = page.getByLabel("Message", { exact: true });
    await message.fill("hello from the page ✓");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    assert.equal(await nextText(listener), "hello from the page ✓");
    await logEntry(page, "hello from the page ✓");

    await page.getByLabel("JSON").check();
    await message.fill('{"to": }');
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const error = page.getByRole("alert");
    await error.filter({ hasText: "Not sent: invalid JSON" }).waitFor();
    assert.equal(await message.getAttribute("aria-invalid"), "true");

    await message.fill('{"to": "listener", "cmd": "status"}');
    assert.equal(await error.count(), 0, "editing clears the error");
    // Ctrl+Enter sends from the keyboard.
    await message.press("Control+Enter");
    // The refused text would have arrived first had it been sent.
    assert.equal(await nextText(listener), '{"to": "listener", "cmd": "status"}');

    await page.getByLabel("File (binary)").check();
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "firmware.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.from([0x00, 0x01, 0xfe, 0xff]),
    });
    await page.getByRole("button", { name: "Send", exact: true }).click();
    assert.deepEqual(await listener.next(), new Uint8Array([0x00, 0x01, 0xfe, 0xff]));
    await logEntry(page, "sent firmware.bin");

    assert.equal(relay.running.relay.hub.holder("console-send")?.messagesIn, 3);
  },
});

Deno.test({
  name: "messages from other clients are logged: text, JSON with its sender's id, binary as hex",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-recv");
    await waitForState(page, "Open");
    await using device = await TestClient.open(`${relay.url}esp32-ab12`);

    device.socket.send("plain words");
    device.socket.send('{"from":"esp32-ab12","status":"ok","uptime":12}');
    device.socket.send(new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x41]));

    const text = await logEntry(page, "plain words");
    assert.match(await text.innerText(), /received/);
    const json = await logEntry(page, '"status":"ok"');
    assert.match(await json.locator(".entry-who").innerText(), /^from esp32-ab12$/);
    const binary = await logEntry(page, "de ad be ef 00 01 41");
    assert.match(await binary.innerText(), /binary · 7 B/);
    assert.match(await binary.innerText(), /\.\.\.\.\.\.A/, "printable bytes shown beside the hex");
    // Newest at the bottom.
    assert.match(await page.getByRole("log").locator("li").last().innerText(), /de ad be ef/);
  },
});

Deno.test({
  name: "quick command buttons send the firmware's JSON to the chosen device",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using device = await TestClient.open(`${relay.url}esp32-ab12`);
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-cmd");
    await waitForState(page, "Open");

    // No device chosen yet: refused in the page.
    await page.locator("#command-form").getByRole("button", { name: "Status", exact: true })
      .click();
    await page.locator("#target-error", { hasText: "device id" }).waitFor();

    // Choosing the device from the client list, by keyboard.
    await clientRow(page, "esp32-ab12").getByRole("button").press("Enter");
    assert.equal(await page.getByLabel("Device id").inputValue(), "esp32-ab12");

    const expected: [string, string][] = [
      ["Status", '{"to":"esp32-ab12","cmd":"status"}'],
      ["Blink off", '{"to":"esp32-ab12","cmd":"blink","on":false}'],
      ["Blink on", '{"to":"esp32-ab12","cmd":"blink","on":true}'],
      ["Rehandshake", '{"to":"esp32-ab12","cmd":"rehandshake"}'],
      ["Reboot", '{"to":"esp32-ab12","cmd":"reboot"}'],
    ];
    for (const [button, json] of expected) {
      await page.locator("#command-form").getByRole("button", { name: button, exact: true })
        .click();
      assert.equal(await nextText(device), json, button);
    }

    await page.getByLabel("Device id").fill("*");
    await page.locator("#command-form").getByRole("button", { name: "Status", exact: true })
      .click();
    assert.equal(await nextText(device), '{"to":"*","cmd":"status"}');
  },
});

Deno.test({
  name: "a duplicate id is explained as such, and the page stops instead of retrying",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using _holder = await TestClient.open(`${relay.url}taken`);
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "taken");
    const status = await waitForState(page, "Refused");
    assert.match(await status.innerText(), /"taken" is already connected/);
    assert.equal(relay.running.relay.metrics.connections.duplicate, 1);
    assert.ok(await page.getByRole("button", { name: "Connect", exact: true }).isEnabled());
    assert.ok(await page.getByRole("button", { name: "Disconnect", exact: true }).isDisabled());

    await connect(page, "not-taken");
    await waitForState(page, "Open");
    assert.equal(relay.running.relay.metrics.connections.duplicate, 1);
  },
});

Deno.test({
  name: "with a token: a missing or wrong token is explained, the right one connects and lists",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ token: TOKEN });
    await using device = await TestClient.open(`${relay.url}esp32-ab12?token=${TOKEN}`);
    await using session = await openConsole(relay);
    const { page } = session;
    await page.locator("#clients-note", { hasText: "requires a token" }).waitFor();

    await connect(page, "console-tok");
    let status = await waitForState(page, "Refused");
    assert.match(await status.innerText(), /requires a token/);

    await connect(page, "console-tok", "wrong");
    await page.locator("#status-detail", { hasText: "refused the token" }).waitFor();

    await connect(page, "console-tok", TOKEN);
    status = await waitForState(page, "Open");
    await clientRow(page, "esp32-ab12").waitFor();
    device.socket.send('{"from":"esp32-ab12","hello":true}');
    const entry = await logEntry(page, '"hello":true');
    assert.match(await entry.innerText(), /from esp32-ab12/);
    assert.equal(relay.running.relay.metrics.connections.unauthorized, 2);
  },
});

Deno.test({
  name: "a page served over https connects with wss to the same relay",
  ignore: skipBrowser,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const paths = await generateCertificates({ dir, hosts: ["127.0.0.1"] });
      const tls = {
        cert: await Deno.readTextFile(paths.serverCert),
        key: await Deno.readTextFile(paths.serverKey),
      };
      await using relay = startTestRelay({ tls: true }, tls);
      await using session = await openConsole(relay, { ignoreHTTPSErrors: true });
      const { page } = session;
      await connect(page, "console-tls");
      await waitForState(page, "Open");
      const port = relay.running.addr.port;
      assert.ok(session.requests.includes(`wss://127.0.0.1:${port}/console-tls?events=1&mark=1`));
      assert.ok(relay.running.relay.hub.holder("console-tls"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a page whose id is taken over (--on-duplicate replace) says so and does not fight back",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ token: TOKEN, onDuplicate: "replace" });
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "shared-id", TOKEN);
    await waitForState(page, "Open");
    await using _newer = await TestClient.open(`${relay.url}shared-id?token=${TOKEN}`);
    await page.locator("#status-detail", { hasText: "another connection took over" }).waitFor();
    assert.match(
      await page.getByRole("status").innerText(),
      /4001: replaced by a newer connection/,
    );
    assert.ok(await page.getByRole("button", { name: "Disconnect", exact: true }).isDisabled());
    assert.equal(relay.running.relay.metrics.connections.replaced, 1);
  },
});

Deno.test({
  name: "when the relay closes the connection, the page shows why and reconnects by itself",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ maxMessageBytes: 16 });
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-re");
    await waitForState(page, "Open");

    await page.getByLabel("Message", { exact: true }).fill("this message is over sixteen bytes");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await logEntry(page, "1009: message of 34 bytes is over the 16-byte limit");
    await waitFor(
      "the page to reconnect",
      () => relay.running.relay.metrics.connections.accepted === 2,
    );
    await waitForState(page, "Open");
    assert.ok(relay.running.relay.hub.holder("console-re"));
  },
});

Deno.test({
  name: "the log follows new messages until the user scrolls up, then offers a way back",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-scroll");
    await waitForState(page, "Open");
    await using device = await TestClient.open(`${relay.url}chatty`);
    const log = page.getByRole("log");
    const distanceFromBottom = () =>
      log.evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight);

    for (let i = 1; i <= 60; i++) device.socket.send(`line ${i}`);
    await logEntry(page, "line 60");
    assert.ok(await distanceFromBottom() < 8, "the newest line is in view");

    await log.evaluate((list) => list.scrollTop = 0);
    device.socket.send("line 61");
    await logEntry(page, "line 61");
    assert.equal(
      await log.evaluate((list) => list.scrollTop),
      0,
      "stays where the user is reading",
    );
    const jump = page.getByRole("button", { name: "New messages below" });
    await jump.click();
    assert.ok(await distanceFromBottom() < 8);
    assert.ok(await jump.isHidden());
  },
});

Deno.test({
  name: "screenshots: a busy session, wide and on a phone, with nothing wider than the screen",
  ignore: skipBrowser,
  async fn() {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await using relay = startTestRelay();
    await using device = await TestClient.open(`${relay.url}esp32-ab12`);
    await using _sensor = await TestClient.open(`${relay.url}sensor-kitchen`);
    for (
      const [name, viewport] of [
        ["wide", { width: 1280, height: 860 }],
        ["phone", { width: 390, height: 844 }],
      ] as const
    ) {
      await using session = await openConsole(relay, { viewport });
      const { page } = session;
      await connect(page, `console-${name}`);
      await waitForState(page, "Open");
      await clientRow(page, "sensor-kitchen").waitFor();
      await clientRow(page, "esp32-ab12").getByRole("button").click();
      await page.locator("#command-form").getByRole("button", { name: "Status", exact: true })
        .click();
      assert.equal(await nextText(device), '{"to":"esp32-ab12","cmd":"status"}');
      device.socket.send('{"from":"esp32-ab12","status":"ok","uptime":4211,"rssi":-61}');
      device.socket.send(new Uint8Array(40).map((_, i) => i * 7));
      await page.getByLabel("JSON").check();
      await page.getByLabel("Message", { exact: true }).fill('{"to": "esp32-ab12", "cmd": }');
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByRole("alert").waitFor();
      await logEntry(page, "binary · 40 B");
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      assert.equal(overflow, 0, `the ${name} page must not scroll sideways`);
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({
        path: new URL(`console-${name}.png`, ARTIFACTS).pathname,
        fullPage: true,
      });
    }
  },
});
