# The README's two commands. Everything else is CMake (see CMakePresets.json).
PRESET ?= default
BUILD_DIR = build/$(PRESET)

.PHONY: demo test build deps clean

demo: build
	./$(BUILD_DIR)/iku run examples/luwu-timur-2024/luwu_timur.iku --tahun 2024 --target pk

test: build
	ctest --preset $(PRESET)

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET)

deps:
	@scripts/install_deps.sh

clean:
	rm -rf build
