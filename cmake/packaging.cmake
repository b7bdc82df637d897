# Debian packages with CPack (docs/packaging.md): `cmake --build build --target package` writes
#   libocop1_<version>_<arch>.deb     the C ABI shared library (component runtime)
#   libocop-dev_<version>_<arch>.deb  headers, CMake package, ocop.pc, libocopxx.a (component dev)
#   ocop_<version>_<arch>.deb         the ocop command-line tool (component cli)
# into the build directory. Run-time dependencies come from dpkg-shlibdeps (package dpkg-dev) when
# it is installed, else from the list below (Debian 12's names).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ocop)
set(CPACK_PACKAGE_VENDOR "ocop")
set(CPACK_PACKAGE_CONTACT "ocop maintainers <ocop@localhost>" CACHE STRING "Maintainer of the Debian packages")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Vietnam's OCOP product star-ranking rules as a library")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(TARGET ocop_cli)
  list(APPEND CPACK_COMPONENTS_ALL cli)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_COMPONENT_DEV_DEPENDS runtime)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "libocop${OCOP_ABI_VERSION}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "OCOP star-ranking rules: the stable C ABI (libocop.so.${OCOP_ABI_VERSION})
 Score sheets of Decision 1048/QD-TTg as amended by 781/QD-TTg, scorecards, council means and
 star bands, and the dossier workflow, behind a C ABI with JSON in and out.")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libocop-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The C++ library's package config needs Boost.JSON, Boost.Locale and OpenSSL's headers; the C ABI needs nothing.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libboost-json1.81-dev, libboost-locale1.81-dev, libboost1.81-dev, libssl-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION "OCOP star-ranking rules: development files
 ocop.h and ocop.pc for the C ABI, the C++ headers and static library libocopxx.a, and the CMake
 package (find_package(ocop): ocop::capi, ocop::ocop).")
set(CPACK_DEBIAN_CLI_PACKAGE_NAME ocop)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_CLI_DESCRIPTION "OCOP star-ranking rules: the ocop command-line tool
 Lists and shows score sheets, scores scorecards and councils, and keeps campaigns on disk.")

find_program(OCOP_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(OCOP_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libboost-json1.81.0, libboost-locale1.81.0, libssl3, libstdc++6, libgcc-s1, libc6")
  set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "${CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS}, libsqlite3-0, libxlsxwriter4")
endif()
include(CPack)
