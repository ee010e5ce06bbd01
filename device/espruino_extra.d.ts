/**
 * What @types/espruino leaves out but Espruino 2v29 on ESP32 has
 * (see ../shared/ESPRUINO.md). Placeholder: completed with the device client.
 */
declare const LED1: Pin;
