#pragma once

#include <QLoggingCategory>

// The checks room's category ("galley.checks"), kept here so logging.h, which every room includes,
// stays as it is.
Q_DECLARE_LOGGING_CATEGORY(lcChecks)
