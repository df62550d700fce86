#pragma once
// QCustomPlot's header uses the bare `signals`, `slots`, `emit` and `foreach` words, which Kiln
// disables (QT_NO_KEYWORDS, to keep Qt's macros away from LibTorch). Include it through here.

#ifndef signals
#define signals Q_SIGNALS
#define KILN_UNDEF_SIGNALS
#endif
#ifndef slots
#define slots Q_SLOTS
#define KILN_UNDEF_SLOTS
#endif
#ifndef emit
#define emit Q_EMIT
#define KILN_UNDEF_EMIT
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define KILN_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef KILN_UNDEF_SIGNALS
#undef signals
#undef KILN_UNDEF_SIGNALS
#endif
#ifdef KILN_UNDEF_SLOTS
#undef slots
#undef KILN_UNDEF_SLOTS
#endif
#ifdef KILN_UNDEF_EMIT
#undef emit
#undef KILN_UNDEF_EMIT
#endif
#ifdef KILN_UNDEF_FOREACH
#undef foreach
#undef KILN_UNDEF_FOREACH
#endif
