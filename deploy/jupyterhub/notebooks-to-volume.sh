#!/usr/bin/env bash
# Run at every start of a student's server (config.yaml: lifecycleHooks.postStart). The image
# holds the built course in /srv/redes-neurais (deploy/jupyterhub/Dockerfile); config.yaml
# mounts the student's persistent volume at /srv/redes-neurais/trabalho, INSIDE the course's
# folder: the kernel compiles each cell with TypeScript, which finds @redes-neurais/lib and
# its types by walking up from the notebook's folder to /srv/redes-neurais/node_modules (a
# notebook outside that tree, even with a link to node_modules, fails with "The inferred type
# of 'dfd' cannot be named … not portable"). This copies the course's notebooks into the
# volume's notebooks/ and the released assignments (assignments/release/<tarefa>/, made by
# `npm run assignments:release`) into its tarefas/: files already there — the student's work —
# are never overwritten; what a new image adds is copied.
set -euo pipefail
course="${REDES_NEURAIS_CURSO:-/srv/redes-neurais}"
work="$course/trabalho"
if [[ ! -d "$course/node_modules/@redes-neurais/lib" ]]; then
  echo "notebooks-to-volume.sh: esperava o curso preparado em $course (com node_modules/@redes-neurais/lib), mas não o encontrei." >&2
  echo "Confira REDES_NEURAIS_CURSO e a imagem (deploy/jupyterhub/Dockerfile)." >&2
  exit 1
fi
mkdir -p "$work/notebooks" "$work/tarefas"
cp -R -n "$course/notebooks/." "$work/notebooks/"
if [[ -d "$course/assignments/release" ]]; then
  cp -R -n "$course/assignments/release/." "$work/tarefas/"
fi
