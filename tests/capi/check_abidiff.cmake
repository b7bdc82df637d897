# Compares LIB with the committed libabigail baseline BASELINE (capi/abi/libocop.abi) over the
# types of the public header directory HEADERS. Fails on any ABI change abidiff reports.
# Usage: cmake -DABIDIFF=abidiff -DLIB=<path> -DBASELINE=<file> -DHEADERS=<dir> -P check_abidiff.cmake
execute_process(COMMAND "${ABIDIFF}" --exported-interfaces-only --headers-dir2 "${HEADERS}" "${BASELINE}" "${LIB}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidiff reports ABI changes (exit ${rc}; 4: changed, 8: incompatible) against ${BASELINE}:\n${out}${err}\n"
                      "If the change is intended and compatible, regenerate the baseline (docs/abi-policy.md).")
endif()
message(STATUS "abidiff: no ABI change against ${BASELINE}")
