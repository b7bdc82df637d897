# Makes the Debian packages of BUILD_DIR with CPack into WORK_DIR, checks each package's name,
# fields and files, and unpacks them all into WORK_DIR/root (dpkg-deb -x: a throwaway root, no
# dpkg database touched). Arguments: BUILD_DIR, WORK_DIR, DPKG_DEB, VERSION, ABI.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND cpack --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "cpack failed")
endif()

function(check_package name depends_regex)
  file(GLOB deb "${WORK_DIR}/${name}_${VERSION}_*.deb")
  list(LENGTH deb count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one ${name}_${VERSION}_<arch>.deb in ${WORK_DIR}, found: ${deb}")
  endif()
  execute_process(COMMAND "${DPKG_DEB}" -f "${deb}" Package Depends OUTPUT_VARIABLE fields)
  if(NOT fields MATCHES "Package: ${name}\n" OR NOT fields MATCHES "Depends: [^\n]*${depends_regex}")
    message(FATAL_ERROR "${deb}: fields\n${fields}expected Package ${name} and Depends matching ${depends_regex}")
  endif()
  execute_process(COMMAND "${DPKG_DEB}" -c "${deb}" OUTPUT_VARIABLE files)
  set(paths ${ARGN})
  foreach(path IN LISTS paths)
    if(path MATCHES "^!(.*)")
      if(files MATCHES "${CMAKE_MATCH_1}")
        message(FATAL_ERROR "${deb} should not contain ${CMAKE_MATCH_1}:\n${files}")
      endif()
    elseif(NOT files MATCHES "${path}")
      message(FATAL_ERROR "${deb} lacks ${path}:\n${files}")
    endif()
  endforeach()
  execute_process(COMMAND "${DPKG_DEB}" -x "${deb}" "${WORK_DIR}/root" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "dpkg-deb -x ${deb} failed")
  endif()
  message(STATUS "${name}: ${fields}")
endfunction()

# libocop1: the shared library alone (SONAME file and its target), no development files.
check_package(libocop${ABI} "libc6" "/libocop\\.so\\.${ABI} -> " "/libocop\\.so\\.${ABI}\\.[0-9.]+\n" "!/include/" "!libocop\\.so -> " "!\\.a\n")
# libocop-dev: headers, the link-time symlink, the static C++ library, the CMake package, ocop.pc;
# it depends on exactly this version of libocop1.
check_package(libocop-dev "libocop${ABI} \\(= ${VERSION}\\)" "/include/ocop/ocop\\.h\n" "/include/ocop\\.hpp\n"
  "/libocop\\.so -> " "/libocopxx\\.a\n" "/cmake/ocop/ocopConfig\\.cmake\n" "/cmake/ocop/ocopCapiTargets\\.cmake\n"
  "/pkgconfig/ocop\\.pc\n" "!/libocop\\.so\\.${ABI}\\.[0-9.]+\n")
# ocop: the command-line tool.
check_package(ocop "libc6" "/usr/bin/ocop\n" "!/include/")
message("debian: libocop${ABI}, libocop-dev, ocop unpacked into ${WORK_DIR}/root")
