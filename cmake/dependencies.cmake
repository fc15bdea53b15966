# Third-party libraries, all from Debian 12's packages (tools/setup installs them).
# Their headers are SYSTEM so that -Werror applies to gridcoord's code only.

# CAF 0.17.6: Debian ships no CMake config, so wrap the shared libraries.
find_path(CAF_INCLUDE_DIR caf/all.hpp REQUIRED)
foreach(part core io openssl)
  find_library(CAF_${part}_LIBRARY NAMES caf_${part} REQUIRED)
  add_library(CAF::${part} SHARED IMPORTED)
  set_target_properties(CAF::${part} PROPERTIES
    IMPORTED_LOCATION "${CAF_${part}_LIBRARY}"
    INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${CAF_INCLUDE_DIR}"
    INTERFACE_INCLUDE_DIRECTORIES "${CAF_INCLUDE_DIR}")
endforeach()
find_package(Threads REQUIRED)
set_property(TARGET CAF::core APPEND PROPERTY INTERFACE_LINK_LIBRARIES Threads::Threads)
set_property(TARGET CAF::io APPEND PROPERTY INTERFACE_LINK_LIBRARIES CAF::core)
set_property(TARGET CAF::openssl APPEND PROPERTY INTERFACE_LINK_LIBRARIES CAF::io)

find_package(RocksDB 7.8 CONFIG REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)
find_package(fmt CONFIG REQUIRED)
find_package(spdlog CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)
find_package(date CONFIG REQUIRED)
find_package(OpenSSL 3 REQUIRED)  # TLS for the JSON gateway and its client (Asio SSL)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# jemalloc for the server and benchmarks: glibc malloc costs ~20 % of the
# durable-append path in cross-thread frees (docs/benchmarks.md).
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)

if(GRIDCOORD_BUILD_TESTS)
  find_package(Catch2 2.13 CONFIG REQUIRED)
  include(Catch)
endif()
if(GRIDCOORD_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
