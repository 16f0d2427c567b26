// The one Catch2 main of the unit tests (kept apart so test files recompile fast).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
