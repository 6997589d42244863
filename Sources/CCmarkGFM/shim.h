#ifndef VIGIE_CCMARKGFM_SHIM_H
#define VIGIE_CCMARKGFM_SHIM_H
/* GitHub's CommonMark parser (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
   Only VigieMarkdown imports this module. */
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
