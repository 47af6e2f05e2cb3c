#include "logging.h"

Q_LOGGING_CATEGORY(lcStorage, "galley.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRender, "galley.render", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExport, "galley.export", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "galley.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "galley.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "galley.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPreview, "galley.preview", QtInfoMsg)
