/*
 * The hardware layer of an ESP32-like board whose hardware is its WebAssembly
 * host: time, the utility timer, pins and their log, the console, Storage.
 * Behaviour follows targets/esp32/jshardware.c where the chip defines it.
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "platform_config.h"
#include "jshardware.h"
#include "jsutils.h"
#include "jsparse.h"
#include "jsinteractive.h"
#include "jstimer.h"
#include "host.h"

// ---------------------------------------------------------------- interrupts
/* Interrupts are "off" while depth>0. The host delivers the utility timer's
 * interrupt only when they are on and no handler runs: at any call that reads
 * the time (every look at the clock), which is a point a hardware interrupt
 * could have come at too. */
static int irqDepth = 0;
static bool inIsr = false;

void jshInterruptOff() { irqDepth++; }
void jshInterruptOn() { if (irqDepth>0) irqDepth--; }
bool jshIsInInterrupt() { return inIsr; }

static bool irqAllowed() { return irqDepth==0 && !inIsr; }

// ---------------------------------------------------------------- time
JsSysTime jshGetTimeFromMilliseconds(JsVarFloat ms) { return (JsSysTime)(ms*1000); }
JsVarFloat jshGetMillisecondsFromTime(JsSysTime time) { return ((JsVarFloat)time)/1000; }
JsSysTime jshGetSystemTime() { return (JsSysTime)host_now_us(irqAllowed()); }
void jshSetSystemTime(JsSysTime time) { host_set_time_us((double)time); }

/* WAIT_UNTIL (src/jshardware.h) spins for 2,000,000 iterations: a few hundred
 * ms on a 160MHz ESP32. Bounded by board time here, and each spin lets the
 * host deliver a due interrupt (and let board time pass to it). */
int64_t jshLinuxWaitUntilDeadline() { return (int64_t)host_now_us(irqAllowed()) + 400000; }
bool jshLinuxWaitUntilExpired(int64_t deadline) { return host_wait_tick((double)deadline)!=0; }

void jshDelayMicroseconds(int microsec) {
  if (microsec<=0) return;
  double until = host_now_us(irqAllowed()) + microsec;
  while (!host_wait_tick(until));
}

// ---------------------------------------------------------------- utility timer
/* As targets/esp32: a one-shot timer in 1us ticks, at least 30us.
 * Start: from now. Reschedule (called from the handler): from the time the
 * previous firing was due, so a train of tasks does not drift. */
static double utLastDue = 0;

static void utilTimerSet(double base, JsSysTime period) {
  if (period<=30) period = 30;
  utLastDue = base;
  host_timer_at(base + (double)period);
}
void jshUtilTimerStart(JsSysTime period) { utilTimerSet(host_now_us(0), period); }
void jshUtilTimerReschedule(JsSysTime period) { utilTimerSet(inIsr ? utLastDue : host_now_us(0), period); }
void jshUtilTimerDisable() { host_timer_at(-1); }

void jshWasmUtilTimerIrq(double dueUs) {
  utLastDue = dueUs;
  inIsr = true;
  jstUtilTimerInterruptHandler();
  inIsr = false;
}

// ---------------------------------------------------------------- lifecycle
double wasmTimeToSleep = -1; // µs (-1: run again now)
static bool firstIdle = true;
static JshPinState pinState[JSH_PIN_COUNT];
static unsigned char pinLevel[JSH_PIN_COUNT]; // physical output register
static signed char pinLogged[JSH_PIN_COUNT];  // last level reported to the host (-1 none)
static IOEventFlags pinWatch[JSH_PIN_COUNT];
BITFIELD_DECL(pinSoftPWM, JSH_PIN_COUNT);

#ifdef ESPR_WASM_ESP32_DEFAULT_PULLUPS
/* as jshPinDefaultPullup() in targets/esp32/jshardware.c (ESP32, not C3) */
static void pinDefaultPullup() {
  static const unsigned char ranges[][2] = {{0,0},{12,15},{18,19},{21,22},{25,27},{34,39}};
  for (unsigned int r=0;r<sizeof(ranges)/sizeof(ranges[0]);r++)
    for (Pin p=ranges[r][0];p<=ranges[r][1];p++)
      if (p<JSH_PIN_COUNT) jshPinSetState(p, JSHPINSTATE_GPIO_IN_PULLUP);
}
#endif

void jshInit() {
  for (int i=0;i<JSH_PIN_COUNT;i++) {
    pinState[i] = JSHPINSTATE_UNDEFINED;
    pinLevel[i] = 0;
    pinLogged[i] = -1;
    pinWatch[i] = EV_NONE;
  }
  jshInitDevices();
#ifdef ESPR_WASM_ESP32_DEFAULT_PULLUPS
  pinDefaultPullup();
#endif
  firstIdle = true;
}

void jshReset() {
  jshResetDevices();
#ifdef ESPR_WASM_ESP32_DEFAULT_PULLUPS
  pinDefaultPullup();
#endif
}

void jshKill() {}

/// Console output goes out as a UART's interrupt would send it: whenever the board idles or waits.
static void drainConsole() {
  int c;
  char out[256];
  int n = 0;
  while ((c = jshGetCharToTransmit(EV_SERIAL1)) >= 0) {
    out[n++] = (char)c;
    if (n==sizeof(out)) { host_console_write(out, n); n = 0; }
  }
  if (n) host_console_write(out, n);
}

void jshIdle() {
  if (firstIdle) jsiOneSecondAfterStartup();
  firstIdle = false;
  drainConsole();
}

void jshBusyIdle() { drainConsole(); }

bool jshSleep(JsSysTime timeUntilWake) {
  /* In µs, from now to when the next timer is due (jsiIdle counts from the turn's start): a
   * sleep rounded down to whole ms would wake the board early, to spin until the timer is due. */
  if (timeUntilWake >= (JsSysTime)0x7FFFFFFF*1000) {
    wasmTimeToSleep = (double)0x7FFFFFFF*1000;
  } else {
    JsSysTime wake = jsiLastIdleTime + timeUntilWake - jshGetSystemTime();
    wasmTimeToSleep = wake < 0 ? 0 : (double)wake;
  }
  return false;
}

void jshUSARTKick(IOEventFlags device) {
  // console output is drained by jshIdle, as a UART's interrupt would
}

// ---------------------------------------------------------------- identity
int jshGetSerialNumber(unsigned char *data, int maxChars) {
  return host_serial(data, maxChars);
}
unsigned int jshGetRandomNumber() { return host_random(); }
JsVarFloat jshReadTemperature() { return NAN; }
JsVarFloat jshReadVRef() { return 3.3; }
unsigned int jshSetSystemClock(JsVar *options) { return 0; }
void jshEnableWatchDog(JsVarFloat timeout) {}
void jshKickWatchDog() {}
void jshReboot() { host_reboot(); }
bool jshIsDeviceInitialised(IOEventFlags device) { return true; }

// ---------------------------------------------------------------- pins
/* A pin's output register, its mode, and what reads see with nothing
 * connected: outputs read back their level, pulled inputs read their pull
 * (swapped on 'negated' pins, as the ESP32 port does), a floating input keeps
 * the last level. */
static bool pinNegated(Pin pin) { return (pinInfo[pin].port & JSH_PIN_NEGATED)!=0; }

static void pinOut(Pin pin, bool level) {
  pinLevel[pin] = level ? 1 : 0;
  if (pinLogged[pin] != (signed char)pinLevel[pin]) {
    pinLogged[pin] = (signed char)pinLevel[pin];
    host_pin_write(pin, pinLevel[pin]);
  }
}

void jshPinSetState(Pin pin, JshPinState state) {
  if (pin>=JSH_PIN_COUNT) return;
  switch (state) { // the ESP32 port supports these
    case JSHPINSTATE_GPIO_OUT: case JSHPINSTATE_GPIO_IN: case JSHPINSTATE_GPIO_IN_PULLUP:
    case JSHPINSTATE_GPIO_IN_PULLDOWN: case JSHPINSTATE_GPIO_OUT_OPENDRAIN:
    case JSHPINSTATE_GPIO_OUT_OPENDRAIN_PULLUP: case JSHPINSTATE_ADC_IN:
      break;
    default:
      jsError("jshPinSetState: Unexpected state: %d", state);
      return;
  }
  if (pinNegated(pin) &&
      (state==JSHPINSTATE_GPIO_OUT_OPENDRAIN || state==JSHPINSTATE_GPIO_OUT_OPENDRAIN_PULLUP))
    jsError("jshPinSetState: can't do Open Drain on negated pin");
  if (BITFIELD_GET(pinSoftPWM, pin)) { // as on the ESP32: a new state stops software PWM
    BITFIELD_SET(pinSoftPWM, pin, 0);
    jstPinPWM(0,0,pin);
  }
  pinState[pin] = state;
}

JshPinState jshPinGetState(Pin pin) {
  if (pin>=JSH_PIN_COUNT) return JSHPINSTATE_UNDEFINED;
  if (jshPinGetValue(pin)) return pinState[pin] | JSHPINSTATE_PIN_IS_ON;
  return pinState[pin];
}

bool jshIsPinStateDefault(Pin pin, JshPinState state) {
  return state == JSHPINSTATE_GPIO_IN_PULLUP || state == JSHPINSTATE_ADC_IN;
}

void jshPinSetValue(Pin pin, bool value) {
  if (pin>=JSH_PIN_COUNT) return;
  if (pinNegated(pin)) value = !value;
  pinOut(pin, value);
}

bool jshPinGetValue(Pin pin) {
  if (pin>=JSH_PIN_COUNT) return false;
  bool negated = pinNegated(pin);
  bool level = pinLevel[pin]!=0;
  JshPinState state = pinState[pin] & JSHPINSTATE_MASK;
  bool driven = JSHPINSTATE_IS_OUTPUT(state) && !(JSHPINSTATE_IS_OPENDRAIN(state) && level);
  if (!driven) {
#ifdef ESPR_WASM_ESP32_DEFAULT_PULLUPS
    if (pin==0) level = 1; // DevKit boards: a 10k pull-up on GPIO0 (BOOT button)
    else
#endif
    if (state==JSHPINSTATE_GPIO_IN_PULLUP) level = !negated;
    else if (state==JSHPINSTATE_GPIO_IN_PULLDOWN) level = negated;
  }
  return negated ? !level : level;
}

JsVarFloat jshPinAnalog(Pin pin) { return 0; }
int jshPinAnalogFast(Pin pin) { return 0; }

JshPinFunction jshPinAnalogOutput(Pin pin, JsVarFloat value, JsVarFloat freq, JshAnalogOutputFlags flags) {
  // analogWrite(pin, v, {soft:true}): software PWM on the utility timer, as targets/esp32
  if (pinNegated(pin)) value = 1-value;
  if (value<0) value = 0;
  if (value>1) value = 1;
  if (!isfinite(freq)) freq = 0;
  if (flags & JSAOF_ALLOW_SOFTWARE) {
    if (!jshGetPinStateIsManual(pin)) {
      BITFIELD_SET(pinSoftPWM, pin, 0);
      jshPinSetState(pin, JSHPINSTATE_GPIO_OUT);
    }
    BITFIELD_SET(pinSoftPWM, pin, 1);
    if (freq<=0) freq = 50;
    jstPinPWM(freq, value, pin);
  }
  return JSH_NOTHING;
}

JshPinFunction jshGetCurrentPinFunction(Pin pin) { return JSH_NOTHING; }
void jshSetOutputValue(JshPinFunction func, int value) {}

bool jshCanWatch(Pin pin) { return pin<JSH_PIN_COUNT; }

IOEventFlags jshPinWatch(Pin pin, bool shouldWatch, JshPinWatchFlags flags) {
  if (pin>=JSH_PIN_COUNT) return EV_NONE;
  if (!shouldWatch) { pinWatch[pin] = EV_NONE; return EV_NONE; }
  for (int i=0;i<ESPR_EXTI_COUNT;i++) {
    IOEventFlags ev = EV_EXTI0+i;
    bool used = false;
    for (int p=0;p<JSH_PIN_COUNT;p++) if (pinWatch[p]==ev) used = true;
    if (!used) { pinWatch[pin] = ev; return ev; }
  }
  jsError("You can only have a maximum of %d watches!", ESPR_EXTI_COUNT);
  return EV_NONE;
}

IOEventFlags jshGetEventFlagsForPin(Pin pin) { return pin<JSH_PIN_COUNT ? pinWatch[pin] : EV_NONE; }
bool jshGetWatchedPinState(IOEventFlags device) {
  for (int p=0;p<JSH_PIN_COUNT;p++) if (pinWatch[p]==device) return jshPinGetValue(p);
  return false;
}
bool jshIsEventForPin(IOEventFlags eventFlags, Pin pin) {
  return pin<JSH_PIN_COUNT && pinWatch[pin]!=EV_NONE && IOEVENTFLAGS_GETTYPE(eventFlags)==pinWatch[pin];
}

// ---------------------------------------------------------------- buses (none)
void jshUSARTSetup(IOEventFlags device, JshUSARTInfo *inf) {}
void jshSPISetup(IOEventFlags device, JshSPIInfo *inf) {}
int jshSPISend(IOEventFlags device, int data) { return -1; }
void jshSPISend16(IOEventFlags device, int data) {}
void jshSPISet16(IOEventFlags device, bool is16) {}
void jshSPISetReceive(IOEventFlags device, bool isReceive) {}
void jshSPIWait(IOEventFlags device) {}
void jshI2CSetup(IOEventFlags device, JshI2CInfo *inf) {}
void jshI2CWrite(IOEventFlags device, unsigned char address, int nBytes, const unsigned char *data, bool sendStop) {}
void jshI2CRead(IOEventFlags device, unsigned char address, int nBytes, unsigned char *data, bool sendStop) {}

// ---------------------------------------------------------------- Storage
/* The Storage partition, in the board's own memory and memory-mapped as the
 * ESP32's flash is (Storage.read returns a string in flash, not a copy).
 * Erased bytes are 0xFF; writes can only clear bits, as on NOR flash. */
char wasmFlash[FLASH_SAVED_CODE_LENGTH];

static bool flashRange(uint32_t addr, uint32_t len) {
  return addr>=FLASH_SAVED_CODE_START && addr+len<=FLASH_SAVED_CODE_START+FLASH_SAVED_CODE_LENGTH;
}

bool jshFlashGetPage(uint32_t addr, uint32_t *startAddr, uint32_t *pageSize) {
  if (!flashRange(addr, 1)) return false;
  *startAddr = addr & ~(uint32_t)(FLASH_PAGE_SIZE-1);
  *pageSize = FLASH_PAGE_SIZE;
  return true;
}

JsVar *jshFlashGetFree() {
  JsVar *jsFreeFlash = jsvNewEmptyArray();
  if (!jsFreeFlash) return 0;
  JsVar *jsArea = jsvNewObject();
  if (!jsArea) return jsFreeFlash;
  jsvObjectSetChildAndUnLock(jsArea, "addr", jsvNewFromInteger(FLASH_SAVED_CODE_START));
  jsvObjectSetChildAndUnLock(jsArea, "length", jsvNewFromInteger(FLASH_SAVED_CODE_LENGTH));
  jsvArrayPushAndUnLock(jsFreeFlash, jsArea);
  return jsFreeFlash;
}

void jshFlashErasePage(uint32_t addr) {
  uint32_t start, size;
  if (!jshFlashGetPage(addr, &start, &size)) return;
  memset(&wasmFlash[start-FLASH_SAVED_CODE_START], 0xFF, size);
  host_flash_changed(start-FLASH_SAVED_CODE_START, size);
}

void jshFlashRead(void *buf, uint32_t addr, uint32_t len) {
  if (!flashRange(addr, len)) { memset(buf, 0xFF, len); return; }
  memcpy(buf, &wasmFlash[addr-FLASH_SAVED_CODE_START], len);
}

void jshFlashWrite(void *buf, uint32_t addr, uint32_t len) {
  if (!flashRange(addr, len)) return;
  unsigned char *dst = (unsigned char*)&wasmFlash[addr-FLASH_SAVED_CODE_START];
  for (uint32_t i=0;i<len;i++) dst[i] &= ((unsigned char*)buf)[i];
  host_flash_changed(addr-FLASH_SAVED_CODE_START, len);
}

size_t jshFlashGetMemMapAddress(size_t ptr) {
  // the board's own memory is placed above the flash addresses (GLOBAL_BASE), as on the ESP32
  if (ptr >= FLASH_SAVED_CODE_START+FLASH_SAVED_CODE_LENGTH) return ptr;
  if (!flashRange((uint32_t)ptr, 1)) return 0;
  return (size_t)&wasmFlash[ptr-FLASH_SAVED_CODE_START];
}

// ---------------------------------------------------------------- TLS memory
/* ESP32 builds use ESP-IDF's mbedtls, which allocates from the C heap, not
 * JsVars (libs/crypto/mbedtls/config.h routes mbedtls' calloc here). */
void *jshLinuxTlsCalloc(size_t n, size_t size) { return calloc(n, size); }
void jshLinuxTlsFree(void *ptr) { free(ptr); }
