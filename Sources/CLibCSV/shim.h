#ifndef CARE_AUDIT_CLIBCSV_SHIM_H
#define CARE_AUDIT_CLIBCSV_SHIM_H
// Debian's libcsv-dev installs csv.h and libcsv.so; it ships no pkg-config file.
#include <csv.h>
#include <string.h>

// libcsv trims spaces and tabs around unquoted fields unless a space function says no byte is
// a space. It is called for nearly every byte, so it lives here in C: a Swift function would
// add a thunk to each call.
static inline int care_audit_no_spaces(unsigned char c) {
    (void)c;
    return 0;
}
// The field arena of a reader: libcsv's field callback appends each field's bytes to `bytes`
// and its end offset to `ends`. The callback runs for every field of every file, so its usual
// case is here in C (a Swift callback sits behind a thunk); growing the arena and fields over a
// limit go to `slow`, the reader's own Swift code, with `owner`.
struct care_audit_fields {
    unsigned char *bytes;
    long capacity, used;
    long *ends;
    long endsCapacity, fieldCount;
    long recordStart, maxFieldBytes, maxRecordBytes;
    // The field count at which the current record passes the field limit.
    long fieldLimit;
    void *owner;
    void (*slow)(void *owner, void *data, size_t length);
};

static inline void care_audit_on_field(void *data, size_t length, void *context) {
    struct care_audit_fields *f = (struct care_audit_fields *)context;
    long n = (long)length;
    if (f->fieldCount < f->endsCapacity && f->fieldCount < f->fieldLimit && n <= f->maxFieldBytes
        && f->used - f->recordStart + n <= f->maxRecordBytes && f->used + n <= f->capacity) {
        unsigned char *target = f->bytes + f->used;
        if (n > 0 && n <= 16) {
            // Most fields are short: two word moves, not a call. libcsv's field buffer is at
            // least a block (64 KiB) long, and the arena has 16 bytes of slack.
            unsigned long long a, b;
            memcpy(&a, data, 8);
            memcpy(&b, (unsigned char *)data + 8, 8);
            memcpy(target, &a, 8);
            memcpy(target + 8, &b, 8);
        } else if (n > 16) {
            memcpy(target, data, length);
        }
        f->used += n;
        f->ends[f->fieldCount++] = f->used;
        return;
    }
    f->slow(f->owner, data, length);
}

// Starts loading the cache line at `address` without waiting for it (Swift has no such
// intrinsic): the text table's slot for a high-cardinality value is requested early in a row
// and looked up at its end.
static inline void care_audit_prefetch(const void *address) {
    __builtin_prefetch(address);
}
#endif
