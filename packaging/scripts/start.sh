#!/usr/bin/env bash
# Installs the packages Galley needs, builds it and starts the editor. On first start Galley fills
# its library with the sample stories, so there is something to read, edit and export at once.
# Usage: packaging/scripts/start.sh [galley options, e.g. --db /path/library.sqlite]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

galley_install_packages
galley_build

if [ "$(id -u)" -eq 0 ]; then
    # Chromium will not start its sandbox for root. Running as a normal user keeps the sandbox on.
    echo "Note: running as root, so the preview's Chromium sandbox is turned off for this session."
    export QTWEBENGINE_DISABLE_SANDBOX=1
fi
exec "$GALLEY_BUILD_DIR/bin/galley" "$@"
