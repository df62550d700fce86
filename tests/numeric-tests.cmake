# The numeric core's tests (Qt-free): one list for the whole build (tests/CMakeLists.txt) and the
# core's own project (engine/numeric/CMakeLists.txt).
set(KILN_NUMERIC_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_statedict.cpp ${CMAKE_CURRENT_LIST_DIR}/engine/test_schedule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_transforms.cpp ${CMAKE_CURRENT_LIST_DIR}/engine/test_learner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_precision.cpp ${CMAKE_CURRENT_LIST_DIR}/engine/test_zoo.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_threads.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_confidentlearning.cpp ${CMAKE_CURRENT_LIST_DIR}/engine/test_curves.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine/test_runcompare.cpp ${CMAKE_CURRENT_LIST_DIR}/engine/test_distributed.cpp)
set(KILN_TEST_SUPPORT_DIR ${CMAKE_CURRENT_LIST_DIR}/support)
set(KILN_TEST_DATA_DIR ${CMAKE_CURRENT_LIST_DIR}/data)
