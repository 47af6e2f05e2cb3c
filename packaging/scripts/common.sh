# Shared by start.sh and test.sh: installs what Galley needs to build, run and test, then builds it.
# Sourced, not run. Works as root or, through sudo, as a normal user on Debian 12.

GALLEY_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GALLEY_BUILD_DIR=${GALLEY_BUILD_DIR:-$GALLEY_SOURCE_DIR/build}

# Debian 12 packages: toolchain, Qt 6.4 with WebEngine and SQLite, the libraries Galley links, and
# the tools its tests call (tidy checks exported pages; xvfb-run is there for a real display).
# The last lines build and check the Debian package (packaging/README.md): rsvg-convert draws the
# icons, pandoc writes the man page, cpack needs dpkg-shlibdeps and file; the package test runs the
# validators, lintian, man, and gio with update-mime-database for the MIME types.
GALLEY_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-webengine-dev qt6-webchannel-dev qt6-tools-dev qt6-tools-dev-tools
    libqt6sql6-sqlite libqt6webenginecore6-bin qt6-image-formats-plugins libqt6svg6 libgl-dev
    libkainjow-mustache-dev libdtl-dev libnuspell-dev hunspell-en-us hunspell-en-gb hunspell-en-ca
    libuchardet-dev libxml2-dev libpng-dev qt6-pdf-dev libexiv2-dev
    fonts-dejavu-core tidy xvfb xauth pandoc
    libxml2-utils python3-jsonschema python3-rfc3987
    postgresql libqt6sql6-psql libpq-dev
    librsvg2-bin dpkg-dev file
    desktop-file-utils appstream lintian man-db libglib2.0-bin shared-mime-info
)

galley_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

galley_install_packages() {
    echo "== Installing Debian packages (${#GALLEY_PACKAGES[@]})"
    galley_as_root apt-get update
    galley_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${GALLEY_PACKAGES[@]}"
}

# galley_build [extra cmake options...]
galley_build() {
    echo "== Building Galley in $GALLEY_BUILD_DIR"
    cmake -S "$GALLEY_SOURCE_DIR" -B "$GALLEY_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$GALLEY_BUILD_DIR" --parallel "$(nproc)"
}
