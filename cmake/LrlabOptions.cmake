# Per-target compile settings shared by every lrlab target.
function(lrlab_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    # GCC 12 reports false -Wmaybe-uninitialized inside its own AVX-512 headers when Eigen
    # products are inlined with -march=native (GCC PR 105593).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
    if(LRLAB_NATIVE)
        target_compile_options(${target} PRIVATE -march=native)
    endif()
    # Exact IEEE semantics: no contraction of a*b+c into FMA, so results match the formulas
    # (and PyTorch) to the last digit whatever the CPU.
    target_compile_options(${target} PRIVATE -ffp-contract=off)
    if(LRLAB_SANITIZE STREQUAL "address")
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    elseif(LRLAB_SANITIZE STREQUAL "thread")
        target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=thread)
    endif()
endfunction()
