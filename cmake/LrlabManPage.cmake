# Writes the manual page lrlab.1 from the program's own help (run as a script, cmake -P):
# help2man formats `lrlab --help`; an include file adds a SUBCOMMANDS section holding, for every
# subcommand that `lrlab --help` lists, the page help2man makes of `lrlab SUBCOMMAND --help`.
# Input variables: LRLAB (the built binary), HELP2MAN, VERSION, SOURCE_DATE_EPOCH (the page's
# date), OUTPUT (the page to write).
foreach(var LRLAB HELP2MAN VERSION SOURCE_DATE_EPOCH OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "LrlabManPage.cmake: ${var} is not set")
    endif()
endforeach()

# Runs help2man on `program` (a shell word list) and returns the page in out_var.
function(lrlab_help2man out_var program)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH} QT_QPA_PLATFORM=offscreen
                ${HELP2MAN} --locale=C.UTF-8 --no-info --section=1
                --version-string=${VERSION} ${ARGN} "${program}"
        OUTPUT_VARIABLE page RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "help2man failed on '${program}': ${err}")
    endif()
    set(${out_var} "${page}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${LRLAB} --help OUTPUT_VARIABLE top_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "'${LRLAB} --help' failed with status ${rc}")
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" subcommand_table "${top_help}")
string(REGEX MATCHALL "(^|\n)  [a-z][-a-z]*  " subcommands "${subcommand_table}")
list(TRANSFORM subcommands STRIP)
if(NOT subcommands)
    message(FATAL_ERROR "'${LRLAB} --help' lists no subcommands")
endif()

set(section "")
foreach(sub IN LISTS subcommands)
    lrlab_help2man(page "'${LRLAB}' ${sub}")
    # Keep the description and the options; they become one subsection.
    string(FIND "${page}" ".SH DESCRIPTION\n" start)
    if(start LESS 0)
        message(FATAL_ERROR "help2man made no DESCRIPTION of 'lrlab ${sub} --help'")
    endif()
    string(SUBSTRING "${page}" ${start} -1 body)
    # help2man makes a heading of a help line that ends with a colon: keep it a paragraph.
    string(REGEX REPLACE "\n\\.SS \"([^\n]*)\"\n" "\n.PP\n\\1\n" body "${body}")
    string(REPLACE ".SH DESCRIPTION\n" ".SS \"lrlab ${sub} \\fR[\\fIoptions\\fR]\"\n" body "${body}")
    string(REPLACE ".SH OPTIONS\n" ".PP\nOptions of \\fBlrlab ${sub}\\fR:\n" body "${body}")
    string(APPEND section "${body}")
endforeach()

# The help texts hold long unbreakable words (CSV headers): the subcommands are filled without
# adjusting (.ad l).
get_filename_component(out_dir "${OUTPUT}" DIRECTORY)
set(include_file "${out_dir}/lrlab.h2m")
file(WRITE "${include_file}" "[SYNOPSIS]
.B lrlab
.br
.B lrlab
\\fISUBCOMMAND\\fR [\\fIoptions\\fR]
.br
.B lrlab
\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR

[<DESCRIPTION]
Learning Rate Lab (\\fBlrlab\\fR) is a desktop laboratory for learning\\-rate behaviour.
Without arguments it opens the window; a subcommand runs the same core from the command line,
so every number the window shows can be reproduced and scripted.

[SUBCOMMANDS]
.ad l
${section}
[EXIT STATUS]
.TP
0
Success.
.TP
1
The run failed (for example an output file could not be written).
.TP
2
Bad input: an unknown option or subcommand, or a config, session or dataset that cannot be used;
the message on standard error names the file, line or key.

[SEE ALSO]
/usr/share/doc/lrlab/README.md documents the window, the configs and the numerical semantics.
")
lrlab_help2man(page "${LRLAB}" --include=${include_file}
               "--name=Learning Rate Lab: see how the learning rate shapes training")
file(WRITE "${OUTPUT}" "${page}")
