# gridcoord_warnings: strict warnings, as errors, for the project's own code.
add_library(gridcoord_warnings INTERFACE)
target_compile_options(gridcoord_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  -Wno-missing-field-initializers  # designated initialisers leave defaults on purpose
  # g++ 12 at -O2 reports false positives (CAF's deserializer, CLI11's split);
  # -Wnull-dereference is left out for the same reason. (clang, for fuzz/, has
  # no such warning and refuses to be told about it.)
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
  -Werror)

# gridcoord_library(NAME folder SOURCES ... DEPS ...): one library per folder.
function(gridcoord_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE gridcoord_warnings)
endfunction()
