// Intentionally empty: everything lives in include/CConcRuntimeShims.h as static inline functions
// (SwiftPM needs one source file per C target).
#include "CConcRuntimeShims.h"
