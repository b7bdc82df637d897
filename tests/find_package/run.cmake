# Installs the built project into a scratch prefix, then configures, builds and runs a consumer
# project (CONSUMER_DIR, program PROGRAM) that only knows find_package(ocop).
# Used for the C++ consumer (tests/find_package) and the C consumer (tests/capi/find_package).
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix" RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
                        "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer ${CONSUMER_DIR} failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer ${CONSUMER_DIR} failed")
endif()
execute_process(COMMAND "${WORK_DIR}/build/${PROGRAM}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the consumer ${PROGRAM} failed")
endif()
