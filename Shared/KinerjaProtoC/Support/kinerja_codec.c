#include "kinerja_codec.h"

#include <stdlib.h>

/* Blocks allocated by kinerja_unpack and not yet freed on this thread (a leak check). A decode
 * and its free run synchronously on one thread, so a per-thread count is exact. */
static _Thread_local long kinerja_live_blocks = 0;

long kinerja_live_allocations(void) {
    return kinerja_live_blocks;
}

typedef struct {
    size_t used;
    size_t cap;
    int exceeded;
} kinerja_alloc_state;

static void *kinerja_capped_alloc(void *allocator_data, size_t size) {
    kinerja_alloc_state *state = allocator_data;
    if (size == 0) size = 1;
    if (size > state->cap - state->used) {
        state->exceeded = 1;
        return NULL;
    }
    state->used += size;
    void *block = calloc(1, size);
    if (block != NULL) kinerja_live_blocks++;
    return block;
}

static void kinerja_free(void *allocator_data, void *pointer) {
    (void)allocator_data;
    if (pointer != NULL) kinerja_live_blocks--;
    free(pointer);
}

static ProtobufCAllocator kinerja_free_only = {
    .alloc = NULL,
    .free = kinerja_free,
    .allocator_data = NULL,
};

ProtobufCMessage *kinerja_unpack(const ProtobufCMessageDescriptor *descriptor,
                                 size_t len, const uint8_t *data,
                                 size_t memory_cap,
                                 kinerja_unpack_result *result) {
    kinerja_alloc_state state = {.used = 0, .cap = memory_cap, .exceeded = 0};
    ProtobufCAllocator allocator = {
        .alloc = kinerja_capped_alloc,
        .free = kinerja_free,
        .allocator_data = &state,
    };
    static const uint8_t empty[1] = {0};
    ProtobufCMessage *message =
        protobuf_c_message_unpack(descriptor, &allocator, len, len ? data : empty);
    if (message == NULL) {
        *result = state.exceeded ? KINERJA_UNPACK_MEMORY_CAP : KINERJA_UNPACK_MALFORMED;
    } else {
        *result = KINERJA_UNPACK_OK;
    }
    return message;
}

void kinerja_free_unpacked(ProtobufCMessage *message) {
    if (message != NULL) {
        protobuf_c_message_free_unpacked(message, &kinerja_free_only);
    }
}
