"""Executa TODAS as células de código de um notebook num kernel novo, seguindo depois
de um erro, e diz o que aconteceu com cada uma: a base da correção automática.

Uso (com o Python do venv e o ambiente Jupyter do projeto; tools/grading/run-cells.ts
faz isso):

    .venv/bin/python tools/grading/run_cells.py ENTRADA.ipynb --report R.json \
        [--output EXECUTADO.ipynb] [--kernel redes-neurais] [--cwd PASTA] \
        [--cell-timeout 60] [--total-timeout 600] [--startup-timeout 60] [--ipc-dir PASTA]

Diferente de tools/jupyter/execute_notebook.py (que para no primeiro erro), aqui um
erro é o resultado de um teste: a execução continua. Quem diz se uma célula falhou é a
resposta `execute_reply` do kernel (status "error") ou uma saída `error`; um texto no
stderr sozinho (avisos do TensorFlow, console.warn) NÃO é falha. O tslab manda o texto
dos erros só pelo stderr, então esse texto é guardado como `errorText` das células que
falharam. Depois de um erro o tslab responde `abort` por ~200 ms (tslab #19): o
executor espera essa janela e, se mesmo assim a célula voltar abortada, tenta de novo
uma vez. Executar uma célula, esperar a janela e extrair o texto do erro é o núcleo
comum com as apostilas (tools/jupyter/notebook_kernel.py); o que fazer com o erro fica aqui.

Uma célula que passa de --cell-timeout, o kernel que morre (falta de memória,
process.exit) ou o tempo total esgotado encerram a execução: as células seguintes ficam
"not-run". Com --ipc-dir, o kernel e o executor conversam por sockets Unix nessa pasta
(o kernel pode então rodar sem rede). A saída de cada célula guardada tem um teto
(OUTPUT_LIMIT_CHARACTERS): uma célula que inunda a saída não esgota a memória do corretor.
O relatório JSON (sempre escrito, de forma atômica) tem:
  status   "ok" | "cell-timeout" | "total-timeout" | "kernel-died" | "kernel-start-failed"
  reason   texto em português (quando status != "ok")
  cells    [{index, status: ok|error|timeout|kernel-died|not-run, seconds, errorText}]
  seconds, kernelStartSeconds

Código de saída: 0 quando o relatório foi escrito (qualquer status), 2 argumentos errados.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "jupyter"))
from atomic_write import write_text_atomically  # noqa: E402  (tools/jupyter)
from notebook_kernel import (  # noqa: E402  (tools/jupyter)
    error_text_of,
    kernel_language_info,
    notebook_client,
    run_cell,
    start_kernel,
)

ERROR_TEXT_LIMIT = 4000
OUTPUT_LIMIT_CHARACTERS = 1_000_000


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Executa todas as células e relata cada uma.")
    parser.add_argument("input", type=Path)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--kernel", default="redes-neurais")
    parser.add_argument("--cwd", type=Path)
    parser.add_argument("--cell-timeout", type=float, default=60)
    parser.add_argument("--total-timeout", type=float, default=600)
    parser.add_argument("--startup-timeout", type=float, default=60)
    parser.add_argument("--ipc-dir", type=Path)
    return parser.parse_args(argv)


def limit_outputs(client: Any) -> None:
    """Guarda no máximo OUTPUT_LIMIT_CHARACTERS de saída por célula; o resto é descartado
    (o texto do erro vem do fim do stderr, que a célula ainda pode mandar depois)."""
    original = client.output
    sizes: dict[int, int] = {}

    def output(outs: Any, msg: Any, display_id: Any, cell_index: int) -> Any:
        size = len(json.dumps(msg.get("content", {}), ensure_ascii=False))
        used = sizes.get(cell_index, 0)
        if used + size > OUTPUT_LIMIT_CHARACTERS and msg.get("msg_type") != "error":
            if used <= OUTPUT_LIMIT_CHARACTERS:
                sizes[cell_index] = OUTPUT_LIMIT_CHARACTERS + 1
            return None
        sizes[cell_index] = used + size
        return original(outs, msg, display_id, cell_index)

    client.output = output


async def run(arguments: argparse.Namespace, report: dict[str, Any]) -> Any:
    notebook = nbformat.read(arguments.input, as_version=4)
    code_cells = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    results: dict[int, dict[str, Any]] = {
        i: {"index": i, "status": "not-run", "seconds": 0.0, "errorText": ""} for i in code_cells
    }
    report["cells"] = [results[i] for i in code_cells]
    cwd = arguments.cwd or arguments.input.resolve().parent
    client, replies = notebook_client(
        notebook,
        kernel=arguments.kernel,
        cell_timeout=arguments.cell_timeout,
        startup_timeout=arguments.startup_timeout,
        cwd=cwd,
        allow_errors=True,
        immediate_shutdown=True,
    )
    limit_outputs(client)
    started = time.perf_counter()
    ipc_prefix = str(arguments.ipc_dir.resolve() / "kernel-ipc") if arguments.ipc_dir else None
    try:
        await start_kernel(client, ipc_prefix)
    except Exception as error:  # NoSuchKernel, RuntimeError, TimeoutError…
        report["status"] = "kernel-start-failed"
        report["reason"] = (
            f"O kernel '{arguments.kernel}' não iniciou ({type(error).__name__}: {error}). "
            "Rode `npm run setup` e tente de novo."
        )
        return None
    report["kernelStartSeconds"] = round(time.perf_counter() - started, 3)

    async with client.async_setup_kernel():
        await kernel_language_info(client)  # the kernel is ready
        execution_count = 0
        for index in code_cells:
            cell = notebook.cells[index]
            result = results[index]
            if not cell.source.strip():
                result["status"] = "ok"
                continue
            remaining = arguments.total_timeout - (time.perf_counter() - started)
            if remaining <= 0:
                report["status"] = "total-timeout"
                report["reason"] = (
                    f"O tempo total de {arguments.total_timeout:g} s se esgotou antes da célula "
                    f"{index + 1}; ela e as seguintes não rodaram."
                )
                break
            client.timeout = min(arguments.cell_timeout, remaining)
            execution_count += 1
            cell_started = time.perf_counter()
            # An error is a test's result: recorded for this cell, and the run goes on.
            outcome = await run_cell(client, replies, cell, index, execution_count, retry_aborted=True)
            result["seconds"] = round(time.perf_counter() - cell_started, 3)
            cell.execution_count = execution_count
            if outcome == "timeout":
                total_cut = client.timeout < arguments.cell_timeout
                result["status"] = "timeout"
                report["status"] = "total-timeout" if total_cut else "cell-timeout"
                report["reason"] = (
                    f"A célula {index + 1} não terminou em {client.timeout:g} s "
                    + ("(fim do tempo total). " if total_cut else "(limite por célula). ")
                    + "Um laço infinito? As células seguintes não rodaram."
                )
                break
            if outcome == "kernel-died":
                result["status"] = "kernel-died"
                report["status"] = "kernel-died"
                report["reason"] = (
                    f"O kernel morreu na célula {index + 1} (memória esgotada? process.exit?). "
                    "As células seguintes não rodaram."
                )
                break
            if outcome in ("error", "aborted"):
                result["status"] = "error"
                result["errorText"] = (
                    error_text_of(cell)[:ERROR_TEXT_LIMIT] or "a célula terminou com erro"
                )
            else:
                result["status"] = "ok"
    return notebook


def main(argv: list[str]) -> int:
    try:
        arguments = parse_arguments(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    report: dict[str, Any] = {"status": "ok", "reason": "", "cells": [], "kernelStartSeconds": None}
    started = time.perf_counter()
    executed = None
    try:
        executed = asyncio.run(run(arguments, report))
    except Exception as error:  # a broken notebook file, a kernel that vanished…
        if report["status"] == "ok":
            report["status"] = "kernel-died"
            report["reason"] = f"A execução falhou ({type(error).__name__}: {error})."
    report["seconds"] = round(time.perf_counter() - started, 3)
    if executed is not None and arguments.output is not None:
        write_text_atomically(arguments.output, nbformat.writes(executed) + "\n")
    write_text_atomically(arguments.report, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
