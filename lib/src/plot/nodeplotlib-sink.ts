import type { Figure } from "./figure";
import type { FigureSink } from "./figure-sink";
import { plainFigure } from "./plain-figure";

/** nodeplotlib 1.1.2's `plot(data, layout, config)`, loosely typed. */
export type NodeplotlibPlot = (data: object[], layout?: object, config?: object) => void;

/**
 * Shows figures with nodeplotlib, for plain Node scripts: it starts a local web server
 * (random port, all interfaces) and opens the browser, which loads plotly.js from a CDN.
 * The server keeps the script running until the browser tab is closed.
 * It draws nothing in a notebook or a handout (docs/arquitetura.md §6).
 *
 * @param loadPlot Returns nodeplotlib's `plot`; loaded lazily because nodeplotlib brings
 *   a whole NestJS server. Tests pass a recorder.
 */
export function createNodeplotlibSink(loadPlot: () => NodeplotlibPlot = loadNodeplotlib): FigureSink {
  return (figure: Figure) => {
    const plain = plainFigure(figure);
    loadPlot()(plain.data as object[], plain.layout, plain.config);
  };
}

function loadNodeplotlib(): NodeplotlibPlot {
  const nodeplotlib = require("nodeplotlib") as typeof import("nodeplotlib");
  return nodeplotlib.plot as unknown as NodeplotlibPlot;
}
