# Debian's hardening flags (dpkg-buildflags with hardening=+all) for every lrlab target, so the
# installed binary and the package have them whatever the build type: fortified libc calls,
# stack protector, read-only relocations bound at load time and a position-independent
# executable. -DLRLAB_HARDENING=OFF leaves the compiler's defaults.
option(LRLAB_HARDENING "Build with Debian's hardening flags (fortify, stack protector, relro, now, PIE)" ON)
if(LRLAB_HARDENING)
    include(CheckPIESupported)
    check_pie_supported()
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    add_compile_options(-fstack-protector-strong -Wformat -Werror=format-security)
    # _FORTIFY_SOURCE needs an optimized build and hides calls from the sanitizers' interceptors.
    if(NOT LRLAB_SANITIZE)
        add_compile_options($<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    endif()
    add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
