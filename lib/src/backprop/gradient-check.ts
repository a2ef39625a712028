/**
 * The gradient check: automatic differentiation (`tf.grads`) against central finite
 * differences, for any scalar function of float32 tensors, with a verdict in Portuguese.
 *
 *   ∂f/∂x_k ≈ [f(x + ε e_k) − f(x − ε e_k)] / 2ε
 *
 * For each input the relative error is ‖g_auto − g_dif‖ / max(‖g_auto‖, ‖g_dif‖) over the
 * coordinates checked (0 when both are zero; at most 2): about 1e-6…1e-3 for a right
 * gradient of a smooth function in float32, of order 1 for a wrong one. Two things raise it
 * without anything being wrong: kinks such as relu's at 0 (an error proportional to ε) and
 * float32 rounding of f when one coordinate changes f very little (proportional to 1/ε);
 * notebook 06 picks ε = 3e-3 for relu responses of a 64×64 image for that reason.
 *
 * @example
 * import { tf, gradientCheck } from "@redes-neurais/lib";
 * const x = tf.tensor1d([0.5, -1, 2]);
 * const check = gradientCheck((v) => v.square().sum() as tf.Scalar, [x]);
 * console.log(check.verdict); // "✔ O gradiente confere: …"
 */
import * as tf from "../tf";
import { describeThrown } from "../errors";
import { seededRandom } from "../random/seeded-random";
import { GradientCheckError } from "./gradient-check-errors";

/** A scalar function of tensors, as `tf.grads` takes it. */
export type ScalarFunction = (...inputs: tf.Tensor[]) => tf.Scalar;

export interface GradientCheckOptions {
  /** Step ε of the central differences (default 1e-2: float32 has only ~7 digits). */
  epsilon?: number;
  /** Largest relative error still called right (default 1e-2). */
  tolerance?: number;
  /**
   * Coordinates checked per input (default 200). Larger inputs are sampled (seeded), since
   * each coordinate costs two evaluations of `f`.
   */
  maxCoordinatesPerInput?: number;
  /** Seed of the sample of coordinates (default 0). */
  seed?: number;
}

/** The comparison for one input. */
export interface InputGradientCheck {
  /** Position of the input in the list given to {@link gradientCheck}. */
  readonly index: number;
  readonly shape: readonly number[];
  /** Flat indices of the coordinates checked, ascending. */
  readonly coordinates: readonly number[];
  /** ∂f/∂x at those coordinates by automatic differentiation. */
  readonly automatic: readonly number[];
  /** The same by central finite differences. */
  readonly finiteDifferences: readonly number[];
  /** ‖automatic − finiteDifferences‖ / max(‖automatic‖, ‖finiteDifferences‖). */
  readonly relativeError: number;
  /** Largest |automatic − finiteDifferences| over the coordinates. */
  readonly maxAbsoluteError: number;
}

/** The outcome of {@link gradientCheck}. */
export interface GradientCheck {
  /** Whether every input's relative error is at most the tolerance. */
  readonly ok: boolean;
  /** The largest relative error over the inputs. */
  readonly relativeError: number;
  readonly tolerance: number;
  readonly epsilon: number;
  readonly inputs: readonly InputGradientCheck[];
  /** One paragraph in Portuguese starting with "✔" or "✘". */
  readonly verdict: string;
}

const DEFAULTS = { epsilon: 1e-2, tolerance: 1e-2, maxCoordinatesPerInput: 200, seed: 0 };

/**
 * Compares the gradient `tf.grads(f)` at `inputs` with central finite differences.
 * Leaves no tensors behind; the inputs are not modified.
 *
 * @param f A scalar function of the inputs (its intermediates are freed).
 * @param inputs The point where the gradient is checked: float32 tensors.
 * @throws {GradientCheckError} When `f` is not a function, an input is not a float32 tensor,
 *   an option is out of range, `f` does not return a finite scalar, or `tf.grads` cannot
 *   differentiate `f` with respect to every input.
 */
export function gradientCheck(f: ScalarFunction, inputs: tf.Tensor | readonly tf.Tensor[], options: GradientCheckOptions = {}): GradientCheck {
  const settings = { ...DEFAULTS, ...options };
  validate(f, inputs, settings);
  const points = (Array.isArray(inputs) ? inputs : [inputs]) as tf.Tensor[];
  const values = points.map((input) => input.dataSync() as Float32Array);
  const shapes = points.map((input) => input.shape);
  const evaluate = (changed: number, coordinate: number, value: number): number =>
    tf.tidy(() => {
      const tensors = values.map((data, i) => {
        if (i !== changed) return points[i] as tf.Tensor;
        const copy = Float32Array.from(data);
        copy[coordinate] = value;
        return tf.tensor(copy, shapes[i], "float32");
      });
      return scalarValue(f(...tensors));
    });
  const automatic = automaticGradients(f, points);
  const random = seededRandom(settings.seed);
  const checks = values.map((data, index): InputGradientCheck => {
    const coordinates = chooseCoordinates(data.length, settings.maxCoordinatesPerInput, random);
    const byDifferences = coordinates.map((k) => {
      const x = data[k] as number;
      // The steps actually taken, after rounding x ± ε to float32.
      const up = Math.fround(x + settings.epsilon);
      const down = Math.fround(x - settings.epsilon);
      return (evaluate(index, k, up) - evaluate(index, k, down)) / (up - down);
    });
    const byAutodiff = coordinates.map((k) => (automatic[index] as Float32Array)[k] as number);
    return { index, shape: shapes[index] as number[], coordinates, automatic: byAutodiff, finiteDifferences: byDifferences, ...compare(byAutodiff, byDifferences) };
  });
  const relativeError = Math.max(...checks.map((check) => check.relativeError));
  const ok = checks.every((check) => check.relativeError <= settings.tolerance);
  return { ok, relativeError, tolerance: settings.tolerance, epsilon: settings.epsilon, inputs: checks, verdict: verdictOf(ok, checks, settings) };
}

function validate(f: unknown, inputs: unknown, settings: typeof DEFAULTS): void {
  if (typeof f !== "function") {
    throw new GradientCheckError(`gradientCheck espera uma função que devolve um escalar, como (x) => x.square().sum(); recebeu ${typeof f}.`);
  }
  const list: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) {
    throw new GradientCheckError("gradientCheck espera ao menos um tensor de entrada (o ponto onde conferir o gradiente); recebeu uma lista vazia.");
  }
  list.forEach((input, i) => {
    if (!(input instanceof tf.Tensor)) {
      throw new GradientCheckError(`gradientCheck: a entrada ${i} deveria ser um tf.Tensor; recebeu ${input === null ? "null" : typeof input}. Crie-a com tf.tensor(...).`);
    }
    if (input.dtype !== "float32") {
      throw new GradientCheckError(`gradientCheck: a entrada ${i} deveria ser float32 (só se deriva em relação a números reais); é ${input.dtype}. Converta com .toFloat().`);
    }
    if (input.isDisposed) {
      throw new GradientCheckError(`gradientCheck: a entrada ${i} já foi liberada (dispose); passe um tensor vivo.`);
    }
  });
  const positive = (name: string, value: number): void => {
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw new GradientCheckError(`gradientCheck: ${name} deve ser um número positivo; recebeu ${String(value)}.`);
    }
  };
  positive("epsilon", settings.epsilon);
  positive("tolerance", settings.tolerance);
  if (!Number.isInteger(settings.maxCoordinatesPerInput) || settings.maxCoordinatesPerInput < 1) {
    throw new GradientCheckError(`gradientCheck: maxCoordinatesPerInput deve ser um inteiro ≥ 1; recebeu ${String(settings.maxCoordinatesPerInput)}.`);
  }
}

/** The value of f's result, which must be a finite scalar (one element). */
function scalarValue(result: unknown): number {
  if (!(result instanceof tf.Tensor) || result.size !== 1) {
    const what = result instanceof tf.Tensor ? `um tensor de forma [${result.shape.join(", ")}]` : typeof result;
    throw new GradientCheckError(`gradientCheck: a função deve devolver um escalar (um tf.Scalar, por exemplo com .sum() ou .mean()); devolveu ${what}.`);
  }
  const value = result.dataSync()[0] as number;
  if (!Number.isFinite(value)) {
    throw new GradientCheckError(`gradientCheck: a função devolveu ${value} perto do ponto dado; escolha um ponto onde ela é finita (um log de 0? uma divisão por 0?).`);
  }
  return value;
}

function automaticGradients(f: ScalarFunction, points: tf.Tensor[]): Float32Array[] {
  return tf.tidy(() => {
    let gradients: tf.Tensor[];
    try {
      gradients = tf.grads((...xs: tf.Tensor[]) => {
        const y = f(...xs);
        scalarValue(y);
        return y;
      })(points);
    } catch (error) {
      if (error instanceof GradientCheckError) throw error;
      throw new GradientCheckError(
        `gradientCheck: tf.grads não conseguiu derivar a função (${describeThrown(error)}). ` +
          "Confira que o resultado depende de todas as entradas, por operações do TensorFlow.js (sem dataSync()/arraySync() no meio).",
        { cause: error },
      );
    }
    return gradients.map((gradient) => gradient.dataSync() as Float32Array);
  });
}

/** All coordinates when there are few; otherwise a seeded sample, ascending. */
function chooseCoordinates(size: number, max: number, random: ReturnType<typeof seededRandom>): number[] {
  const all = Array.from({ length: size }, (_, k) => k);
  if (size <= max) return all;
  return random.shuffled(all).slice(0, max).sort((a, b) => a - b);
}

function compare(a: readonly number[], b: readonly number[]): { relativeError: number; maxAbsoluteError: number } {
  let difference = 0;
  let normA = 0;
  let normB = 0;
  let maxAbsoluteError = 0;
  a.forEach((value, k) => {
    const other = b[k] as number;
    difference += (value - other) ** 2;
    normA += value ** 2;
    normB += other ** 2;
    maxAbsoluteError = Math.max(maxAbsoluteError, Math.abs(value - other));
  });
  const scale = Math.sqrt(Math.max(normA, normB));
  const relativeError = scale === 0 ? 0 : Math.sqrt(difference) / scale;
  return { relativeError: Number.isNaN(relativeError) ? Infinity : relativeError, maxAbsoluteError };
}

/** 3,1e-6 (Portuguese decimal comma). */
function formatError(value: number): string {
  return Number.isFinite(value) ? value.toExponential(1).replace(".", ",") : String(value);
}

function verdictOf(ok: boolean, checks: readonly InputGradientCheck[], settings: typeof DEFAULTS): string {
  const checked = checks.reduce((sum, check) => sum + check.coordinates.length, 0);
  const total = checks.reduce((sum, check) => sum + check.shape.reduce((n, d) => n * d, 1), 0);
  const method =
    `diferenças finitas centrais com ε = ${formatError(settings.epsilon)}, ` +
    (checked === total ? `em todas as ${total} coordenadas` : `em ${checked} de ${total} coordenadas (sorteadas com semente ${settings.seed})`);
  const worst = checks.reduce((a, b) => (b.relativeError > a.relativeError ? b : a));
  if (ok) {
    return `✔ O gradiente confere: erro relativo ${formatError(worst.relativeError)} (tolerância ${formatError(settings.tolerance)}), ${method}.`;
  }
  const wrong = checks.filter((check) => check.relativeError > settings.tolerance);
  const which = wrong.map((check) => `entrada ${check.index} (forma [${check.shape.join(", ")}]): ${formatError(check.relativeError)}`).join("; ");
  return (
    `✘ O gradiente NÃO confere: erro relativo acima da tolerância ${formatError(settings.tolerance)} — ${which}; ${method}. ` +
    "A diferenciação automática e as diferenças finitas discordam: confira a função (é derivável nesse ponto? usa operações sem gradiente?), " +
    "tente outro ε, ou compare com o backend cpu (REDES_NEURAIS_BACKEND=cpu)."
  );
}
