import sys


def _streams_for_a_windowed_build() -> None:
    """The windowed Windows program (`console=False` in build_installer.spec) starts with no stdout and
    no stderr: give them a log file in the data folder, so a print or a traceback never fails for want
    of a console (the console program, dipdesk-cli.exe, has real ones)."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        from dipdesk.paths import home_dir

        out = open(home_dir() / "dipdesk-output.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    except OSError:
        import os

        out = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = out
    if sys.stderr is None:
        sys.stderr = out


_streams_for_a_windowed_build()

from dipdesk.cli import main  # noqa: E402

sys.exit(main())
