# The README's two commands. Everything else is CMake (see CMakePresets.json).
PRESET ?= default
BUILD_DIR = build/$(PRESET)

.PHONY: demo test install deb windows build build-iku configure deps deps-test clean

PREFIX ?= /usr/local

# The demo builds only the `iku` executable (not the tests): a newcomer waits for what runs.
demo: build-iku
	./$(BUILD_DIR)/iku run examples/luwu-timur-2024/luwu_timur.iku --tahun 2024 --target pk

test: deps-test build
	ctest --preset $(PRESET)
	tests/fuzz/smoke.sh

# The iku binary in $(PREFIX)/bin and its stdlib in $(PREFIX)/share/iku/stdlib (under $(DESTDIR)
# when given, for packaging).
install: build-iku
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD_DIR) --prefix "$(PREFIX)"

# A Debian package (build/release/iku_VERSION_ARCH.deb) of an optimised build: /usr/bin/iku and
# /usr/share/iku/stdlib. Install it with `sudo apt install ./build/release/iku_*.deb`.
deb: deps
	cmake --preset release
	cmake --build --preset release --target iku
	cd build/release && cpack -G DEB

# A static iku.exe for 64-bit Windows, cross-built with Debian's mingw-w64 (docs/install.md), in
# build/windows/iku-windows/ with the stdlib beside it: copy that folder to the Windows machine.
# Never a part of demo or test.
windows:
	@scripts/install_deps.sh windows
	cmake --preset windows
	cmake --build --preset windows
	rm -rf build/windows/iku-windows
	mkdir -p build/windows/iku-windows/stdlib
	cp build/windows/iku.exe build/windows/iku-windows/
	cp stdlib/*.iku build/windows/iku-windows/stdlib/

build: configure
	cmake --build --preset $(PRESET)

build-iku: configure
	cmake --build --preset $(PRESET) --target iku

configure: deps
	cmake --preset $(PRESET)

deps:
	@scripts/install_deps.sh build

deps-test:
	@scripts/install_deps.sh test

clean:
	rm -rf build
