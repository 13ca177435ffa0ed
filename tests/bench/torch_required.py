"""What a PyTorch cross-check does when torch cannot be imported: it is skipped (exit status 77,
the SKIP_RETURN_CODE of its CTest test, tests/bench/CMakeLists.txt), or it fails when
LRLAB_REQUIRE_TORCH=1 (CI sets it, .ci/run) so that a missing torch never passes as a skip.
"""
import os
import sys

SKIPPED = 77


def torch_missing(script, error):
    """Exits: 1 when LRLAB_REQUIRE_TORCH=1, else 77 (skipped); prints why."""
    hint = "apt-get install python3-torch; it is Debian's /usr/bin/python3's"
    if os.environ.get("LRLAB_REQUIRE_TORCH") == "1":
        print(f"{script}: PyTorch is required (LRLAB_REQUIRE_TORCH=1) but {sys.executable} cannot "
              f"import it: {error} ({hint})", file=sys.stderr)
        sys.exit(1)
    print(f"{script}: PyTorch is not installed for {sys.executable} ({error}; {hint}); skipped")
    sys.exit(SKIPPED)
