#!/usr/bin/env bash
# Installs the packages Galley needs, builds it with warnings as errors and runs every test through
# CTest. GUI tests run offscreen (CTest sets QT_QPA_PLATFORM for them); no display is needed. The
# "packaging" test makes the Debian package from this build and checks it (packaging/README.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

galley_install_packages
galley_build -DGALLEY_WERROR=ON -DGALLEY_BUILD_TESTS=ON
echo "== Running the tests"
# Here every tool the package test needs is installed: it must run, not skip.
GALLEY_REQUIRE_PACKAGE_TEST=1 ctest --test-dir "$GALLEY_BUILD_DIR" --output-on-failure --timeout 300
