# gtm_unity_build(<target>)
#
# With GTM_UNITY_BUILD (presets ci and fuzz), <target> compiles its .cpp files in batches of 8
# included into one translation unit: Qt's headers are parsed once a batch instead of once a
# file, which is most of a clean build's time. Off in the default preset, where ccache and
# one-file rebuilds matter more. The files of one library then share their anonymous namespaces: a
# helper's name must be unique within its library (CI's build says so when it is not).
function(gtm_unity_build target)
    if(NOT GTM_UNITY_BUILD)
        return()
    endif()
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC warns about a type of an anonymous namespace inside a coroutine frame when the
        # type is not in the main file, meant for headers; in a batch every .cpp is included.
        target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
    endif()
endfunction()
