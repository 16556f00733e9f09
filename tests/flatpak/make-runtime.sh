#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a stand-in for org.gnome.Platform and org.gnome.Sdk out of Debian
# 12's own packages (GTK 4.8, libadwaita 1.2, GLib 2.74: the versions Dojang
# targets) and exports both into a local OSTree repository:
#
#   make-runtime.sh CACHE_DIR
#
# prints the repository's path. The result is kept in
# CACHE_DIR/<hash of the package lists and of this script>/, so a second
# run with the same lists reuses it.
#
# Debian's packages are only unpacked (mmdebstrap --variant=extract); the
# few maintainer-script triggers a GTK app needs are run by hand inside the
# tree, and the tree's /usr becomes the runtime's files/ (Flatpak mounts it
# at /usr), its /etc becomes files/etc.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache_root=$1

runtime_prefix=io.github.dojang.Debian12
branch=12
arch=$(flatpak --default-arch)

for tool in mmdebstrap flatpak ostree bwrap sha256sum apt-get; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-runtime.sh: $tool is missing" >&2
    exit 1
  fi
done

key=$(cat "$here/platform.packages" "$here/sdk.packages" "$0" | sha256sum | cut -c1-16)
cache="$cache_root/$key"
repo="$cache/repo"
if [ -f "$cache/done" ]; then
  echo "$repo"
  exit 0
fi

rm -rf "$cache"
mkdir -p "$cache"
work="$cache/work"
mkdir -p "$work"

packages () {
  grep -h -v -e '^#' -e '^$' "$@" | paste -sd, -
}

# The host's own Debian sources (mirror, updates, security), so the stand-in
# gets the same package versions the host would.
codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
sources=$(apt-get indextargets --no-release-info --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Created-By: Packages' |
  awk -v c="$codename" '$2 == c || index($2, c "-") == 1 { print "deb " $1 " " $2 " " $3 }' | sort -u)
if [ -z "$sources" ]; then
  echo "make-runtime.sh: no Debian $codename sources in apt's configuration" >&2
  exit 1
fi

# Runs a command with the unpacked tree as its root file system.
in_tree () {
  tree=$1
  shift
  bwrap --bind "$tree" / --proc /proc --dev /dev --tmpfs /tmp \
    --setenv PATH /usr/bin:/usr/sbin --setenv LC_ALL C.UTF-8 "$@"
}

build_runtime () {
  name=$1      # Platform or Sdk
  shift
  tree="$work/$name-tree"
  dir="$work/$name"
  log="$cache/mmdebstrap-$name.log"
  id="$runtime_prefix.$name"

  echo "make-runtime.sh: unpacking the $name ($(packages "$@" | tr ',' '\n' | wc -l) packages and their dependencies)" >&2
  # shellcheck disable=SC2086 # one source per line
  if ! printf '%s\n' "$sources" | mmdebstrap --variant=extract --mode=auto --quiet \
      --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
      --include="$(packages "$@")" \
      "$codename" "$tree" - >"$log" 2>&1; then
    cat "$log" >&2
    echo "make-runtime.sh: mmdebstrap failed for the $name" >&2
    exit 1
  fi

  # What the packages' triggers would have done.
  in_tree "$tree" ldconfig
  in_tree "$tree" glib-compile-schemas /usr/share/glib-2.0/schemas
  for modules in "$tree"/usr/lib/*/gio/modules; do
    in_tree "$tree" gio-querymodules "${modules#"$tree"}"
  done
  for loaders in "$tree"/usr/lib/*/gdk-pixbuf-2.0/gdk-pixbuf-query-loaders; do
    in_tree "$tree" "${loaders#"$tree"}" --update-cache
  done
  in_tree "$tree" update-mime-database /usr/share/mime
  if [ -x "$tree/usr/bin/gtk4-update-icon-cache" ]; then
    for theme in hicolor Adwaita; do
      in_tree "$tree" gtk4-update-icon-cache -q -t -f "/usr/share/icons/$theme"
    done
  fi

  # Flatpak regenerates ld.so.cache with the runtime's bin/ldconfig, and
  # lets the sandbox see the host's fonts through /run/host/font-dirs.xml.
  ln -sf ../sbin/ldconfig "$tree/usr/bin/ldconfig"
  mkdir -p "$tree/etc/fonts/conf.d"
  cat >"$tree/etc/fonts/conf.d/50-flatpak-host-fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/run/host/font-dirs.xml</include>
</fontconfig>
EOF

  # Documentation and most translations are dead weight here; Korean stays.
  rm -rf "$tree/usr/share/doc" "$tree/usr/share/man" "$tree/usr/share/info" "$tree/usr/share/lintian"
  find "$tree/usr/share/locale" -mindepth 1 -maxdepth 1 -type d ! -name 'ko' ! -name 'ko_*' ! -name 'en*' \
    -exec rm -rf {} +

  mkdir -p "$dir"
  mv "$tree/usr" "$dir/files"
  mv "$tree/etc" "$dir/files/etc"
  rm -rf "$tree"
  cat >"$dir/metadata" <<EOF
[Runtime]
name=$id
runtime=$runtime_prefix.Platform/$arch/$branch
sdk=$runtime_prefix.Sdk/$arch/$branch
EOF

  flatpak build-export --runtime --files=files --subject="Debian $codename stand-in for the GNOME $name" \
    "$repo" "$dir" "$branch" >&2
  rm -rf "$dir"
}

ostree init --mode=bare-user-only --repo="$repo"
build_runtime Platform "$here/platform.packages"
build_runtime Sdk "$here/platform.packages" "$here/sdk.packages"
flatpak build-update-repo "$repo" >&2
rm -rf "$work"
touch "$cache/done"
# Runtimes made from older package lists are of no further use.
for old in "$cache_root"/????????????????; do
  [ "$old" = "$cache" ] || rm -rf "$old"
done
echo "$repo"
