import { CourseError } from "../errors";

/** A rich display was asked for outside a running tslab kernel. */
export class NotInsideJupyterError extends CourseError {
  override name = "NotInsideJupyterError";

  /** @param what What was being displayed, for the message (e.g. "um gráfico"). */
  constructor(what: string) {
    super(
      `Não dá para exibir ${what} aqui: esta função só funciona dentro de um notebook Jupyter com o kernel tslab ` +
        `(e este processo não é um kernel tslab em execução). ` +
        `Abra o notebook no JupyterLab (\`npm start\`) ou, num script Node, use \`show(figura)\` ` +
        `(abre o gráfico no navegador).`,
    );
  }
}

/** A display request that cannot be sent as asked. */
export class InvalidDisplayRequestError extends CourseError {
  override name = "InvalidDisplayRequestError";
}
