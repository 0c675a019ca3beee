/*
 * Decoding support for libprotobuf-c: a zero-filling allocator that caps the
 * bytes one decode may allocate. protobuf-c 1.4.1 leaves pointers
 * uninitialised on some error paths (fixed upstream later); zero-filled
 * allocations make those paths free NULLs instead of garbage.
 */
#ifndef KINERJA_CODEC_H
#define KINERJA_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>

/** Outcome of kinerja_unpack. */
typedef enum {
    KINERJA_UNPACK_OK = 0,
    /** protobuf-c refused the bytes (malformed wire data). */
    KINERJA_UNPACK_MALFORMED = 1,
    /** The decode needed more memory than the cap allowed. */
    KINERJA_UNPACK_MEMORY_CAP = 2,
} kinerja_unpack_result;

/**
 * Unpacks `len` bytes at `data` as a message of `descriptor`, allocating at
 * most `memory_cap` bytes (all zero-filled). Returns NULL on failure with the
 * reason in `*result`. Free the message with kinerja_free_unpacked.
 */
ProtobufCMessage *kinerja_unpack(const ProtobufCMessageDescriptor *descriptor,
                                 size_t len, const uint8_t *data,
                                 size_t memory_cap,
                                 kinerja_unpack_result *result);

/** Frees a message returned by kinerja_unpack. NULL is ignored. */
void kinerja_free_unpacked(ProtobufCMessage *message);

/** Blocks allocated by kinerja_unpack and not yet freed on the calling thread (for leak checks). */
long kinerja_live_allocations(void);

#endif
