/**
 * Exercise checkers of notebook 07 (pretrained convnets): they say right or wrong and give
 * a hint, never the answer. Parameter counts and shapes are whole numbers, compared exactly.
 */
import { VGG16_BLOCKS } from "../pretrained/vgg16";
import { isUnanswered, notAnsweredYet, rightAnswer, wrongAnswer, type ExerciseCheck } from "./exercise-check";
import { numberAnswerProblem } from "./number-answer";

/** Parameters of each VGG16 convolution, by Keras layer name: 3·3·(input channels)·filters + filters. */
function vgg16ConvolutionParameters(): Map<string, { parameters: number; inputChannels: number; filters: number }> {
  const table = new Map<string, { parameters: number; inputChannels: number; filters: number }>();
  let channels = 3;
  VGG16_BLOCKS.forEach(({ convolutions, filters }, b) => {
    for (let c = 1; c <= convolutions; c++) {
      table.set(`block${b + 1}_conv${c}`, { parameters: 3 * 3 * channels * filters + filters, inputChannels: channels, filters });
      channels = filters;
    }
  });
  return table;
}

/**
 * Exercise: how many parameters (weights + biases) has the VGG16 layer `layerName`?
 *
 * @param layerName A convolution of VGG16, e.g. "block4_conv1".
 * @param answer The student's number (`undefined` while unanswered).
 */
export function checkVgg16LayerParameters(layerName: string, answer: number | undefined): ExerciseCheck {
  const layer = vgg16ConvolutionParameters().get(layerName);
  if (layer === undefined) {
    return wrongAnswer(`"${layerName}" não é uma camada convolucional do VGG16; use um nome como "block4_conv1".`);
  }
  const problem = numberAnswerProblem(answer, `o número de parâmetros de ${layerName}`);
  if (problem !== undefined) return problem;
  if (answer === layer.parameters) {
    return rightAnswer(`Certo: ${layerName} tem ${layer.filters} filtros 3×3 sobre ${layer.inputChannels} canais, mais um viés por filtro.`);
  }
  const withoutBias = layer.parameters - layer.filters;
  const hint =
    answer === withoutBias
      ? "Quase: faltou o viés (bias), um por filtro."
      : answer === 3 * 3 * layer.filters + layer.filters
        ? "Cada filtro 3×3 olha para TODOS os canais da camada anterior, não para um só."
        : `Cada filtro tem 3×3×(canais de entrada) pesos e um viés; quantos canais chegam a ${layerName}? (é o número de filtros da camada anterior)`;
  return wrongAnswer(`${answer} não é o número de parâmetros de ${layerName}. ${hint}`);
}

/**
 * Exercise: what is the shape [altura, largura, canais] of VGG16's output (without top) for
 * square RGB images of `inputSize` pixels?
 */
export function checkVgg16OutputShape(inputSize: number, answer: number[] | undefined): ExerciseCheck {
  if (isUnanswered(answer)) return notAnsweredYet(`a forma da saída para imagens ${inputSize}×${inputSize}`);
  const side = Math.floor(inputSize / 32);
  if (!Array.isArray(answer) || answer.length !== 3) {
    return wrongAnswer(`Responda com três números, [altura, largura, canais]; recebi ${JSON.stringify(answer)}.`);
  }
  const [height, width, channels] = answer;
  if (height === side && width === side && channels === 512) {
    return rightAnswer(`Certo: cinco poolings 2×2 dividem ${inputSize} por 32 (com arredondamento para baixo), e o bloco 5 tem 512 filtros.`);
  }
  const hints: string[] = [];
  if (channels !== 512) hints.push("o número de canais da saída é o número de filtros da última convolução");
  if (height !== side || width !== side) hints.push("cada um dos cinco poolings 2×2 divide altura e largura por 2, arredondando para baixo; as convoluções \"same\" não mudam o tamanho");
  return wrongAnswer(`[${answer.join(", ")}] não é a forma da saída. Dica: ${hints.join("; ")}.`);
}
