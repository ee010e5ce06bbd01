/**
 * The flags of `deno task tls-front`, and the defaults it shares with `startTlsFront` of
 * tools/tls_front.ts: the one source of its parser, its `--help` and its table in
 * docs/tls_devices.md (`deno task docs:flags`). No side effects: importing it starts nothing.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { DEFAULT_OPTIONS, TLS_PORT } from "../relay/options.ts";

/** What `startTlsFront` and `deno task tls-front` use when not told otherwise. */
export const TLS_FRONT_DEFAULTS = {
  /** Boards reach the front over the LAN. */
  hostname: "0.0.0.0",
  /** The port `deno task serve:tls` would take. */
  port: TLS_PORT,
  /** The relay runs on this machine. */
  relayHostname: "127.0.0.1",
  /** The relay's own default port. */
  relayPort: DEFAULT_OPTIONS.port,
  /** Debian's name of the binary; `stunnel` elsewhere. */
  stunnel: "stunnel4",
} as const;

/** `HOST:PORT`, with an IPv6 host in brackets. */
const hostPort = cli.custom<{ hostname: string; port: number }>("HOST:PORT", (raw) => {
  const colon = raw.lastIndexOf(":");
  const port = Number(raw.slice(colon + 1));
  if (colon <= 0 || !/^\d+$/.test(raw.slice(colon + 1)) || port > 65535) {
    return { error: `expects HOST:PORT like 127.0.0.1:8000, got "${raw}"` };
  }
  return { value: { hostname: raw.slice(0, colon).replace(/^\[|\]$/g, ""), port } };
});

/** `deno task tls-front`'s command line. */
export const TLS_FRONT_COMMAND = cli.defineCommand({
  usage: ["deno task tls-front [-- --port N] [--host ADDR] [--relay HOST:PORT] [options]"],
  summary: "TLS (wss://) for devices in front of the relay's ws:// port, with stunnel.",
  flags: {
    port: cli.flag(cli.integer(0, 65535), {
      value: "N",
      default: TLS_FRONT_DEFAULTS.port,
      help: "port devices connect to (0 picks a free one)",
    }),
    host: cli.flag(cli.text(), {
      value: "ADDR",
      default: TLS_FRONT_DEFAULTS.hostname,
      help: "address the front listens on",
    }),
    relay: cli.flag(hostPort, {
      value: "HOST:PORT",
      default: { hostname: TLS_FRONT_DEFAULTS.relayHostname, port: TLS_FRONT_DEFAULTS.relayPort },
      defaultText: `${TLS_FRONT_DEFAULTS.relayHostname}:${TLS_FRONT_DEFAULTS.relayPort}`,
      help: "the relay's plain ws:// address",
    }),
    cert: cli.flag(cli.text(), {
      value: "FILE",
      default: DEFAULT_OPTIONS.certFile,
      help: "server certificate (PEM); made with a local CA when missing",
    }),
    key: cli.flag(cli.text(), {
      value: "FILE",
      default: DEFAULT_OPTIONS.keyFile,
      help: "its private key",
    }),
    stunnel: cli.flag(cli.text(), {
      value: "BINARY",
      default: TLS_FRONT_DEFAULTS.stunnel,
      help: "the stunnel binary (stunnel outside Debian)",
    }),
  },
});
