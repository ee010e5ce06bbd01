/**
 * An ESP32 board in-process: the real Espruino interpreter compiled to WebAssembly, with this
 * module as its hardware. It gives the interpreter a console, Storage in a file, pins with a log
 * of every output change, the utility timer with the hardware's meaning (a task fires at its own
 * scheduled time however long JavaScript runs), sockets, Wi-Fi, and faults to inject at those
 * boundaries.
 *
 * @example
 * ```ts
 * import { EspruinoBoard } from "./board.ts";
 * await using board = await EspruinoBoard.start({ board: "esp32c3", clock: "virtual" });
 * board.console.write("digitalPulse(LED1, 1, [200, 50, 200]);\n");
 * await board.runFor(1000); // a second of board time
 * console.log(board.pins.edges);
 * ```
 *
 * @module
 */

import { BoardClock, type ClockMode } from "./clock.ts";
import { BoardConsole } from "./console.ts";
import { BoardNetwork } from "./net.ts";
import { PinLog } from "./pins.ts";
import { BoardStorage } from "./storage.ts";
import { type BoardName, loadBoardModule } from "./wasm_module.ts";
import { type AccessPoint, Radio } from "./wifi.ts";

/** How to start a board. */
export interface BoardOptions {
  /** Which build: `esp32c3` (4095 JsVars, the default), `esp32` (16383) or `esp32c3-unicode`. */
  board?: BoardName;
  /** `wall` (real time, the default) or `virtual` (idle time skipped; for tests). */
  clock?: ClockMode;
  /** Storage file: kept across power cycles and runs (default: in memory only). */
  storageFile?: string;
  /** Networks the board can join (default: any name and password is accepted). */
  networks?: AccessPoint[];
  /** Whether the board has a `Wifi` module at all (default true). */
  wifi?: boolean;
  /** Appends every pin change to this file, as `<ms since power-on> <pin> <0|1>` lines. */
  pinLogFile?: string;
  /** The chip's serial, 6 bytes of a MAC address (default 24:0a:c4:00:00:01). */
  serial?: Uint8Array;
  /** Environment the interpreter sees (e.g. `ESPRUINO_TLS_SNI: "0"`). */
  env?: Record<string, string>;
  /** On the virtual clock: real ms the network must have been quiet before idle time is skipped. */
  quietMs?: number;
}

/** A sleep this long (2³¹−1 ms, in µs) means nothing at all is scheduled. */
const FOREVER_US = 0x7fffffff * 1000;

/** On the virtual clock: waits up to this long are skipped even while the network is busy. */
const SHORT_WAIT_US = 2000;

/** On the virtual clock: what one turn of a busy main loop costs once the network is quiet. */
const BUSY_TURN_US = 1000;

/** Thrown through the interpreter to end it when the board reboots. */
class Reboot extends Error {}

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  espruino_init(): void;
  espruino_idle(): number;
  espruino_io_buffer(): number;
  espruino_io_buffer_size(): number;
  espruino_input_room(): number;
  espruino_console_input(len: number): void;
  espruino_timer_irq(dueUs: number): void;
  espruino_wifi_event(kind: number, len: number): void;
  espruino_flash(): number;
  espruino_flash_size(): number;
}

/** A running board. Stop it with {@linkcode EspruinoBoard.stop} (or `await using`). */
export class EspruinoBoard implements AsyncDisposable {
  /** Which build runs. */
  readonly board: BoardName;
  /** Board time. */
  readonly clock: BoardClock;
  /** The console: what the board prints, and a way to type into it. */
  readonly console: BoardConsole;
  /** Every output change of every pin. */
  readonly pins: PinLog;
  /** Storage (the flash partition). */
  readonly storage: BoardStorage;
  /** Sockets and their faults. */
  readonly network: BoardNetwork;
  /** The radio and its faults. */
  readonly radio: Radio;
  /** How many times the board has booted (1 after start). */
  boots = 0;

  #options: BoardOptions;
  #module: WebAssembly.Module;
  #exports!: Exports;
  #timerAtUs = -1;
  #isrAtUs: number | undefined;
  #hostTasks: { atUs: number; task: () => void }[] = [];
  #blockedUntilUs = 0;
  #stopped = false;
  #frozen = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #rebootPending = false;
  #quietMs: number;
  #yield = new MessageChannel();
  #timeWaiters: { untilUs: number; resolve: () => void }[] = [];

  private constructor(module: WebAssembly.Module, options: BoardOptions) {
    this.#options = options;
    this.#module = module;
    this.board = options.board ?? "esp32c3";
    this.clock = new BoardClock(options.clock ?? "wall");
    this.#quietMs = options.quietMs ?? 30;
    this.console = new BoardConsole(() => this.#poke());
    this.pins = new PinLog(options.pinLogFile);
    this.storage = new BoardStorage(options.storageFile);
    this.network = new BoardNetwork({
      linkUp: () => this.radio.linkUp(),
      wake: () => this.#poke(),
      blocked: (ms) => this.clock.waited(ms),
      nowUs: () => this.clock.nowUs(),
    });
    this.radio = new Radio({
      at: (atUs, task) => this.#at(atUs, task),
      nowUs: () => this.clock.nowUs(),
      event: (kind, details) => this.#wifiEvent(kind, details),
      linkChanged: () => this.network.linkChanged(),
    }, options.networks);
  }

  /** Boots a board (from its Storage, like power-on) and runs it until stopped. */
  static async start(options: BoardOptions = {}): Promise<EspruinoBoard> {
    const module = await loadBoardModule(options.board ?? "esp32c3");
    const board = new EspruinoBoard(module, options);
    try {
      board.#boot();
    } catch (error) {
      // A Storage file that does not fit, say: nothing may be left running.
      board.#stopped = true;
      board.#release();
      throw error;
    }
    board.#loop = board.#run();
    return board;
  }

  /** The interpreter's memory. */
  get #heap(): Uint8Array {
    return new Uint8Array(this.#exports.memory.buffer);
  }

  #boot(): void {
    this.boots++;
    this.#timerAtUs = -1;
    this.#isrAtUs = undefined;
    const instance = new WebAssembly.Instance(this.#module, this.#imports());
    this.#exports = instance.exports as unknown as Exports;
    this.#exports._initialize();
    const flash = this.#exports.espruino_flash();
    this.storage.attach(this.#heap.subarray(flash, flash + this.#exports.espruino_flash_size()));
    // Boot code may restart the board itself (E.reboot()): that is a reboot, not a crash.
    this.#guard(() => this.#exports.espruino_init());
  }

  #imports(): WebAssembly.Imports {
    const heap = () => new Uint8Array(this.#exports.memory.buffer);
    const text = (ptr: number) => {
      const bytes = heap();
      let end = ptr;
      while (bytes[end] !== 0) end++;
      return new TextDecoder("latin1").decode(bytes.subarray(ptr, end));
    };
    const env = Object.entries(this.#options.env ?? {}).map(([k, v]) => `${k}=${v}\0`);
    const serial = this.#options.serial ?? new Uint8Array([0x24, 0x0a, 0xc4, 0, 0, 1]);
    let random = 0x2545f491;
    return {
      host: {
        now_us: (irqAllowed: number) => {
          if (this.#isrAtUs !== undefined) {
            return this.clock.systemUs() - this.clock.nowUs() + this.#isrAtUs;
          }
          this.clock.read();
          if (irqAllowed) this.#fireDueTimer();
          return this.clock.systemUs();
        },
        set_time_us: (us: number) => this.clock.setSystemUs(us),
        timer_at: (systemUs: number) => {
          this.#timerAtUs = systemUs < 0 ? -1 : this.clock.toBoardUs(systemUs);
        },
        wait_tick: (deadlineSystemUs: number) => {
          // A busy wait: let board time pass to the next interrupt (or the deadline), then run it.
          const deadline = this.clock.toBoardUs(deadlineSystemUs);
          const next = this.#timerAtUs >= 0 ? Math.min(this.#timerAtUs, deadline) : deadline;
          this.clock.skipTo(next);
          this.#fireDueTimer();
          return this.clock.nowUs() >= deadline ? 1 : 0;
        },
        pin_write: (pin: number, level: number) => {
          this.pins.record(this.#isrAtUs ?? this.clock.nowUs(), pin, level);
        },
        console_write: (ptr: number, len: number) => {
          this.console.output(heap().slice(ptr, ptr + len));
        },
        flash_changed: (offset: number, len: number) => this.storage.changed(offset, len),
        reboot: () => {
          throw new Reboot("reboot");
        },
        serial: (ptr: number, max: number) => {
          const n = Math.min(max, serial.length);
          heap().set(serial.subarray(0, n), ptr);
          return n;
        },
        random: () => {
          // xorshift32, as a stand-in for the chip's hardware generator
          random ^= random << 13;
          random ^= random >>> 17;
          random ^= random << 5;
          return random >>> 0;
        },
        net_resolve: (ptr: number) => this.network.resolve(text(ptr)),
        net_connect: (ip: number, port: number) => this.network.connect(ip, port),
        net_close: (id: number) => this.network.close(id),
        net_recv: (id: number, ptr: number, len: number) =>
          this.network.recv(id, heap().subarray(ptr, ptr + len)),
        net_send: (id: number, ptr: number, len: number) =>
          this.network.send(id, heap().subarray(ptr, ptr + len)),
        wifi_connect: (ssid: number, password: number) =>
          this.radio.connect(text(ssid), text(password)),
        wifi_disconnect: () => this.radio.disconnect(),
        wifi_status: (ptr: number, max: number) => {
          const bytes = new TextEncoder().encode(this.radio.statusJson()).subarray(0, max);
          heap().set(bytes, ptr);
          return bytes.length;
        },
      },
      wasi_snapshot_preview1: {
        environ_sizes_get: (countPtr: number, sizePtr: number) => {
          const view = new DataView(this.#exports.memory.buffer);
          view.setUint32(countPtr, env.length, true);
          view.setUint32(sizePtr, env.reduce((n, e) => n + e.length, 0), true);
          return 0;
        },
        environ_get: (listPtr: number, bufPtr: number) => {
          const view = new DataView(this.#exports.memory.buffer);
          let at = bufPtr;
          env.forEach((entry, i) => {
            view.setUint32(listPtr + 4 * i, at, true);
            heap().set(new TextEncoder().encode(entry), at);
            at += entry.length;
          });
          return 0;
        },
      },
    };
  }

  /** Runs the utility timer's interrupt for every firing due by now (at its own due time). */
  #fireDueTimer(): void {
    for (let n = 0; n < 10_000 && this.#timerAtUs >= 0 && this.#isrAtUs === undefined; n++) {
      const due = this.#timerAtUs;
      if (due > this.clock.nowUs()) return;
      this.#timerAtUs = -1;
      this.#isrAtUs = due;
      try {
        this.#exports.espruino_timer_irq(this.clock.systemUs() - this.clock.nowUs() + due);
      } finally {
        this.#isrAtUs = undefined;
      }
    }
  }

  #at(atUs: number, task: () => void): void {
    this.#hostTasks.push({ atUs, task });
    this.#hostTasks.sort((a, b) => a.atUs - b.atUs);
    this.#poke();
  }

  #runHostTasks(): void {
    while (this.#hostTasks.length > 0 && this.#hostTasks[0].atUs <= this.clock.nowUs()) {
      this.#hostTasks.shift()!.task();
    }
  }

  #wifiEvent(kind: number, details: Record<string, unknown>): void {
    if (this.#options.wifi === false) return;
    const bytes = new TextEncoder().encode(JSON.stringify(details));
    const buffer = this.#exports.espruino_io_buffer();
    this.#heap.set(bytes.subarray(0, this.#exports.espruino_io_buffer_size()), buffer);
    this.#guard(() => this.#exports.espruino_wifi_event(kind, bytes.length));
  }

  /** Calls into the interpreter; a reboot or a crash from inside ends this boot. */
  #guard(call: () => void): void {
    try {
      call();
    } catch (error) {
      if (error instanceof Reboot) this.#rebootPending = true;
      else this.#crashed(error);
    }
  }

  #crashed(error: unknown): void {
    // What an ESP32 prints when its firmware faults; then it restarts.
    const reason = error instanceof Error ? error.message : String(error);
    this.console.output(
      new TextEncoder().encode(
        `\r\nGuru Meditation Error: Core 0 panic'ed (${reason})\r\nRebooting...\r\n`,
      ),
    );
    this.#rebootPending = true;
  }

  #poke(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Lets other tasks run (network messages, the test) without the 4 ms clamp of timers. */
  #yieldTurn(): Promise<void> {
    return new Promise((resolve) => {
      this.#yield.port2.onmessage = () => resolve();
      this.#yield.port1.postMessage(0);
    });
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      this.#resolveTimeWaiters();
      if (this.#frozen) {
        await this.#sleep(1000);
        continue;
      }
      if (this.#rebootPending) {
        this.#rebootPending = false;
        this.network.resetAll();
        this.#boot();
        continue;
      }
      this.#runHostTasks();
      this.#guard(() => this.#fireDueTimer());
      let sleepUs = 0;
      const blocked = this.clock.nowUs() < this.#blockedUntilUs;
      if (!blocked) {
        this.#feedConsole();
        this.#guard(() => {
          sleepUs = this.#exports.espruino_idle();
        });
        this.#guard(() => this.#fireDueTimer());
      }
      if (this.#rebootPending || this.#stopped) continue;
      const now = this.clock.nowUs();
      const busy = !blocked && (sleepUs < 0 || this.console.pendingInput > 0);
      if (busy) {
        // With a socket open Espruino never sleeps: its loop spins, as on the chip. On the virtual
        // clock a spin costs BUSY_TURN_US once the network is quiet, else the real time it took.
        const turnStart = performance.now();
        await this.#yieldTurn();
        if (this.clock.mode !== "virtual") continue;
        if (!this.#quiet()) this.#waited(performance.now() - turnStart);
        else if (!this.#skipTo(Math.min(now + BUSY_TURN_US, this.#nextEventUs()))) {
          // Held back for a peer's answer: wait for it, in real time.
          const before = performance.now();
          await this.#sleep(1);
          this.#waited(performance.now() - before);
        }
        continue;
      }
      // Nothing scheduled at all: only outside input (console, network, radio) can wake the board.
      const forever = !blocked && sleepUs >= FOREVER_US;
      const wakeAt = Math.min(
        blocked ? this.#blockedUntilUs : forever ? Infinity : now + sleepUs,
        this.#nextEventUs(),
      );
      // On the virtual clock a wait of a few ms is not worth real time: the network gets its turn
      // at the yield; longer ones are skipped only while nothing is in flight.
      const short = wakeAt - now <= SHORT_WAIT_US;
      if (
        this.clock.mode === "virtual" && wakeAt !== Infinity && (short || this.#quiet()) &&
        this.#skipTo(wakeAt)
      ) {
        await this.#yieldTurn();
        continue;
      }
      // Wait in real time: until the wake-up time, new input, or (virtual) the network going quiet.
      let waitMs = (wakeAt - now) / 1000;
      if (this.clock.mode === "virtual") waitMs = Math.min(waitMs, this.#quietMs);
      if (waitMs > 0) {
        const before = performance.now();
        await this.#sleep(waitMs);
        this.#waited(performance.now() - before);
      }
    }
  }

  /**
   * On the virtual clock: skips idle time towards `boardUs`, as far as a peer's awaited answer
   * lets it ({@linkcode BoardNetwork.answerLimitUs}). Whether board time moved.
   */
  #skipTo(boardUs: number): boolean {
    const before = this.clock.nowUs();
    this.clock.skipTo(Math.min(boardUs, this.network.answerLimitUs()));
    return this.clock.nowUs() > before;
  }

  /**
   * The board waited `ms` of real time (for the network, or for the host): that time passes on
   * the virtual clock too, but never past the moment a slow link lets through what the board
   * asked for, which it would have seen then.
   */
  #waited(ms: number): void {
    const now = this.clock.nowUs();
    this.clock.skipTo(Math.min(now + ms * 1000, this.network.creditDueUs(now)));
  }

  /** When the utility timer or the host (radio, a fault's end) next needs the board. */
  #nextEventUs(): number {
    let next = Infinity;
    if (this.#timerAtUs >= 0) next = this.#timerAtUs;
    if (this.#hostTasks.length > 0) next = Math.min(next, this.#hostTasks[0].atUs);
    return Math.min(next, this.network.creditDueUs(this.clock.nowUs()));
  }

  #quiet(): boolean {
    if (this.network.sending || this.network.awaitingAnswer) return false;
    return performance.now() - this.network.lastActivity >= this.#quietMs;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, Math.min(ms, 1000));
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  #feedConsole(): void {
    while (this.console.pendingInput > 0 && this.#exports.espruino_input_room()) {
      const buffer = this.#exports.espruino_io_buffer();
      const chunk = this.console.takeInput(64);
      this.#heap.set(chunk, buffer);
      this.#guard(() => this.#exports.espruino_console_input(chunk.length));
    }
  }

  /** Waits until `ms` of board time have passed (on the virtual clock that may take far less). */
  runFor(ms: number): Promise<void> {
    const untilUs = this.clock.nowUs() + ms * 1000;
    return new Promise((resolve) => {
      this.#timeWaiters.push({ untilUs, resolve });
      this.#at(untilUs, () => {});
    });
  }

  #resolveTimeWaiters(): void {
    const now = this.clock.nowUs();
    this.#timeWaiters = this.#timeWaiters.filter((waiter) => {
      if (!this.#stopped && waiter.untilUs > now) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Fault: JavaScript is blocked for `ms` of board time (the utility timer still fires). */
  blockJavaScript(ms: number): void {
    this.#blockedUntilUs = this.clock.nowUs() + ms * 1000;
    this.#poke();
  }

  /** Fault: the board stops dead (as without power) but its connections stay open. */
  freeze(): void {
    this.#frozen = true;
  }

  /** Fault: a power cycle. RAM is lost, Storage is kept, and the board boots again. */
  powerCycle(): void {
    this.#rebootPending = true;
    this.#poke();
  }

  /** Stops the board: its connections are reset and its files closed. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#poke();
    await this.#loop;
    this.#resolveTimeWaiters();
    this.#release();
  }

  #release(): void {
    this.network.shutdown();
    this.storage.close();
    this.pins.close();
    this.#yield.port1.close();
    this.#yield.port2.close();
  }

  /** Same as {@linkcode stop}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
