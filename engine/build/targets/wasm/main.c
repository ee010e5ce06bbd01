/*
 * Entry points the host calls: start, one turn of the idle loop, console input,
 * the utility timer's interrupt, Wi-Fi events.
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "jsvar.h"
#include "jsinteractive.h"
#include "jshardware.h"
#include "jswrapper.h"
#include "jsdevices.h"
#include "host.h"

#define EXPORT(NAME) __attribute__((export_name(#NAME)))

void *STACK_BASE;
extern double wasmTimeToSleep;
extern char wasmFlash[];
extern void jshWasmUtilTimerIrq(double dueUs);

/// Buffer the host writes console input and other arguments into.
static char ioBuffer[4096];

EXPORT(espruino_io_buffer) char *espruino_io_buffer() { return ioBuffer; }
EXPORT(espruino_io_buffer_size) int espruino_io_buffer_size() { return sizeof(ioBuffer); }
EXPORT(espruino_flash) char *espruino_flash() { return wasmFlash; }
EXPORT(espruino_flash_size) int espruino_flash_size() { return FLASH_SAVED_CODE_LENGTH; }
EXPORT(espruino_jsvars) int espruino_jsvars() { return JSVAR_CACHE_SIZE; }

/// Power on: the board's boot, as on the chip (loads .bootcde from Storage).
EXPORT(espruino_init) void espruino_init() {
  int i;
  STACK_BASE = (void*)&i;
  jshInit();
  jswHWInit();
  jsvInit(JSVAR_CACHE_SIZE);
  jsiInit(true);
}

/// One turn of the main loop. Returns how many µs the board may sleep (-1: run again now).
EXPORT(espruino_idle) double espruino_idle() {
  wasmTimeToSleep = -1;
  jsiLoop();
  return wasmTimeToSleep;
}

/// Whether the console's input queue has room for more (as a UART's FIFO would say).
EXPORT(espruino_input_room) int espruino_input_room() {
  return jshGetEventsUsed() < IOBUFFERMASK/2;
}

/// `len` bytes of console input are in the io buffer.
EXPORT(espruino_console_input) void espruino_console_input(int len) {
  jshPushIOCharEvents(EV_SERIAL1, ioBuffer, (unsigned int)len);
}

/// The utility timer's interrupt, due at board time dueUs.
EXPORT(espruino_timer_irq) void espruino_timer_irq(double dueUs) {
  jshWasmUtilTimerIrq(dueUs);
}
