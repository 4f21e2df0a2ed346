"""OpsDesk benchmarks: figures and ratios against bare baselines measured in the same run.

Run ``python -m benchmarks`` (``--quick`` for smaller stores and fewer repeats, ``--only NAME``,
``--json FILE``). Each ``bench_*.py`` module in this package registers its benchmarks with
:func:`benchmarks.core.benchmark`; the runner finds them by name, so adding one is adding a file.
Nothing here is a test: speed depends on the machine, so only ratios against a baseline run on the
same machine at the same time say something about the code.
"""
