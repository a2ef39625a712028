// @ts-check
/**
 * @typedef {object} SetupStep
 * @property {string} upToDate  what is said when the step has nothing to do
 * @property {() => boolean} isUpToDate  cheap check (no network, no compiler)
 * @property {(options: {force: boolean, say: (message: string) => void}) => void} apply
 *   does the work; throws SetupError with what to do when it cannot
 */
export {};
