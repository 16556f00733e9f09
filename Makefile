# Dojang — two commands on a fresh Debian 12:
#   make run     install what is missing, build, launch the app
#   make check   the same, then the whole test suite headless
# and `make bench` for the benchmarks, `make fuzz` to fuzz the parsers for
# long, `make flatpak` to build and install the Flatpak for the current user
# (GNOME 50 SDK from Flathub).

BUILD_DIR ?= _build

BUILD_PACKAGES = gcc libc6-dev pkg-config meson ninja-build gettext \
	libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev \
	libgnutls28-dev libgcrypt20-dev libtasn1-6-dev libtasn1-bin libgtk-4-bin \
	desktop-file-utils appstream python3
RUN_PACKAGES = fonts-noto-cjk dbus-x11
TEST_PACKAGES = xvfb xauth dbus dbus-x11 at-spi2-core dunst xclip \
	python3-dogtail python3-gi gir1.2-atspi-2.0 imagemagick \
	flatpak-builder json-glib-tools fonts-noto-cjk \
	openssl gnutls-bin python3-cryptography sqlite3 \
	clang libclang-rt-14-dev \
	flatpak mmdebstrap ostree bubblewrap elfutils xdg-dbus-proxy \
	xdg-desktop-portal util-linux
BENCH_PACKAGES = strace
FLATPAK_PACKAGES = flatpak flatpak-builder elfutils
FLATPAK_MANIFEST = flatpak/io.github.dojang.Dojang.json

# Installs only the packages that are missing. A user who is not root gets
# the exact apt-get line to run instead, and make stops.
define ensure_packages
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "Dojang needs some Debian packages that are not installed. Run as root:"; \
	    echo "  apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	  echo "Installing missing packages:$$missing"; \
	  apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

.PHONY: all build run check bench fuzz screenshots flatpak deps test-deps clean

all: build

deps:
	$(call ensure_packages,$(BUILD_PACKAGES) $(RUN_PACKAGES))

test-deps:
	$(call ensure_packages,$(BUILD_PACKAGES) $(RUN_PACKAGES) $(TEST_PACKAGES))

$(BUILD_DIR)/build.ninja:
	meson setup $(BUILD_DIR)

build: $(BUILD_DIR)/build.ninja
	meson compile -C $(BUILD_DIR)

run: deps
	$(MAKE) --no-print-directory build
	meson devenv -C $(BUILD_DIR) ./src/dojang

check: test-deps
	$(MAKE) --no-print-directory build
	tests/run-suite.sh $(BUILD_DIR)

bench: test-deps
	$(call ensure_packages,$(BENCH_PACKAGES))
	$(MAKE) --no-print-directory build
	tests/bench/run-bench.sh $(BUILD_DIR)

# Each libFuzzer target for FUZZ_SECONDS (default 10 minutes), in the
# sanitizer build that `make check` also uses (_build/sanitize).
FUZZ_SECONDS ?= 600
FUZZ_TARGETS = private-key x509 reminder-import data-files

fuzz: test-deps
	$(MAKE) --no-print-directory build
	@for target in $(FUZZ_TARGETS); do \
	  tests/fuzz/run-fuzz.sh "$(CURDIR)" "$(CURDIR)/$(BUILD_DIR)/sanitize" $$target $(FUZZ_SECONDS) python3 || exit 1; \
	done

screenshots: test-deps
	$(MAKE) --no-print-directory build
	tests/make-screenshots.sh $(BUILD_DIR) $(BUILD_DIR)/screenshots data/screenshots

# The Flatpak, built with the GNOME 50 SDK from Flathub and installed for the
# current user; the build stays under $(BUILD_DIR).
flatpak:
	$(call ensure_packages,$(FLATPAK_PACKAGES))
	flatpak remote-add --user --if-not-exists flathub https://dl.flathub.org/repo/flathub.flatpakrepo
	flatpak-builder --user --install --install-deps-from=flathub --force-clean \
	  --state-dir=$(BUILD_DIR)/flatpak-builder $(BUILD_DIR)/flatpak-app $(FLATPAK_MANIFEST)

clean:
	rm -rf $(BUILD_DIR)
