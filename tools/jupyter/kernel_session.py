"""Uma sessão roteirizada com um kernel de verdade, para testar o que o nbclient não faz:
mandar células sem esperar, interromper (SIGINT, como o botão de parar do JupyterLab) e
ver quando chega cada mensagem.

Uso: python kernel_session.py roteiro.json relatorio.json

O roteiro: {"kernel": nome, "cwd": pasta, "startup_timeout": s, "steps": [...]}, com passos
- {"op": "execute", "label": "a", "code": "...", "wait": true|false, "timeout": s}
- {"op": "wait_for_output", "label": "a", "text": "...", "timeout": s}
- {"op": "wait_reply", "label": "a", "timeout": s}
- {"op": "interrupt"}
- {"op": "sleep", "seconds": s}

O relatório: {"events": [...], "steps": [...], "alive": bool, "error": texto ou null}.
Cada evento tem o tempo `t` (segundos desde o início do kernel), o canal, o tipo, o
rótulo da célula que o originou (`cell`) e o essencial do conteúdo.
"""

from __future__ import annotations

import json
import queue
import sys
import time
from pathlib import Path
from typing import Any

from jupyter_client.manager import KernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atomic_write import write_text_atomically  # noqa: E402


class Session:
    def __init__(self, kernel: str, cwd: str, startup_timeout: float) -> None:
        self.km = KernelManager(kernel_name=kernel)
        self.km.start_kernel(cwd=cwd)
        self.start = time.monotonic()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=startup_timeout)
        self.labels: dict[str, str] = {}
        self.events: list[dict[str, Any]] = []

    def now(self) -> float:
        return round(time.monotonic() - self.start, 4)

    def cell_of(self, msg: dict[str, Any]) -> str | None:
        return self.labels.get(msg.get("parent_header", {}).get("msg_id", ""))

    def record(self, channel: str, msg: dict[str, Any]) -> None:
        content = msg.get("content", {})
        event: dict[str, Any] = {"t": self.now(), "channel": channel, "type": msg["msg_type"], "cell": self.cell_of(msg)}
        if msg["msg_type"] == "stream":
            event["name"] = content.get("name")
            event["text"] = content.get("text", "")
        elif msg["msg_type"] in ("display_data", "update_display_data", "execute_result"):
            event["text"] = content.get("data", {}).get("text/plain", "")
        elif msg["msg_type"] == "status":
            event["state"] = content.get("execution_state")
        elif msg["msg_type"] == "execute_reply":
            event["status"] = content.get("status")
        self.events.append(event)

    def pump(self, until: Any, timeout: float) -> bool:
        """Reads messages until `until()` holds (True) or the time runs out (False)."""
        deadline = time.monotonic() + timeout
        while True:
            if until():
                return True
            if time.monotonic() >= deadline:
                return False
            got = False
            for channel, get in (("iopub", self.kc.get_iopub_msg), ("shell", self.kc.get_shell_msg)):
                try:
                    self.record(channel, get(timeout=0.01))
                    got = True
                except queue.Empty:
                    pass
            if not got and not self.km.is_alive():
                return until()

    def replied(self, label: str) -> bool:
        return any(e["type"] == "execute_reply" and e["cell"] == label for e in self.events)

    def printed(self, label: str, text: str) -> bool:
        return text in "".join(e.get("text", "") for e in self.events if e["type"] == "stream" and e["cell"] == label)

    def run(self, step: dict[str, Any]) -> None:
        op = step["op"]
        timeout = float(step.get("timeout", 60))
        if op == "execute":
            self.labels[self.kc.execute(step["code"], store_history=False)] = step["label"]
            if step.get("wait", True) and not self.pump(lambda: self.replied(step["label"]), timeout):
                raise TimeoutError(f"a célula {step['label']} não respondeu em {timeout} s")
        elif op == "wait_for_output":
            if not self.pump(lambda: self.printed(step["label"], step["text"]), timeout):
                raise TimeoutError(f"a célula {step['label']} não escreveu {step['text']!r} em {timeout} s")
        elif op == "wait_reply":
            if not self.pump(lambda: self.replied(step["label"]), timeout):
                raise TimeoutError(f"a célula {step['label']} não respondeu em {timeout} s")
        elif op == "interrupt":
            self.km.interrupt_kernel()
        elif op == "sleep":
            self.pump(lambda: False, float(step["seconds"]))
        else:
            raise ValueError(f"passo desconhecido: {op}")

    def close(self) -> bool:
        alive = self.km.is_alive()
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
        return alive


def main() -> None:
    script = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    report: dict[str, Any] = {"events": [], "steps": [], "alive": False, "error": None}
    session = None
    try:
        session = Session(script["kernel"], script["cwd"], float(script.get("startup_timeout", 60)))
        for step in script["steps"]:
            report["steps"].append({"op": step["op"], "label": step.get("label"), "t": session.now()})
            session.run(step)
        session.pump(lambda: False, 0.3)  # what still arrives right after the last step
    except Exception as error:  # noqa: BLE001 — o relatório diz o que houve
        report["error"] = f"{type(error).__name__}: {error}"
    finally:
        if session is not None:
            report["events"] = session.events
            report["alive"] = session.close()
    write_text_atomically(Path(sys.argv[2]), json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
