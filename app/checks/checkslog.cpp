#include "checkslog.h"

Q_LOGGING_CATEGORY(lcChecks, "galley.checks", QtInfoMsg)
