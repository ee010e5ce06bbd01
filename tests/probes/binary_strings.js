// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Binary strings: every char is a byte 0-255, whatever builds it.
var s = "";
for (var i = 0; i < 256; i++) s += String.fromCharCode(i);
print("length", s.length, "first", s.charCodeAt(0), "last", s.charCodeAt(255));
var lit = "" + "\x81\xff";
print("literal", lit.length, lit.charCodeAt(0), lit.charCodeAt(1));
var e = E.toString([0x81, 0xff, 65]);
print("E.toString", e.length, e.charCodeAt(0), e.charCodeAt(1), JSON.stringify(e));
var u = E.toUint8Array("\x81A", [1, 2], 300);
print("E.toUint8Array", u.length, u.join(","));
print("btoa", btoa(s.slice(120, 140)), atob("gf8=").charCodeAt(0));
print("JSON", JSON.stringify("\x81\x00\n"));
print("slice", s.substr(250).length, s.substring(0, 3).charCodeAt(2), s.indexOf("\xfe"));
print("concat", ("\x80" + "\x80").length, "\xe9".toUpperCase().charCodeAt(0));
var utf8 = "é"; // UTF-8 in the source: its bytes on ESP32 builds
print("utf8 literal", utf8.length, utf8.charCodeAt(0), utf8.charCodeAt(1));
print("probe done");
