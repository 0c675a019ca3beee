#ifndef KINERJA_CPROTOBUFC_SHIM_H
#define KINERJA_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
