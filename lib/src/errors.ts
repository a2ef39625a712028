/**
 * The root of every error the course library throws on purpose.
 *
 * Each concept keeps its own error classes beside it (for example
 * `NativeBackendUnavailableError` in `backend/`), all extending {@link CourseError}, so a
 * notebook can tell "the library refused this, with an explanation" from a bug.
 * Messages are in Brazilian Portuguese and say what was expected, what arrived and what
 * to do about it.
 *
 * Pattern from sindresorhus/ky (`HTTPError`, `isHTTPError`): one class per concept under a
 * common base, `override name`, an optional `cause`.
 */
export class CourseError extends Error {
  override name = "CourseError";
}

/**
 * Tells whether `value` is an error thrown on purpose by the course library.
 *
 * @param value Anything caught by a `catch`.
 * @returns `true` for any {@link CourseError} (including its subclasses). A process loads
 *   one copy of the library (lib/package.json "exports"), so `instanceof` answers.
 */
export function isCourseError(value: unknown): value is CourseError {
  return value instanceof CourseError;
}

/**
 * A one-line description of something thrown, for messages that quote a cause
 * (`error.message` for errors, `String(value)` for anything else).
 */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) {
    return value.message.trim() === "" ? value.name : value.message.trim();
  }
  return String(value);
}
