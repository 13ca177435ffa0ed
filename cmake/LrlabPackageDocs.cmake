# The Debian package's documentation, made at build time: the manual page lrlab.1 from the
# program's own help (help2man, cmake/LrlabManPage.cmake) and changelog.Debian from the version,
# both compressed with gzip -9n (no name, no timestamp). Also the package's maintainer and
# revision. Included by LrlabInstall.cmake.

set(LRLAB_DEBIAN_REVISION "1" CACHE STRING "Debian revision of the package (version ${PROJECT_VERSION}-REVISION)")

# The maintainer is whoever builds the package: "Name <address>" from LRLAB_MAINTAINER, else from
# Debian's DEBFULLNAME and DEBEMAIL (as dch uses them), else the git identity of the checkout,
# else the author of its last commit.
function(lrlab_default_maintainer out_var)
    if(DEFINED ENV{DEBFULLNAME} AND DEFINED ENV{DEBEMAIL})
        set(${out_var} "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>" PARENT_SCOPE)
        return()
    endif()
    find_package(Git QUIET)
    if(NOT GIT_FOUND)
        return()
    endif()
    execute_process(COMMAND ${GIT_EXECUTABLE} config user.name WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE name OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND ${GIT_EXECUTABLE} config user.email WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE email OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(name AND email)
        set(${out_var} "${name} <${email}>" PARENT_SCOPE)
        return()
    endif()
    execute_process(COMMAND ${GIT_EXECUTABLE} log -1 "--format=%an <%ae>"
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE author OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    set(${out_var} "${author}" PARENT_SCOPE)
endfunction()

if(NOT LRLAB_MAINTAINER)
    lrlab_default_maintainer(maintainer)
    set(LRLAB_MAINTAINER "${maintainer}" CACHE STRING
        "Maintainer of the Debian package, 'Full Name <address>' (default: DEBFULLNAME/DEBEMAIL or git's identity)" FORCE)
endif()
if(LRLAB_MAINTAINER AND NOT LRLAB_MAINTAINER MATCHES "^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$")
    message(FATAL_ERROR "LRLAB_MAINTAINER must read 'Full Name <address>', not '${LRLAB_MAINTAINER}'")
endif()
# cpack refuses to make a package without a maintainer and says which variable to set.
set(maintainer_check ${PROJECT_BINARY_DIR}/LrlabCPackChecks.cmake)
file(WRITE ${maintainer_check} "if(NOT CPACK_DEBIAN_PACKAGE_MAINTAINER)
    message(FATAL_ERROR \"lrlab: no package maintainer: configure with -DLRLAB_MAINTAINER='Full Name <address>' (or set DEBFULLNAME and DEBEMAIL)\")
endif()
")
set(CPACK_PROJECT_CONFIG_FILE ${maintainer_check})

# The release date of this version, from the AppStream metainfo's <release> entry: the
# changelog's and the manual page's date (SOURCE_DATE_EPOCH), the same on every build.
set(metainfo ${PROJECT_SOURCE_DIR}/resources/desktop/io.github.lrlab.Lrlab.metainfo.xml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${metainfo})
file(STRINGS ${metainfo} release REGEX "<release version=\"${PROJECT_VERSION}\" date=\"[0-9-]+\"")
if(NOT release MATCHES "date=\"([0-9]+-[0-9]+-[0-9]+)\"")
    message(FATAL_ERROR "${metainfo}: no <release version=\"${PROJECT_VERSION}\" date=\"YYYY-MM-DD\"/> "
                        "entry for this version")
endif()
set(release_date ${CMAKE_MATCH_1})
execute_process(COMMAND date -u -d "${release_date}" +%s OUTPUT_VARIABLE release_epoch
                OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND date -u -R -d "${release_date}" OUTPUT_VARIABLE release_rfc2822
                OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)

set(docs_dir ${PROJECT_BINARY_DIR}/package-docs)
set(changelog ${docs_dir}/changelog.Debian)
file(WRITE ${changelog}.in "lrlab (${PROJECT_VERSION}-${LRLAB_DEBIAN_REVISION}) unstable; urgency=medium

  * Learning Rate Lab ${PROJECT_VERSION}, packaged with CPack from the lrlab sources.

 -- ${LRLAB_MAINTAINER}  ${release_rfc2822}
")
configure_file(${changelog}.in ${changelog} COPYONLY)   # rewritten only when it changes
add_custom_command(OUTPUT ${changelog}.gz
    COMMAND gzip -9nkf ${changelog}
    DEPENDS ${changelog}
    COMMENT "Compressing changelog.Debian")

find_program(HELP2MAN help2man)
if(NOT HELP2MAN)
    message(FATAL_ERROR "help2man not found: it writes the manual page (apt-get install help2man)")
endif()
set(man_page ${docs_dir}/lrlab.1)
set(LRLAB_MAN_PAGE ${man_page})   # tests/app/cli/tst_man_page.cpp reads it
add_custom_command(OUTPUT ${man_page} ${man_page}.gz
    COMMAND ${CMAKE_COMMAND} -DLRLAB=$<TARGET_FILE:lrlab> -DHELP2MAN=${HELP2MAN}
            -DVERSION=${PROJECT_VERSION} -DSOURCE_DATE_EPOCH=${release_epoch} -DOUTPUT=${man_page}
            -P ${CMAKE_CURRENT_LIST_DIR}/LrlabManPage.cmake
    COMMAND gzip -9nkf ${man_page}
    DEPENDS lrlab ${CMAKE_CURRENT_LIST_DIR}/LrlabManPage.cmake
    COMMENT "Writing the manual page lrlab.1 from lrlab's help")
add_custom_target(lrlab_package_docs ALL DEPENDS ${changelog}.gz ${man_page}.gz)

install(FILES ${changelog}.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(LRLAB_DEBIAN_REVISION STREQUAL "1")   # lintian's tag applies to the first revision only
    install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME lrlab)
endif()
install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
