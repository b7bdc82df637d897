# Compares LIB with the committed libabigail baseline BASELINE (capi/abi/libocop.abi) over the
# types of the public header directory HEADERS. Fails on any ABI change abidiff reports.
# With -DSELF_TEST=ON the baseline is first given an extra function (a copy of ocop_abi_version
# named ocop_removed_for_test), as if the library had dropped it: the check must then fail.
# Usage: cmake -DABIDIFF=abidiff -DLIB=<path> -DBASELINE=<file> -DHEADERS=<dir> [-DSELF_TEST=ON] -P check_abidiff.cmake
set(baseline "${BASELINE}")
if(SELF_TEST)
  file(READ "${BASELINE}" xml)
  string(REGEX MATCH "<elf-symbol name='ocop_abi_version'[^\n]*" sym "${xml}")
  string(REGEX MATCH "<function-decl name='ocop_abi_version'[^\n]*\n[^\n]*\n[ ]*</function-decl>" decl "${xml}")
  if(NOT sym OR NOT decl)
    message(FATAL_ERROR "self-test: ocop_abi_version not found in ${BASELINE}")
  endif()
  string(REPLACE "ocop_abi_version" "ocop_removed_for_test" sym2 "${sym}")
  string(REPLACE "ocop_abi_version" "ocop_removed_for_test" decl2 "${decl}")
  string(REPLACE "${sym}" "${sym}\n    ${sym2}" xml "${xml}")
  string(REPLACE "${decl}" "${decl}\n    ${decl2}" xml "${xml}")
  get_filename_component(dir "${LIB}" DIRECTORY)
  set(baseline "${dir}/libocop-self-test.abi")
  file(WRITE "${baseline}" "${xml}")
endif()
execute_process(COMMAND "${ABIDIFF}" --exported-interfaces-only --headers-dir2 "${HEADERS}" "${baseline}" "${LIB}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidiff reports ABI changes (exit ${rc}; 4: changed, 8: incompatible) against ${baseline}:\n${out}${err}\n"
                      "If the change is intended and compatible, regenerate the baseline (docs/abi-policy.md).")
endif()
message(STATUS "abidiff: no ABI change against ${baseline}")
