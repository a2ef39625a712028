"""Executa um notebook do curso num kernel novo e grava o notebook executado.

Uso (sempre com o Python do venv do projeto, e com o ambiente de `jupyterEnv()` de
tools/project.mjs; o invólucro tools/jupyter/execute-notebook.ts faz as duas coisas):

    .venv/bin/python tools/jupyter/execute_notebook.py ENTRADA.ipynb SAIDA.ipynb \
        --report RELATORIO.json [--kernel redes-neurais] [--cell-timeout 600] \
        [--startup-timeout 60]

O kernel (tslab) roda na pasta do notebook. A execução para na primeira célula que
falha: o tslab responde `abort` a tudo o que chega nos ~200 ms seguintes a um erro, e
as células seguintes seriam puladas em silêncio. Uma célula marcada com a etiqueta
`raises-exception` (um erro mostrado de propósito) pode falhar: depois dela o executor
espera essa janela passar. Uma célula que o kernel abortou é uma falha.

O relatório (JSON, sempre escrito, também em caso de falha) diz:
  status        "ok" | "cell-error" | "cell-timeout" | "kernel-died" | "kernel-start-failed"
  notebook      caminho do notebook de entrada
  kernelStartSeconds, seconds   tempos medidos
  cells         [{index, executionCount, seconds}] das células de código executadas
  failure       (quando status != "ok") {cellIndex, executionCount, source, errorText, message}

O tslab não preenche ename/evalue: o texto do erro (de tipo ou de execução) chega só
como saída `stream` stderr da célula; `errorText` é esse texto.

Códigos de saída: 0 sucesso; 1 uma célula falhou (erro, tempo esgotado, kernel morto);
2 o kernel não iniciou ou os argumentos estão errados.

O notebook executado só é escrito (arquivo temporário + rename) quando tudo passou:
uma execução que falhou não deixa arquivo pela metade.
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
from jupyter_client.kernelspec import NoSuchKernel

from atomic_write import write_text_atomically  # beside this script
from notebook_kernel import (  # beside this script
    error_text_of,
    kernel_language_info,
    notebook_client,
    run_cell,
    start_kernel,
)

# tslab informa language_info.name = "typescript" mas não o léxico do Pygments; sem ele
# o nbconvert destaca o código como Python.
TYPESCRIPT_LANGUAGE_INFO = {
    "name": "typescript",
    "pygments_lexer": "typescript",
    "file_extension": ".ts",
    "mimetype": "text/typescript",
}


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Executa um notebook num kernel novo e grava o resultado."
    )
    parser.add_argument("input", type=Path, help="notebook a executar (.ipynb)")
    parser.add_argument("output", type=Path, help="onde gravar o notebook executado")
    parser.add_argument("--report", type=Path, required=True, help="relatório JSON")
    parser.add_argument("--kernel", default="redes-neurais", help="nome do kernelspec")
    parser.add_argument(
        "--cell-timeout", type=float, default=600, help="segundos por célula (padrão 600)"
    )
    parser.add_argument(
        "--startup-timeout",
        type=float,
        default=60,
        help="segundos para o kernel responder ao iniciar (padrão 60)",
    )
    return parser.parse_args(argv)


def allowed_to_fail(cell: Any) -> bool:
    """A cell that shows an error on purpose (nbclient honours the same tag)."""
    return "raises-exception" in cell.get("metadata", {}).get("tags", [])


def failure_of(outcome: str, cell_timeout: float) -> tuple[str, str]:
    """The report's status and message for a cell that stops the build."""
    if outcome == "timeout":
        return (
            "cell-timeout",
            f"A célula passou de {cell_timeout:g} s sem terminar. Ela está presa "
            "(um await que nunca volta?) ou precisa de mais tempo: aumente o limite "
            "(--cell-timeout) ou reduza o trabalho (modo rápido: REDES_NEURAIS_FAST=1).",
        )
    if outcome == "kernel-died":
        return (
            "kernel-died",
            "O kernel morreu durante a célula (process.exit? falta de memória? erro na "
            "biblioteca nativa do TensorFlow?). Veja a saída de erro do kernel.",
        )
    if outcome == "aborted":
        return (
            "cell-error",
            "O kernel abortou a célula sem executá-la (o tslab recusa pedidos logo "
            "depois de um erro).",
        )
    return "cell-error", "A célula terminou com erro."


def write_json_atomically(path: Path, data: Any) -> None:
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


class Run:
    """The state of one notebook run, turned into the JSON report at the end."""

    def __init__(self, notebook: Path) -> None:
        self.report: dict[str, Any] = {
            "status": "ok",
            "notebook": str(notebook),
            "kernelStartSeconds": None,
            "seconds": None,
            "cells": [],
        }

    def fail(self, status: str, message: str, cell_index: int | None = None,
             cell: Any = None, execution_count: int | None = None) -> None:
        self.report["status"] = status
        self.report["failure"] = {
            "cellIndex": cell_index,
            "executionCount": execution_count,
            "source": cell.get("source", "") if cell is not None else None,
            "errorText": error_text_of(cell) if cell is not None else "",
            "message": message,
        }


async def execute(arguments: argparse.Namespace, run: Run) -> Any | None:
    """Runs every code cell in order; returns the executed notebook, or None on failure."""
    notebook = nbformat.read(arguments.input, as_version=4)
    client, replies = notebook_client(
        notebook,
        kernel=arguments.kernel,
        cell_timeout=arguments.cell_timeout,
        startup_timeout=arguments.startup_timeout,
        cwd=arguments.input.resolve().parent,
        allow_errors=False,
    )
    started = time.perf_counter()
    try:
        await start_kernel(client)
    except NoSuchKernel:
        run.fail(
            "kernel-start-failed",
            f"O kernel '{arguments.kernel}' não está instalado no Jupyter do projeto "
            "(esperado em .jupyter/share/kernels). Rode `npm run setup` e tente de novo.",
        )
        return None
    except Exception as error:  # jupyter_client raises RuntimeError, TimeoutError, ...
        run.fail(
            "kernel-start-failed",
            f"O kernel '{arguments.kernel}' não iniciou ({type(error).__name__}: {error}). "
            "Confira a instalação com `npm run setup`; se o limite de "
            f"{arguments.startup_timeout:g} s se esgotou numa máquina lenta, aumente "
            "--startup-timeout.",
        )
        return None
    run.report["kernelStartSeconds"] = round(time.perf_counter() - started, 3)

    async with client.async_setup_kernel():
        notebook.metadata["language_info"] = {
            **await kernel_language_info(client),
            **TYPESCRIPT_LANGUAGE_INFO,
        }

        execution_count = 0
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                if cell.cell_type == "code":
                    cell.execution_count = None
                    cell.outputs = []
                continue
            execution_count += 1
            cell_started = time.perf_counter()
            # With allow_errors=False, only a cell tagged raises-exception may end in "error";
            # run_cell then waits out tslab's abort window before the next one.
            outcome = await run_cell(
                client, replies, cell, index, execution_count, retry_aborted=False
            )
            if outcome != "ok" and not (outcome == "error" and allowed_to_fail(cell)):
                status, message = failure_of(outcome, arguments.cell_timeout)
                run.fail(status, message, index, cell, execution_count)
                return None
            run.report["cells"].append({
                "index": index,
                "executionCount": execution_count,
                "seconds": round(time.perf_counter() - cell_started, 3),
            })
            # tslab sends no execute_input: the count comes only from us.
            cell.execution_count = execution_count
    return notebook


def main(argv: list[str]) -> int:
    try:
        arguments = parse_arguments(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    if not arguments.input.is_file():
        print(f"Notebook não encontrado: {arguments.input}", file=sys.stderr)
        return 2
    run = Run(arguments.input)
    started = time.perf_counter()
    executed = asyncio.run(execute(arguments, run))
    run.report["seconds"] = round(time.perf_counter() - started, 3)
    if executed is not None:
        write_text_atomically(arguments.output, nbformat.writes(executed) + "\n")
    write_json_atomically(arguments.report, run.report)
    status = run.report["status"]
    if status == "ok":
        return 0
    failure = run.report["failure"]
    print(f"{arguments.input}: {failure['message']}", file=sys.stderr)
    return 2 if status == "kernel-start-failed" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
