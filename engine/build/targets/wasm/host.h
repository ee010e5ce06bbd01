/*
 * The calls this board layer makes out to its host (engine/*.ts). Everything a
 * board's hardware would do — time, the utility timer, pins, the console, the
 * network, Wi-Fi, a reboot — is one import of the "host" module.
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#ifndef WASM_HOST_H_
#define WASM_HOST_H_
#include <stdint.h>

#define HOST_IMPORT(NAME) __attribute__((import_module("host"), import_name(#NAME)))

/// Board time in microseconds. With irqAllowed, the host first runs any utility
/// timer interrupt that is due (as hardware would have, earlier).
HOST_IMPORT(now_us) double host_now_us(int irqAllowed);
/// Set board time (setTime) to `us`.
HOST_IMPORT(set_time_us) void host_set_time_us(double us);
/// Program the utility timer to fire at board time `us` (or disarm it when us < 0).
HOST_IMPORT(timer_at) void host_timer_at(double us);
/// Busy-waiting until `deadlineUs`: the host may let board time pass (to the next
/// interrupt). Returns 1 once the deadline has passed.
HOST_IMPORT(wait_tick) int host_wait_tick(double deadlineUs);
/// A pin's output level changed (or was first written).
HOST_IMPORT(pin_write) void host_pin_write(int pin, int level);
/// Console output bytes.
HOST_IMPORT(console_write) void host_console_write(const char *data, int len);
/// Storage bytes [offset, offset+len) changed: persist them.
HOST_IMPORT(flash_changed) void host_flash_changed(uint32_t offset, uint32_t len);
/// A hardware reboot: never returns.
HOST_IMPORT(reboot) void host_reboot(void);
/// The chip's serial (a MAC address on an ESP32): up to `max` bytes, returns the count.
HOST_IMPORT(serial) int host_serial(unsigned char *data, int max);
/// Hardware random number.
HOST_IMPORT(random) uint32_t host_random(void);

/// Resolve a host name to an IPv4 address (network byte order in memory), 0 if unknown.
HOST_IMPORT(net_resolve) uint32_t host_net_resolve(const char *name);
/// Connect (blocking, as lwIP's connect does): >=0 socket, <0 error (SOCKET_ERR_*).
HOST_IMPORT(net_connect) int host_net_connect(uint32_t ip, int port);
/// Close a socket.
HOST_IMPORT(net_close) void host_net_close(int sckt);
/// Receive up to len bytes: >0 bytes, 0 nothing yet, <0 closed.
HOST_IMPORT(net_recv) int host_net_recv(int sckt, void *buf, int len);
/// Send: bytes taken (0 when the link is busy), <0 closed.
HOST_IMPORT(net_send) int host_net_send(int sckt, const void *buf, int len);

/// Wi-Fi: start joining `ssid` (the result arrives as an event).
HOST_IMPORT(wifi_connect) void host_wifi_connect(const char *ssid, const char *password);
/// Wi-Fi: leave the network.
HOST_IMPORT(wifi_disconnect) void host_wifi_disconnect(void);
/// Wi-Fi status as JSON ({"station":…,"ssid":…,"ip":…}), written into buf; returns its length.
HOST_IMPORT(wifi_status) int host_wifi_status(char *buf, int max);
/// 1 while there is Wi-Fi hardware on this board (the host can model a board without it).
HOST_IMPORT(wifi_present) int host_wifi_present(void);

#endif
