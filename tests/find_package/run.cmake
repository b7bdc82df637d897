# Installs the built project into a scratch prefix, then configures, builds and runs a consumer
# project (CONSUMER_DIR, program PROGRAM) that only knows find_package(ocop).
# Used for the C++ consumer (tests/find_package), the C consumer (tests/capi/find_package), the
# pkg-config consumer and the consumers of the Debian packages (tests/packaging).
#   BUILD_DIR   the build tree to install into WORK_DIR/prefix; or
#   PREFIX      an installed tree to use instead (e.g. the usr/ of unpacked Debian packages);
#   PKG_CONFIG  with C_COMPILER, SOURCE (a file of CONSUMER_DIR) and LIBDIR (relative to the prefix):
#               build SOURCE with `cc SOURCE $(pkg-config --cflags --libs ocop)` and the rpath of
#               `pkg-config --variable=libdir ocop` instead of CMake.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/build")
if(NOT PREFIX)
  set(PREFIX "${WORK_DIR}/prefix")
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(rc)
    message(FATAL_ERROR "install failed")
  endif()
endif()

if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
  foreach(query "--cflags;--libs" "--variable=libdir")
    execute_process(COMMAND "${PKG_CONFIG}" ${query} ocop OUTPUT_VARIABLE out OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
    if(rc)
      message(FATAL_ERROR "pkg-config ${query} ocop failed under ${PREFIX}")
    endif()
    list(APPEND answers "${out}")
  endforeach()
  list(GET answers 0 flags)
  list(GET answers 1 libdir)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  message(STATUS "cc ${SOURCE} ${flags} -Wl,-rpath,${libdir}")
  execute_process(COMMAND "${C_COMPILER}" -std=c99 -Wall -Wextra -Werror -pedantic "${CONSUMER_DIR}/${SOURCE}" ${flags}
                          "-Wl,-rpath,${libdir}" -o "${WORK_DIR}/build/${PROGRAM}" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "compiling ${SOURCE} with pkg-config's flags failed")
  endif()
else()
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
                          "-DCMAKE_PREFIX_PATH=${PREFIX}" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "configuring the consumer ${CONSUMER_DIR} failed")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "building the consumer ${CONSUMER_DIR} failed")
  endif()
endif()
execute_process(COMMAND "${WORK_DIR}/build/${PROGRAM}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the consumer ${PROGRAM} failed")
endif()
