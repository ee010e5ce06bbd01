/**
 * The relay console in the browser: connects to the relay that served this
 * page, shows who is connected, logs every message and sends text, JSON,
 * files and the device firmware's commands. Plain JavaScript with JSDoc
 * types (checked against the DOM by tests/console_test.ts), loaded as is:
 * no build step.
 *
 * @module
 */

import { imageProblem, otaImage, OtaRun } from "./ota_transfer.js";
// Not crypto.subtle: a browser offers it only to pages served over https or from localhost, and
// an operator on a LAN opens the relay's address over plain http.
// @ts-types="./vendor/sha256.d.ts"
import { sha256 } from "./vendor/sha256.js";

/** First wait before reconnecting; doubles on each failure. */
const RECONNECT_FIRST_MS = 1000;
/** Longest wait between reconnection attempts. */
const RECONNECT_MAX_MS = 30_000;
/** How often the client list is fetched while the page is visible. */
const CLIENTS_POLL_MS = 2000;
/** Log entries kept; older ones are dropped so a chatty device cannot exhaust memory. */
const LOG_LIMIT = 500;
/** Bytes of a binary message shown in the hex view. */
const HEX_PREVIEW_BYTES = 1024;
/** Close code the relay sends when a newer connection took over the id. */
const CLOSE_REPLACED = 4001;
/** The relay's client id rule (relay/client_id.ts). */
const ID_PATTERN = /^[A-Za-z0-9_.~-]{1,64}$/;

/**
 * @typedef {object} ClientSummary One entry of `GET /clients`.
 * @property {string} id
 * @property {string} remote
 * @property {string} connectedSince ISO 8601
 * @property {number} messagesIn
 * @property {number} messagesOut
 */

/**
 * @typedef {"idle" | "connecting" | "open" | "waiting" | "closed" | "refused"} ConnectionState
 */

/**
 * @typedef {object} Refusal Why the relay refused a handshake, as far as the page can tell.
 * @property {"duplicate" | "token" | "unknown"} kind
 * @property {string} text
 */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type
 * @returns {T}
 */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return found;
}

const statusBox = element("status", HTMLElement);
const statusState = element("status-state", HTMLElement);
const statusDetail = element("status-detail", HTMLElement);
const connectForm = element("connect-form", HTMLFormElement);
const idInput = element("client-id", HTMLInputElement);
const idError = element("client-id-error", HTMLElement);
const relayUrlText = element("relay-url", HTMLElement);
const tokenInput = element("token", HTMLInputElement);
const connectButton = element("connect", HTMLButtonElement);
const disconnectButton = element("disconnect", HTMLButtonElement);
const logList = element("log", HTMLOListElement);
const jumpButton = element("jump-latest", HTMLButtonElement);
const clearLogButton = element("clear-log", HTMLButtonElement);
const pauseLogButton = element("pause-log", HTMLButtonElement);
const exportLogButton = element("export-log", HTMLButtonElement);
const logBoardInput = element("log-board", HTMLInputElement);
const logBoardOptions = element("log-boards", HTMLDataListElement);
const logDirectionSelect = element("log-direction", HTMLSelectElement);
const logNote = element("log-note", HTMLElement);
const tokenHint = element("token-hint", HTMLElement);
const sendForm = element("send-form", HTMLFormElement);
const messageField = element("message-field", HTMLElement);
const messageInput = element("message", HTMLTextAreaElement);
const fileField = element("file-field", HTMLElement);
const fileInput = element("file", HTMLInputElement);
const messageError = element("message-error", HTMLElement);
const sendButton = element("send", HTMLButtonElement);
const targetInput = element("target", HTMLInputElement);
const targetOptions = element("target-options", HTMLDataListElement);
const targetError = element("target-error", HTMLElement);
const commandButtons = /** @type {HTMLButtonElement[]} */ ([
  ...document.querySelectorAll("#command-form button[data-cmd]"),
]);
const clientCount = element("client-count", HTMLElement);
const clientsNote = element("clients-note", HTMLElement);
const clientList = element("client-list", HTMLUListElement);
const refreshButton = element("refresh-clients", HTMLButtonElement);

/** The socket in use, if any. */
let socket = /** @type {WebSocket | null} */ (null);
/** True from Connect until Disconnect or a refusal that retrying cannot fix. */
let wanted = false;
/** Id and token of the current connection, fixed when Connect is pressed. */
let currentId = "";
let currentToken = "";
/** Failed attempts since the last open; sets the backoff. */
let attempts = 0;
/** Whether the current id was open at least once since Connect. */
let hadOpen = false;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let reconnectTimer;

// ---------------------------------------------------------------- helpers

/** @param {string | number} value @param {number} width */
function pad(value, width = 2) {
  return String(value).padStart(width, "0");
}

/** @param {Date} date */
function clockTime(date) {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${
    pad(date.getMilliseconds(), 3)
  }`;
}

/** @param {number} bytes */
function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const encoder = new TextEncoder();

/**
 * A hex dump: offset, the bytes in hex, then the printable ASCII; 16 bytes
 * a row, or 8 where 16 would not fit (a phone).
 * @param {Uint8Array} bytes
 */
function hexDump(bytes) {
  const perRow = logList.clientWidth < 560 ? 8 : 16;
  const shown = bytes.subarray(0, HEX_PREVIEW_BYTES);
  const lines = [];
  for (let offset = 0; offset < shown.length; offset += perRow) {
    const row = shown.subarray(offset, offset + perRow);
    const hex = [...row].map((byte) => pad(byte.toString(16))).join(" ");
    const ascii = [...row].map((byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : "."
    )
      .join("");
    lines.push(`${offset.toString(16).padStart(4, "0")}  ${hex.padEnd(perRow * 3 - 1)}  ${ascii}`);
  }
  if (bytes.length > shown.length) {
    lines.push(`… ${bytes.length - shown.length} more bytes not shown`);
  }
  if (bytes.length === 0) lines.push("(empty)");
  return lines.join("\n");
}

/**
 * The sender of a JSON message with a string `from` field, like the firmware's answers.
 * @param {string} text
 * @returns {{ json: boolean, from: string | undefined }}
 */
function inspectText(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return { json: false, from: undefined };
  try {
    const value = JSON.parse(trimmed);
    const from = value && typeof value === "object" && typeof value.from === "string"
      ? value.from
      : undefined;
    return { json: true, from };
  } catch {
    return { json: false, from: undefined };
  }
}

/** @param {string} id */
function idProblem(id) {
  if (id === "") return "Enter a client id.";
  if (id.length > 64) return "A client id is at most 64 characters long.";
  if (!ID_PATTERN.test(id)) return "Use only letters, digits and _ . ~ - (no spaces or slashes).";
  if (id === "." || id === "..") return `"${id}" is not allowed as an id.`;
  return undefined;
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `console-${[...bytes].map((byte) => pad(byte.toString(16))).join("")}`;
}

/**
 * Where the relay takes a client id: the page's own origin, ws or wss to match.
 * Relative to the page, so a reverse proxy serving the relay under a sub-path works too.
 * The token never goes in it (see socketProtocols).
 * @param {string} id
 * @param {boolean} [events] also get the relay's presence events, for the Devices table
 */
function socketUrl(id, events = false) {
  const url = new URL(encodeURIComponent(id), location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const query = new URLSearchParams();
  if (events) {
    query.set("events", "1");
    // A secret of this connection's own on every event: a device's look-alike text has none.
    query.set("mark", "1");
  }
  url.search = query.toString();
  url.hash = "";
  return url;
}

/**
 * The WebSocket subprotocols that carry the token: a browser can set no header on a WebSocket,
 * and a URL ends up in logs (a proxy's). The relay reads `bearer.<base64url>` (relay/auth.ts)
 * and agrees to `relay.console`.
 * @param {string} token
 * @returns {string[] | undefined}
 */
function socketProtocols(token) {
  if (!token) return undefined;
  const base64 = btoa(String.fromCharCode(...encoder.encode(token)));
  return [
    "relay.console",
    `bearer.${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`,
  ];
}

/** The token for HTTP requests: the connection's while connected, else what is typed. */
function activeToken() {
  return wanted ? currentToken : tokenInput.value;
}

/** @param {string} token @returns {HeadersInit} */
function authHeaders(token) {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * @param {HTMLElement} box
 * @param {HTMLElement | undefined} field
 * @param {string | undefined} text
 */
function showError(box, field, text) {
  box.textContent = text ?? "";
  box.hidden = text === undefined;
  if (field) {
    if (text === undefined) field.removeAttribute("aria-invalid");
    else field.setAttribute("aria-invalid", "true");
  }
}

// ---------------------------------------------------------------- state

/**
 * @param {ConnectionState} state
 * @param {string} label
 * @param {string} detail
 */
function setState(state, label, detail) {
  statusBox.dataset.state = state;
  statusState.textContent = label;
  statusDetail.textContent = detail;
  document.title = state === "open" ? `● ${currentId} · Relay console` : "Relay console";
  updateControls();
  updateDevicesNote();
}

function isOpen() {
  return socket !== null && socket.readyState === WebSocket.OPEN;
}

function updateControls() {
  const open = isOpen();
  connectButton.disabled = wanted && socket !== null;
  connectButton.textContent = wanted && socket === null ? "Reconnect now" : "Connect";
  disconnectButton.disabled = !wanted;
  idInput.disabled = wanted;
  tokenInput.disabled = wanted;
  sendButton.disabled = !open;
  for (const button of commandButtons) button.disabled = !open;
  updateActionButtons();
}

function updateRelayUrl() {
  const id = idInput.value.trim() || "<id>";
  relayUrlText.textContent = socketUrl(id).href.replace(
    encodeURIComponent(id),
    id,
  );
}

// ---------------------------------------------------------------- connection

/** Where the token is kept: this tab's sessionStorage only, gone when the tab closes. */
const TOKEN_KEY = "relay-console-token";

/** @param {string} token */
function keepToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (a privacy mode): the token is typed again after a reload.
  }
}

/**
 * The claims of a JWT, read without verifying it (the relay verifies): the page only uses them
 * to connect as the credential's `sub` and to say what its role allows.
 * @param {string} token
 * @returns {{ sub?: unknown, role?: unknown } | undefined}
 */
function jwtClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return isObject(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

const TOKEN_HINT =
  "The relay's shared token, or an operator's credential (JWT). Kept for this tab only.";

/** Says what the typed credential is, and takes the id a JWT is for. */
function noteToken() {
  const claims = jwtClaims(tokenInput.value.trim());
  if (!claims) {
    tokenHint.textContent = TOKEN_HINT;
    return;
  }
  if (typeof claims.sub === "string" && !idProblem(claims.sub) && !wanted) {
    idInput.value = claims.sub;
    showError(idError, idInput, undefined);
    updateRelayUrl();
  }
  tokenHint.textContent = claims.role === "operator"
    ? `An operator's credential for "${claims.sub}": the page connects as that id.`
    : `This credential is a device's, not an operator's: the page cannot list the devices ` +
      "or the clients, nor follow them.";
}

function connect() {
  const id = idInput.value.trim();
  const problem = idProblem(id);
  showError(idError, idInput, problem);
  if (problem) {
    idInput.focus();
    return;
  }
  clearTimeout(reconnectTimer);
  currentId = id;
  currentToken = tokenInput.value.trim();
  keepToken(currentToken);
  wanted = true;
  attempts = 0;
  hadOpen = false;
  openSocket();
}

function openSocket() {
  clearTimeout(reconnectTimer);
  if (socket) return;
  const id = currentId;
  const shown = socketUrl(id).href;
  setState("connecting", "Connecting…", `to ${shown}${currentToken ? " with a token" : ""}`);
  const ws = new WebSocket(socketUrl(id, true), socketProtocols(currentToken));
  ws.binaryType = "arraybuffer";
  socket = ws;
  let opened = false;
  // The relay's first frame on the connection tells the mark of its events.
  eventMark = undefined;
  let first = true;
  ws.onopen = () => {
    if (socket !== ws) return;
    opened = true;
    hadOpen = true;
    attempts = 0;
    setState("open", "Open", `as ${id} on ${location.host}`);
    addEntry({ kind: "info", who: "connected", body: `Connected as ${id}.` });
    refreshClients();
    // Events flow from now on; the list fetched now is the base they apply to.
    loadDevices();
    // Back after a break: each board resumes its update from what it holds.
    if (otaRun && !otaRun.done) otaRun.reconnected();
  };
  ws.onmessage = (event) => {
    if (socket !== ws) return;
    if (first) {
      first = false;
      if (typeof event.data === "string" && takeHello(event.data)) return;
    }
    // The relay's presence events feed the Devices table, not the log.
    if (typeof event.data === "string" && takeMessage(event.data)) return;
    logIncoming(event.data);
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    refreshClients();
    updateDevicesNote();
    if (opened) onClosed(event);
    else onRefused();
  };
}

/** What the close codes that come without a reason mean. */
const CLOSE_MEANINGS = /** @type {Record<number, string>} */ ({
  1000: "normal closure",
  1001: "going away",
  1005: "no code given",
  1006: "connection lost",
});

/** @param {CloseEvent} event */
function closeText(event) {
  const reason = event.reason || CLOSE_MEANINGS[event.code];
  return reason ? `${event.code}: ${reason}` : `code ${event.code}`;
}

/** A connection that was open has closed. @param {CloseEvent} event */
function onClosed(event) {
  const what = closeText(event);
  addEntry({ kind: "info", who: "closed", body: `Connection closed (${what}).` });
  if (!wanted) {
    setState("closed", "Closed", `(${what})`);
    return;
  }
  if (event.code === CLOSE_REPLACED) {
    wanted = false;
    setState(
      "refused",
      "Closed",
      `(${what}): another connection took over the id "${currentId}". Not reconnecting.`,
    );
    return;
  }
  scheduleReconnect(`Closed (${what}).`);
}

/** A handshake failed: the browser does not say why, so ask the relay. */
async function onRefused() {
  if (!wanted) {
    setState("closed", "Closed", "Disconnected before the connection opened.");
    return;
  }
  const id = currentId;
  setState("connecting", "Checking…", "The relay did not accept the connection; asking it why…");
  const refusal = await explainRefusal(id, currentToken);
  // The user may have pressed Disconnect or Connect while the relay was being asked.
  if (!wanted || socket !== null || id !== currentId) return;
  addEntry({ kind: "info", who: "refused", body: refusal.text });
  if (refusal.kind === "token") {
    wanted = false;
    setState("refused", "Refused", refusal.text);
    return;
  }
  if (refusal.kind === "duplicate") {
    if (hadOpen) {
      // Most likely our own previous connection, which the relay drops once its keepalive expires.
      scheduleReconnect(`${refusal.text} Probably this page's previous connection.`);
      return;
    }
    wanted = false;
    setState("refused", "Refused", refusal.text);
    return;
  }
  scheduleReconnect(refusal.text);
}

/**
 * Tells a duplicate id from a bad token from anything else: `/clients`
 * answers 401 exactly when the token is missing or wrong, and lists the id
 * when it is taken.
 * @param {string} id
 * @param {string} token
 * @returns {Promise<Refusal>}
 */
async function explainRefusal(id, token) {
  /** @type {ClientSummary[] | "unauthorized" | undefined} */
  let clients;
  let reason = "";
  try {
    const response = await fetch(new URL("clients", location.href), {
      headers: authHeaders(token),
      cache: "no-store",
    });
    if (response.status === 401 || response.status === 403) {
      // The relay's reason never holds the token.
      reason = `${response.status}: ${(await response.text()).trim().slice(0, 200)}`;
      clients = "unauthorized";
    } else if (response.ok) {
      clients = await response.json();
    } else {
      await response.body?.cancel();
    }
  } catch {
    return { kind: "unknown", text: `The relay at ${location.host} cannot be reached.` };
  }
  if (clients === "unauthorized") {
    return {
      kind: "token",
      text: token
        ? `The relay refused the token (${reason}). Check the Token field and connect again.`
        : "This relay requires a token or an operator's credential. " +
          "Enter it in the Token field and connect again.",
    };
  }
  const claims = jwtClaims(token);
  if (claims && typeof claims.sub === "string" && claims.sub !== id) {
    return {
      kind: "token",
      text:
        `The credential is for the id "${claims.sub}", not "${id}": connect as "${claims.sub}".`,
    };
  }
  if (clients?.some((client) => client.id === id)) {
    return {
      kind: "duplicate",
      text:
        `The id "${id}" is already connected. Pick another id, or disconnect the client using it.`,
    };
  }
  return {
    kind: "unknown",
    text: "The relay refused the connection (it may be full or restarting).",
  };
}

/** @param {string} why */
function scheduleReconnect(why) {
  const wait = Math.min(RECONNECT_FIRST_MS * 2 ** attempts, RECONNECT_MAX_MS);
  attempts++;
  setState("waiting", "Reconnecting", `${why} Trying again in ${Math.round(wait / 1000)} s.`);
  reconnectTimer = setTimeout(openSocket, wait);
}

function disconnect() {
  wanted = false;
  clearTimeout(reconnectTimer);
  if (socket) {
    socket.close(1000, "closed from the console");
    // onclose reports the code once the relay has answered.
    setState("closed", "Closing…", "");
  } else {
    setState("closed", "Closed", "Disconnected.");
  }
}

// ---------------------------------------------------------------- log

/**
 * @typedef {object} Entry
 * @property {"in" | "out" | "info"} kind
 * @property {string} who who sent it, or what happened
 * @property {string} [type] text, JSON, binary, command
 * @property {number} [size] bytes
 * @property {string} body
 * @property {boolean} [binary] the body is a hex dump
 * @property {string[]} [boards] the boards it came from or went to, for the Board filter
 */

let frameRequested = false;

/** Asks for {@linkcode frame}, once until it runs. */
function requestFrame() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

/**
 * The page's one animation-frame callback: the Devices table and the message log, each if due.
 * Every layout read comes first, while the page is as the browser last laid it out; then the
 * writes. A read after a write would make the browser lay the page out again in mid-frame.
 */
function frame() {
  frameRequested = false;
  const drawLog = logDue;
  logDue = false;
  const drawDevices = devicesDue;
  devicesDue = false;
  // Whether the log follows new entries: measured now rather than tracked from scroll events,
  // which arrive a frame late.
  const follow = drawLog && !logPaused && atBottom();
  const scroll = drawDevices ? readDeviceScroll() : undefined;
  if (scroll) deviceFrame(scroll);
  if (drawLog) flushLog(follow);
}

function atBottom() {
  return logList.scrollHeight - logList.scrollTop - logList.clientHeight < 8;
}

function scrollToLatest() {
  logList.scrollTop = logList.scrollHeight;
  jumpButton.hidden = true;
}

/** Entries waiting to be drawn, with the time each arrived. */
let logQueue = /** @type {{ entry: Entry, at: Date }[]} */ ([]);
/**
 * The log is drawn at most this often (ms): a chatty fleet's messages are drawn in batches, a
 * fifth of a second apart, which a reader cannot tell from one by one.
 */
const LOG_DRAW_MS = 200;
/** When the log was last drawn (`performance.now()`). */
let logDrawnAt = -Infinity;
/** The wait until the log may be drawn again, while one runs. */
let logTimer = /** @type {ReturnType<typeof setTimeout> | undefined} */ (undefined);
/** The next frame draws the log. */
let logDue = false;

/**
 * Queues an entry; the log is drawn in the page's frame ({@linkcode frame}) at most every
 * LOG_DRAW_MS, so a chatty fleet costs one layout a batch rather than one a message.
 * @param {Entry} entry
 */
function addEntry(entry) {
  logQueue.push({ entry, at: new Date() });
  // Entries that would be dropped at once are never drawn.
  if (logQueue.length > LOG_LIMIT) logQueue.splice(0, logQueue.length - LOG_LIMIT);
  if (logDue || logTimer !== undefined) return;
  const wait = logDrawnAt + LOG_DRAW_MS - performance.now();
  if (wait <= 0) {
    logDue = true;
    requestFrame();
    return;
  }
  logTimer = setTimeout(() => {
    logTimer = undefined;
    logDue = true;
    requestFrame();
  }, wait);
}

/** @param {Entry} entry @param {Date} now */
function entryItem(entry, now) {
  const item = document.createElement("li");
  item.className = `entry entry-${entry.kind}`;
  const head = document.createElement("div");
  head.className = "entry-head";
  const time = document.createElement("time");
  time.dateTime = now.toISOString();
  time.textContent = clockTime(now);
  const who = document.createElement("span");
  who.className = "entry-who";
  who.textContent = entry.who;
  head.append(time, " ", who);
  if (entry.type) {
    const type = document.createElement("span");
    type.className = "entry-type";
    type.textContent = entry.size === undefined
      ? entry.type
      : `${entry.type} · ${sizeText(entry.size)}`;
    head.append(" ", type);
  }
  const body = document.createElement(entry.kind === "info" ? "p" : "pre");
  body.className = entry.binary ? "entry-body hex" : "entry-body";
  body.textContent = entry.body;
  item.append(head, body);
  return item;
}

/** Every entry kept (the last LOG_LIMIT), shown by the filters or not. */
let logEntries = /** @type {{ entry: Entry, at: Date }[]} */ ([]);
let logPaused = false;
/** Entries that arrived while the log was paused. */
let heldWhilePaused = 0;
/** The Board filter: an id, or "" for every board. */
let logBoard = "";
/** The Direction filter. */
let logDirection = "all";

/** Whether the filters show an entry. @param {Entry} entry */
function logShows(entry) {
  if (logDirection !== "all" && entry.kind !== logDirection) return false;
  return logBoard === "" || (entry.boards?.includes(logBoard) ?? false);
}

/** Redraws the log from what is kept: after a filter changes, on Resume and on Clear. */
function renderLog() {
  const fragment = document.createDocumentFragment();
  for (const { entry, at } of logEntries) {
    if (logShows(entry)) fragment.append(entryItem(entry, at));
  }
  logList.replaceChildren(fragment);
  scrollToLatest();
  updateLogNote();
}

function updateLogNote() {
  let text = "";
  if (logPaused) {
    text = `Paused: ${heldWhilePaused} new ${
      heldWhilePaused === 1 ? "message" : "messages"
    } not shown. Resume shows them.`;
  } else if (logBoard !== "" || logDirection !== "all") {
    text = `${logList.children.length} of ${logEntries.length} shown.`;
  }
  if (logNote.textContent !== text) logNote.textContent = text;
}

/**
 * Draws the entries queued since the last time. Runs in {@linkcode frame}, which measured
 * `follow` before anything changed the page.
 * @param {boolean} follow whether the log was scrolled to its end
 */
function flushLog(follow) {
  logDrawnAt = performance.now();
  const queued = logQueue;
  logQueue = [];
  logEntries.push(...queued);
  if (logEntries.length > LOG_LIMIT) logEntries.splice(0, logEntries.length - LOG_LIMIT);
  if (logPaused) {
    heldWhilePaused += queued.length;
    updateLogNote();
    return;
  }
  const fragment = document.createDocumentFragment();
  for (const { entry, at } of queued) {
    if (logShows(entry)) fragment.append(entryItem(entry, at));
  }
  logList.append(fragment);
  const excess = logList.children.length - LOG_LIMIT;
  if (excess > 0) {
    const before = follow ? 0 : logList.scrollHeight;
    for (let i = 0; i < excess; i++) logList.firstElementChild?.remove();
    // Keep what the user is reading in place while older entries disappear above it.
    if (!follow) logList.scrollTop -= before - logList.scrollHeight;
  }
  if (logBoard !== "" || logDirection !== "all") updateLogNote();
  // Last: the page is laid out once, here, for this read of its height and the frame's drawing.
  if (follow) scrollToLatest();
  else jumpButton.hidden = false;
}

/** Downloads the entries the filters show, one JSON object a line (binary as its hex dump). */
function exportLog() {
  const lines = logEntries.filter(({ entry }) => logShows(entry)).map(({ entry, at }) =>
    JSON.stringify({
      at: at.toISOString(),
      direction: entry.kind,
      who: entry.who,
      boards: entry.boards ?? [],
      type: entry.type ?? null,
      size: entry.size ?? null,
      body: entry.body,
    })
  );
  const now = new Date();
  const name = `relay-log-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${
    pad(now.getHours())
  }${pad(now.getMinutes())}${pad(now.getSeconds())}.jsonl`;
  const url = URL.createObjectURL(
    new Blob([lines.map((line) => `${line}\n`).join("")], { type: "application/x-ndjson" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  logNote.textContent = `Exported ${lines.length} ${
    lines.length === 1 ? "entry" : "entries"
  } as ${name}.`;
}

function setLogPaused(/** @type {boolean} */ paused) {
  logPaused = paused;
  pauseLogButton.setAttribute("aria-pressed", String(paused));
  pauseLogButton.textContent = paused ? "Resume" : "Pause";
  if (!paused) {
    heldWhilePaused = 0;
    renderLog();
  } else {
    updateLogNote();
  }
}

/** @param {string | ArrayBuffer} data */
function logIncoming(data) {
  if (typeof data === "string") {
    const { json, from } = inspectText(data);
    addEntry({
      kind: "in",
      who: from === undefined ? "received" : `from ${from}`,
      type: json ? "JSON" : "text",
      size: encoder.encode(data).length,
      body: data,
      ...(from === undefined ? {} : { boards: [from] }),
    });
    return;
  }
  const bytes = new Uint8Array(data);
  addEntry({
    kind: "in",
    who: "received",
    type: "binary",
    size: bytes.length,
    body: hexDump(bytes),
    binary: true,
  });
}

// ---------------------------------------------------------------- sending

function mode() {
  const checked = sendForm.querySelector("input[name=mode]:checked");
  return checked instanceof HTMLInputElement ? checked.value : "text";
}

function updateMode() {
  const current = mode();
  const file = current === "file";
  messageField.hidden = file;
  fileField.hidden = !file;
  messageInput.placeholder = current === "json" ? '{"to": "esp32-ab12", "cmd": "status"}' : "";
  showError(messageError, messageInput, undefined);
}

async function send() {
  if (!socket || !isOpen()) return;
  const ws = socket;
  const current = mode();
  if (current === "file") {
    const file = fileInput.files?.[0];
    if (!file) {
      showError(messageError, fileInput, "Choose a file first.");
      fileInput.focus();
      return;
    }
    showError(messageError, fileInput, undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    ws.send(bytes);
    addEntry({
      kind: "out",
      who: `sent ${file.name}`,
      type: "binary",
      size: bytes.length,
      body: hexDump(bytes),
      binary: true,
    });
    return;
  }
  const text = messageInput.value;
  if (current === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      showError(messageError, messageInput, `Not sent: invalid JSON. ${reason}`);
      messageInput.focus();
      return;
    }
  } else if (text === "") {
    showError(messageError, messageInput, "Type a message first.");
    messageInput.focus();
    return;
  }
  showError(messageError, messageInput, undefined);
  ws.send(text);
  addEntry({
    kind: "out",
    who: "sent",
    type: current === "json" ? "JSON" : "text",
    size: encoder.encode(text).length,
    body: text,
  });
}

/** @param {HTMLButtonElement} button */
function sendCommand(button) {
  if (!socket || !isOpen()) return;
  const to = targetInput.value.trim();
  const problem = to === "*" ? undefined : idProblem(to);
  showError(
    targetError,
    targetInput,
    problem && (to === "" ? "Enter the device id, or * for every device." : problem),
  );
  if (problem) {
    targetInput.focus();
    return;
  }
  /** @type {{ to: string, cmd: string, on?: boolean }} */
  const command = { to, cmd: button.dataset.cmd ?? "" };
  if (button.dataset.on !== undefined) command.on = button.dataset.on === "true";
  const text = JSON.stringify(command);
  socket.send(text);
  addEntry({
    kind: "out",
    who: "sent",
    type: "command",
    size: encoder.encode(text).length,
    body: text,
    ...(to === "*" ? {} : { boards: [to] }),
  });
}

// ---------------------------------------------------------------- clients

let clientsLoading = false;
let clientsAgain = false;
/** @type {Map<string, HTMLLIElement>} */
const clientItems = new Map();
/**
 * A client's connection time as shown, kept while it is the same: with a fleet the list is long,
 * and formatting a time for each entry at each refresh is most of its cost.
 * @type {Map<string, { at: string, text: string, title: string }>}
 */
const clientSince = new Map();
/** The ids offered as targets in the Device id field, each with its option. */
const targetOptionItems = /** @type {Map<string, HTMLOptionElement>} */ (new Map());

/** Fetches `/clients`; a refresh asked for while one is running runs right after it. */
async function refreshClients() {
  if (clientsLoading) {
    clientsAgain = true;
    return;
  }
  clientsLoading = true;
  try {
    const token = activeToken();
    const response = await fetch(new URL("clients", location.href), {
      headers: authHeaders(token),
      cache: "no-store",
    });
    if (response.status === 401) {
      await response.body?.cancel();
      renderClients([]);
      clientsNote.textContent = token
        ? "The token is wrong, so the list is hidden."
        : "This relay requires a token to list its clients.";
      if (!token) {
        tokenHint.textContent = "This relay needs a credential: enter its token, or an " +
          "operator's credential (JWT), then connect.";
      }
      return;
    }
    if (response.status === 403) {
      await response.body?.cancel();
      renderClients([]);
      clientsNote.textContent = "Listing the clients needs an operator's credential, " +
        "and this one is not: the list is hidden.";
      return;
    }
    if (!response.ok) {
      await response.body?.cancel();
      clientsNote.textContent = `The relay answered ${response.status}.`;
      return;
    }
    /** @type {ClientSummary[]} */
    const clients = await response.json();
    renderClients(clients);
    clientsNote.textContent = clients.length === 0 ? "Nobody is connected." : "";
  } catch {
    renderClients([]);
    clientsNote.textContent = "The relay cannot be reached.";
  } finally {
    clientsLoading = false;
    if (clientsAgain) {
      clientsAgain = false;
      refreshClients();
    }
  }
}

/** @param {ClientSummary} client */
function clientItem(client) {
  const item = document.createElement("li");
  item.className = "client";
  const name = document.createElement("span");
  name.className = "client-id";
  const meta = document.createElement("span");
  meta.className = "client-meta";
  const target = document.createElement("button");
  target.type = "button";
  target.className = "small";
  target.textContent = "Target";
  // The accessible name starts with the visible word, so voice control users can say it.
  target.setAttribute("aria-label", `Target ${client.id}`);
  target.addEventListener("click", () => {
    targetInput.value = client.id;
    showError(targetError, targetInput, undefined);
    targetInput.focus();
  });
  item.append(name, meta, target);
  return item;
}

/**
 * Updates the list in place, so that a keyboard user's focus on a row's
 * button survives the periodic refresh.
 * @param {ClientSummary[]} clients
 */
function renderClients(clients) {
  const ids = new Set(clients.map((client) => client.id));
  for (const [id, item] of clientItems) {
    if (!ids.has(id)) {
      item.remove();
      clientItems.delete(id);
      clientSince.delete(id);
    }
  }
  for (const client of clients) {
    let item = clientItems.get(client.id);
    if (!item) {
      item = clientItem(client);
      clientItems.set(client.id, item);
      clientList.append(item);
    }
    const self = isOpen() && client.id === currentId;
    item.classList.toggle("self", self);
    const [name, meta] = item.children;
    // Only what changed is written: with a fleet connected the list is long.
    const nameText = self ? `${client.id} (you)` : client.id;
    if (name.textContent !== nameText) name.textContent = nameText;
    let since = clientSince.get(client.id);
    if (since?.at !== client.connectedSince) {
      const at = new Date(client.connectedSince);
      since = {
        at: client.connectedSince,
        text: at.toLocaleTimeString(),
        title: `connected since ${at.toLocaleString()}`,
      };
      clientSince.set(client.id, since);
    }
    const metaText =
      `${client.remote} · since ${since.text} · in ${client.messagesIn} · out ${client.messagesOut}`;
    if (meta.textContent !== metaText) {
      meta.textContent = metaText;
      meta.setAttribute("title", since.title);
    }
  }
  clientCount.textContent = `(${clients.length})`;
  // The targets change by the few clients that came or went: those options alone are touched
  // (a newcomer's is last, as it is in the list, oldest connection first).
  const options = new Set(["*", ...ids]);
  options.delete(currentId);
  for (const [id, option] of targetOptionItems) {
    if (!options.has(id)) {
      option.remove();
      targetOptionItems.delete(id);
    }
  }
  for (const id of options) {
    if (targetOptionItems.has(id)) continue;
    const option = document.createElement("option");
    option.value = id;
    if (id === "*") option.label = "every device";
    targetOptions.append(option);
    targetOptionItems.set(id, option);
  }
}

// ---------------------------------------------------------------- devices

/** Shortest gap between two announcements of boards going offline or online. */
const ANNOUNCE_MS = 3000;
/** Rows rendered above and below the visible ones, so a quick scroll shows no gap. */
const ROW_OVERSCAN = 8;
/** A `retained` event whose message the page did not see is fetched with `/devices`, at most this often. */
const RESYNC_MS = 5000;
/** Events held while the page is hidden (no frames): beyond this, the list is fetched again instead. */
const MAX_PENDING_EVENTS = 50_000;

/**
 * @typedef {object} DeviceRecord One entry of `GET /devices`.
 * @property {string} id
 * @property {boolean} online
 * @property {string} connectedSince ISO 8601
 * @property {string} lastSeen ISO 8601
 * @property {string} remote
 * @property {{ code: number, reason: string, at: string } | null} lastDisconnect
 * @property {{ at: string, message: unknown } | null} retained
 */

/**
 * @typedef {object} PresenceEvent One of the relay's events (`?events=1`).
 * @property {"online" | "offline" | "retained"} event
 * @property {string} id
 * @property {string} at ISO 8601
 * @property {number} [code]
 * @property {string} [reason]
 */

/** @typedef {string | number | null} SortValue null (blank) sorts last either way */

/**
 * @typedef {object} Device A device as the table shows it.
 * @property {string} id
 * @property {boolean} online
 * @property {number} since ms, when its current (or last) connection opened
 * @property {number} lastSeen ms
 * @property {string} remote
 * @property {{ code: number, reason: string, at: number } | null} lastDisconnect
 * @property {Record<string, unknown> | null} status the retained message's `status`
 * @property {number} statusAt ms
 * @property {Reply | null} reply the answer to the last command sent to it, or that it is awaited
 * @property {string[]} cells text of each column
 * @property {string[]} titles tooltip of each column
 * @property {SortValue[]} keys sort value of each column
 * @property {string} haystack what the text filter searches, in lower case
 * @property {number} version bumped on every change, so unchanged rows are not touched
 */

/**
 * @typedef {object} RowView A rendered row, reused for whichever device scrolls into it.
 * @property {HTMLTableRowElement} row
 * @property {HTMLInputElement} checkbox
 * @property {HTMLTableCellElement[]} cells
 * @property {HTMLProgressElement} progress in the Update cell
 * @property {HTMLElement} updateText in the Update cell, beside the bar
 * @property {string} id
 * @property {number} version
 * @property {boolean} selected
 */

/** The columns after the checkbox, in order; `key` matches the header's `data-sort`. */
const COLUMN_KEYS = /** @type {const} */ ([
  "id",
  "state",
  "lastSeen",
  "since",
  "uptime",
  "memory",
  "wifi",
  "led",
  "firmware",
  "update",
  "disconnect",
  "reply",
]);
const MONO_COLUMNS = new Set(["uptime", "memory", "wifi", "firmware"]);
/** Index of the Last reply column among COLUMN_KEYS. */
const REPLY_COLUMN = COLUMN_KEYS.indexOf("reply");
/** Index of the Update column (a progress bar and the outcome) among COLUMN_KEYS. */
const UPDATE_COLUMN = COLUMN_KEYS.indexOf("update");

const deviceCount = element("device-count", HTMLElement);
const devicesNote = element("devices-note", HTMLElement);
const refreshDevicesButton = element("refresh-devices", HTMLButtonElement);
const deviceFilter = element("device-filter", HTMLInputElement);
const deviceStateFilter = element("device-state", HTMLSelectElement);
const deviceShown = element("device-shown", HTMLElement);
const deviceSelected = element("device-selected", HTMLElement);
const deviceAnnounce = element("device-announce", HTMLElement);
const deviceScroll = element("device-scroll", HTMLElement);
const deviceTable = element("device-table", HTMLTableElement);
const deviceRows = element("device-rows", HTMLTableSectionElement);
const selectAll = element("device-select-all", HTMLInputElement);
const sortHeaders = /** @type {HTMLTableCellElement[]} */ ([
  ...deviceTable.querySelectorAll("th[data-sort]"),
]);

/** The mark of the relay's events on this connection, from its `hello`. */
let eventMark = /** @type {string | undefined} */ (undefined);
/** @type {Map<string, Device>} */
let devices = new Map();
/** The devices that pass the filters, sorted: what the table shows. */
let deviceView = /** @type {Device[]} */ ([]);
let onlineCount = 0;
/** Ids of the selected devices (kept while a filter hides them). */
const selectedIds = new Set();
let sortKey = "id";
let sortDirection = 1;
let filterText = "";
let filterState = "all";
/** The view must be filtered and sorted again before the next render. */
let viewDirty = true;
/** The next frame draws the Devices table. */
let devicesDue = false;
/** Events waiting for the next frame. */
let pendingEvents = /** @type {PresenceEvent[]} */ ([]);
/** Events that arrive while `/devices` is being fetched; applied after its answer. */
let heldEvents = /** @type {PresenceEvent[] | null} */ (null);
/**
 * A device's retained message, seen just before the relay's `retained` event
 * (which does not repeat it), by the message's `from`.
 * @type {Map<string, unknown>}
 */
const retainedMessages = new Map();
let devicesLoading = false;
let devicesAgain = false;
/** Why the list cannot be shown, if it cannot. */
let devicesProblem = /** @type {string | undefined} */ (undefined);
/** When the list was last fetched (ms), for the note while not live. */
let devicesAsOf = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let resyncTimer;
/** Measured height of a row in px; every row has the same, which keeps rendering to the rows in view. */
let rowHeight = 0;
/** @type {RowView[]} */
const rowPool = [];
const topSpacer = spacerRow();
const bottomSpacer = spacerRow();

function spacerRow() {
  const row = document.createElement("tr");
  row.className = "spacer";
  row.setAttribute("aria-hidden", "true");
  const cell = document.createElement("td");
  cell.colSpan = COLUMN_KEYS.length + 1;
  row.append(cell);
  return row;
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @returns {value is PresenceEvent} */
function isPresenceEvent(value) {
  return isObject(value) && typeof value.id === "string" && typeof value.at === "string" &&
    (value.event === "online" || value.event === "offline" || value.event === "retained");
}

/** The status inside a retained message: the firmware's `status`, else the message itself. */
function statusOf(/** @type {unknown} */ message) {
  if (!isObject(message)) return null;
  return isObject(message.status) ? message.status : message;
}

/** @param {number} ms */
function timeText(ms) {
  const date = new Date(ms);
  const now = new Date();
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** @param {number} seconds */
function durationText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}

/** @param {unknown} value */
function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Characters of the firmware's SHA-256 the Firmware column shows. */
const SHORT_HASH = 12;

/**
 * The status's `firmware: {sha256, bytes}` (what the firmware reports of its own image), if any.
 * @param {Record<string, unknown>} status
 * @returns {{ sha256: string, bytes: number | undefined } | undefined}
 */
function firmwareOf(status) {
  const firmware = status.firmware;
  if (!isObject(firmware) || typeof firmware.sha256 !== "string") return undefined;
  if (!/^[0-9a-f]{8,}$/i.test(firmware.sha256)) return undefined;
  return { sha256: firmware.sha256.toLowerCase(), bytes: finite(firmware.bytes) };
}

/** Works out a device's cells, tooltips, sort values and filter text after a change. */
function describe(/** @type {Device} */ device) {
  const status = device.status ?? {};
  const reported = device.status ? ` (reported ${timeText(device.statusAt)})` : "";
  /** @type {[string, string, SortValue][]} text, tooltip, sort value per column */
  const columns = [];
  columns.push([
    device.id,
    device.remote ? `${device.id} · ${device.remote}` : device.id,
    device.id,
  ]);
  columns.push([device.online ? "online" : "offline", "", device.online ? 0 : 1]);
  columns.push([
    timeText(device.lastSeen),
    new Date(device.lastSeen).toISOString(),
    device.lastSeen,
  ]);
  columns.push(
    device.online
      ? [timeText(device.since), new Date(device.since).toISOString(), device.since]
      : ["", "", null],
  );
  const uptime = finite(status.uptime);
  columns.push(
    uptime === undefined
      ? ["", "", null]
      : [durationText(uptime), `${uptime} s${reported}`, uptime],
  );
  const memory = isObject(status.memory) ? status.memory : {};
  const used = finite(memory.usage);
  const total = finite(memory.total);
  columns.push(
    used === undefined || total === undefined || total <= 0 ? ["", "", null] : [
      `${used} / ${total}`,
      `${used} of ${total} JsVars used (${Math.round((used / total) * 100)}%)${reported}`,
      used / total,
    ],
  );
  const wifi = isObject(status.wifi) ? status.wifi : {};
  const wifiText = [
    typeof wifi.state === "string" ? wifi.state : "",
    typeof wifi.ip === "string" ? wifi.ip : "",
    finite(wifi.rssi) === undefined ? "" : `${wifi.rssi} dBm`,
  ].filter(Boolean).join(" ");
  columns.push([wifiText, wifiText && `${wifiText}${reported}`, wifiText || null]);
  const blinking = typeof status.blinking === "boolean" ? status.blinking : undefined;
  columns.push(
    blinking === undefined ? ["", "", null] : [
      blinking ? "blinking" : "off",
      `LED ${blinking ? "blinking" : "off"}${reported}`,
      blinking ? 0 : 1,
    ],
  );
  const firmware = firmwareOf(status);
  columns.push(
    firmware === undefined ? ["—", "no firmware hash reported", null] : [
      firmware.sha256.slice(0, SHORT_HASH),
      `sha256 ${firmware.sha256}${
        firmware.bytes === undefined ? "" : ` · ${firmware.bytes} bytes`
      }${reported}`,
      firmware.sha256,
    ],
  );
  columns.push(updateColumn(device));
  const gone = device.lastDisconnect;
  if (gone) {
    const why = gone.reason || CLOSE_MEANINGS[gone.code] || "";
    columns.push([
      `${gone.code}${why ? ` ${why}` : ""} · ${timeText(gone.at)}`,
      `code ${gone.code}${why ? `: ${why}` : ""}, at ${new Date(gone.at).toISOString()}`,
      gone.at,
    ]);
  } else {
    columns.push(["", "", null]);
  }
  columns.push(replyColumn(device));
  device.cells = columns.map((column) => column[0]);
  device.titles = columns.map((column) => column[1]);
  device.keys = columns.map((column) => column[2]);
  device.haystack = `${device.cells.join("\n")}\n${device.remote}`.toLowerCase();
  device.version++;
}

/** @param {string} id @returns {Device} */
function blankDevice(id) {
  return {
    id,
    online: false,
    since: 0,
    lastSeen: 0,
    remote: "",
    lastDisconnect: null,
    status: null,
    statusAt: 0,
    reply: null,
    cells: [],
    titles: [],
    keys: [],
    haystack: "",
    version: 0,
  };
}

/** @param {DeviceRecord} record */
function deviceFromRecord(record) {
  const device = blankDevice(record.id);
  device.online = record.online;
  device.since = Date.parse(record.connectedSince);
  device.lastSeen = Date.parse(record.lastSeen);
  device.remote = record.remote;
  device.lastDisconnect = record.lastDisconnect && {
    code: record.lastDisconnect.code,
    reason: record.lastDisconnect.reason,
    at: Date.parse(record.lastDisconnect.at),
  };
  if (record.retained) {
    device.status = statusOf(record.retained.message);
    device.statusAt = Date.parse(record.retained.at);
  }
  describe(device);
  return device;
}

/**
 * Applies one event. The list fetched from `/devices` may already hold an
 * event that arrives after it: an event older than what the record says is skipped.
 * @param {PresenceEvent} event
 */
function applyEvent(event) {
  const at = Date.parse(event.at);
  let device = devices.get(event.id);
  if (!device) {
    device = blankDevice(event.id);
    devices.set(event.id, device);
  }
  if (event.event === "retained") {
    const message = retainedMessages.get(event.id);
    retainedMessages.delete(event.id);
    if (message === undefined) {
      // Sent without a `from` naming the device (or before this page connected): ask the relay.
      resyncSoon();
    } else if (at >= device.statusAt) {
      device.status = statusOf(message);
      device.statusAt = at;
    }
    device.lastSeen = Math.max(device.lastSeen, at);
  } else {
    if (at < device.lastSeen) return;
    const online = event.event === "online";
    if (online !== device.online) noteTransition(event.id, online);
    device.online = online;
    device.lastSeen = at;
    if (online) {
      device.since = at;
    } else {
      device.lastDisconnect = { code: event.code ?? 0, reason: event.reason ?? "", at };
    }
  }
  describe(device);
  viewDirty = true;
}

/**
 * The relay's `hello`, the first frame of a connection asking for marked events
 * (docs/fleet.md): remembers the mark. Returns true if it was the hello.
 * @param {string} text
 */
function takeHello(text) {
  if (!text.startsWith('{"event":"hello"')) return false;
  try {
    const value = JSON.parse(text);
    if (isObject(value) && value.event === "hello" && typeof value.mark === "string") {
      eventMark = value.mark;
      return true;
    }
  } catch {
    // Not the relay's: logged as any message.
  }
  return false;
}

/**
 * Handles a text message: one of the relay's events (only with this connection's mark; a
 * device's text shaped like an event is a message like any other), a device's retained status,
 * or its reply to a command. Returns true if it was an event, which the log does not show.
 * @param {string} text
 */
function takeMessage(text) {
  // Only a JSON object can be an event, a retained message or a reply: skip parsing the rest.
  if (text.charCodeAt(0) !== 0x7b) return false;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isObject(value)) return false;
  if (eventMark !== undefined && value.mark === eventMark && isPresenceEvent(value)) {
    if (heldEvents) heldEvents.push(value);
    else pendingEvents.push(value);
    if (pendingEvents.length > MAX_PENDING_EVENTS) {
      pendingEvents = [];
      loadDevices();
    }
    scheduleDeviceFrame();
    return true;
  }
  if (typeof value.from !== "string") return false;
  if (value.retain === true) {
    retainedMessages.set(value.from, value);
    if (retainedMessages.size > MAX_PENDING_EVENTS) retainedMessages.clear();
  }
  // A board's answers to an update show in its Update cell, not as a reply.
  if (otaRun && otaRun.message(value)) return false;
  if (typeof value.re === "string") takeReply(value.from, value.re, value);
  else if (value.event === "settings" && typeof value.trial === "string") {
    takeTrial(value.from, value);
  }
  return false;
}

function resyncSoon() {
  if (resyncTimer !== undefined) return;
  resyncTimer = setTimeout(() => {
    resyncTimer = undefined;
    loadDevices();
  }, RESYNC_MS);
}

function scheduleDeviceFrame() {
  devicesDue = true;
  requestFrame();
}

/**
 * Everything in the table that changed since the last frame, at most once a frame.
 * @param {DeviceScroll} scroll the table's scroll position, read before the frame's writes
 */
function deviceFrame(scroll) {
  if (pendingEvents.length > 0) {
    const events = pendingEvents;
    pendingEvents = [];
    for (const event of events) applyEvent(event);
  }
  if (viewDirty) rebuildView();
  renderDevices(scroll);
}

/** @param {Device} a @param {Device} b */
function compareDevices(a, b) {
  const column = COLUMN_KEYS.indexOf(/** @type {typeof COLUMN_KEYS[number]} */ (sortKey));
  const x = a.keys[column];
  const y = b.keys[column];
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    if (x < y) return -sortDirection;
    if (x > y) return sortDirection;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function rebuildView() {
  viewDirty = false;
  const view = [];
  let online = 0;
  for (const device of devices.values()) {
    if (device.online) online++;
    if (filterState === "online" && !device.online) continue;
    if (filterState === "offline" && device.online) continue;
    if (filterText && !device.haystack.includes(filterText)) continue;
    view.push(device);
  }
  view.sort(compareDevices);
  deviceView = view;
  onlineCount = online;
}

/** @returns {RowView} */
function newRowView() {
  const row = document.createElement("tr");
  const select = document.createElement("td");
  select.className = "col-select";
  const checkbox = document.createElement("input");
  checkbox.type = "checkbox";
  select.append(checkbox);
  row.append(select);
  const cells = COLUMN_KEYS.map((key, index) => {
    const cell = document.createElement(index === 0 ? "th" : "td");
    if (index === 0) {
      cell.setAttribute("scope", "row");
      cell.className = "device-id";
    } else if (MONO_COLUMNS.has(key)) {
      cell.className = "mono";
    }
    row.append(cell);
    return /** @type {HTMLTableCellElement} */ (cell);
  });
  // The Update cell holds a bar (role progressbar, named after its board) and a line of text.
  const progress = document.createElement("progress");
  progress.hidden = true;
  const updateText = document.createElement("span");
  updateText.className = "update-text";
  cells[UPDATE_COLUMN].append(progress, updateText);
  return {
    row,
    checkbox,
    cells,
    progress,
    updateText,
    id: "",
    version: -1,
    selected: false,
  };
}

/** @param {RowView} view @param {Device} device */
function fillRow(view, device) {
  const selected = selectedIds.has(device.id);
  if (view.id === device.id && view.version === device.version && view.selected === selected) {
    return;
  }
  const other = view.id !== device.id;
  if (other) {
    view.id = device.id;
    view.row.dataset.id = device.id;
    view.checkbox.setAttribute("aria-label", `Select ${device.id}`);
    view.progress.setAttribute("aria-label", `Firmware update of ${device.id}`);
  }
  // A row taking another device is redrawn whatever its version: versions count per device.
  if (view.version !== device.version || other) {
    for (let i = 0; i < view.cells.length; i++) {
      const cell = view.cells[i];
      if (i === UPDATE_COLUMN) {
        fillUpdateCell(view, device);
      } else if (cell.textContent !== device.cells[i]) cell.textContent = device.cells[i];
      if (device.titles[i]) cell.title = device.titles[i];
      else cell.removeAttribute("title");
    }
    view.cells[1].className = device.online ? "state-online" : "state-offline";
    const reply = device.reply;
    view.cells[REPLY_COLUMN].className = reply === null
      ? ""
      : reply.state === "ok"
      ? "reply-ok"
      : reply.state === "pending"
      ? "reply-pending"
      : "reply-failed";
    view.version = device.version;
  }
  view.checkbox.checked = selected;
  view.row.classList.toggle("selected", selected);
  view.selected = selected;
}

/**
 * Where the table is scrolled to, and how much of it is in view.
 * @typedef {{ top: number, height: number }} DeviceScroll
 */

/** @returns {DeviceScroll} */
function readDeviceScroll() {
  return { top: deviceScroll.scrollTop, height: deviceScroll.clientHeight };
}

/**
 * Renders the rows in view (plus a few), with spacers standing for the others.
 * @param {DeviceScroll} scroll
 */
function renderDevices(scroll = readDeviceScroll()) {
  const total = deviceView.length;
  const height = rowHeight || 36;
  const start = Math.max(0, Math.floor(scroll.top / height) - ROW_OVERSCAN);
  const end = Math.min(total, Math.ceil((scroll.top + scroll.height) / height) + ROW_OVERSCAN);
  const count = Math.max(0, end - start);
  while (rowPool.length < count) rowPool.push(newRowView());
  const rows = [];
  for (let i = 0; i < count; i++) {
    const view = rowPool[i];
    fillRow(view, deviceView[start + i]);
    view.row.setAttribute("aria-rowindex", String(start + i + 2));
    rows.push(view.row);
  }
  /** @type {HTMLElement} */ (topSpacer.firstElementChild).style.height = `${start * height}px`;
  /** @type {HTMLElement} */ (bottomSpacer.firstElementChild).style.height = `${
    (total - end) * height
  }px`;
  const children = deviceRows.children;
  let same = children.length === (count === 0 ? 0 : count + 2);
  for (let i = 0; same && i < count; i++) same = children[i + 1] === rows[i];
  if (!same) {
    if (count === 0) deviceRows.replaceChildren();
    else deviceRows.replaceChildren(topSpacer, ...rows, bottomSpacer);
  }
  deviceTable.setAttribute("aria-rowcount", String(total + 1));
  if (rowHeight === 0 && count > 0) {
    rowHeight = rows[0].getBoundingClientRect().height;
    if (rowHeight > 0 && rowHeight !== height) scheduleDeviceFrame();
  }

  deviceCount.textContent = `(${devices.size} · ${onlineCount} online)`;
  deviceShown.textContent = total === devices.size
    ? `${total} shown`
    : `${total} of ${devices.size} shown`;
  let shownSelected = 0;
  for (const device of deviceView) if (selectedIds.has(device.id)) shownSelected++;
  selectAll.checked = total > 0 && shownSelected === total;
  selectAll.indeterminate = shownSelected > 0 && shownSelected < total;
  selectAll.disabled = total === 0;
  const hidden = selectedIds.size - shownSelected;
  const selectedText = hidden > 0
    ? `${selectedIds.size} selected (${hidden} not shown)`
    : `${selectedIds.size} selected`;
  if (deviceSelected.textContent !== selectedText) deviceSelected.textContent = selectedText;
  updateActionButtons();
}

function updateSortHeaders() {
  for (const header of sortHeaders) {
    if (header.dataset.sort === sortKey) {
      header.setAttribute("aria-sort", sortDirection === 1 ? "ascending" : "descending");
    } else {
      header.removeAttribute("aria-sort");
    }
  }
}

/** @type {Map<string, boolean>} */
const transitions = new Map();
/** @type {ReturnType<typeof setTimeout> | undefined} */
let announceTimer;
let lastAnnounced = -Infinity;

/**
 * Boards going offline or coming back are announced together, at most once
 * every few seconds, so a screen reader is not flooded when many change at once.
 * @param {string} id
 * @param {boolean} online
 */
function noteTransition(id, online) {
  transitions.set(id, online);
  if (announceTimer !== undefined) return;
  const wait = Math.max(500, lastAnnounced + ANNOUNCE_MS - performance.now());
  announceTimer = setTimeout(announceTransitions, wait);
}

function announceTransitions() {
  announceTimer = undefined;
  lastAnnounced = performance.now();
  const came = /** @type {string[]} */ ([]);
  const went = /** @type {string[]} */ ([]);
  for (const [id, online] of transitions) (online ? came : went).push(id);
  transitions.clear();
  /** @param {string[]} ids @param {string} what */
  const say = (ids, what) =>
    ids.length === 0
      ? ""
      : ids.length <= 3
      ? `${ids.join(", ")} ${what}.`
      : `${ids.length} boards ${what}.`;
  deviceAnnounce.textContent = [say(went, "went offline"), say(came, "came online")]
    .filter(Boolean).join(" ");
}

function updateDevicesNote() {
  let text = "";
  if (devicesProblem) text = devicesProblem;
  else if (!isOpen()) {
    text = devicesAsOf
      ? `Not live: as of ${timeText(devicesAsOf)}. Connect to follow devices as they come and go.`
      : "Connect to follow devices as they come and go.";
  } else if (devices.size === 0) {
    text = "No device has connected yet (a device connects with ?role=device).";
  }
  if (devicesNote.textContent !== text) devicesNote.textContent = text;
}

/**
 * What the page cannot show, from `/devices`'s refusal. The reason comes
 * from the relay's body, which never holds the token.
 * @param {number} status
 * @param {string} reason
 * @param {string} token
 */
function devicesRefusal(status, reason, token) {
  const why = reason ? ` (${status}: ${reason})` : ` (${status})`;
  if (status === 401) {
    return token
      ? `The relay refused the token${why}: no devices are shown. Check the Token field.`
      : "This relay requires a token to list devices: enter it in the Token field and connect.";
  }
  if (status === 403) {
    return `Listing devices needs an operator's token, and this one is not${why}. ` +
      "Without it the page shows no devices and no online/offline changes.";
  }
  return `The relay could not list the devices${why}.`;
}

/**
 * Fetches `/devices` once (on load, when the connection opens, on Refresh);
 * from then on the relay's events keep the table current.
 */
async function loadDevices() {
  if (devicesLoading) {
    devicesAgain = true;
    return;
  }
  devicesLoading = true;
  heldEvents = [];
  const token = activeToken();
  try {
    const response = await fetch(new URL("devices", location.href), {
      headers: authHeaders(token),
      cache: "no-store",
    });
    if (!response.ok) {
      const reason = (await response.text()).trim().slice(0, 200);
      devicesProblem = devicesRefusal(response.status, reason, token);
      if (response.status === 401 || response.status === 403) {
        devices = new Map();
        selectedIds.clear();
        viewDirty = true;
      }
      return;
    }
    const received = performance.now();
    /** @type {DeviceRecord[]} */
    const records = await response.json();
    const fresh = new Map();
    for (const record of records) {
      const device = deviceFromRecord(record);
      // What a board answered is the page's own knowledge: a fetch keeps it.
      const reply = devices.get(record.id)?.reply;
      if (reply) {
        device.reply = reply;
        describe(device);
      }
      fresh.set(record.id, device);
    }
    devices = fresh;
    for (const id of selectedIds) if (!devices.has(id)) selectedIds.delete(id);
    devicesProblem = undefined;
    devicesAsOf = Date.now();
    rebuildView();
    renderDevices();
    // The frame after this one has painted the table: the time a user waits for it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.measure("devices-render", {
          start: received,
          end: performance.now(),
          detail: { devices: records.length },
        });
      })
    );
  } catch {
    devicesProblem = "The relay cannot be reached to list the devices.";
  } finally {
    if (heldEvents) pendingEvents.push(...heldEvents);
    heldEvents = null;
    devicesLoading = false;
    updateDevicesNote();
    scheduleDeviceFrame();
    if (devicesAgain) {
      devicesAgain = false;
      loadDevices();
    }
  }
}

/** Sorting by a header: the same one again reverses the order. @param {string} key */
function sortBy(key) {
  if (key === sortKey) sortDirection = -sortDirection;
  else {
    sortKey = key;
    sortDirection = 1;
  }
  updateSortHeaders();
  viewDirty = true;
  scheduleDeviceFrame();
}

for (const header of sortHeaders) {
  header.querySelector("button")?.addEventListener(
    "click",
    () => sortBy(header.dataset.sort ?? "id"),
  );
}
deviceFilter.addEventListener("input", () => {
  filterText = deviceFilter.value.trim().toLowerCase();
  viewDirty = true;
  scheduleDeviceFrame();
});
deviceStateFilter.addEventListener("change", () => {
  filterState = deviceStateFilter.value;
  viewDirty = true;
  scheduleDeviceFrame();
});
deviceRows.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement)) return;
  const id = box.closest("tr")?.dataset.id;
  if (id === undefined) return;
  if (box.checked) selectedIds.add(id);
  else selectedIds.delete(id);
  scheduleDeviceFrame();
});
selectAll.addEventListener("change", () => {
  for (const device of deviceView) {
    if (selectAll.checked) selectedIds.add(device.id);
    else selectedIds.delete(device.id);
  }
  scheduleDeviceFrame();
});
deviceScroll.addEventListener("scroll", scheduleDeviceFrame, { passive: true });
addEventListener("resize", () => {
  rowHeight = 0;
  scheduleDeviceFrame();
});
refreshDevicesButton.addEventListener("click", () => loadDevices());

// ---------------------------------------------------------------- actions

/** How long a board has to answer a command before the page counts it as failed. */
const REPLY_TIMEOUT_MS = 10_000;

/**
 * @typedef {object} Reply What a board answered to the last command the page sent it.
 * @property {string} cmd
 * @property {"pending" | "ok" | "failed"} state
 * @property {string} text what it answered (or why it failed)
 * @property {number} at ms: when it was sent (pending) or answered
 * @property {number} action the action it belongs to; 0 for none
 */

/**
 * @typedef {object} ActionSpec One of the buttons acting on the selected boards.
 * @property {string} label
 * @property {string} cmd the firmware's command (device/firmware/commands.ts)
 * @property {Record<string, unknown>} [fields] sent with it
 * @property {"pattern" | "say" | "settings" | "update"} [form] asks for what to send first
 * @property {boolean} [destructive] asks to confirm, naming the boards
 */

/**
 * @typedef {object} SettingRule One whole-number setting of the board: served by the relay
 * from device/firmware/config.ts, the one home of its default and bounds.
 * @property {string} path like `pattern.dotOnMs`
 * @property {number} default
 * @property {number} min
 * @property {number} max
 */

/** @type {Record<string, ActionSpec>} */
const ACTIONS = {
  status: { label: "Status", cmd: "status" },
  "blink-on": { label: "Blink on", cmd: "blink", fields: { on: true } },
  "blink-off": { label: "Blink off", cmd: "blink", fields: { on: false } },
  pattern: { label: "Pattern", cmd: "pattern", form: "pattern" },
  say: { label: "Say", cmd: "say", form: "say" },
  rehandshake: { label: "Rehandshake", cmd: "rehandshake" },
  reboot: { label: "Reboot", cmd: "reboot", destructive: true },
  settings: { label: "Settings", cmd: "settings", form: "settings", destructive: true },
  update: { label: "Update firmware", cmd: "ota", form: "update", destructive: true },
};

const actionButtons = /** @type {HTMLButtonElement[]} */ ([
  ...document.querySelectorAll(".device-actions button[data-action]"),
]);
const actionStatus = element("action-status", HTMLElement);
const actionDialog = element("action-dialog", HTMLDialogElement);
const actionForm = element("action-form", HTMLFormElement);
const actionTitle = element("action-title", HTMLElement);
const actionBoards = element("action-boards", HTMLElement);
const actionFields = element("action-fields", HTMLElement);
const actionError = element("action-error", HTMLElement);
const actionConfirm = element("action-confirm", HTMLButtonElement);
const actionCancel = element("action-cancel", HTMLButtonElement);

/** @type {Map<number, { label: string, ids: string[], timer: ReturnType<typeof setTimeout> }>} */
const actions = new Map();
let nextAction = 1;
/** @type {SettingRule[] | undefined} */
let settingRules;

/**
 * @typedef {object} DialogState What the dialog is doing: asking for a form's values, or
 * confirming.
 * @property {ActionSpec} spec
 * @property {string[]} ids
 * @property {"form" | "confirm"} step
 * @property {Record<string, unknown>} fields
 * @property {HTMLElement | null} opener
 * @property {{ image: OtaImage, name: string }} [firmware] the bundle an update sends
 */

/** @type {DialogState | null} */
let dialogState = null;

/** @param {string[]} ids */
function boardsText(ids) {
  return `${ids.length} ${ids.length === 1 ? "board" : "boards"}`;
}

/** The Last reply column of a device. @param {Device} device @returns {[string, string, SortValue]} */
function replyColumn(device) {
  const reply = device.reply;
  if (!reply) return ["", "", null];
  const when = timeText(reply.at);
  if (reply.state === "pending") {
    return [`${reply.cmd}: waiting…`, `${reply.cmd} sent at ${when}; no answer yet`, reply.at];
  }
  if (reply.state === "ok") {
    return [
      `${reply.cmd}: ${reply.text}`,
      `${reply.cmd} answered at ${when}: ${reply.text}`,
      reply.at,
    ];
  }
  return [
    `${reply.cmd} failed: ${reply.text}`,
    `${reply.cmd} failed at ${when}: ${reply.text}`,
    reply.at,
  ];
}

/**
 * What a reply says, in a few words.
 * @param {string} cmd
 * @param {Record<string, unknown>} value
 */
function replySummary(cmd, value) {
  if (value.ok !== true) {
    return typeof value.error === "string" ? value.error : "the board did not say ok";
  }
  if (cmd === "blink") return value.on === true ? "blinking" : "off";
  if (cmd === "pattern" && isObject(value.pattern)) {
    const pattern = value.pattern;
    return `${["dotOnMs", "dashOnMs", "offMs", "pauseMs"].map((key) => pattern[key]).join("/")} ms`;
  }
  if (cmd === "settings") {
    // device/firmware/remote_settings.ts: the fields changed and how the change applies.
    const changed = Array.isArray(value.changed) ? value.changed.join(", ") : "";
    if (value.apply === "none" || changed === "") return "nothing to change";
    const how = value.apply === "live"
      ? "applied"
      : value.apply === "restart"
      ? "applied, restarting"
      : value.apply === "trial"
      ? "on trial, restarting"
      : String(value.apply);
    return `${how} (${changed})`;
  }
  return "ok";
}

/**
 * A board's reply to a command (`{"from", "re", "ok", …}`): shown in its row; a status
 * reply also updates its status columns.
 * @param {string} from
 * @param {string} cmd
 * @param {Record<string, unknown>} value
 */
function takeReply(from, cmd, value) {
  const device = devices.get(from);
  if (!device) return;
  const waiting = device.reply?.state === "pending" && device.reply.cmd === cmd;
  const action = waiting && device.reply ? device.reply.action : 0;
  const now = Date.now();
  device.reply = {
    cmd,
    state: value.ok === true ? "ok" : "failed",
    text: replySummary(cmd, value),
    at: now,
    action,
  };
  if (value.ok === true && cmd === "status" && isObject(value.status)) {
    device.status = value.status;
    device.statusAt = now;
  } else if (value.ok === true && cmd === "blink" && typeof value.on === "boolean") {
    // The LED column follows what the board says it now does.
    device.status = { ...device.status, blinking: value.on };
    device.statusAt = now;
  }
  describe(device);
  viewDirty = true;
  scheduleDeviceFrame();
  if (action) actionProgress(action, false);
}

/**
 * How a trial of settings ended, as the board tells once it is back
 * (`{"from", "event": "settings", "trial": "kept" | "undone", "changed", "reason"}`): shown as
 * its settings reply.
 * @param {string} from
 * @param {Record<string, unknown>} value
 */
function takeTrial(from, value) {
  const device = devices.get(from);
  if (!device) return;
  const changed = Array.isArray(value.changed) ? ` (${value.changed.join(", ")})` : "";
  const kept = value.trial === "kept";
  device.reply = {
    cmd: "settings",
    state: kept ? "ok" : "failed",
    text: kept ? `trial kept${changed}` : `trial undone${changed}: ${String(value.reason ?? "")}`,
    at: Date.now(),
    action: 0,
  };
  describe(device);
  viewDirty = true;
  scheduleDeviceFrame();
}

/**
 * Announces where an action stands once every board answered (or the wait is over).
 * @param {number} id
 * @param {boolean} timedOut
 */
function actionProgress(id, timedOut) {
  const action = actions.get(id);
  if (!action) return;
  const answered = [];
  const failed = [];
  let waiting = 0;
  for (const board of action.ids) {
    const device = devices.get(board);
    const reply = device?.reply;
    if (!device || !reply || reply.action !== id) continue;
    if (reply.state === "pending") {
      if (!timedOut) {
        waiting++;
        continue;
      }
      device.reply = {
        ...reply,
        state: "failed",
        text: `no answer within ${REPLY_TIMEOUT_MS / 1000} s${device.online ? "" : " (offline)"}`,
        at: Date.now(),
      };
      describe(device);
      viewDirty = true;
      scheduleDeviceFrame();
    }
    if (device.reply?.state === "ok") answered.push(board);
    else failed.push(board);
  }
  if (waiting > 0) return;
  clearTimeout(action.timer);
  actions.delete(id);
  const failures = failed.length === 0
    ? ""
    : ` ${failed.length} failed: ${failed.slice(0, 5).join(", ")}${
      failed.length > 5 ? ", …" : ""
    }.`;
  actionStatus.textContent = `${action.label}: ${answered.length} of ${
    boardsText(action.ids)
  } answered ok.${failures}`;
}

/**
 * Sends one command to the boards (one message: the relay hands it to each one named).
 * @param {ActionSpec} spec
 * @param {string[]} ids
 * @param {Record<string, unknown>} fields
 */
function sendAction(spec, ids, fields) {
  if (!socket || !isOpen() || ids.length === 0) return;
  const text = JSON.stringify({ to: ids.length === 1 ? ids[0] : ids, cmd: spec.cmd, ...fields });
  socket.send(text);
  addEntry({
    kind: "out",
    who: `sent to ${ids.length === 1 ? ids[0] : boardsText(ids)}`,
    type: "command",
    size: encoder.encode(text).length,
    body: text,
    boards: ids,
  });
  const id = nextAction++;
  const now = Date.now();
  for (const board of ids) {
    const device = devices.get(board);
    if (!device) continue;
    device.reply = { cmd: spec.cmd, state: "pending", text: "", at: now, action: id };
    describe(device);
  }
  viewDirty = true;
  scheduleDeviceFrame();
  actions.set(id, {
    label: spec.label,
    ids,
    timer: setTimeout(() => actionProgress(id, true), REPLY_TIMEOUT_MS),
  });
  actionStatus.textContent = `Sent ${spec.label} to ${boardsText(ids)}; waiting for answers.`;
}

function updateActionButtons() {
  const disabled = !isOpen() || selectedIds.size === 0;
  for (const button of actionButtons) {
    if (button.disabled !== disabled) button.disabled = disabled;
  }
}

/** The settings rules, fetched once from the relay (which reads device/firmware/config.ts). */
async function loadSettingRules() {
  if (settingRules) return settingRules;
  const response = await fetch(new URL("console/settings_rules.json", location.href));
  if (!response.ok) throw new Error(`the relay answered ${response.status}`);
  settingRules = /** @type {SettingRule[]} */ (await response.json());
  return settingRules;
}

/**
 * A labelled field of the dialog, with its hint and error described by it.
 * @param {{ name: string, label: string, hint: string, type: "number" | "text", rule?: SettingRule }} options
 */
function dialogField(options) {
  const id = `action-field-${options.name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = options.label;
  const input = document.createElement("input");
  input.id = id;
  input.name = options.name;
  input.autocomplete = "off";
  if (options.type === "number" && options.rule) {
    input.type = "text";
    input.inputMode = "numeric";
    input.placeholder = String(options.rule.default);
  }
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.id = `${id}-hint`;
  hint.textContent = options.hint;
  const error = document.createElement("p");
  error.className = "error";
  error.id = `${id}-error`;
  error.hidden = true;
  input.setAttribute("aria-describedby", `${hint.id} ${error.id}`);
  field.append(label, input, hint, error);
  return field;
}

/**
 * Checks a whole-number field as the board does: empty is "not given".
 * @param {HTMLInputElement} input
 * @param {SettingRule} rule
 * @returns {number | undefined | string} the value, undefined when empty, or the problem
 */
function checkWhole(input, rule) {
  const text = input.value.trim();
  if (text === "") return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < rule.min || value > rule.max) {
    return `${rule.path} must be a whole number from ${rule.min} to ${rule.max}.`;
  }
  return value;
}

/** @param {HTMLInputElement} input @param {string | undefined} problem */
function fieldError(input, problem) {
  const error = document.getElementById(`${input.id}-error`);
  if (error) showError(error, input, problem);
}

/**
 * Opens the action of a button on the selected boards: at once, or through the dialog for a
 * form or a confirmation.
 * @param {string} name
 * @param {HTMLElement | null} opener
 */
async function startAction(name, opener) {
  const spec = ACTIONS[name];
  const ids = [...selectedIds].sort();
  if (!spec || ids.length === 0) return;
  if (spec.form === "update" && otaRun && !otaRun.done) {
    updateStatus.textContent = "An update is still running: wait for its outcome first.";
    return;
  }
  if (!spec.form && !spec.destructive) {
    sendAction(spec, ids, spec.fields ?? {});
    return;
  }
  dialogState = { spec, ids, step: spec.form ? "form" : "confirm", fields: {}, opener };
  showError(actionError, undefined, undefined);
  actionBoards.textContent = `${boardsText(ids)}: ${ids.join(", ")}`;
  actionFields.replaceChildren();
  if (spec.form === "say") {
    actionFields.append(dialogField({
      name: "text",
      label: "Text",
      hint: "The board sends it to the relay as it is.",
      type: "text",
    }));
  } else if (spec.form === "update") {
    actionFields.append(firmwareField());
  } else if (spec.form === "pattern" || spec.form === "settings") {
    let rules;
    try {
      rules = await loadSettingRules();
    } catch (error) {
      actionStatus.textContent = `The settings' rules could not be loaded: ${
        error instanceof Error ? error.message : String(error)
      }.`;
      return;
    }
    const shown = spec.form === "pattern"
      ? rules.filter((rule) => rule.path.startsWith("pattern."))
      : rules;
    for (const rule of shown) {
      actionFields.append(dialogField({
        name: rule.path,
        label: spec.form === "pattern" ? rule.path.slice("pattern.".length) : rule.path,
        hint: `${rule.min}–${rule.max}, default ${rule.default}. Empty: unchanged.`,
        type: "number",
        rule,
      }));
    }
  }
  showDialogStep();
  if (!actionDialog.open) actionDialog.showModal();
  const first = actionFields.querySelector("input");
  (first ?? actionConfirm).focus();
}

function showDialogStep() {
  if (!dialogState) return;
  const { spec, ids, step } = dialogState;
  actionFields.hidden = step !== "form";
  if (step === "form") {
    actionTitle.textContent = `${spec.label}: ${boardsText(ids)}`;
    actionConfirm.textContent = spec.destructive ? "Review…" : `Send to ${boardsText(ids)}`;
    actionConfirm.classList.remove("danger");
    return;
  }
  if (dialogState.firmware) {
    const { image, name } = dialogState.firmware;
    actionTitle.textContent = `Update the firmware of ${boardsText(ids)}?`;
    actionBoards.textContent =
      `Sends ${name} (${image.bytes.length} bytes, sha256 ${
        image.sha256.slice(0, SHORT_HASH)
      }…) to ${ids.join(", ")}. Each restarts into it and keeps it only if it reaches the ` +
      "relay within its confirm window; otherwise it goes back to the firmware it runs now.";
    actionConfirm.textContent = `Update ${boardsText(ids)}`;
    actionConfirm.classList.add("danger");
    return;
  }
  const changes = Object.entries(flatten(dialogState.fields)).map(([path, value]) =>
    `${path} = ${JSON.stringify(value)}`
  );
  actionTitle.textContent = spec.cmd === "reboot"
    ? `Reboot ${boardsText(ids)}?`
    : `Apply settings to ${boardsText(ids)}?`;
  actionBoards.textContent = `${
    spec.cmd === "reboot" ? "Reboots" : `Sets ${changes.join(", ")} on`
  } ${ids.join(", ")}.`;
  actionConfirm.textContent = spec.cmd === "reboot"
    ? `Reboot ${boardsText(ids)}`
    : `Apply to ${boardsText(ids)}`;
  actionConfirm.classList.add("danger");
}

/** `{"a": {"b": 1}}` → `{"a.b": 1}`. @param {Record<string, unknown>} value @param {string} [prefix] */
function flatten(value, prefix = "") {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (isObject(item)) Object.assign(out, flatten(item, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = item;
  }
  return out;
}

/** Reads the dialog's form, checked as the board checks it; undefined when something is wrong. */
function readDialogForm() {
  if (!dialogState) return undefined;
  const { spec } = dialogState;
  const inputs = /** @type {HTMLInputElement[]} */ ([...actionFields.querySelectorAll("input")]);
  if (spec.form === "say") {
    return { text: inputs[0].value };
  }
  /** @type {Record<string, unknown>} */
  const fields = {};
  /** @type {HTMLInputElement | undefined} */
  let firstBad;
  /** @type {Record<string, number>} */
  const given = {};
  for (const input of inputs) {
    const rule = settingRules?.find((r) => r.path === input.name);
    if (!rule) continue;
    const checked = checkWhole(input, rule);
    fieldError(input, typeof checked === "string" ? checked : undefined);
    if (typeof checked === "string") firstBad ??= input;
    else if (checked !== undefined) given[rule.path] = checked;
  }
  // The board keeps the reconnect bounds in order (device/firmware/settings.ts).
  const min = given["reconnect.minDelayMs"];
  const max = given["reconnect.maxDelayMs"];
  if (min !== undefined && max !== undefined && max < min) {
    const input = inputs.find((i) => i.name === "reconnect.maxDelayMs");
    if (input) {
      fieldError(input, "reconnect.maxDelayMs must not be below reconnect.minDelayMs.");
      firstBad ??= input;
    }
  }
  if (firstBad) {
    showError(actionError, undefined, "Not sent: correct the fields marked.");
    firstBad.focus();
    return undefined;
  }
  if (Object.keys(given).length === 0) {
    showError(actionError, undefined, "Not sent: give at least one value.");
    inputs[0]?.focus();
    return undefined;
  }
  showError(actionError, undefined, undefined);
  for (const [path, value] of Object.entries(given)) {
    if (spec.form === "pattern") {
      fields[path.slice("pattern.".length)] = value;
      continue;
    }
    // The board's settings are nested as in its settings file: {"pattern": {"dotOnMs": …}}.
    const keys = path.split(".");
    let target = fields;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(target[key])) target[key] = {};
      target = /** @type {Record<string, unknown>} */ (target[key]);
    }
    target[keys[keys.length - 1]] = value;
  }
  return spec.form === "settings" ? { set: fields } : fields;
}

function closeDialog() {
  const opener = dialogState?.opener;
  dialogState = null;
  if (actionDialog.open) actionDialog.close();
  opener?.focus();
}

actionForm.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!dialogState) return;
  const state = dialogState;
  if (state.spec.form === "update") {
    if (state.step === "form") reviewFirmware(state);
    else if (state.firmware) {
      startUpdate(state.ids, state.firmware.image, state.firmware.name);
      closeDialog();
    }
    return;
  }
  if (state.step === "form") {
    const fields = readDialogForm();
    if (!fields) return;
    if (state.spec.destructive) {
      state.fields = state.spec.form === "settings"
        ? /** @type {Record<string, unknown>} */ (fields.set)
        : fields;
      state.step = "confirm";
      showDialogStep();
      actionConfirm.focus();
      return;
    }
    sendAction(state.spec, state.ids, fields);
    closeDialog();
    return;
  }
  sendAction(state.spec, state.ids, state.spec.form === "settings" ? { set: state.fields } : {});
  closeDialog();
});
actionCancel.addEventListener("click", () => {
  actionStatus.textContent = dialogState
    ? `${dialogState.spec.label}: cancelled, nothing sent.`
    : "";
  closeDialog();
});
actionDialog.addEventListener("cancel", () => {
  actionStatus.textContent = dialogState
    ? `${dialogState.spec.label}: cancelled, nothing sent.`
    : "";
  dialogState = null;
});
for (const button of actionButtons) {
  button.addEventListener("click", () => startAction(button.dataset.action ?? "", button));
}

// ---------------------------------------------------------------- firmware updates

/** @typedef {import("./ota_transfer.js").OtaImage} OtaImage */
/** @typedef {import("./ota_transfer.js").OtaTransfer} OtaTransfer */

const updateStatus = element("update-status", HTMLElement);
/** The update running, or the last one: its transfers speak ota_transfer.js's protocol. */
let otaRun = /** @type {OtaRun | null} */ (null);
/** @type {ReturnType<typeof setInterval> | undefined} */
let otaTicker;
/**
 * Each board's last update, kept across fetches of `/devices`.
 * @type {Map<string, { transfer: OtaTransfer, total: number, name: string }>}
 */
const updates = new Map();

/** The Update column of a device. @param {Device} device @returns {[string, string, SortValue]} */
function updateColumn(device) {
  const update = updates.get(device.id);
  if (!update) return ["", "", null];
  const { transfer, total, name } = update;
  const outcome = transfer.outcome;
  if (outcome) {
    const text = `${outcome.result}${outcome.reason ? `: ${outcome.reason}` : ""}`;
    return [text, `${name}: ${text}`, text];
  }
  const percent = Math.floor((transfer.acked / total) * 100);
  return [
    `${percent}% ${transfer.stage}`,
    `${name}: ${transfer.acked} of ${total} bytes acknowledged; ${transfer.stage}`,
    percent,
  ];
}

/** Draws a row's Update cell: the bar while it runs or once updated, and the text. */
function fillUpdateCell(/** @type {RowView} */ view, /** @type {Device} */ device) {
  const cell = view.cells[UPDATE_COLUMN];
  const update = updates.get(device.id);
  const text = device.cells[UPDATE_COLUMN];
  if (view.updateText.textContent !== text) view.updateText.textContent = text;
  if (device.titles[UPDATE_COLUMN]) cell.title = device.titles[UPDATE_COLUMN];
  else cell.removeAttribute("title");
  const outcome = update?.transfer.outcome;
  view.progress.hidden = !update || (outcome !== undefined && outcome.result !== "updated");
  if (update) {
    view.progress.max = update.total;
    view.progress.value = outcome ? update.total : update.transfer.acked;
  }
  cell.className = !update
    ? ""
    : !outcome
    ? "update-running"
    : outcome.result === "updated"
    ? "reply-ok"
    : "reply-failed";
}

/** The dialog's file picker for the bundle. */
function firmwareField() {
  const field = dialogField({
    name: "firmware",
    label: "Firmware bundle",
    hint: "dist/firmware.js, as deno task build makes it.",
    type: "text",
  });
  const input = /** @type {HTMLInputElement} */ (field.querySelector("input"));
  input.type = "file";
  input.accept = ".js,text/javascript";
  return field;
}

/**
 * Reads the chosen bundle and its SHA-256, then asks to confirm, naming the boards.
 * @param {DialogState} state
 */
async function reviewFirmware(state) {
  const input = /** @type {HTMLInputElement | null} */ (actionFields.querySelector("input"));
  const file = input?.files?.[0];
  if (!input || !file) {
    if (input) fieldError(input, "Choose the firmware bundle (dist/firmware.js).");
    input?.focus();
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = imageProblem(bytes);
  let image;
  try {
    if (problem) throw new Error(`${file.name} ${problem}.`);
    image = await otaImage(bytes, { sha256 });
  } catch (error) {
    fieldError(input, error instanceof Error ? error.message : String(error));
    input.focus();
    return;
  }
  if (dialogState !== state) return; // cancelled meanwhile
  fieldError(input, undefined);
  state.firmware = { image, name: file.name };
  state.step = "confirm";
  showDialogStep();
  actionConfirm.focus();
}

/**
 * Sends a firmware image to the boards: a bar in each one's row, then its outcome.
 * @param {string[]} ids
 * @param {OtaImage} image
 * @param {string} name the file's name
 */
function startUpdate(ids, image, name) {
  if (!socket || !isOpen()) return;
  clearInterval(otaTicker);
  const run = new OtaRun({
    ids,
    image,
    send: (message) => {
      if (!socket || !isOpen()) return; // resumed once the connection is back
      const text = JSON.stringify(message);
      socket.send(text);
      // Chunks are counted in the bars; the log shows each begin.
      if (message.op !== "begin") return;
      addEntry({
        kind: "out",
        who: `sent to ${message.to}`,
        type: "command",
        size: encoder.encode(text).length,
        body: text,
        boards: [String(message.to)],
      });
    },
    changed: updateChanged,
  });
  otaRun = run;
  for (const transfer of run.transfers) {
    updates.set(transfer.id, { transfer, total: image.bytes.length, name });
    const device = devices.get(transfer.id);
    if (device) describe(device);
  }
  viewDirty = true;
  scheduleDeviceFrame();
  actionStatus.textContent = `Update firmware: sending ${name} to ${boardsText(ids)}; each row ` +
    "shows its progress.";
  updateStatus.textContent = `Updating ${boardsText(ids)} with ${name} (${image.bytes.length} ` +
    "bytes).";
  run.start();
  otaTicker = setInterval(() => {
    run.tick();
    if (run.done) updateDone(run);
  }, 1000);
}

/** A board's progress, stage or outcome changed. @param {OtaTransfer} transfer */
function updateChanged(transfer) {
  const device = devices.get(transfer.id);
  if (device) describe(device);
  // Progress moves no row unless the table is sorted or filtered by it.
  if (sortKey === "update" || filterText) viewDirty = true;
  if (transfer.outcome) viewDirty = true;
  scheduleDeviceFrame();
  const run = otaRun;
  if (!transfer.outcome || !run || !run.transfer(transfer.id)) return;
  if (run.done) {
    updateDone(run);
    return;
  }
  const finished = run.transfers.filter((t) => t.outcome).length;
  updateStatus.textContent = `${outcomeText(transfer)}. ${finished} of ${
    boardsText(run.transfers.map((t) => t.id))
  } done.`;
}

/** `esp32-1 updated`, `esp32-2 refused: does not fit: …`. @param {OtaTransfer} transfer */
function outcomeText(transfer) {
  const outcome = transfer.outcome;
  if (!outcome) return `${transfer.id}: ${transfer.stage}`;
  return `${transfer.id} ${outcome.result}${outcome.reason ? `: ${outcome.reason}` : ""}`;
}

/** Every board has an outcome: says how it went, once. @param {OtaRun} run */
function updateDone(run) {
  if (run !== otaRun || otaTicker === undefined) return;
  clearInterval(otaTicker);
  otaTicker = undefined;
  const updated = run.transfers.filter((t) => t.outcome?.result === "updated");
  const others = run.transfers.filter((t) => t.outcome?.result !== "updated");
  updateStatus.textContent = `Update firmware: ${updated.length} of ${
    boardsText(run.transfers.map((t) => t.id))
  } updated.${others.length ? ` ${others.map(outcomeText).join("; ")}.` : ""}`;
}

// ---------------------------------------------------------------- wiring

connectForm.addEventListener("submit", (event) => {
  event.preventDefault();
  if (wanted && socket === null) openSocket();
  else connect();
});
disconnectButton.addEventListener("click", disconnect);
idInput.addEventListener("input", () => {
  showError(idError, idInput, undefined);
  updateRelayUrl();
});

sendForm.addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});
for (const radio of sendForm.querySelectorAll("input[name=mode]")) {
  radio.addEventListener("change", updateMode);
}
messageInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    sendForm.requestSubmit();
  }
});
messageInput.addEventListener("input", () => showError(messageError, messageInput, undefined));

for (const button of commandButtons) {
  button.addEventListener("click", () => sendCommand(button));
}
targetInput.addEventListener("input", () => showError(targetError, targetInput, undefined));
tokenInput.addEventListener("input", noteToken);

logList.addEventListener("scroll", () => {
  if (atBottom()) jumpButton.hidden = true;
});
jumpButton.addEventListener("click", () => {
  scrollToLatest();
  logList.focus();
});
clearLogButton.addEventListener("click", () => {
  logEntries = [];
  logQueue = [];
  heldWhilePaused = 0;
  renderLog();
});
pauseLogButton.addEventListener("click", () => setLogPaused(!logPaused));
exportLogButton.addEventListener("click", exportLog);
logBoardInput.addEventListener("input", () => {
  logBoard = logBoardInput.value.trim();
  if (!logPaused) renderLog();
});
// The ids offered are those known when the field is entered: 2,000 options cost nothing until then.
logBoardInput.addEventListener("focus", () => {
  logBoardOptions.replaceChildren(
    ...[...devices.keys()].sort().map((id) => {
      const option = document.createElement("option");
      option.value = id;
      return option;
    }),
  );
});
logDirectionSelect.addEventListener("change", () => {
  logDirection = logDirectionSelect.value;
  if (!logPaused) renderLog();
});

refreshButton.addEventListener("click", () => refreshClients());
setInterval(() => {
  if (document.visibilityState === "visible") refreshClients();
}, CLIENTS_POLL_MS);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") refreshClients();
});

idInput.value = randomId();
try {
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? "";
} catch {
  // No storage: nothing kept.
}
noteToken();
updateRelayUrl();
updateMode();
updateControls();
updateSortHeaders();
// The table first: with a fleet, drawing the Clients list (one entry a device) at the same time
// would make the table wait for it.
loadDevices().finally(refreshClients);
