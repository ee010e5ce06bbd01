/**
 * `require("timer")` of Espruino 2v29 (`src/jswrap_timer.c`): `add`, `remove`, `get` and
 * `list` on the utility timer's 16-slot queue that `digitalPulse` shares. `SET` tasks are
 * modelled, `interval` included; an `EXEC` task (JavaScript that interrupts the running
 * JavaScript, or a native pointer) is refused with an error saying so.
 *
 * @module
 */

import type { Pins, SetTask } from "./pins.ts";
import { PIN_COUNT } from "./pins.ts";
import { isPin, type Realm } from "./realm.ts";
import type { TaskInfo } from "./utility_timer.ts";

/** What the module needs from the board. */
export interface TimerModuleOptions {
  /** The board's pins, whose utility timer holds the tasks. */
  pins: Pins;
  /** The boot's context, for its errors and objects. */
  realm: Realm;
  /** Blocks the thread for `ms` (a full queue is waited for, as on the device). */
  wait: (ms: number) => void;
  /** The board's `Pin` object of a pin number (`D2` for 2). */
  pinObject: (pin: number) => object;
}

/** The options `jswrap_timer_add` reads (`jsvReadConfigObject`); any other key is an error. */
const OPTION_KEYS = new Set([
  "type",
  "time",
  "interval",
  "value",
  "fn",
  "ptr",
  "userdata",
  "pin",
  "pin2",
  "pin3",
  "pin4",
]);

/** `%t` of Espruino's error messages: the basic object name of a value. */
function espruinoTypeName(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "Array";
  switch (typeof value) {
    case "function":
      return "Function";
    case "string":
      return "String";
    case "number":
      return "Number";
    case "boolean":
      return "Boolean";
  }
  if (ArrayBuffer.isView(value)) return Object.prototype.toString.call(value).slice(8, -1);
  return "Object";
}

/** `jsvGetFloat`: numbers as JavaScript reads them, a one-element array as its element. */
function toFloat(value: unknown): number {
  if (Array.isArray(value)) {
    return value.length === 0 ? 0 : value.length === 1 ? toFloat(value[0]) : NaN;
  }
  if (typeof value === "object" && value !== null && !isPin(value)) return NaN;
  return Number(value);
}

/** `jsvGetInteger`: truncated, 0 for what is not a finite number, cut to 32 bits. */
function toInteger(value: unknown): number {
  const n = toFloat(value);
  return Number.isFinite(n) ? Math.trunc(n) | 0 : 0;
}

/** Creates the module object `require("timer")` returns (one per boot). */
export function timerModule(options: TimerModuleOptions): object {
  const { pins, realm } = options;

  /** `jshGetPinFromVar`: a Pin, an integer or a name like `"D2"`; else undefined. */
  const pinOf = (value: unknown): number | undefined => {
    let pin: number | undefined;
    if (typeof value === "string") {
      const match = /^D(\d+)$/.exec(value);
      pin = match ? Number(match[1]) : undefined;
      return pin !== undefined && pin < PIN_COUNT ? pin : undefined;
    }
    if (typeof value === "object" && value !== null && isPin(value)) return Number(value);
    if (typeof value === "number" && Number.isInteger(value)) pin = value;
    if (typeof value === "boolean") pin = Number(value);
    if (pin !== undefined && !(pin >= 0 && pin < PIN_COUNT)) {
      throw realm.error(
        `require("timer").add: pin ${pin} is not a pin of the virtual board (D0…D${
          PIN_COUNT - 1
        }); the device would set a pin that does not exist`,
      );
    }
    return pin;
  };

  const toObject = (info: TaskInfo): object => {
    const object = realm.object({}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(info)) {
      if (key !== "pins") {
        object[key] = value;
        continue;
      }
      const pinObjects = new realm.intrinsics.Array();
      for (const pin of value as number[]) pinObjects.push(options.pinObject(pin));
      object[key] = pinObjects;
    }
    return object;
  };

  const add = (task: unknown): number => {
    if (task !== undefined && (typeof task !== "object" || task === null || Array.isArray(task))) {
      throw realm.error(`Expecting Object or undefined, got ${espruinoTypeName(task)}`);
    }
    const fields = (task ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!OPTION_KEYS.has(key)) throw realm.error(`Unknown option ${JSON.stringify(key)}`);
    }
    const type = fields.type;
    const typeIs = (name: string) => typeof type === "string" && type.toUpperCase() === name;
    const taskPins = ["pin", "pin2", "pin3", "pin4"].map((key) =>
      key in fields ? pinOf(fields[key]) : undefined
    );
    if (typeIs("SET")) {
      if (taskPins[0] === undefined) throw realm.error("`pin` required for SET timer");
    } else if (typeIs("EXEC")) {
      if (!toInteger(fields.ptr) && typeof fields.fn !== "function") {
        throw realm.error("`ptr` or `fn` required for EXEC timer");
      }
      throw realm.error(
        'require("timer").add: type "EXEC" is not reproduced by the virtual board (only "SET"): ' +
          "on the device its function interrupts the running JavaScript at the next statement",
      );
    } else {
      throw realm.error(`Unsupported timer type ${JSON.stringify(String(type))}`);
    }
    const setTask: SetTask = {
      pins: taskPins,
      value: toInteger(fields.value),
      time: "time" in fields ? toFloat(fields.time) : 0,
      interval: "interval" in fields ? toFloat(fields.interval) : 0,
    };
    const { id, error } = pins.addTimerTask(setTask, options.wait);
    if (error) throw realm.error(error, "InternalError");
    return id;
  };

  const get = (id: unknown) => {
    const info = pins.timerTask(toInteger(id));
    return info ? toObject(info) : undefined;
  };

  const list = () => {
    // Each task at its own index: slots that are free are holes.
    const array = new realm.intrinsics.Array();
    for (let id = 0; id < pins.timerSlots; id++) {
      const info = pins.timerTask(id);
      if (info) array[id] = toObject(info);
    }
    return array;
  };

  const remove = (id: unknown) => pins.removeTimerTask(toInteger(id));

  return realm.object({ add, get, list, remove });
}
