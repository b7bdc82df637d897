# Compiles one public header on its own (twice included, warnings as errors) and, when JSON_FREE is
# ON, fails if it pulls in any Boost.JSON header. Run by CTest (tests/CMakeLists.txt):
#   cmake -DCXX=... -DHEADER=ocop/scoring.hpp -DINCLUDE_DIRS="a|b" -DJSON_FREE=ON -DWORK_DIR=... -P check_header.cmake

foreach(var CXX HEADER INCLUDE_DIRS WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_header.cmake: -D${var}=... is required")
  endif()
endforeach()

string(MAKE_C_IDENTIFIER "${HEADER}" stem)
set(source "${WORK_DIR}/${stem}.cpp")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${source}" "#include <${HEADER}>\n#include <${HEADER}>\n")

string(REPLACE "|" ";" dirs "${INCLUDE_DIRS}")
set(flags -std=c++20 -fsyntax-only -H -Wall -Wextra -Wpedantic -Werror)
foreach(dir IN LISTS dirs)
  list(APPEND flags "-I${dir}")
endforeach()

execute_process(COMMAND "${CXX}" ${flags} "${source}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
# -H lists every included file on stderr, one per line, prefixed by dots (one per nesting level).
string(REGEX MATCHALL "(^|\n)\\.+ [^\n]*" included "${err}")
string(REGEX REPLACE "(^|\n)\\.+ [^\n]*" "" diagnostics "${err}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${HEADER} does not compile on its own:\n${diagnostics}")
endif()
list(LENGTH included count)
message(STATUS "${HEADER}: compiles on its own, ${count} headers included")

if(JSON_FREE)
  set(last_ocop "${HEADER}")
  foreach(line IN LISTS included)
    string(STRIP "${line}" line)
    string(REGEX REPLACE "^\\.+ " "" file "${line}")
    if(file MATCHES "/boost/json/")
      message(FATAL_ERROR "${HEADER} includes Boost.JSON: ${file} (after ${last_ocop})\n"
                          "Concept headers must stay free of JSON: declare JSON functions in a *_json.hpp header.")
    endif()
    if(file MATCHES "/ocop/")
      set(last_ocop "${file}")
    endif()
  endforeach()
  message(STATUS "${HEADER}: includes no Boost.JSON header")
endif()
