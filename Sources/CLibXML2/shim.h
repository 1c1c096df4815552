#include <libxml/xmlversion.h>
// Gloss never converts encodings through ICU; leaving its headers out keeps
// them from clashing with the ICU that Foundation ships.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
