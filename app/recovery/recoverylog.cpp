#include "recoverylog.h"

Q_LOGGING_CATEGORY(lcRecovery, "galley.recovery", QtInfoMsg)
