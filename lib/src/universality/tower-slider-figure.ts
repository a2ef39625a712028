import { evenlySpaced } from "../activations/activation-figure";
import { formatValue } from "../diagrams/diagram-text";
import type { Figure } from "../plot/figure";
import { checkTowers, unsafeTowerOutput, type Tower, type TowerSteepness } from "./tower-network";
import { InvalidApproximationError } from "./universality-errors";

/** Options of {@link towerSliderFigure}. */
export interface TowerSliderOptions {
  /** The network's towers (lib/src/universality/tower-network.ts). */
  towers: readonly Tower[];
  /** Which tower the slider changes (default 0). */
  moving?: number;
  /** What the slider changes: the tower's centre in x, its centre in y (width kept) or its height. */
  vary: "x" | "y" | "height";
  /** The slider's values (each one computed in advance). */
  values: readonly number[];
  steepness?: TowerSteepness;
  /** The square drawn (default [0, 1] in x and in y). */
  range?: readonly [number, number];
  /** Grid points per side (default 61). */
  resolution?: number;
}

const VARY_LABELS = { x: "centro x da torre", y: "centro y da torre", height: "altura da torre" } as const;

/** The towers with the moving one changed to `value`. */
function towersAt(towers: readonly Tower[], moving: number, vary: TowerSliderOptions["vary"], value: number): Tower[] {
  return towers.map((tower, index) => {
    if (index !== moving) return tower;
    if (vary === "height") return { ...tower, height: value };
    const [start, end] = tower[vary];
    const half = (end - start) / 2;
    return { ...tower, [vary]: [value - half, value + half] as const };
  });
}

/**
 * An interactive heatmap of the output of a two-input network made of towers (Nielsen's
 * universality in two dimensions), with a slider over the position or the height of one
 * tower. Every frame is computed here, one heatmap per slider value, and the slider only
 * switches which one is visible: the figure also works in a static HTML handout.
 *
 * @example
 * show(towerSliderFigure({ towers: [{ x: [0.2, 0.4], y: [0.3, 0.6], height: 1 }], vary: "x", values: [0.3, 0.5, 0.7] }));
 * @throws {InvalidApproximationError} For bad towers, an index of tower that does not exist, no values or a bad range.
 */
export function towerSliderFigure(options: TowerSliderOptions): Figure {
  const { towers, vary, values } = options;
  const { step: w, tower: k } = checkTowers(towers, options.steepness);
  const moving = options.moving ?? 0;
  if (!Number.isInteger(moving) || moving < 0 || moving >= towers.length) {
    throw new InvalidApproximationError(`moving deve ser o índice de uma das ${towers.length} torres (0 a ${towers.length - 1}); chegou ${String(moving)}.`);
  }
  if (vary !== "x" && vary !== "y" && vary !== "height") {
    throw new InvalidApproximationError(`O controle deslizante muda "x", "y" ou "height"; chegou ${JSON.stringify(vary)}.`);
  }
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new InvalidApproximationError(
      `Esperava uma lista não vazia de valores finitos para ${VARY_LABELS[vary]}, como [0.3, 0.5, 0.7]; chegou ${JSON.stringify(values)}.`,
    );
  }
  const [start, end] = options.range ?? [0, 1];
  const resolution = options.resolution ?? 61;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 301) {
    throw new InvalidApproximationError(`resolution deve ser um inteiro entre 2 e 301; chegou ${String(resolution)}.`);
  }
  const axis = evenlySpaced(start, end, resolution);
  const frames = values.map((value) => {
    const network = towersAt(towers, moving, vary, value);
    return { network, z: axis.map((y) => axis.map((x) => unsafeTowerOutput(network, x, y, w, k))) };
  });
  const all = frames.flatMap((frame) => frame.z.flat());
  const [zmin, zmax] = [Math.min(0, ...all), Math.max(...all)];
  const active = Math.floor(values.length / 2);
  const title = (network: Tower[]) => {
    const tower = network[moving]!;
    const interval = ([a, b]: readonly [number, number]) => `[${formatValue(a)}; ${formatValue(b)}]`;
    return `Saída da rede: ${moving + 1}ª torre (moving = ${moving}) sobre x ∈ ${interval(tower.x)}, y ∈ ${interval(tower.y)}, altura ${formatValue(tower.height)}`;
  };
  const data = frames.map((frame, index) => ({
    type: "heatmap" as const,
    x: axis,
    y: axis,
    z: frame.z,
    zmin,
    zmax,
    colorscale: "Viridis",
    colorbar: { title: { text: "saída" } },
    visible: index === active,
    hovertemplate: "x = %{x:.2f}<br>y = %{y:.2f}<br>saída = %{z:.3f}<extra></extra>",
  }));
  const steps = frames.map((frame, index) => ({
    label: formatValue(values[index]!),
    method: "update" as const,
    args: [{ visible: frames.map((_, j) => j === index) }, { "title.text": title(frame.network) }],
  }));
  return {
    data,
    layout: {
      title: { text: title(frames[active]!.network), font: { size: 14 } },
      xaxis: { title: { text: "x" }, range: [start, end], constrain: "domain" },
      yaxis: { title: { text: "y" }, range: [start, end], scaleanchor: "x" },
      width: 560,
      height: 560,
      margin: { b: 120 },
      sliders: [{ active, currentvalue: { prefix: `${VARY_LABELS[vary]} = ` }, pad: { t: 50 }, steps }],
    },
  };
}
