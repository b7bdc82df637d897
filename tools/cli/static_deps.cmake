# Starting the `ocop` process: its C++ dependencies linked statically (docs/performance.md, "The
# campaign store", round four). Each call of the tool is a new process, and the dynamic loader's
# work for SQLite, Boost.JSON, Boost.Locale, ICU and libstdc++ (symbol lookups, and the page faults
# of relocating their data) was 10 ms of CPU per call on the benchmark's VM, a quarter of applying
# one event. Only the tool: the libraries (libocopxx.a, libocop.so) link as before.
# libcrypto stays shared: libxlsxwriter's libminizip loads it anyway, and two copies of OpenSSL in
# one process must not be. Falls back to the shared libraries when an archive is missing; distribution
# packages that want shared dependencies configure with -DOCOP_CLI_STATIC_DEPS=OFF.
option(OCOP_CLI_STATIC_DEPS "Link the ocop tool's C++ dependencies (SQLite, Boost, ICU, libstdc++) statically" ON)
if(NOT OCOP_CLI_STATIC_DEPS)
  return()
endif()
set(_ocop_static_archives)
# Order matters: each archive after the ones that use it.
foreach(name sqlite3 boost_json boost_locale boost_thread boost_container boost_chrono boost_atomic icui18n icuuc icudata)
  find_library(OCOP_STATIC_${name} NAMES lib${name}.a)
  if(NOT OCOP_STATIC_${name})
    message(STATUS "ocop tool: lib${name}.a not found, its dependencies stay shared")
    return()
  endif()
  list(APPEND _ocop_static_archives "${OCOP_STATIC_${name}}")
endforeach()
find_package(Threads REQUIRED)
list(APPEND _ocop_static_archives ${CMAKE_DL_LIBS} Threads::Threads)
# The archives come before SQLite's and the shared libraries that ocop::ocop brings, which --as-needed
# then drops; with none of them left, nothing else loads libstdc++, which is linked statically too.
set(OCOP_CLI_STATIC_ARCHIVES ${_ocop_static_archives})
target_link_options(ocop_cli PRIVATE -Wl,--as-needed -Wl,-O1 -static-libstdc++ -static-libgcc)
