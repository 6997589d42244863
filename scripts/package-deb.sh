#!/usr/bin/env bash
# Builds the Debian package dist/vigie_<version>_<arch>.deb (docs/install.md#debian-package):
#   /usr/bin/vigie                                     the binary, Swift runtime linked in statically
#   /usr/share/doc/vigie/rules/                        the rule files built into the binary, to read or copy
#   /usr/share/man/man1/vigie*.1.gz                    the manual (swift-argument-parser's generate-manual)
#   /usr/share/bash-completion/completions/vigie       completions, from `vigie --generate-completion-script`
#   /usr/share/zsh/vendor-completions/_vigie
#   /usr/share/fish/vendor_completions.d/vigie.fish
#   /usr/share/doc/vigie/{copyright,changelog.gz,README.md}
# Depends: the Debian packages holding the shared libraries the binary links directly (objdump's
# NEEDED, found with ldd and dpkg -S, so the list follows the build: the C and C++ runtimes, zlib and
# GSSAPI, since libgit2 and cmark-gfm are linked in; with VIGIE_SHARED_LIBRARIES=1, those two as well).
# The version is the git tag (v1.2.3 → 1.2.3); after a tag, <tag>+git<date>.<commit>; before the
# first tag, <vigie --version>~git<date>.<commit>.
# BUILD=0 packages the binary already in .build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if [ "${BUILD:-1}" = 1 ]; then
    swift build -c release --static-swift-stdlib --product vigie >&2 # stdout says only the package's path
fi
binary="$root/.build/release/vigie"
[ -x "$binary" ] || { echo "package-deb: no $binary (run without BUILD=0)" >&2; exit 1; }

tag="$(git describe --tags --match 'v[0-9]*' --abbrev=0 2>/dev/null || true)"
snapshot="git$(git log -1 --format=%cd --date=format:%Y%m%d).$(git rev-parse --short=12 HEAD)"
if [ -n "$tag" ] && [ "$(git rev-list -n 1 "$tag")" = "$(git rev-parse HEAD)" ]; then
    version="${tag#v}"
elif [ -n "$tag" ]; then
    version="${tag#v}+$snapshot"             # after the last release
else
    # Before the first release: the version the binary reports, and "~" so that the release sorts after.
    version="$("$binary" --version | awk '{print $2}')~$snapshot"
fi
architecture="$(dpkg --print-architecture)"
name="vigie_${version}_${architecture}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/$name"

install -D -m 0755 "$binary" "$stage/usr/bin/vigie"
# vigie runs the rules compiled into it; the files are shipped as documentation (a team copies one
# into its own folder and layers it with --rules).
install -d "$stage/usr/share/doc/vigie"
cp -R rules "$stage/usr/share/doc/vigie/rules"
find "$stage/usr/share/doc/vigie/rules" -type d -exec chmod 0755 {} + && find "$stage/usr/share/doc/vigie/rules" -type f -exec chmod 0644 {} +

install -d "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" "$stage/usr/share/fish/vendor_completions.d"
"$binary" --generate-completion-script bash > "$stage/usr/share/bash-completion/completions/vigie"
"$binary" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_vigie"
"$binary" --generate-completion-script fish > "$stage/usr/share/fish/vendor_completions.d/vigie.fish"

install -d "$stage/usr/share/man/man1"
bash scripts/manual.sh "$work/man" >&2
for page in "$work/man"/*.1; do gzip -9n -c "$page" > "$stage/usr/share/man/man1/$(basename "$page").gz"; done

install -d "$stage/usr/share/doc/vigie"
install -m 0644 README.md "$stage/usr/share/doc/vigie/README.md"
gzip -9n -c CHANGELOG.md > "$stage/usr/share/doc/vigie/changelog.gz"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: vigie"
    echo
    echo "Files: *"
    echo "License: $(sed -n 's/^SPDX-License-Identifier: //p' LICENSE 2>/dev/null | head -1)"
    echo
    sed 's/^$/./; s/^/ /' LICENSE
} > "$stage/usr/share/doc/vigie/copyright"

# The packages that hold the libraries the binary links directly (NEEDED), resolved to files by ldd;
# their own dependencies are theirs to declare.
needed="$(objdump -p "$binary" | awk '/NEEDED/ {print $2}')"
depends="$(ldd "$binary" | awk '/=> \// {print $1, $3}' | while read -r soname library; do
    grep -qx "$soname" <<< "$needed" || continue
    dpkg -S "$(readlink -f "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true
done | cut -d: -f1 | sort -u | while read -r package; do
    echo "$package (>= $(dpkg-query -W -f='${Version}' "$package" | sed 's/-[^-]*$//'))"
done | paste -sd, - | sed 's/,/, /g')"
# GSSAPI, opened on first use by a binary with libgit2 linked in (CLazyGSSAPI): recommended only.
recommends=""
if ! grep -qx libgssapi_krb5.so.2 <<< "$needed" && grep -qa libgssapi_krb5.so.2 "$binary"; then
    gssapi="$(ldconfig -p | awk '$1 == "libgssapi_krb5.so.2" {print $NF; exit}')"
    [ -n "$gssapi" ] && recommends="$(dpkg -S "$(readlink -f "$gssapi")" 2>/dev/null | cut -d: -f1 | head -1)"
fi

install -d "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: vigie
Version: $version
Architecture: $architecture
Maintainer: vigie <vigie@users.noreply.invalid>
Depends: $depends${recommends:+
Recommends: $recommends}
Section: devel
Priority: optional
Installed-Size: $(du -sk "$stage" | cut -f1)
Homepage: https://github.com/vigie-audit/vigie
Description: audit the quality of open-source repositories and publish scorecards
 vigie reads a git repository through libgit2 (never a checkout), runs rule checks (licence,
 README, accessibility statement, open data, activity, community health) and writes scorecards
 in JSON, Markdown, SARIF and GitLab Code Quality, for one repository or a whole fleet.
CONTROL

mkdir -p dist
dpkg-deb --build --root-owner-group "$stage" "dist/$name.deb" >/dev/null
echo "dist/$name.deb"
