"""Par PyTorch (CPU) de `npm run bench`; veja _comum.py.

As mesmas cargas: MLP e convnet treinados com Adam(0.001), entropia cruzada e acurácia
calculada a cada lote (como a métrica do Keras/tfjs), lotes embaralhados a cada época;
regressão logística com nn.Linear(4, 1), BCE e SGD no lote todo, guardando a perda de
cada passo; VGG16 (só as convoluções, `include_top=False`) montado à mão — o torchvision
pode não estar instalado —, em modo de inferência. Threads: o padrão do PyTorch
(torch.get_num_threads()), registrado no resultado.
"""

from __future__ import annotations

import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _comum import Plan, run_peer, time_repetitions  # noqa: E402

VGG16_BLOCKS = [(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]


def load() -> Any:
    import torch

    return {"torch": torch, "vgg": None}


def vgg16_features(torch: Any) -> Any:
    nn = torch.nn
    layers: list[Any] = []
    channels = 3
    for convolutions, filters in VGG16_BLOCKS:
        for _ in range(convolutions):
            layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU(inplace=True)]
            channels = filters
        layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers).eval()


def train_epochs(torch: Any, model: Any, x: Any, labels: Any, plan: Plan) -> dict[str, Any]:
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax + entropia cruzada categórica
    batch = plan["batchSize"]
    n = x.shape[0]

    def one_epoch() -> None:
        model.train()
        order = torch.randperm(n)
        correct = 0
        for start in range(0, n, batch):
            index = order[start : start + batch]
            xb, yb = x[index], labels[index]
            optimizer.zero_grad()
            logits = model(xb)
            loss = loss_fn(logits, yb)
            loss.backward()
            optimizer.step()
            correct += int((logits.argmax(1) == yb).sum())
            float(loss)  # como o Keras e o tfjs, o valor da perda é lido a cada lote

    return time_repetitions(plan, one_epoch)


def run_workload(fw: dict[str, Any], plan: Plan) -> dict[str, Any]:
    torch = fw["torch"]
    nn = torch.nn
    torch.manual_seed(0)
    n = plan["samples"]
    if plan["id"] == "mlp":
        model = nn.Sequential(
            nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10)
        )
        return train_epochs(torch, model, torch.rand(n, 784), torch.randint(0, 10, (n,)), plan)
    if plan["id"] == "convnet":
        model = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10),
        )
        return train_epochs(torch, model, torch.rand(n, 1, 28, 28), torch.randint(0, 10, (n,)), plan)
    if plan["id"] == "regressao-logistica":
        model = nn.Linear(4, 1)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
        loss_fn = nn.BCEWithLogitsLoss()
        x = torch.randn(n, 4)
        t = (torch.rand(n, 1) > 0.5).float()

        def steps() -> None:
            for _ in range(plan.get("steps", 1)):
                optimizer.zero_grad()
                loss = loss_fn(model(x), t)
                loss.backward()
                optimizer.step()
                float(loss)  # o treinador do curso registra a perda de cada época

        return time_repetitions(plan, steps)
    if fw["vgg"] is None:
        fw["vgg"] = vgg16_features(torch)
    model = fw["vgg"]
    images = torch.rand(plan["batchSize"], 3, 224, 224) * 255

    def extract() -> None:
        with torch.inference_mode():
            for _ in range(plan.get("calls", 1)):
                model(images).numpy()

    return time_repetitions(plan, extract)


def describe(fw: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    torch = fw["torch"]
    return (
        {"torch": torch.__version__},
        {"intraOp": torch.get_num_threads(), "interOp": torch.get_num_interop_threads()},
    )


if __name__ == "__main__":
    sys.exit(run_peer("pytorch", load, run_workload, describe))
