"""Writing files safely, and the facts table in the format its name asks for.

A regular file (or a new one) is written atomically — a temporary file in the same directory, then a
rename — with the mode the umask gives; a symlink is followed and its target written; a character
device or a pipe (``/dev/stdout``, ``/dev/full``, a FIFO) is written to directly, never replaced; any
other kind of file is refused."""

from __future__ import annotations

import io
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError

if TYPE_CHECKING:
    import pandas as pd

OUTPUT_FORMATS = {".csv": "csv", ".parquet": "parquet", ".xlsx": "xlsx", ".jsonl": "jsonl"}
BINARY_FORMATS = {"parquet", "xlsx"}
_EXTRA_HINT = "pip install 'reportminer[formats]'"


class OutputError(UserError):
    """An output cannot be written; the message is one line that names the file."""


def _umask_mode() -> int:
    """0666 less the process's umask (read by setting it and putting it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _existing(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _write_directly(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _umask_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def is_stream(path: Path) -> bool:
    """True when ``path`` (after symlinks) is a character device or a pipe."""
    info = _existing(Path(os.path.realpath(path)))
    return bool(info and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as the module docstring says; OutputError on any failure."""
    target = Path(os.path.realpath(path))  # follows a symlink, even one whose target does not exist yet
    info = _existing(target)
    try:
        if info is None or stat.S_ISREG(info.st_mode):
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, data)
        elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_directly(target, data)
        elif stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}: is a directory")
        else:
            raise OutputError(f"{path}: not a regular file, a device or a pipe; refusing to replace it")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def staging_file(path: Path) -> tuple[int, Path]:
    """A temporary file (descriptor, path) where a table streamed row by row is written before
    ``place_file`` puts it at ``path``: beside the real target, so the final rename is atomic."""
    target = Path(os.path.realpath(path))
    directory = target.parent if not is_stream(path) else Path(tempfile.gettempdir())
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return fd, Path(tmp)


def place_file(tmp: Path, path: Path) -> None:
    """Put a finished staging file at ``path`` as ``write_bytes`` would write it: renamed over a regular
    file (with the umask's mode), copied into a device or a pipe, refused over anything else."""
    target = Path(os.path.realpath(path))
    info = _existing(target)
    try:
        if info is None or stat.S_ISREG(info.st_mode):
            os.chmod(tmp, _umask_mode())
            os.replace(tmp, target)
            return
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            with open(tmp, "rb") as source, open(target, "wb") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
            return
        raise OutputError(f"{path}: is a directory" if stat.S_ISDIR(info.st_mode)
                          else f"{path}: not a regular file, a device or a pipe; refusing to replace it")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)


def output_format(path: Path | None, requested: str = "") -> str:
    """The format to write: ``requested``, else the one the file's extension names (a device or a pipe
    without one gets CSV); an unknown extension is refused."""
    if requested:
        return requested
    suffix = path.suffix.lower() if path is not None else ".csv"
    if suffix in OUTPUT_FORMATS:
        return OUTPUT_FORMATS[suffix]
    if path is not None and not suffix and is_stream(path):
        return "csv"
    known = ", ".join(OUTPUT_FORMATS)
    raise OutputError(f"{path}: unknown output extension {suffix or '(none)'!r}; use {known} or --format")


def _require(module: str, what: str) -> None:
    try:
        __import__(module)
    except ImportError:
        raise OutputError(f"writing {what} needs the optional package {module!r}: {_EXTRA_HINT}") from None


def render(frame: pd.DataFrame, fmt: str, *, bom: bool = True) -> bytes:
    """The table as the bytes of a file in ``fmt``: CSV in UTF-8 (with a BOM so Excel reads Chinese),
    JSON Lines in UTF-8, Parquet, or an Excel workbook."""
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig" if bom else "utf-8")
    if fmt == "jsonl":
        body = frame.to_json(orient="records", lines=True, force_ascii=False)
        return (body if body.endswith("\n") or not body else body + "\n").encode("utf-8")
    buffer = io.BytesIO()
    if fmt == "parquet":
        _require("pyarrow", "Parquet")
        frame.to_parquet(buffer, index=False)
    elif fmt == "xlsx":
        _require("openpyxl", "Excel workbooks")
        try:
            frame.to_excel(buffer, index=False, engine="openpyxl")
        except ValueError as exc:  # openpyxl refuses control characters in a cell
            raise OutputError(f"cannot write the table as an Excel workbook ({exc})") from None
    else:
        raise OutputError(f"unknown output format {fmt!r}")
    return buffer.getvalue()


def write_table(frame: pd.DataFrame, path: Path, fmt: str = "") -> None:
    write_bytes(path, render(frame, output_format(path, fmt)))
