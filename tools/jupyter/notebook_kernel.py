"""O núcleo de execução de notebooks do projeto, comum a tools/jupyter/execute_notebook.py
(apostilas) e tools/grading/run_cells.py (correção):

- um NotebookClient (nbclient) que guarda o status do `execute_reply` de cada célula;
- o início do kernel que não deixa processo para trás quando falha (e, se pedido, por
  sockets Unix);
- a espera pelo kernel pronto (`kernel_info`), que também diz a linguagem;
- `run_cell`: executa uma célula e diz o que houve ("ok", "error", "aborted", "timeout",
  "kernel-died"), esperando depois de um erro a janela em que o tslab aborta tudo;
- `error_text_of`: o texto do erro de uma célula (o tslab o manda só pelo stderr).

Os dois diferem no que fazem com um erro (o executor para e a apostila não sai; o
corretor registra o erro da célula e segue) e nas mensagens: isso fica com cada um.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Literal

from jupyter_client.connect import ConnectionFileMixin
from jupyter_core.utils import ensure_async
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

# Depois de um erro, o tslab responde `abort` a todo pedido que chega nos ~200 ms
# seguintes (tslab #19; docs/arquitetura.md §4). Esperamos um pouco mais que isso.
TSLAB_ABORT_WINDOW_SECONDS = 0.5

CellOutcome = Literal["ok", "error", "aborted", "timeout", "kernel-died"]


def notebook_client(
    notebook: Any,
    *,
    kernel: str,
    cell_timeout: float,
    startup_timeout: float,
    cwd: Path,
    allow_errors: bool,
    immediate_shutdown: bool = False,
) -> tuple[NotebookClient, dict[int, str]]:
    """O cliente e o dicionário índice da célula → status do `execute_reply` ("ok",
    "error", "abort"…), preenchido à medida que as células rodam. É esse status, não o
    texto no stderr, que diz se uma célula do tslab falhou."""
    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=cell_timeout,
        startup_timeout=startup_timeout,
        resources={"metadata": {"path": str(cwd)}},
        allow_errors=allow_errors,
        record_timing=False,
        # Um kernel preso num laço não pararia com educação.
        **({"shutdown_kernel": "immediate"} if immediate_shutdown else {}),
    )
    replies: dict[int, str] = {}

    def remember_reply_status(cell: Any, cell_index: int, execute_reply: Any) -> None:
        replies[cell_index] = (execute_reply or {}).get("content", {}).get("status", "")

    client.on_cell_executed = remember_reply_status
    return client, replies


def _tslab_ipc_url(self: Any, channel: str) -> str:
    """O endereço de um canal como o tslab o abre: `ipc://<ip>:<porta>`
    (node_modules/tslab/dist/jupyter.js); o Jupyter usaria `ipc://<ip>-<porta>`."""
    port = getattr(self, f"{channel}_port")
    if self.transport == "ipc":
        return f"ipc://{self.ip}:{port}"
    return f"{self.transport}://{self.ip}:{port}"


async def start_kernel(client: NotebookClient, ipc_prefix: str | None = None) -> None:
    """Inicia o kernel e o cliente. Se algo falhar (kernel não instalado, tempo esgotado),
    encerra o que chegou a iniciar e relança o erro original.

    Com `ipc_prefix`, kernel e cliente conversam por sockets Unix (`<prefixo>:<porta>`)
    em vez de TCP local: é o que permite rodar o kernel sem rede (tools/grading/sandbox.ts).
    """
    try:
        client.km = client.create_kernel_manager()
        if ipc_prefix is not None:
            ConnectionFileMixin._make_url = _tslab_ipc_url  # type: ignore[method-assign]
            client.km.transport = "ipc"
            client.km.ip = ipc_prefix
        await client.async_start_new_kernel()
        await client.async_start_new_kernel_client()
    except Exception:
        try:
            await client._async_cleanup_kernel()
        except Exception:
            pass  # o erro que importa é o do início
        raise


async def kernel_language_info(client: NotebookClient) -> dict[str, Any]:
    """Espera o kernel responder a `kernel_info` (pronto para executar) e devolve o
    `language_info` que ele informa."""
    assert client.kc is not None
    reply = await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
    return dict((reply or {}).get("content", {}).get("language_info", {}))


def has_error_output(cell: Any) -> bool:
    return any(output.get("output_type") == "error" for output in cell.get("outputs", []))


def error_text_of(cell: Any) -> str:
    """O que o kernel disse que deu errado: o stderr da célula (o tslab manda o texto dos
    erros de tipo e de execução só por ali, sem ename/evalue) e, de um kernel que os
    preenche, `ename: evalue` de cada saída `error`."""
    parts: list[str] = []
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream" and output.get("name") == "stderr":
            parts.append(output.get("text", ""))
        elif kind == "error":
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}\n")
    return "".join(parts).strip()


async def run_cell(
    client: NotebookClient,
    replies: dict[int, str],
    cell: Any,
    index: int,
    execution_count: int,
    *,
    retry_aborted: bool,
) -> CellOutcome:
    """Executa uma célula e diz o que houve. Quem diz que ela falhou é o status do
    `execute_reply` ou uma saída `error`; texto no stderr sozinho (avisos do TensorFlow,
    console.warn) não é falha.

    Uma célula que o tslab abortou (chegou na janela depois de um erro) não rodou: com
    `retry_aborted`, espera a janela e a executa de novo, uma vez. Depois de "error" ou
    "aborted" espera a janela passar, para que a célula seguinte não seja abortada.
    "timeout" e "kernel-died" voltam na hora: quem chama decide se segue.
    """
    status = ""
    for attempt in range(2 if retry_aborted else 1):
        try:
            await client.async_execute_cell(cell, index, execution_count=execution_count)
            status = replies.get(index, "")
        except CellTimeoutError:
            return "timeout"
        except DeadKernelError:
            return "kernel-died"
        except CellExecutionError:
            status = "error"
        if status in ("abort", "aborted") and attempt == 0 and retry_aborted:
            await asyncio.sleep(TSLAB_ABORT_WINDOW_SECONDS)
            cell.outputs = []
            continue
        break
    outcome: CellOutcome
    if status in ("abort", "aborted"):  # tslab says "abort", Jupyter "aborted"
        outcome = "aborted"
    elif status == "error" or has_error_output(cell):
        outcome = "error"
    else:
        return "ok"
    await asyncio.sleep(TSLAB_ABORT_WINDOW_SECONDS)
    return outcome
