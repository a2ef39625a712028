"""O que tools/jupyter/execute_notebook.py e tools/grading/run_cells.py têm em comum:
um NotebookClient (nbclient) que guarda o status do `execute_reply` de cada célula, e o
início do kernel que não deixa processo para trás quando falha.

Os dois diferem no que fazem com um erro (o executor para; o corretor segue) e nas
mensagens: isso fica com cada um.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_client.connect import ConnectionFileMixin
from nbclient import NotebookClient


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
