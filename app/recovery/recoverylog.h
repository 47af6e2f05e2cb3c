#pragma once

#include <QLoggingCategory>

// The recovery module's category: `QT_LOGGING_RULES="galley.recovery.debug=true"`.
Q_DECLARE_LOGGING_CATEGORY(lcRecovery)
