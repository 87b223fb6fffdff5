# Checks core/ against the table core/CMakeLists.txt writes (the arrows and file lists of the
# libraries), and prints every breach as file:line.
#   cmake -DTABLE=<build>/architecture/core-table.cmake -DCORE=<source>/core -DCHECK=includes|files
#         -P CheckCore.cmake
# includes: a quoted `#include "<concern>/X.h"` needs an arrow to <concern>; a header without a
#           concern prefix must be in the file's own folder (ui/, app/ and tests/ are out of reach).
# files:    every .h and .cpp of core/<concern>/ is in that library's list, so none is left out.
cmake_minimum_required(VERSION 3.25)
include(${TABLE})

set(breaches 0)
macro(breach text)
    message(NOTICE "${text}")
    math(EXPR breaches "${breaches} + 1")
endmacro()

file(GLOB folders LIST_DIRECTORIES true RELATIVE ${CORE} ${CORE}/*)
foreach(concern IN LISTS folders)
    if(NOT IS_DIRECTORY ${CORE}/${concern})
        continue()
    endif()
    if(NOT concern IN_LIST GTM_CORE_LIBRARIES)
        breach("core/${concern}/: no library; add a gtm_core_library(${concern}) row to core/CMakeLists.txt")
        continue()
    endif()
    file(GLOB files ${CORE}/${concern}/*.h ${CORE}/${concern}/*.cpp)
    foreach(file IN LISTS files)
        file(RELATIVE_PATH shown ${CORE}/.. ${file})
        if(CHECK STREQUAL "files")
            if(NOT file IN_LIST GTM_FILES_${concern})
                breach("${shown}:1: not built: add it to core/${concern}/CMakeLists.txt")
            endif()
            continue()
        endif()

        file(READ ${file} text)
        file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[^\"]*\"([^\"]*)\".*" "\\1" header "${line}")
            # The line number, for the message: count the line breaks before the directive.
            string(FIND "${text}" "${line}" at)
            string(SUBSTRING "${text}" 0 ${at} before)
            string(REGEX MATCHALL "\n" breaks "${before}")
            list(LENGTH breaks number)
            math(EXPR number "${number} + 1")

            if(header MATCHES "\\.\\.")
                breach("${shown}:${number}: includes ${header}: name the concern instead of a relative path")
            elseif(header MATCHES "^([A-Za-z_]+)/")
                set(other ${CMAKE_MATCH_1})
                if(NOT other IN_LIST GTM_CORE_LIBRARIES)
                    breach("${shown}:${number}: includes ${header}, which is not in core/")
                elseif(NOT other STREQUAL concern AND NOT other IN_LIST GTM_ARROWS_${concern})
                    breach("${shown}:${number}: ${concern} includes ${header}, but core_${concern} has no arrow to ${other} in core/CMakeLists.txt")
                endif()
            elseif(NOT EXISTS ${CORE}/${concern}/${header} AND NOT header STREQUAL "Version.h")
                breach("${shown}:${number}: includes ${header}, which is not in core/${concern}/: name its concern (\"<concern>/${header}\")")
            endif()
        endforeach()
    endforeach()
endforeach()

if(breaches GREATER 0)
    message(FATAL_ERROR "${breaches} breach(es) of the architecture in core/ (see core/CMakeLists.txt)")
endif()
message(STATUS "core/: ${CHECK} follow the table")
