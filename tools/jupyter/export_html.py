"""Exporta um notebook (já executado) para HTML com o modelo do curso.

Uso (com o Python do venv; tools/jupyter/export-html.ts chama este script):

    .venv/bin/python tools/jupyter/export_html.py NOTEBOOK.ipynb SAIDA.html \
        [--title TÍTULO] [--base-dir PASTA]

`--base-dir` é a pasta de onde as imagens das células de markdown são lidas (a do
notebook original, quando se exporta uma cópia executada que está noutro lugar).

O modelo `redes-neurais` (tools/jupyter/templates/) estende o "lab" do nbconvert sem
nenhum script de CDN; imagens das células de markdown são embutidas no HTML. A
matemática das células de markdown fica como TeX, entre marcadores, para o passo
seguinte da apostila (tools/handouts/render-math.ts) desenhá-la em SVG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from atomic_write import write_text_atomically  # beside this script

TEMPLATES = Path(__file__).resolve().parent / "templates"


def export(notebook_path: Path, title: str | None, base_dir: Path) -> str:
    notebook = nbformat.read(notebook_path, as_version=4)
    if title:
        notebook.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="redes-neurais",
        extra_template_basedirs=[str(TEMPLATES)],
        embed_images=True,
        language_code="pt",
        exclude_anchor_links=True,
    )
    resources = {"metadata": {"path": str(base_dir), "name": notebook_path.stem}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Exporta um notebook para HTML (apostila).")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--title", default=None, help="título da página (<title>)")
    parser.add_argument("--base-dir", type=Path, default=None, help="pasta das imagens")
    arguments = parser.parse_args(argv)
    if not arguments.notebook.is_file():
        print(f"Notebook não encontrado: {arguments.notebook}", file=sys.stderr)
        return 2
    base_dir = arguments.base_dir or arguments.notebook.resolve().parent
    write_text_atomically(arguments.output, export(arguments.notebook, arguments.title, base_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
