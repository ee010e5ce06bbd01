/* libs/network/network.c names the host socket network after Linux's. */
#include "network.h"
void netSetCallbacks_linux(JsNetwork *net);
