# Sanitizer builds: -DOCOP_SANITIZE=address,undefined (ASan+UBSan) or -DOCOP_SANITIZE=thread (TSan).
# Applies to every target defined after this file is included (library, C ABI, tests, fuzzers).
# Any report aborts the process (-fno-sanitize-recover=all), so a sanitizer finding fails ctest.
# tools/sanitize.sh runs the legs; docs/testing.md describes them.
set(OCOP_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined | thread | empty for none")

if(OCOP_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "OCOP_SANITIZE needs GCC or Clang")
  endif()
  if(OCOP_SANITIZE MATCHES "thread" AND OCOP_SANITIZE MATCHES "address")
    message(FATAL_ERROR "OCOP_SANITIZE: thread cannot be combined with address")
  endif()
  set(_ocop_san_flags -fsanitize=${OCOP_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_ocop_san_flags})
  add_link_options(-fsanitize=${OCOP_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND NOT OCOP_SANITIZE MATCHES "thread")
    # Clang links its sanitizer runtime statically into executables only, so the C ABI's shared
    # library (linked with --no-undefined) would miss the runtime symbols: use the shared runtime
    # everywhere, found through an rpath.
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libclang_rt.ubsan_standalone-x86_64.so
                    OUTPUT_VARIABLE _ocop_rt OUTPUT_STRIP_TRAILING_WHITESPACE)
    get_filename_component(_ocop_rt_dir "${_ocop_rt}" DIRECTORY)
    add_link_options(-shared-libsan "LINKER:-rpath,${_ocop_rt_dir}")
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND OCOP_BUILD_CAPI)
    message(WARNING "Clang has no shared TSan runtime: build the TSan leg with GCC (tools/sanitize.sh does)")
  endif()
  message(STATUS "ocop: sanitizers ${OCOP_SANITIZE}")
endif()

# Fuzzers (fuzz/) are libFuzzer targets: Clang only. The library itself is then compiled with
# -fsanitize=fuzzer-no-link so that libFuzzer sees its coverage.
option(OCOP_BUILD_FUZZERS "Build the libFuzzer targets in fuzz/ (Clang only)" OFF)
if(OCOP_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "OCOP_BUILD_FUZZERS needs Clang (libFuzzer); configure with CXX=clang++ CC=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
