#ifndef VIGIE_CZLIB_SHIM_H
#define VIGIE_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit is a macro, which Swift does not import: a function with the same meaning. */
static inline int vigie_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}
#endif
