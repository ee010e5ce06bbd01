/**
 * The virtual Espruino board: runs a firmware bundle in a `node:vm` context that has Espruino's
 * globals and modules and nothing of Deno's.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { assertEspruinoDialect } from "../tools/espruino_dialect.ts";
import { EventRegistry, IdleQueue, type Listener } from "./events.ts";
import { pinGlobals, Pins, type PinTransition } from "./pins.ts";
import {
  binaryToBytes,
  bytesToBinary,
  flattenToBytes,
  formatForConsole,
  formatThrown,
  isPin,
  Realm,
} from "./realm.ts";
import { type NetFaults, NetSession, NetWorker } from "./sockets.ts";
import { espruinoJsonParse, jsonHooks } from "./json_parse.ts";
import { STORAGE_BYTES, storageModule } from "./storage.ts";
import { timerModule } from "./timer_module.ts";
import { Timers } from "./timers.ts";
import { type WifiConfig, WifiEnvironment, WifiSession } from "./wifi.ts";

/** Options of {@linkcode VirtualBoard.boot}. */
export interface VirtualBoardOptions {
  /**
   * The bundle to run at boot, exactly as it would be flashed. It is dialect-checked first and
   * refused (boot rejects) if Espruino could not run it.
   */
  code: string;
  /**
   * Store `code` as Storage `.bootcde` so it runs again after every reboot, like uploading with
   * `--config SAVE_ON_SEND=1` (default true). With false it runs once, from RAM.
   */
  saveOnSend?: boolean;
  /** What `getSerial()` returns (default `"240ac4a1-b2c3"`, the ESP32's MAC). */
  serial?: string;
  /** false: `require("Wifi")` throws `Module "Wifi" not found` (default true). */
  hasWifi?: boolean;
  /** The simulated Wi-Fi network. */
  wifi?: WifiConfig;
  /** Initial Storage files (binary strings); Storage is kept across reboots. */
  storage?: Record<string, string>;
  /** `process.memory().total` (default 16383, as on the ESP32; 4095 on the ESP32-C3). */
  variables?: number;
  /** Called with every line the board prints. */
  onConsole?: (line: string) => void;
  /**
   * Source of `Math.random()` and `E.hwRand()` (default: a fixed-seed generator that restarts
   * at every boot, as on the real board; `E.srand` reseeds it).
   */
  random?: () => number;
  /** Longest a `connect` may block before throwing "Unable to create socket" (default 5000). */
  connectTimeoutMs?: number;
  /**
   * How long a full utility-timer queue is waited for before "Timeout on Utility Timer" (default
   * 400 ms, the reference interpreter's `ESPRUINO_WAIT_UNTIL_MS`; estimated 250–500 ms on a chip).
   */
  timerWaitMs?: number;
}

/** Test controls for the board's Wi-Fi. */
export interface WifiControl {
  /** The access point comes back (the board does not reconnect by itself). */
  up(): void;
  /**
   * The access point goes away: a connected board gets `disconnected {reason}` and its open
   * sockets die silently (no data either way, no close), as on a dead network.
   */
  down(reason?: string): void;
  /** While on, DHCP never answers: `connect` ends with `dhcp_timeout`. */
  dhcpTimeout(on: boolean): void;
  /** The board's station has an IP address. */
  readonly connected: boolean;
}

/** Faults a test can inject into the board's network. */
export interface FaultControl {
  /** While on, `net/tls.connect` throws "Unable to create socket" synchronously. */
  unreachable(on: boolean): void;
  /** While on, `connect` throws "Unable to locate host". */
  unknownHost(on: boolean): void;
  /** The next `connect` blocks the whole thread for `ms` first, like a slow connect. */
  blockConnect(ms: number): void;
  /** While on, open sockets deliver nothing either way (no close, no error). */
  stall(on: boolean): void;
  /** Delays each delivered data chunk by `msPerChunk` (0 turns it off). */
  slow(msPerChunk: number): void;
  /** Raises an `E.on('errorFlag')` flag such as `"LOW_MEMORY"`. */
  errorFlag(flag: string): void;
}

/** How a reboot treats open sockets. */
export interface RebootOptions {
  /**
   * `"abandon"` (default): like a power cycle, peers are not told and keep the connection
   * until they time out. `"close"`: sockets are closed first, like a soft reset.
   */
  sockets?: "abandon" | "close";
}

const DEFAULT_SERIAL = "240ac4a1-b2c3";
/** `process.version` of the reference interpreter (2v29 plus 277 commits, c5ff787b1). */
const ESPRUINO_VERSION = "2v29.277";
const DEFAULT_VARIABLES = 16383;
/** Rough variables used by the interpreter itself before any code runs. */
const BASE_VARIABLES = 180;
/** Rough characters of code per variable (ESPRUINO.md: 1.5 KB minified ≈ 265 variables). */
const CODE_CHARS_PER_VARIABLE = 6;
/** Characters of string data one variable holds. */
const CHARS_PER_VARIABLE = 12;
const BOOT_FILES = [".boot0", ".boot1", ".boot2", ".boot3", ".bootcde"];
/** Seed of the board's generator at every boot. */
const BOOT_SEED = 0x2029_0001;
const BUILT_IN_NOT_REPRODUCED = new Set(["http", "fs", "dgram", "neopixel", "TelnetServer"]);

/**
 * The source as the ESP32 builds read it: byte by byte, so a UTF-8 "é" in a string literal is
 * two chars (195, 169), not one (Unicode builds such as espruino-esp32c3-unicode make it one).
 */
function sourceAsBytes(code: string): string {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(code)) return code;
  return bytesToBinary(new TextEncoder().encode(code));
}

/** A generator like the board's: the same sequence after every boot unless reseeded. */
function seededRandom(seed: number): { next(): number; seed(value: number): void } {
  let state = seed >>> 0 || 1;
  return {
    next() {
      // xorshift32
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state / 4294967296;
    },
    seed(value: number) {
      state = (Math.floor(value) >>> 0) || 1;
    },
  };
}

/** Everything that lives for one boot. */
class Session {
  readonly realm = new Realm();
  readonly idle = new IdleQueue();
  readonly events: EventRegistry;
  readonly timers: Timers;
  readonly wifi: WifiSession;
  readonly net: NetSession;
  alive = true;
  /** Characters of the boot programs (console input is freed after it runs). */
  codeChars = 0;
  errorFlags: string[] = [];
  processObject!: object;
  espruinoObject!: object;

  constructor(readonly board: BoardCore) {
    const invoke = (fn: Listener, thisArg: unknown, args: unknown[]) =>
      this.invoke(fn, thisArg, args);
    this.events = new EventRegistry({ invoke, queue: (task) => this.idle.push(task) });
    this.events.install(this.realm, (line) => this.print(line));
    this.timers = new Timers({
      realm: this.realm,
      invoke,
      evalString: (code) => this.runGuarded(code, "setTimeout"),
      wait: (ms) => board.wait(ms),
    });
    this.wifi = new WifiSession(board.wifiEnv, {
      realm: this.realm,
      events: this.events,
      invoke,
      linkDown: () => this.net.linkDown(),
    });
    this.net = new NetSession({
      realm: this.realm,
      events: this.events,
      worker: board.worker,
      faults: board.faults,
      invoke,
      networkUp: () => board.hasWifi ? this.wifi.connected : board.wifiEnv.apUp,
      wait: (ms) => board.wait(ms),
      print: (line) => this.print(line),
      sendBufferLimit: () => (board.variables - this.usage()) * CHARS_PER_VARIABLE,
      errorFlag: (flag) => this.raiseErrorFlag(flag),
      connectTimeoutMs: board.connectTimeoutMs,
    });
    this.#installGlobals();
  }

  usage(): number {
    const used = BASE_VARIABLES + Math.ceil(this.codeChars / CODE_CHARS_PER_VARIABLE) +
      Math.ceil(this.net.unsentBytes / CHARS_PER_VARIABLE);
    return Math.min(this.board.variables, used);
  }

  print(line: string): void {
    if (!this.alive) return;
    this.board.print(line);
  }

  /** Calls firmware code from an event; errors go to uncaughtException or the console. */
  invoke(fn: Listener, thisArg: unknown, args: unknown[]): void {
    if (!this.alive) return;
    // JavaScript runs from the idle loop, which first frees the finished pulses' timer slots.
    this.board.pins.idle();
    try {
      Reflect.apply(fn, thisArg, args);
    } catch (error) {
      this.reportUncaught(error);
    }
  }

  reportUncaught(error: unknown): void {
    if (!this.alive) return;
    const handlers = this.events.listeners(this.processObject, "uncaughtException");
    if (handlers.length === 0) {
      this.print(`Uncaught ${formatThrown(error)}`);
      return;
    }
    for (const handler of handlers) {
      try {
        Reflect.apply(handler, this.processObject, [error]);
      } catch (inner) {
        this.print(`Uncaught ${formatThrown(inner)}`);
      }
    }
  }

  raiseErrorFlag(flag: string): void {
    if (!this.errorFlags.includes(flag)) this.errorFlags.push(flag);
    this.events.emitQueued(this.espruinoObject, "errorFlag", [this.realm.clone([flag])]);
  }

  /** Checks the dialect, then runs code; a thrown error is reported, not rethrown. */
  runGuarded(code: string, file: string): void {
    try {
      this.run(code, file);
    } catch (error) {
      this.reportUncaught(error);
    }
  }

  run(code: string, file: string): unknown {
    assertEspruinoDialect(code, { file });
    return this.realm.run(sourceAsBytes(code), file);
  }

  stop(sockets: "close" | "abandon"): void {
    this.alive = false;
    this.timers.stop();
    this.idle.close();
    this.wifi.stop();
    this.net.stop(sockets);
  }

  #installGlobals(): void {
    const { realm, board } = this;
    const random = board.random;
    // Objects made by `new X` print as "X: …" when X is a global (JSON_SHOW_OBJECT_NAMES).
    const globalNames = (value: unknown) => {
      if (typeof value !== "function") return undefined;
      return Object.getOwnPropertyNames(realm.global).find((name) => realm.global[name] === value);
    };
    const print = (...args: unknown[]) => {
      const text = args.map((arg) => formatForConsole(arg, globalNames)).join(" ");
      for (const line of text.split("\n")) this.print(line);
    };
    const consoleObject = realm.object({
      log: print,
      info: print,
      warn: print,
      error: print,
      debug: print,
    });
    this.processObject = realm.object({
      version: ESPRUINO_VERSION,
      env: realm.clone({
        VERSION: ESPRUINO_VERSION,
        BOARD: "ESP32",
        SERIAL: board.serial,
        RAM: 520 * 1024,
        STORAGE: STORAGE_BYTES,
        MODULES: "timer,Flash,Storage,net,dgram,http,NetworkJS,Wifi,TelnetServer,crypto,neopixel",
      }),
      memory: () => {
        const usage = this.usage();
        return realm.clone({
          free: board.variables - usage,
          usage,
          total: board.variables,
          history: 0,
          gc: 0,
          gctime: 0,
          blocksize: board.variables > 4095 ? 14 : 13,
          rx: 0,
          tx: 0,
        });
      },
    });
    this.espruinoObject = realm.object({
      toString: (...args: unknown[]) => bytesToBinary(flattenToBytes(args)),
      toUint8Array: (...args: unknown[]) => realm.uint8(flattenToBytes(args)),
      hwRand: () => Math.floor(random.next() * 4294967296) | 0,
      srand: (seed: unknown) => random.seed(Number(seed)),
      getErrorFlags: () => {
        const flags = realm.clone(this.errorFlags);
        this.errorFlags = [];
        return flags;
      },
      getTemperature: () => 40,
      setBootCode: (code: unknown) => {
        board.files.set(".bootcde", String(code));
      },
      reboot: () => board.scheduleRestart({ runBootCode: true, sockets: "abandon" }),
    });
    // Strings hash as their bytes (binary strings), like every Espruino string.
    const hash = (algorithm: string) => (data: unknown) => {
      const bytes = flattenToBytes([data]);
      return realm.arrayBuffer(new Uint8Array(createHash(algorithm).update(bytes).digest()));
    };
    const crypto = realm.object({
      SHA1: hash("sha1"),
      SHA256: hash("sha256"),
      SHA512: hash("sha512"),
    });
    const storage = storageModule(board.files, realm);
    const wait = (ms: number) => board.wait(ms);
    const pinApi = pinGlobals(board.pins, realm, wait);
    const timer = timerModule({
      pins: board.pins,
      realm,
      wait,
      pinObject: (pin) => pinApi[`D${pin}`] as object,
    });
    const require = (name: unknown) => {
      switch (name) {
        case "Wifi":
          if (board.hasWifi) return this.wifi.module();
          break;
        case "net":
        case "tls":
          return this.net.module(name);
        case "crypto":
          return crypto;
        case "Storage":
          return storage;
        case "timer":
          return timer;
      }
      if (typeof name === "string" && BUILT_IN_NOT_REPRODUCED.has(name)) {
        throw realm.error(
          `Module "${name}" is in the ESP32 firmware but not reproduced by the virtual board`,
        );
      }
      throw realm.error(`Module ${JSON.stringify(String(name))} not found`);
    };
    const globals: Record<string, unknown> = {
      ...this.timers.globals(),
      ...pinApi,
      console: consoleObject,
      print,
      process: this.processObject,
      E: this.espruinoObject,
      require,
      getSerial: () => board.serial,
      getTime: () => board.epochMs() / 1000,
      analogRead: () => Math.random(), // a floating input is noise, different on every boot
      btoa: (text: unknown) => {
        const bytes = binaryToBytes(String(text));
        if (!bytes) throw realm.error("btoa: character above 255", "TypeError");
        return btoa(bytesToBinary(bytes));
      },
      atob: (text: unknown) => {
        try {
          return atob(String(text));
        } catch {
          throw realm.error("atob: invalid base64");
        }
      },
      reset: () => board.scheduleRestart({ runBootCode: false, sockets: "close" }),
      load: () => board.scheduleRestart({ runBootCode: true, sockets: "close" }),
      save: () => {
        throw realm.error(
          "save() is not reproduced by the virtual board: pass the code as " +
            "VirtualBoardOptions.code (stored in .bootcde like SAVE_ON_SEND)",
        );
      },
    };
    for (const [name, value] of Object.entries(globals)) realm.define(name, value);

    const g = realm.global as {
      Math: { random: () => number };
      Date: { now: () => number };
      JSON: { stringify: Listener; parse: Listener };
    };
    g.Math.random = () => random.next();
    g.Date.now = () => board.epochMs();
    // Espruino ignores JSON replacer and reviver arguments.
    const { stringify } = g.JSON;
    // A function inside an array is written as `undefined` by Espruino (V8 writes null).
    const FUNCTION_MARK = "\u0001espruino-function\u0001";
    const marked = JSON.stringify(FUNCTION_MARK);
    const markFunctions = function (this: unknown, _key: string, item: unknown) {
      // A pin is written as its name ("D2").
      if (typeof item === "object" && item !== null && isPin(item)) return String(item);
      return typeof item === "function" && Array.isArray(this) ? FUNCTION_MARK : item;
    };
    g.JSON.stringify = (value: unknown, _replacer?: unknown, space?: unknown) => {
      // Espruino: undefined gives "null" and a function "undefined", both as strings.
      if (value === undefined) return "null";
      if (typeof value === "function") return "undefined";
      const text = stringify(value, markFunctions, space) as string | undefined;
      // Espruino escapes every char outside 32…126 in strings as \u00XX (upper-case hex).
      return text?.replaceAll(marked, "undefined")
        .replace(/\\u00([0-9a-f]{2})/g, (_, hex: string) => `\\u00${hex.toUpperCase()}`)
        .replace(
          /[\x7f-\xff]/g,
          (ch) => `\\u00${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
        );
    };
    // Strings are bytes: only ASCII letters change case.
    const stringProto = realm.global.String as { prototype: Record<string, unknown> };
    stringProto.prototype.toUpperCase = function (this: string) {
      return String(this).replace(/[a-z]+/g, (part) => part.toUpperCase());
    };
    stringProto.prototype.toLowerCase = function (this: string) {
      return String(this).replace(/[A-Z]+/g, (part) => part.toLowerCase());
    };
    g.JSON.parse = (text: unknown) => espruinoJsonParse(String(text), jsonHooks(realm));
  }
}

/** Board state that survives reboots, shared with each {@linkcode Session}. */
class BoardCore {
  readonly files: Map<string, string>;
  readonly pins: Pins;
  readonly faults: NetFaults = {
    unreachable: false,
    unknownHost: false,
    blockNextConnectMs: 0,
    stalled: false,
    slowMs: 0,
  };
  readonly wifiEnv: WifiEnvironment;
  readonly hasWifi: boolean;
  readonly serial: string;
  readonly variables: number;
  readonly connectTimeoutMs: number;
  readonly random: { next(): number; seed(value: number): void };
  readonly lines: string[] = [];
  readonly originPerf = performance.now();
  readonly originEpoch = Date.now();
  #waitCell = new Int32Array(new SharedArrayBuffer(4));
  #onConsole?: (line: string) => void;
  #randomSource?: () => number;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  restart: (options: { runBootCode: boolean; sockets: "close" | "abandon" }) => void = () => {};

  constructor(readonly options: VirtualBoardOptions, readonly worker: NetWorker) {
    this.files = new Map(Object.entries(options.storage ?? {}));
    this.pins = new Pins(() => this.now());
    if (options.timerWaitMs !== undefined) this.pins.timerWaitMs = options.timerWaitMs;
    this.wifiEnv = new WifiEnvironment(options.wifi);
    this.hasWifi = options.hasWifi ?? true;
    this.serial = options.serial ?? DEFAULT_SERIAL;
    this.variables = options.variables ?? DEFAULT_VARIABLES;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.#onConsole = options.onConsole;
    this.#randomSource = options.random;
    this.random = this.#freshRandom();
  }

  #freshRandom(): { next(): number; seed(value: number): void } {
    const source = this.#randomSource;
    if (source) return { next: source, seed: () => {} };
    return seededRandom(BOOT_SEED);
  }

  /** Restarts the board's generator, as a boot does. */
  reseed(): void {
    if (!this.#randomSource) this.random.seed(BOOT_SEED);
  }

  /** Milliseconds since the board was first booted. */
  now(): number {
    return performance.now() - this.originPerf;
  }

  /** Wall-clock milliseconds with a fraction, like Espruino's `Date.now()`. */
  epochMs(): number {
    return this.originEpoch + this.now();
  }

  /** Blocks the thread (and everything on it) for `ms`. */
  wait(ms: number): void {
    if (ms > 0) Atomics.wait(this.#waitCell, 0, 0, ms);
  }

  print(line: string): void {
    this.lines.push(line);
    this.#onConsole?.(line);
  }

  /** `reset()`/`load()`/`E.reboot()` act once the current JavaScript has returned. */
  scheduleRestart(options: { runBootCode: boolean; sockets: "close" | "abandon" }): void {
    if (this.#restartTimer !== undefined) return;
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      this.restart(options);
    }, 0);
  }

  cancelRestart(): void {
    if (this.#restartTimer !== undefined) clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
  }
}

/**
 * A virtual ESP32 running Espruino 2v29, for tests: boot it with the exact firmware bundle,
 * let it talk to real servers over TCP/TLS, inject faults, and read its console and pins.
 *
 * @example
 * ```ts
 * await using board = await VirtualBoard.boot({ code: 'setInterval(() => LED1.toggle(), 100)' });
 * await new Promise((r) => setTimeout(r, 350));
 * console.log(board.pinLog("LED1"));
 * ```
 */
export class VirtualBoard implements AsyncDisposable {
  #core: BoardCore;
  #session: Session | undefined;
  #stopped = false;
  #promiseTypes: PromiseConstructor[] = [];
  #onUnhandled = (event: PromiseRejectionEvent) => {
    if (!this.#promiseTypes.some((type) => event.promise instanceof type)) return;
    event.preventDefault();
    const session = this.#session;
    if (session && event.promise instanceof session.realm.intrinsics.Promise) {
      // jswrap_promise.c raises an Error naming the reason when a promise is rejected unhandled.
      const reason = event.reason as unknown;
      const text = typeof reason === "object" && reason !== null && "message" in reason
        ? formatThrown(reason)
        : String(reason);
      session.reportUncaught(session.realm.error(`Unhandled promise rejection: ${text}`));
    }
  };

  /** Test controls for Wi-Fi. */
  readonly wifi: WifiControl;
  /** Fault injection. */
  readonly faults: FaultControl;

  private constructor(core: BoardCore) {
    this.#core = core;
    core.restart = (options) => {
      this.#restart(options).catch((error) => core.print(`Uncaught ${formatThrown(error)}`));
    };
    globalThis.addEventListener("unhandledrejection", this.#onUnhandled);
    const session = () => this.#session;
    this.wifi = {
      up() {
        core.wifiEnv.apUp = true;
      },
      down(reason = "BEACON_TIMEOUT") {
        core.wifiEnv.apUp = false;
        const current = session();
        if (!current) return;
        if (core.hasWifi) current.wifi.apDown(reason);
        else current.net.linkDown();
      },
      dhcpTimeout(on: boolean) {
        core.wifiEnv.dhcpFails = on;
      },
      get connected() {
        const current = session();
        return current !== undefined && (core.hasWifi ? current.wifi.connected : core.wifiEnv.apUp);
      },
    };
    this.faults = {
      unreachable(on) {
        core.faults.unreachable = on;
      },
      unknownHost(on) {
        core.faults.unknownHost = on;
      },
      blockConnect(ms) {
        core.faults.blockNextConnectMs = ms;
      },
      stall(on) {
        core.faults.stalled = on;
        if (!on) session()?.net.resume();
      },
      slow(msPerChunk) {
        core.faults.slowMs = Math.max(0, msPerChunk);
        session()?.net.reschedule();
      },
      errorFlag(flag) {
        session()?.raiseErrorFlag(flag);
      },
    };
  }

  /**
   * Boots a board: checks `options.code` against the Espruino dialect, starts the network,
   * then runs the code (and `.boot0`…`.boot3` from Storage, as the device does).
   *
   * @throws {EspruinoDialectError} If the code uses something Espruino cannot run.
   */
  static async boot(options: VirtualBoardOptions): Promise<VirtualBoard> {
    assertEspruinoDialect(options.code, { file: "bootcde" });
    const worker = await NetWorker.start();
    const core = new BoardCore(options, worker);
    const board = new VirtualBoard(core);
    try {
      if (options.saveOnSend ?? true) core.files.set(".bootcde", options.code);
      board.#start({
        runBootCode: true,
        ramCode: options.saveOnSend === false ? options.code : undefined,
      });
    } catch (error) {
      await board.stop();
      throw error;
    }
    return board;
  }

  #start(options: { runBootCode: boolean; ramCode?: string }): void {
    const core = this.#core;
    core.reseed();
    const session = new Session(core);
    this.#session = session;
    this.#promiseTypes.push(session.realm.intrinsics.Promise);
    if (!options.runBootCode) return;
    const programs: [string, string][] = [];
    for (const file of BOOT_FILES) {
      const code = core.files.get(file);
      if (code !== undefined) programs.push([file, code]);
    }
    if (options.ramCode !== undefined) programs.push(["bootcde", options.ramCode]);
    // Refuse before running anything, as a parse error would on the device.
    for (const [file, code] of programs) assertEspruinoDialect(code, { file });
    for (const [file, code] of programs) {
      session.codeChars += code.length;
      session.runGuarded(code, file);
    }
    // onInit and E.on('init') belong to a boot from Storage; code sent to RAM misses them.
    if (options.ramCode !== undefined && programs.length === 1) return;
    const onInit = (session.realm.global as { onInit?: unknown }).onInit;
    if (typeof onInit === "function") session.invoke(onInit as Listener, undefined, []);
    session.events.emitQueued(session.espruinoObject, "init", []);
  }

  #teardown(sockets: "close" | "abandon"): void {
    this.#core.cancelRestart();
    this.#session?.stop(sockets);
    this.#session = undefined;
    this.#core.pins.reset();
  }

  async #restart(options: { runBootCode: boolean; sockets: "close" | "abandon" }): Promise<void> {
    if (this.#stopped) throw new Error("the board is stopped");
    this.#teardown(options.sockets);
    // Let events already queued by the old boot drain away first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.#start({ runBootCode: options.runBootCode });
  }

  /** Every line the board printed, including `Uncaught …` reports. */
  get console(): string[] {
    return this.#core.lines;
  }

  /** Milliseconds since the board was first booted (the time base of {@linkcode pinLog}). */
  now(): number {
    return this.#core.now();
  }

  /** A copy of the Storage files. */
  get storage(): Record<string, string> {
    return Object.fromEntries(this.#core.files);
  }

  /**
   * Every pin transition since the first boot, in time order, optionally of one pin
   * (`"D2"` or an alias such as `"LED1"`). `time` is in ms since the first boot; transitions of
   * `digitalPulse` carry their scheduled times.
   */
  pinLog(pin?: string): PinTransition[] {
    return this.#core.pins.log(pin);
  }

  /**
   * Runs code in the board's context, like typing it at the console, and returns its value.
   * The code is dialect-checked first.
   *
   * @throws {EspruinoDialectError} If Espruino could not run it.
   */
  eval(code: string): unknown {
    const session = this.#session;
    if (!session) throw new Error("the board is not running");
    this.#core.pins.idle();
    return session.run(code, "console");
  }

  /**
   * Reboots: the context, timers and sockets go, Storage stays and `.bootcde` runs again.
   */
  async reboot(options: RebootOptions = {}): Promise<void> {
    await this.#restart({ runBootCode: true, sockets: options.sockets ?? "abandon" });
  }

  /** Stops the board: timers cleared, every socket closed, the worker ended. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#teardown("close");
    this.#core.worker.stop();
    globalThis.removeEventListener("unhandledrejection", this.#onUnhandled);
    // One more turn so that callbacks already queued see the board stopped.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Same as {@linkcode stop}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
