#!/usr/bin/env bash
# Installs the packages Galley needs to build, builds it and makes the Debian package
# build/galley_<version>_amd64.deb (packaging/README.md). Then, to install it:
#
#   sudo apt-get install ./build/galley_0.1.0_amd64.deb
#
# A build folder made by test.sh is reused as it is; a new one is configured without the tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

galley_install_packages
options=()
[ -f "$GALLEY_BUILD_DIR/CMakeCache.txt" ] || options+=(-DGALLEY_BUILD_TESTS=OFF)
galley_build "${options[@]}"
echo "== Making the Debian package"
cpack --config "$GALLEY_BUILD_DIR/CPackConfig.cmake" -B "$GALLEY_BUILD_DIR"
version=$("$GALLEY_BUILD_DIR/bin/galley" --version | cut -d' ' -f2)
echo "Made $GALLEY_BUILD_DIR/galley_${version}_amd64.deb"
