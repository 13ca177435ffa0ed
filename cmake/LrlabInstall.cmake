# Installation (cmake --install) into the standard places, and the Debian package (cpack -G DEB).
include(GNUInstallDirs)

install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/io.github.lrlab.Lrlab.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/io.github.lrlab.Lrlab.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/lrlab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/lrlab-256.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME lrlab.png)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/lrlab-64.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/64x64/apps RENAME lrlab.png)
# Data the program finds next to its binary: <prefix>/bin/../share/lrlab/...
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/datasets/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lrlab/datasets
        FILES_MATCHING PATTERN "*.csv" PATTERN "README.md")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/lessons/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lrlab/lessons
        FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/resources/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(${CMAKE_CURRENT_LIST_DIR}/LrlabPackageDocs.cmake)

set(CPACK_PACKAGE_NAME "lrlab")
set(CPACK_PACKAGE_VENDOR "lrlab developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Learning Rate Lab: see and touch how the learning rate shapes training")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${LRLAB_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${LRLAB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Qt 6, QCustomPlot, giflib, zlib from dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dataset-fashion-mnist, fonts-noto-cjk")
# The lines of the extended description; CPack indents each by one space.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Learning Rate Lab (lrlab) is a desktop laboratory for learning-rate behaviour.\n\
Drag the learning-rate slider and watch optimizer trajectories, loss curves\n\
and schedules change on toy surfaces and real models. It has an LR finder,\n\
sweeps, loss landscapes, lessons for teachers, and a command line that\n\
reproduces every figure.")
include(CPack)
