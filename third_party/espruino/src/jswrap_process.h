/*
 * This file is part of Espruino, a JavaScript interpreter for Microcontrollers
 *
 * Copyright (C) 2013 Gordon Williams <gw@pur3.co.uk>
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 *
 * ----------------------------------------------------------------------------
 * This file is designed to be parsed during the build process
 *
 * JavaScript 'process' object - for information about the Espruino board
 * ----------------------------------------------------------------------------
 */
#ifndef JSWRAP_PROCESS_H_
#define JSWRAP_PROCESS_H_

#include "jsvar.h"

JsVar *jswrap_process_env();
JsVar *jswrap_process_memory(JsVar *gc);

#endif // JSWRAP_PROCESS_H_
