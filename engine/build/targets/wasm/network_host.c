/*
 * Sockets for `net` and `tls` (libs/network/network.c runs mbedtls on top of
 * these) through the host, which owns the real connections. A connect blocks,
 * as lwIP's does on the ESP32.
 *
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "network.h"
#include "socketerrors.h"
#include "host.h"

static void hostGetHostByName(JsNetwork *net, char *hostName, uint32_t *outIp) {
  *outIp = host_net_resolve(hostName);
}

static void hostIdle(JsNetwork *net) {}
static bool hostCheckError(JsNetwork *net) { return true; }

static int hostCreateSocket(JsNetwork *net, SocketType socketType, uint32_t host, unsigned short port, JsVar *options) {
  if (host==0 || (socketType&ST_TYPE_MASK)==ST_UDP) return SOCKET_ERR_UNKNOWN; // servers and UDP: not on this board
  return host_net_connect(host, port);
}

static void hostCloseSocket(JsNetwork *net, int sckt) { host_net_close(sckt); }
static int hostAccept(JsNetwork *net, int sckt) { return -1; }

static int hostRecv(JsNetwork *net, SocketType socketType, int sckt, void *buf, size_t len) {
  return host_net_recv(sckt, buf, (int)len);
}

static int hostSend(JsNetwork *net, SocketType socketType, int sckt, const void *buf, size_t len) {
  return host_net_send(sckt, buf, (int)len);
}

void netSetCallbacks_linux(JsNetwork *net) {
  net->idle = hostIdle;
  net->checkError = hostCheckError;
  net->createsocket = hostCreateSocket;
  net->closesocket = hostCloseSocket;
  net->accept = hostAccept;
  net->gethostbyname = hostGetHostByName;
  net->recv = hostRecv;
  net->send = hostSend;
  net->chunkSize = 536; // lwIP's TCP_MSS on the ESP32: data arrives in chunks of at most this
}
