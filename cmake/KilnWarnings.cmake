# kiln_set_warnings(target): the project's warning flags, per target.
function(kiln_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# kiln_set_qt_strict(target [NO_FOREACH]): Qt's stricter defines. Signals connect only to slots
# whose arguments convert without narrowing; QString never converts to or from char * or
# QByteArray by itself, nor a string to a QUrl. NO_FOREACH also bans Q_FOREACH (QCustomPlot's header
# uses it, so widgets/ and the targets that include widgets' headers cannot take that one).
function(kiln_set_qt_strict target)
  cmake_parse_arguments(S "NO_FOREACH" "" "" ${ARGN})
  target_compile_definitions(${target} PRIVATE QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_CAST_TO_ASCII
                                               QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING)
  if(S_NO_FOREACH)
    target_compile_definitions(${target} PRIVATE QT_NO_FOREACH)
  endif()
endfunction()
