#!/usr/bin/env bash
# The package test (CTest "packaging", label "packaging"): makes the Debian package from a built
# tree with cpack, checks what it holds and declares, validates the desktop entry, the AppStream
# metainfo and the MIME types, unpacks it with dpkg -x and runs the unpacked galley (version, help,
# a first start that fills the sample library), checks that the man page, `galley help` and the
# bash completion name the same verbs and options, and runs lintian: no errors, and every warning
# explained in packaging/README.md.
#
#   packaging/scripts/check-package.sh BUILD_DIR
#
# Exit 77 (CTest: skipped) when a tool it needs is missing, as outside packaging/scripts/test.sh,
# which installs them; with GALLEY_REQUIRE_PACKAGE_TEST=1 (test.sh sets it) that is a failure.
set -uo pipefail

BUILD=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_ID=org.galley.Galley
failures=0

skip() {
    if [[ ${GALLEY_REQUIRE_PACKAGE_TEST:-0} == 1 ]]; then
        echo "FAIL: $*"
        exit 1
    fi
    echo "SKIP: $* The package test needs the tools packaging/scripts/test.sh installs."
    exit 77
}
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
# same LABEL EXPECTED ACTUAL: the two sorted lists are equal.
same() {
    if [[ $2 == "$3" ]]; then
        pass "$1: $(echo $2)"
    else
        fail "$1 differ:"
        diff <(echo "$2") <(echo "$3") | sed 's/^/    /'
    fi
}

for tool in cpack dpkg-deb dpkg-shlibdeps file desktop-file-validate appstreamcli lintian man \
    update-mime-database gio; do
    command -v "$tool" >/dev/null || skip "$tool is not installed."
done
[[ -f $BUILD/CPackConfig.cmake && -x $BUILD/bin/galley ]] || skip "$BUILD holds no built Galley."
[[ -f $BUILD/packaging/galley.1.gz ]] || skip "The build has no man page: pandoc was missing when it was configured."
[[ -f $BUILD/packaging/icons/16x16/$APP_ID.png ]] ||
    skip "The build has no PNG icons: rsvg-convert was missing when it was configured."

WORK=$(mktemp -d)
GUI_PID=""
cleanup() {
    [[ -n $GUI_PID ]] && kill "$GUI_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
VERSION=$("$BUILD/bin/galley" --version | cut -d' ' -f2)

echo "== Making the package (cpack)"
if ! cpack --config "$BUILD/CPackConfig.cmake" -B "$WORK/cpack" >"$WORK/cpack.log" 2>&1; then
    cat "$WORK/cpack.log"
    echo "FAIL: cpack"
    exit 1
fi
DEB=$WORK/cpack/galley_${VERSION}_amd64.deb
[[ -f $DEB ]] || { ls "$WORK/cpack"; echo "FAIL: no $(basename "$DEB")"; exit 1; }
pass "$(basename "$DEB"), $(($(stat -c %s "$DEB") / 1024)) KiB"

echo "== Control fields"
depends=$(dpkg-deb -f "$DEB" Depends)
# Computed by dpkg-shlibdeps, and named by hand for what Qt loads at run time.
for package in libc6 libqt6core6 libqt6webenginewidgets6 libqt6sql6 \
    libqt6webenginecore6-bin libqt6sql6-sqlite qt6-image-formats-plugins libqt6svg6; do
    [[ ,$depends, =~ [,\ ]$package[,\ ] ]] || fail "Depends lacks $package: $depends"
done
pass "Depends: $depends"
[[ $(dpkg-deb -f "$DEB" Package Version Architecture | tr '\n' ' ') == "Package: galley Version: $VERSION Architecture: amd64 " ]] ||
    fail "Package, Version or Architecture: $(dpkg-deb -f "$DEB" Package Version Architecture)"

echo "== Contents"
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|' >"$WORK/contents"
expected=(
    /usr/bin/galley
    /usr/share/applications/$APP_ID.desktop
    /usr/share/metainfo/$APP_ID.metainfo.xml
    /usr/share/mime/packages/$APP_ID.xml
    /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
    /usr/share/man/man1/galley.1.gz
    /usr/share/bash-completion/completions/galley
    /usr/share/doc/galley/copyright
    /usr/share/doc/galley/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$WORK/contents" || fail "the package lacks $path"
done
pass "${#expected[@]} files where desktops, man and bash look for them"

ROOT=$WORK/root
dpkg -x "$DEB" "$ROOT"
for size in 16 22 24 32 48 64 128 256; do
    png=$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png
    [[ $(file -b "$png") == "PNG image data, $size x $size,"* ]] || fail "$png: $(file -b "$png")"
done
if readelf -d "$ROOT/usr/bin/galley" | grep -qE 'RPATH|RUNPATH'; then
    fail "the installed galley has an RPATH: it must use the system's Qt"
fi

echo "== Desktop entry, AppStream metainfo, MIME types"
desktop=$ROOT/usr/share/applications/$APP_ID.desktop
if out=$(desktop-file-validate "$desktop" 2>&1) && [[ -z $out ]]; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate: $out"
fi
grep -qx 'Exec=galley %F' "$desktop" || fail "the desktop entry's Exec is not 'galley %F'"
if out=$(appstreamcli validate --no-net "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml" 2>&1); then
    pass "appstreamcli validate --no-net: $(echo "$out" | tail -1)"
else
    fail "appstreamcli validate --no-net:"
    echo "$out" | sed 's/^/    /'
fi
# Every type the desktop entry opens is defined, and the files Galley reads are recognised.
mkdir -p "$WORK/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$ROOT/usr/share/mime/packages/$APP_ID.xml" "$WORK/mime/packages/"
if out=$(XDG_DATA_DIRS=$WORK update-mime-database "$WORK/mime" 2>&1) && [[ -z $out ]]; then
    pass "update-mime-database takes $APP_ID.xml"
else
    fail "update-mime-database: $out"
fi
desktop_types=$(sed -n 's/^MimeType=//p' "$desktop" | tr ';' '\n' | sed '/^$/d' | sort)
defined_types=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$ROOT/usr/share/mime/packages/$APP_ID.xml" | sort)
metainfo_types=$(sed -n 's/.*<mediatype>\(.*\)<\/mediatype>.*/\1/p' "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml" | sort)
same "MIME types of the desktop entry and of $APP_ID.xml" "$desktop_types" "$defined_types"
same "MIME types of the desktop entry and of the metainfo" "$desktop_types" "$metainfo_types"
mimetype_of() {
    XDG_DATA_HOME=$WORK XDG_DATA_DIRS=$WORK gio info -a standard::content-type "$1" 2>/dev/null |
        sed -n 's/^ *standard::content-type: //p'
}
samples=$WORK/mime-samples
mkdir -p "$samples"
printf '<?xml version="1.0"?>\n<nitf><head><title>T</title></head></nitf>\n' >"$samples/story.nitf"
printf '<?xml version="1.0"?>\n<nitf><head><title>T</title></head></nitf>\n' >"$samples/nitf-story"
printf '<?xml version="1.0"?>\n<nitf><head><title>T</title></head></nitf>\n' >"$samples/nitf.xml"
printf '<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>\n' >"$samples/item"
printf '<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>\n' >"$samples/item.xml"
printf '<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>\n' >"$samples/message.xml"
printf '<?xml version="1.0"?>\n<catalog><book/></catalog>\n' >"$samples/other.xml"
printf '{"uri": "x", "headline": "H"}\n' >"$samples/other.json"
printf '{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json", "uri": "x"}\n' >"$samples/ninjs"
printf '\001ewn0412 3 pl 142  EXW 1130\r\n\r\nHarbour/vote/\r\n\002Eastport council votes\r\n\003\004' >"$samples/7901"
printf '\026\026\001a0412\037-----\nu a\023\021 BC-Harbor 12-02 0091\n\002^BC-Harbor<\n\003' >"$samples/anpa"
# Other XML and JSON (a ninjs file that does not name its schema is one) keep their own types.
declare -A want=([story.nitf]=application/nitf+xml [nitf-story]=application/nitf+xml
    [nitf.xml]=application/nitf+xml [item]=application/vnd.iptc.g2.newsitem+xml
    [item.xml]=application/vnd.iptc.g2.newsitem+xml [message.xml]=application/vnd.iptc.g2.newsmessage+xml
    [ninjs]=application/ninjs+json [7901]=application/x-iptc7901 [anpa]=application/x-anpa1312
    [other.xml]=application/xml [other.json]=application/json)
recognised=0
for name in "${!want[@]}"; do
    got=$(mimetype_of "$samples/$name")
    [[ $got == "${want[$name]}" ]] && recognised=$((recognised + 1)) ||
        fail "a file '$name' is $got, not ${want[$name]}"
done
((recognised == ${#want[@]})) &&
    pass "gio recognises NITF, NewsML-G2, ninjs, IPTC 7901 and ANPA-1312 files, and no other XML or JSON"

echo "== The unpacked galley (system Qt, no build tree)"
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/data XDG_CONFIG_HOME=$WORK/home/config
mkdir -p "$HOME"
GALLEY=$ROOT/usr/bin/galley
unset LD_LIBRARY_PATH
if [[ $("$GALLEY" --version) == "galley $VERSION" ]]; then pass "galley --version"; else fail "galley --version: $("$GALLEY" --version 2>&1)"; fi
HELP=$("$GALLEY" help) || fail "galley help exits $?"
[[ $("$GALLEY" --help) == "$HELP" ]] || fail "galley --help differs from galley help"
[[ $HELP == "Usage: galley "* ]] && pass "galley help" || fail "galley help: $HELP"
# A first start fills a new library with the sample stories. Offscreen, as root in CI: Chromium's
# sandbox is off for this run only (a user's galley keeps it).
library=$WORK/first-start.sqlite
QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu "$GALLEY" --db "$library" >"$WORK/gui.log" 2>&1 &
GUI_PID=$!
for _ in $(seq 60); do
    stories=$("$GALLEY" list --db "$library" 2>/dev/null | wc -l)
    ((stories >= 3)) && break
    sleep 0.5
done
kill "$GUI_PID" 2>/dev/null
wait "$GUI_PID" 2>/dev/null
GUI_PID=""
if ((stories >= 3)); then pass "a first start fills the library with $stories sample stories"; else
    fail "a first start left $stories stories in the library"
    sed 's/^/    /' "$WORK/gui.log"
fi

echo "== The man page, galley help and the completion agree"
help_verbs=$(echo "$HELP" | sed -n '/Verbs:$/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | sort)
help_options=$(echo "$HELP" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
man_text=$(LC_ALL=C MANWIDTH=100 man -l "$ROOT/usr/share/man/man1/galley.1.gz" 2>"$WORK/man.err")
[[ -s $WORK/man.err ]] && fail "man reports: $(cat "$WORK/man.err")"
section() { echo "$man_text" | sed -n "/^$1\$/,/^[A-Z][A-Z ]*\$/p"; }
man_verbs=$(section VERBS | sed -n 's/^       galley \([a-z][a-z-]*\).*/\1/p' | sort)
man_options=$(section OPTIONS | sed -n 's/^       \(-[a-z], \)\?\(--[a-z-]\+\).*/\2/p' | sort -u)
same "verbs of galley help and of the man page" "$help_verbs" "$man_verbs"
same "options of galley help and of the man page" "$help_options" "$man_options"

completion=$ROOT/usr/share/bash-completion/completions/galley
# complete_line WORDS...: what the completion offers for the last word (empty: a new word).
complete_line() {
    bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _galley 2>/dev/null
        printf "%s\n" "${COMPREPLY[@]}"' complete_line "$completion" "$@" | sort -u
}
registered=$(bash -c "source '$completion' && complete -p galley")
[[ $registered == "complete -F _galley galley" ]] && pass "$registered" || fail "complete -p galley: $registered"
cd "$WORK/mime-samples" || exit 1
same "verbs of galley help and of the completion" "$help_verbs" \
    "$(complete_line "$GALLEY" "" | grep -vxFf <(ls))"
same "options before a verb" "$(printf '%s\n' --db --help --version)" "$(complete_line "$GALLEY" --)"
while read -r verb synopsis; do
    verb_options=$( (echo --help; echo "$synopsis" | grep -oE -- '--[a-z][a-z-]*') | sort -u)
    [[ $verb == help ]] && verb_options=""
    same "options of galley $verb and of the completion" "$verb_options" "$(complete_line "$GALLEY" "$verb" --)"
done < <(echo "$HELP" | sed -n '/Verbs:$/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) \(\([^ ]\+ \?\)*\)  .*/\1 \2/p')
printf 'Ferry fares frozen for winter\n\nThe harbour board froze fares on Monday.\n' >"$WORK/story.txt"
slug=$("$GALLEY" import --db "$WORK/desk.sqlite" "$WORK/story.txt" 2>/dev/null | cut -f1)
same "slugs offered after export --db" "$slug" "$(complete_line "$GALLEY" --db "$WORK/desk.sqlite" export "")"
same "slugs offered after --db=" "$slug" "$(complete_line "$GALLEY" --db = "$WORK/desk.sqlite" export "")"
cd "$WORK" || exit 1

echo "== lintian"
lintian --tag-display-limit 0 "$DEB" >"$WORK/lintian.log" 2>&1
sed 's/^/    /' "$WORK/lintian.log"
if grep -q '^E: ' "$WORK/lintian.log"; then
    fail "lintian reports errors"
else
    pass "lintian: no errors"
fi
# Every warning left is explained in packaging/README.md, by its tag.
for tag in $(sed -n 's/^W: galley[^:]*: \([a-z0-9-]\+\).*/\1/p' "$WORK/lintian.log" | sort -u); do
    grep -qF "$tag" "$SRC/packaging/README.md" || fail "lintian warning $tag is not explained in packaging/README.md"
done

echo
if ((failures > 0)); then
    echo "check-package: $failures check(s) failed"
    exit 1
fi
echo "check-package: every check passed"
