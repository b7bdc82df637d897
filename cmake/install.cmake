# Installation rules, in three components that are also the three Debian packages
# (cmake/packaging.cmake, docs/packaging.md):
#   runtime  libocop.so.1, the C ABI                                     -> libocop1
#   dev      headers, libocop.so, libocopxx.a (C++), CMake package, ocop.pc  -> libocop-dev
#   cli      the ocop tool (tools/cli)                                    -> ocop
# Two export sets, so that find_package(ocop) from a C-only project loads ocop::capi without
# looking for Boost or needing a C++ compiler (cmake/ocopConfig.cmake.in).
include(CMakePackageConfigHelpers)
set(OCOP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ocop)

install(TARGETS ocop EXPORT ocopTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT ocopTargets NAMESPACE ocop:: DESTINATION ${OCOP_CMAKE_DIR} COMPONENT dev)

if(TARGET ocop_c)
  install(TARGETS ocop_c EXPORT ocopCapiTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(FILES capi/include/ocop/ocop.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ocop COMPONENT dev)
  install(EXPORT ocopCapiTargets NAMESPACE ocop:: DESTINATION ${OCOP_CMAKE_DIR} COMPONENT dev)

  # ocop.pc for the C ABI; its prefix is found from the file's own place (${pcfiledir}), so the
  # same file works under /usr, /usr/local, a `cmake --install --prefix` or an unpacked package.
  file(RELATIVE_PATH OCOP_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" OCOP_PC_TO_PREFIX "${OCOP_PC_TO_PREFIX}")
  configure_file(cmake/ocop.pc.in "${PROJECT_BINARY_DIR}/ocop.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/ocop.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
endif()

configure_package_config_file(cmake/ocopConfig.cmake.in "${PROJECT_BINARY_DIR}/ocopConfig.cmake"
  INSTALL_DESTINATION ${OCOP_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ocopConfigVersion.cmake" COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/ocopConfig.cmake" "${PROJECT_BINARY_DIR}/ocopConfigVersion.cmake"
  DESTINATION ${OCOP_CMAKE_DIR} COMPONENT dev)
