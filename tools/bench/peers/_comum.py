"""O que os pares Python de `npm run bench` têm em comum.

Cada par roda num processo próprio, com o Python do venv do projeto:

    .venv/bin/python tools/bench/peers/keras_peer.py PLANO.json RESULTADO.json

PLANO.json é a lista de cargas (tools/bench/workloads.ts: id, samples, batchSize, steps,
calls, warmup, repetitions, ou {id, skip}). RESULTADO.json recebe o mesmo formato que o
par TypeScript grava (tools/bench/peer-result.ts): por carga, os segundos e as
amostras/s de cada repetição cronometrada; as versões, os threads e o pico de RSS do
processo (resource.getrusage, em bytes).

Se o framework não importa (não instalado, biblioteca quebrada), o resultado diz
`status: "skipped"` com o motivo e o código de saída é 0: um par ausente não é uma falha.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "jupyter"))
from atomic_write import write_text_atomically  # noqa: E402  (tools/jupyter)

Plan = dict[str, Any]


def write_json_atomically(target: Path, data: Any) -> None:
    """Nunca um JSON pela metade: tools/jupyter/atomic_write.py."""
    write_text_atomically(target, json.dumps(data, indent=2))


def samples_per_repetition(plan: Plan) -> int:
    if plan["id"] == "regressao-logistica":
        return plan["samples"] * plan.get("steps", 1)
    if plan["id"] in ("vgg16-lote1", "vgg16-lote8"):
        return plan["batchSize"] * plan.get("calls", 1)
    return plan["samples"]


def time_repetitions(plan: Plan, repeat: Callable[[], None]) -> dict[str, Any]:
    """`warmup` execuções sem cronômetro, depois `repetitions` cronometradas."""
    for _ in range(plan["warmup"]):
        repeat()
    seconds = []
    for _ in range(plan["repetitions"]):
        started = time.perf_counter()
        repeat()
        seconds.append(time.perf_counter() - started)
    samples = samples_per_repetition(plan)
    return {
        "id": plan["id"],
        "plan": plan,
        "seconds": seconds,
        "samplesPerSecond": [samples / s for s in seconds],
    }


def peak_rss_bytes() -> int:
    # Linux: ru_maxrss em kB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_peer(
    peer: str,
    load: Callable[[], Any],
    run_workload: Callable[[Any, Plan], dict[str, Any]],
    describe: Callable[[Any], tuple[dict[str, str], dict[str, Any]]],
) -> int:
    """Lê o plano, importa o framework (`load`), roda as cargas e grava o resultado.

    `describe(framework)` devolve (versões, threads).
    """
    if len(sys.argv) != 3:
        print(f"Uso: python {sys.argv[0]} PLANO.json RESULTADO.json", file=sys.stderr)
        return 2
    plan_file, result_file = Path(sys.argv[1]), Path(sys.argv[2])
    workloads = json.loads(plan_file.read_text(encoding="utf-8"))
    try:
        framework = load()
    except Exception as error:  # ImportError, e também uma biblioteca nativa que não carrega
        write_json_atomically(
            result_file,
            {"peer": peer, "status": "skipped", "reason": f"o import falhou: {type(error).__name__}: {error}"},
        )
        return 0
    results = []
    for workload in workloads:
        if "skip" in workload:
            results.append({"id": workload["id"], "skipped": workload["skip"]})
        else:
            results.append(run_workload(framework, workload))
    versions, threads = describe(framework)
    versions["python"] = sys.version.split()[0]
    write_json_atomically(
        result_file,
        {
            "peer": peer,
            "status": "ok",
            "versions": versions,
            "threads": threads,
            "peakRssBytes": peak_rss_bytes(),
            "workloads": results,
        },
    )
    return 0
