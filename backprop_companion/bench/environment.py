"""What the measurements ran on: BLAS, threads, versions, processor."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import asdict, dataclass
from typing import Any

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_blas_thread() -> bool:
    """Ask for one BLAS thread; True if numpy was not yet loaded, so the request takes effect."""
    if "numpy" in sys.modules:
        return all(os.environ.get(v) == "1" for v in THREAD_VARIABLES)
    for variable in THREAD_VARIABLES:
        os.environ[variable] = "1"
    return True


def openblas_kernel() -> str:
    """The kernel OpenBLAS chose at run time (e.g. 'Haswell'), asked of the loaded library itself."""
    import ctypes

    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line and ".so" in line})
    except OSError:
        return "unknown (no /proc/self/maps)"
    for path in paths:
        library = ctypes.CDLL(path)
        for name in (
            "scipy_openblas_get_corename64_",
            "scipy_openblas_get_corename",
            "openblas_get_corename",
        ):
            function = getattr(library, name, None)
            if function is not None:
                function.restype = ctypes.c_char_p
                return str(function().decode())
    return "unknown"


@dataclass(frozen=True)
class Environment:
    """The machine and the libraries a run measured."""

    python: str
    numpy: str
    blas: str
    blas_configuration: str
    blas_threads: dict[str, str]
    openblas_kernel: str
    openblas_coretype: str
    processor: str
    cpus: int | None
    system: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def describe() -> Environment:
    import numpy as np

    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    return Environment(
        python=platform.python_version(),
        numpy=np.__version__,
        blas=f"{blas.get('name')} {blas.get('version')}",
        blas_configuration=blas.get("openblas configuration", ""),
        blas_threads={v: os.environ.get(v, "unset") for v in THREAD_VARIABLES},
        openblas_kernel=openblas_kernel(),
        openblas_coretype=os.environ.get("OPENBLAS_CORETYPE", "unset"),
        processor=platform.processor() or platform.machine(),
        cpus=os.cpu_count(),
        system=f"{platform.system()} {platform.release()}",
    )
