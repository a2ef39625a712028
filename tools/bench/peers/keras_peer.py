"""Par Keras (tensorflow-cpu do venv) de `npm run bench`; veja _comum.py.

As mesmas cargas do curso, escritas como um aluno de Keras as escreveria: Sequential,
`compile(Adam(0.001), categorical_crossentropy, accuracy)` e `fit(x, y, batch_size,
epochs=1, verbose=0)` (shuffle padrão); regressão logística como Dense(1, sigmoid) com
SGD e o lote todo; VGG16 de `keras.applications` com pesos aleatórios e `predict`.
Threads: os padrões do TensorFlow (não mexemos neles), registrados no resultado.
"""

from __future__ import annotations

import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _comum import Plan, run_peer, time_repetitions  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def load() -> Any:
    import keras
    import numpy
    import tensorflow

    return {"keras": keras, "np": numpy, "tf": tensorflow, "vgg": None}


def random_one_hot(np: Any, rng: Any, count: int) -> Any:
    return np.eye(10, dtype="float32")[rng.integers(0, 10, size=count)]


def fit_each(fw: dict[str, Any], model: Any, x: Any, y: Any, plan: Plan) -> dict[str, Any]:
    keras = fw["keras"]
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    return time_repetitions(
        plan, lambda: model.fit(x, y, batch_size=plan["batchSize"], epochs=1, verbose=0)
    )


def run_workload(fw: dict[str, Any], plan: Plan) -> dict[str, Any]:
    keras, np = fw["keras"], fw["np"]
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    layers = keras.layers
    n = plan["samples"]
    if plan["id"] == "mlp":
        model = keras.Sequential(
            [
                keras.Input((784,)),
                layers.Dense(128, activation="relu"),
                layers.Dense(64, activation="relu"),
                layers.Dense(10, activation="softmax"),
            ]
        )
        x = rng.random((n, 784), dtype="float32")
        return fit_each(fw, model, x, random_one_hot(np, rng, n), plan)
    if plan["id"] == "convnet":
        model = keras.Sequential(
            [
                keras.Input((28, 28, 1)),
                layers.Conv2D(32, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Conv2D(64, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Flatten(),
                layers.Dense(128, activation="relu"),
                layers.Dense(10, activation="softmax"),
            ]
        )
        x = rng.random((n, 28, 28, 1), dtype="float32")
        return fit_each(fw, model, x, random_one_hot(np, rng, n), plan)
    if plan["id"] == "regressao-logistica":
        model = keras.Sequential([keras.Input((4,)), layers.Dense(1, activation="sigmoid")])
        model.compile(
            optimizer=keras.optimizers.SGD(learning_rate=0.5),
            loss="binary_crossentropy",
            metrics=["accuracy"],
        )
        x = rng.standard_normal((n, 4), dtype="float32")
        t = (rng.random((n, 1)) > 0.5).astype("float32")
        steps = plan.get("steps", 1)
        return time_repetitions(
            plan, lambda: model.fit(x, t, batch_size=n, epochs=steps, shuffle=False, verbose=0)
        )
    # VGG16: um só modelo para os dois lotes.
    if fw["vgg"] is None:
        fw["vgg"] = keras.applications.VGG16(
            weights=None, include_top=False, input_shape=(224, 224, 3)
        )
    model = fw["vgg"]
    batch = plan["batchSize"]
    images = (rng.random((batch, 224, 224, 3), dtype="float32") * 255).astype("float32")

    def extract() -> None:
        for _ in range(plan.get("calls", 1)):
            model.predict(images, batch_size=batch, verbose=0)

    return time_repetitions(plan, extract)


def describe(fw: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    tf = fw["tf"]
    threading = tf.config.threading
    return (
        {"keras": fw["keras"].__version__, "tensorflow": tf.__version__, "numpy": fw["np"].__version__},
        {
            "intraOp": threading.get_intra_op_parallelism_threads(),
            "interOp": threading.get_inter_op_parallelism_threads(),
            "nota": "0 = padrão do TensorFlow (todos os núcleos)",
        },
    )


if __name__ == "__main__":
    sys.exit(run_peer("keras", load, run_workload, describe))
