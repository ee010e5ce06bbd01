/**
 * The relay console in the browser: connects to the relay that served this
 * page, shows who is connected, logs every message and sends text, JSON,
 * files and the device firmware's commands. Plain JavaScript with JSDoc
 * types (checked against the DOM by tests/console_test.ts), loaded as is:
 * no build step.
 *
 * @module
 */

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
 * @param {string} id
 * @param {string} token
 */
function socketUrl(id, token) {
  const url = new URL(encodeURIComponent(id), location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = token ? `?token=${encodeURIComponent(token)}` : "";
  url.hash = "";
  return url;
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
}

function updateRelayUrl() {
  const id = idInput.value.trim() || "<id>";
  relayUrlText.textContent = socketUrl(id, "").href.replace(
    encodeURIComponent(id),
    id,
  );
}

// ---------------------------------------------------------------- connection

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
  currentToken = tokenInput.value;
  wanted = true;
  attempts = 0;
  hadOpen = false;
  openSocket();
}

function openSocket() {
  clearTimeout(reconnectTimer);
  if (socket) return;
  const id = currentId;
  const shown = socketUrl(id, "").href;
  setState("connecting", "Connecting…", `to ${shown}${currentToken ? " with a token" : ""}`);
  const ws = new WebSocket(socketUrl(id, currentToken));
  ws.binaryType = "arraybuffer";
  socket = ws;
  let opened = false;
  ws.onopen = () => {
    if (socket !== ws) return;
    opened = true;
    hadOpen = true;
    attempts = 0;
    setState("open", "Open", `as ${id} on ${location.host}`);
    addEntry({ kind: "info", who: "connected", body: `Connected as ${id}.` });
    refreshClients();
  };
  ws.onmessage = (event) => {
    if (socket === ws) logIncoming(event.data);
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    refreshClients();
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
  try {
    const response = await fetch(new URL("clients", location.href), {
      headers: authHeaders(token),
      cache: "no-store",
    });
    if (response.status === 401) {
      await response.body?.cancel();
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
        ? "The relay refused the token. Check the Token field and connect again."
        : "This relay requires a token. Enter it in the Token field and connect again.",
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
 */

function atBottom() {
  return logList.scrollHeight - logList.scrollTop - logList.clientHeight < 8;
}

function scrollToLatest() {
  logList.scrollTop = logList.scrollHeight;
  jumpButton.hidden = true;
}

/** @param {Entry} entry */
function addEntry(entry) {
  // Measured now rather than tracked from scroll events, which arrive a frame late.
  const follow = atBottom();
  const now = new Date();
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
  logList.append(item);

  while (logList.children.length > LOG_LIMIT) {
    const oldest = /** @type {HTMLElement} */ (logList.firstElementChild);
    // Keep what the user is reading in place while older entries disappear above it.
    const height = oldest.offsetHeight;
    oldest.remove();
    if (!follow) logList.scrollTop -= height;
  }
  if (follow) scrollToLatest();
  else jumpButton.hidden = false;
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
  });
}

// ---------------------------------------------------------------- clients

let clientsLoading = false;
let clientsAgain = false;
/** @type {Map<string, HTMLLIElement>} */
const clientItems = new Map();

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
    name.textContent = self ? `${client.id} (you)` : client.id;
    const since = new Date(client.connectedSince);
    meta.textContent =
      `${client.remote} · since ${since.toLocaleTimeString()} · in ${client.messagesIn} · out ${client.messagesOut}`;
    meta.setAttribute("title", `connected since ${since.toLocaleString()}`);
  }
  clientCount.textContent = `(${clients.length})`;
  const options = ["*", ...clients.map((client) => client.id).filter((id) => id !== currentId)];
  targetOptions.replaceChildren(...options.map((id) => {
    const option = document.createElement("option");
    option.value = id;
    if (id === "*") option.label = "every device";
    return option;
  }));
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

logList.addEventListener("scroll", () => {
  if (atBottom()) jumpButton.hidden = true;
});
jumpButton.addEventListener("click", () => {
  scrollToLatest();
  logList.focus();
});
clearLogButton.addEventListener("click", () => {
  logList.replaceChildren();
  scrollToLatest();
});

refreshButton.addEventListener("click", () => refreshClients());
setInterval(() => {
  if (document.visibilityState === "visible") refreshClients();
}, CLIENTS_POLL_MS);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") refreshClients();
});

idInput.value = randomId();
updateRelayUrl();
updateMode();
updateControls();
refreshClients();
