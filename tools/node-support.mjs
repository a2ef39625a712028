// @ts-check
/**
 * Which Node.js versions the course supports, and until when: the one list that the set-up
 * (tools/setup/prerequisites.mjs), `npm run doctor` (tools/doctor/probes.ts), the CI matrix
 * (.ci/run) and the README follow. Node's release schedule: even majors become LTS and
 * reach end of life 30 months after release (April of their third year); odd majors live
 * about 8 months. Every supported major is tested by .ci/run.
 */

/** The majors the course is tested on, with the day each one stops getting fixes. */
export const SUPPORTED_NODE_MAJORS = Object.freeze({
  20: "2026-04-30",
  22: "2027-04-30",
  24: "2028-04-30",
  26: "2029-04-30",
});

/** The major to recommend to someone installing Node.js today (the newest LTS tested here). */
export const RECOMMENDED_NODE_MAJOR = 24;

/**
 * @typedef {object} NodeSupport
 * @property {number} major
 * @property {"supported" | "end-of-life" | "untested" | "too-old"} status
 *   `end-of-life`: tested and still working, but no longer maintained by Node.js;
 *   `untested`: newer or odd major the course was not tested on; `too-old`: below 20.
 * @property {string} message pt-BR, what it means and what to do (empty when supported)
 */

/**
 * @param {string} version e.g. "24.22.3" or "v24.22.3"
 * @param {Date} today
 * @returns {NodeSupport}
 */
export function nodeSupport(version, today = new Date()) {
  const major = Number(version.replace(/^v/, "").split(".")[0]);
  const tested = Object.keys(SUPPORTED_NODE_MAJORS).map(Number);
  const list = tested.join(", ");
  const install = `instale o Node.js ${RECOMMENDED_NODE_MAJOR} LTS (https://nodejs.org, \`nvm install ${RECOMMENDED_NODE_MAJOR}\` ou \`conda install nodejs=${RECOMMENDED_NODE_MAJOR}\`) e rode \`npm run setup\``;
  if (!Number.isInteger(major) || major < Math.min(...tested)) {
    return { major, status: "too-old", message: `Node.js ${version} é antigo demais: o curso precisa de uma das versões ${list}; ${install}.` };
  }
  const endOfLife = /** @type {Record<number, string>} */ (SUPPORTED_NODE_MAJORS)[major];
  if (endOfLife === undefined) {
    return {
      major,
      status: "untested",
      message: `Node.js ${version} não é uma das versões testadas pelo curso (${list}); deve funcionar, mas se algo falhar, ${install}.`,
    };
  }
  if (today.getTime() > Date.parse(`${endOfLife}T23:59:59Z`)) {
    return {
      major,
      status: "end-of-life",
      message: `Node.js ${major} chegou ao fim da vida em ${endOfLife} (sem correções de segurança); o curso ainda roda nele, mas ${install}.`,
    };
  }
  return { major, status: "supported", message: "" };
}

/**
 * The notebooks one Node.js major of a CI matrix runs: with several majors, each takes every
 * `count`-th notebook (round robin in course order), so every notebook runs on one of the
 * newer majors and all of them on the machine's own Node (npm test); the library's tests and
 * the stop-button test run on every major (tools/node-matrix.mjs).
 * @param {readonly string[]} notebookFiles e.g. ["00_o_ambiente.ipynb", …]
 * @param {number} index this major's position in the matrix (0-based)
 * @param {number} count how many majors the matrix has
 * @returns {string[]} the two-digit numbers, e.g. ["00", "02", …]
 */
export function notebookShare(notebookFiles, index, count) {
  const numbers = notebookFiles
    .map((file) => /^(\d\d)_.*\.ipynb$/.exec(file)?.[1])
    .filter((number) => number !== undefined)
    .sort();
  return numbers.filter((_, position) => position % count === index);
}
