import { CourseError } from "../errors";

/** `REDES_NEURAIS_BACKEND` holds a value the library does not know. */
export class InvalidBackendChoiceError extends CourseError {
  override name = "InvalidBackendChoiceError";

  /** @param received The variable's value as found in the environment. */
  constructor(readonly received: string) {
    super(
      `REDES_NEURAIS_BACKEND="${received}" não é um valor válido. ` +
        `Valores aceitos: "auto" (padrão: o backend nativo "tensorflow", com recurso ao "cpu" se o nativo não carregar), ` +
        `"tensorflow" (exige o nativo) ou "cpu" (JavaScript puro, lento). ` +
        `Corrija o valor ou remova a variável para usar "auto".`,
    );
  }
}

/** The native backend was required (`REDES_NEURAIS_BACKEND=tensorflow`) but its binding did not load. */
export class NativeBackendUnavailableError extends CourseError {
  override name = "NativeBackendUnavailableError";

  /**
   * @param reason Why the binding did not load (the load error's message).
   * @param options `cause`: the load error itself.
   */
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `O backend nativo "tensorflow" foi exigido (REDES_NEURAIS_BACKEND=tensorflow), ` +
        `mas o binding nativo do TensorFlow.js (@tensorflow/tfjs-node) não carregou: ${reason}\n` +
        `Como resolver: na raiz do projeto, rode \`npm run setup\` (compila o binding contra o TensorFlow do ` +
        `ambiente Python do projeto) e \`npm run doctor\` (diagnostica o que falta). ` +
        `Para aceitar o backend "cpu" (JavaScript puro, bem mais lento), use REDES_NEURAIS_BACKEND=auto.`,
      options,
    );
  }
}

/** TensorFlow.js did not switch to the requested backend. */
export class BackendSwitchError extends CourseError {
  override name = "BackendSwitchError";

  /**
   * @param expected The backend asked for.
   * @param actual The backend TensorFlow.js reports afterwards.
   */
  constructor(
    readonly expected: string,
    readonly actual: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Pedi ao TensorFlow.js o backend "${expected}", mas ele continua em "${actual}". ` +
        `Isso indica uma instalação inconsistente do TensorFlow.js: rode \`npm run doctor\` para diagnosticar.`,
      options,
    );
  }
}
