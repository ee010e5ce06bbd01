// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Socket events in order, against the local probe server (hello, echo, closes after bye).
var net = require("net");
var events = [];
var sock = net.connect({ host: "127.0.0.1", port: PROBE_PORT }, function () {
  events.push("connect");
});
print("connect returned", typeof sock);
sock.on("drain", function () {
  events.push("drain");
});
sock.on("data", function (d) {
  events.push("data " + JSON.stringify(d));
  // the server answers "slow" 100 ms late, so that the drain of each write comes first
  if (d.indexOf("hello") >= 0) sock.write("slow\xff");
  else if (d === "slow\xff") sock.write("slow bye");
});
sock.on("end", function () {
  events.push("end");
});
sock.on("error", function (e) {
  events.push("error " + JSON.stringify(e));
});
sock.on("close", function (hadError) {
  events.push("close " + hadError);
  print(events.join("\n"));
  try {
    sock.write("more");
    print("write after close: no error");
  } catch (e) {
    print("write after close:", e.message);
  }
  try {
    net.connect({ host: "127.0.0.1", port: 1 }, function () {
      print("connected to port 1?");
    });
    print("refused: no throw");
  } catch (e) {
    print("refused:", e.message);
  }
  setTimeout(function () {
    print("probe done");
  }, 200);
});
