import type { Figure } from "./figure";

/** Somewhere a figure can be shown: a notebook output, a browser tab, a test's recorder. */
export type FigureSink = (figure: Figure) => void;
