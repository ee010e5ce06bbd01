/*
 * The `Wifi` module (libs/network/jswrap_wifi.c declares it) with the host as
 * the radio: connect, disconnect, status, IP, and the events the ESP32 port
 * emits (associated, connected, disconnected, dhcp_timeout).
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include <string.h>
#include "jsvar.h"
#include "jsinteractive.h"
#include "jswrapper.h"
#include "jswrap_json.h"
#include "jswrap_modules.h"
#include "jswrap_wifi.h"
#include "host.h"

#define EXPORT(NAME) __attribute__((export_name(#NAME)))
#define CONNECT_CALLBACK "WifiCB" // in the hidden root, as ports keep callbacks alive

extern char *espruino_io_buffer();

static JsVar *wifiModule() {
  JsVar *name = jsvNewFromString("Wifi");
  JsVar *m = jswrap_require(name);
  jsvUnLock(name);
  return m;
}

static void callConnectCallback(JsVar *arg) {
  JsVar *cb = jsvObjectGetChildIfExists(execInfo.hiddenRoot, CONNECT_CALLBACK);
  if (!cb) return;
  jsvObjectRemoveChild(execInfo.hiddenRoot, CONNECT_CALLBACK);
  if (jsvIsFunction(cb)) jsiQueueEvents(0, cb, &arg, 1);
  jsvUnLock(cb);
}

/// The host's radio reports an event; its JSON details are in the io buffer.
/// kind: 0 associated, 1 connected (got IP), 2 disconnected, 3 dhcp_timeout, 4 join failed.
EXPORT(espruino_wifi_event) void espruino_wifi_event(int kind, int len) {
  JsVar *json = jsvNewStringOfLength((unsigned int)len, espruino_io_buffer());
  JsVar *details = json ? jswrap_json_parse(json) : 0;
  jsvUnLock(json);
  static const char *names[] = {"#onassociated", "#onconnected", "#ondisconnected", "#ondhcp_timeout"};
  if (kind==1) { // as the ESP32 port: the callback gets null once the board has an address
    JsVar *none = jsvNewNull();
    callConnectCallback(none);
    jsvUnLock(none);
  }
  if (kind==4) {
    JsVar *reason = details ? jsvObjectGetChildIfExists(details, "reason") : 0;
    callConnectCallback(reason);
    jsvUnLock(reason);
  } else if (kind>=0 && kind<4) {
    JsVar *module = wifiModule();
    if (module) {
      jsiQueueObjectCallbacks(module, names[kind], &details, 1);
      jsvUnLock(module);
    }
  }
  jsvUnLock(details);
}

static void callLater(JsVar *cb) {
  if (jsvIsFunction(cb)) jsiQueueEvents(0, cb, 0, 0);
}

void jswrap_wifi_connect(JsVar *jsSsid, JsVar *jsOptions, JsVar *jsCallback) {
  if (!jsvIsString(jsSsid)) { jsExceptionHere(JSET_ERROR, "No SSID provided"); return; }
  if (jsCallback && !jsvIsUndefined(jsCallback) && !jsvIsFunction(jsCallback)) {
    jsExceptionHere(JSET_ERROR, "A callback function was supplied that is not a function"); return;
  }
  char ssid[33], password[65];
  jsvGetString(jsSsid, ssid, sizeof(ssid));
  password[0] = 0;
  if (jsvIsObject(jsOptions)) {
    JsVar *pw = jsvObjectGetChildIfExists(jsOptions, "password");
    if (jsvIsString(pw)) jsvGetString(pw, password, sizeof(password));
    jsvUnLock(pw);
  }
  if (jsvIsFunction(jsCallback)) jsvObjectSetChild(execInfo.hiddenRoot, CONNECT_CALLBACK, jsCallback);
  else jsvObjectRemoveChild(execInfo.hiddenRoot, CONNECT_CALLBACK);
  host_wifi_connect(ssid, password);
}

void jswrap_wifi_disconnect(JsVar *jsCallback) {
  jsvObjectRemoveChild(execInfo.hiddenRoot, CONNECT_CALLBACK);
  host_wifi_disconnect();
  callLater(jsCallback);
}

static JsVar *statusObject() {
  char buf[256];
  int n = host_wifi_status(buf, sizeof(buf));
  JsVar *json = jsvNewStringOfLength((unsigned int)n, buf);
  JsVar *status = json ? jswrap_json_parse(json) : 0;
  jsvUnLock(json);
  return status;
}

static JsVar *withCallback(JsVar *result, JsVar *jsCallback) {
  if (jsvIsFunction(jsCallback)) jsiQueueEvents(0, jsCallback, &result, 1);
  return result;
}

JsVar *jswrap_wifi_getStatus(JsVar *jsCallback) { return withCallback(statusObject(), jsCallback); }
JsVar *jswrap_wifi_getDetails(JsVar *jsCallback) { return withCallback(statusObject(), jsCallback); }

JsVar *jswrap_wifi_getIP(JsVar *jsCallback) {
  JsVar *status = statusObject();
  JsVar *ip = jsvNewObject();
  if (ip) {
    JsVar *address = status ? jsvObjectGetChildIfExists(status, "ip") : 0;
    jsvObjectSetChildAndUnLock(ip, "ip", address ? address : jsvNewFromString("0.0.0.0"));
    jsvObjectSetChildAndUnLock(ip, "netmask", jsvNewFromString(address ? "255.255.255.0" : "0.0.0.0"));
    jsvObjectSetChildAndUnLock(ip, "gw", jsvNewFromString("0.0.0.0"));
    jsvObjectSetChildAndUnLock(ip, "mac", jsvNewFromString("24:0a:c4:00:00:01"));
  }
  jsvUnLock(status);
  return withCallback(ip, jsCallback);
}

// Access point mode, scans and the rest are not modelled: they say so.
static void notModelled(const char *what) { jsExceptionHere(JSET_ERROR, "Wifi.%s is not available on this board", what); }
void jswrap_wifi_startAP(JsVar *jsSsid, JsVar *jsOptions, JsVar *jsCallback) { notModelled("startAP"); }
void jswrap_wifi_stopAP(JsVar *jsCallback) { callLater(jsCallback); }
void jswrap_wifi_scan(JsVar *jsCallback) {
  JsVar *list = jsvNewEmptyArray();
  jsvUnLock(withCallback(list, jsCallback));
}
void jswrap_wifi_save(JsVar *what) {}
void jswrap_wifi_restore(void) {}
void jswrap_wifi_setConfig(JsVar *jsOptions) {}
JsVar *jswrap_wifi_getAPDetails(JsVar *jsCallback) { return withCallback(jsvNewObject(), jsCallback); }
JsVar *jswrap_wifi_getAPIP(JsVar *jsCallback) { return withCallback(jsvNewObject(), jsCallback); }
JsVar *jswrap_wifi_getHostname(JsVar *jsCallback) { return withCallback(jsvNewFromString("espruino"), jsCallback); }
void jswrap_wifi_setHostname(JsVar *jsHostname, JsVar *jsCallback) { callLater(jsCallback); }
void jswrap_wifi_getHostByName(JsVar *jsHostname, JsVar *jsCallback) {
  char name[128];
  jsvGetString(jsHostname, name, sizeof(name));
  uint32_t ip = host_net_resolve(name);
  JsVar *r = ip ? jsvVarPrintf("%d.%d.%d.%d", ip&255, (ip>>8)&255, (ip>>16)&255, ip>>24) : 0;
  jsvUnLock(withCallback(r, jsCallback));
}
void jswrap_wifi_ping(JsVar *jsHostname, JsVar *jsCallback) { notModelled("ping"); }
void jswrap_wifi_setSNTP(JsVar *zone, JsVar *server) {}
void jswrap_wifi_setIP(JsVar *jsSettings, JsVar *jsCallback) { notModelled("setIP"); }
void jswrap_wifi_setAPIP(JsVar *jsSettings, JsVar *jsCallback) { notModelled("setAPIP"); }
