/**
 * Figures of small images in a grid (galaxies, digits, filters, feature maps), and the
 * conversion of conv tensors into such images.
 */
import type { Figure } from "../plot/figure";
import * as tf from "../tf";
import { CourseError } from "../errors";

/** A grid of images cannot be drawn from what arrived. */
export class ImageGridError extends CourseError {
  override name = "ImageGridError";
}

export interface ImageGridOptions {
  /** Images per row (default: all in one row, at most 8). */
  columns?: number;
  /** One caption per image. */
  titles?: readonly string[];
  /** Figure title. */
  title?: string;
  /** Plotly colour scale (default "Greys" reversed: bright = white). */
  colorscale?: string;
  /** Size of each image in pixels on screen (default 110). */
  cellSize?: number;
  /** Same colour range for all images (default false: each image scaled to its own range). */
  sharedRange?: boolean;
}

/**
 * One figure with the images as heatmaps side by side, row 0 of each image on top.
 *
 * @param images Each image as rows of numbers.
 * @throws {ImageGridError} When there are no images or the titles do not match.
 */
export function imageGridFigure(images: readonly (readonly (readonly number[])[])[], options: ImageGridOptions = {}): Figure {
  if (images.length === 0) throw new ImageGridError("imageGridFigure: recebi uma lista vazia de imagens.");
  if (options.titles && options.titles.length !== images.length) {
    throw new ImageGridError(`imageGridFigure: ${images.length} imagens mas ${options.titles.length} títulos; passe um título por imagem.`);
  }
  const columns = Math.min(options.columns ?? Math.min(images.length, 8), images.length);
  const rows = Math.ceil(images.length / columns);
  const cell = options.cellSize ?? 110;
  let low = Infinity, high = -Infinity;
  for (const image of images) for (const row of image) for (const v of row) { low = Math.min(low, v); high = Math.max(high, v); }
  const data: Figure["data"] = images.map((image, i) => ({
    type: "heatmap",
    z: image.map((row) => [...row]),
    colorscale: (options.colorscale ?? "Greys") as never,
    reversescale: options.colorscale === undefined,
    showscale: false,
    xaxis: `x${i + 1}`,
    yaxis: `y${i + 1}`,
    ...(options.sharedRange ? { zmin: low, zmax: high } : {}),
    hovertemplate: "x=%{x}, y=%{y}: %{z:.3f}<extra></extra>",
  }));
  const layout: Record<string, unknown> = {
    grid: { rows, columns, pattern: "independent" },
    width: Math.max(columns * cell + 40, 250),
    height: rows * (cell + (options.titles ? 22 : 4)) + (options.title ? 50 : 20),
    margin: { l: 10, r: 10, t: options.title ? 50 : 20, b: 10 },
    ...(options.title ? { title: { text: options.title } } : {}),
    annotations: (options.titles ?? []).map((text, i) => ({
      text, showarrow: false, xref: `x${i + 1} domain`, yref: `y${i + 1} domain`, x: 0.5, y: 1, yanchor: "bottom", font: { size: 11 },
    })),
  };
  images.forEach((_, i) => {
    layout[`xaxis${i + 1}`] = { visible: false, constrain: "domain" };
    layout[`yaxis${i + 1}`] = { visible: false, autorange: "reversed", scaleanchor: `x${i + 1}`, constrain: "domain" };
  });
  return { data, layout: layout as Figure["layout"] };
}

/**
 * The channels of one feature map as images: `maps` of shape [batch, h, w, channels]
 * (e.g. a conv layer's output), element `index` of the batch.
 */
export function featureMapImages(maps: tf.Tensor, index = 0): number[][][] {
  if (maps.rank !== 4) throw new ImageGridError(`featureMapImages: esperava um tensor [lote, altura, largura, canais]; recebi forma [${maps.shape.join(", ")}].`);
  const one = tf.tidy(() => tf.transpose(maps.slice([index, 0, 0, 0], [1, -1, -1, -1]).squeeze([0]), [2, 0, 1]));
  const images = one.arraySync() as number[][][];
  one.dispose();
  return images;
}

/**
 * The filters of a conv kernel as images: `kernel` of shape [k, k, inputChannels,
 * filters] (a conv2d layer's first weight), for one input channel.
 */
export function filterImages(kernel: tf.Tensor, inputChannel = 0): number[][][] {
  if (kernel.rank !== 4) throw new ImageGridError(`filterImages: esperava um núcleo [k, k, canais, filtros]; recebi forma [${kernel.shape.join(", ")}].`);
  const one = tf.tidy(() => tf.transpose(kernel.slice([0, 0, inputChannel, 0], [-1, -1, 1, -1]).squeeze([2]), [2, 0, 1]));
  const images = one.arraySync() as number[][][];
  one.dispose();
  return images;
}
