#!/bin/false
# This file is part of Espruino, a JavaScript interpreter for Microcontrollers
#
# Copyright (C) 2013 Gordon Williams <gw@pur3.co.uk>
#
# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at http://mozilla.org/MPL/2.0/.
#
# ----------------------------------------------------------------------------------------
# This file contains information for a specific board - the available pins, and where LEDs,
# Buttons, and other in-built peripherals are. It is used to build documentation as well
# as various source and header files for Espruino.
# ----------------------------------------------------------------------------------------

import pinutils;
# A board whose hardware is its WebAssembly host (engine/*.ts): ESP32-C3 (4095 JsVars).
info = {
 'name' : "WebAssembly, ESP32-C3 (4095 JsVars)",
 'default_console' : "EV_SERIAL1", # as boards/ESP32*.py
 'default_console_baudrate' : "115200",
 'variables' :  4095,
 'binary_name' : 'espruino-esp32c3.wasm',
 'io_buffer_size' : 4096, # as boards/ESP32*.py
 'build' : {
   'libraries' : [
     'NET',
     'CRYPTO','SHA256','SHA512',
     'TLS',
   ],
   'makefile' : [
     'EMSCRIPTEN=1',
     'USE_DEBUGGER=0',
     'DEFINES+=-DUSE_CALLFUNCTION_HACK',
     'DEFINES+=-DESPR_WASM=1',
     'DEFINES+=-DESPR_KIT_ESP32_EMU=1', # WAIT_UNTIL bounded by board time (src/jshardware.h)
     'DEFINES+=-DESPR_TLS_LIKE_ESP_IDF=1', # ECDHE key exchanges, as ESP-IDF's mbedtls (libs/crypto/mbedtls/config.h)

   ]
 }
};
chip = {
  'part' : "WASM",
  'family' : "WASM",
  'package' : "",
  'ram' : 400,
  'flash' : 0,
  'speed' : 160,
  'usart' : 2,
  'spi' : 0,
  'i2c' : 0,
  'adc' : 0,
  'dac' : 0,
  'saved_code' : { # as boards/ESP32*.py: the Storage partition
    'address' : 0x320000,
    'page_size' : 4096,
    'pages' : 224,
    'flash_available' : 1344,
  },
};

devices = {
  'LED1' : { 'pin' : 'D2' }, # as boards/ESP32C3_IDF4.py
  'BTN1' : { 'pin' : 'D0', "inverted":1, 'pinstate' : 'IN_PULLUP' }
};

def get_pins():
  pins = pinutils.generate_pins(0,21)
  return pins
