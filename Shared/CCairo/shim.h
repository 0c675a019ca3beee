#ifndef KINERJA_CCAIRO_SHIM_H
#define KINERJA_CCAIRO_SHIM_H
// Cairo (PDF, SVG and image surfaces) and Pango's text layout on Cairo, from Debian's
// libcairo2-dev and libpango1.0-dev (pkg-config `pangocairo`).
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#endif
